// When a first build of the queue shows the articles it has read so far: once there is a screenful
// (or soon after it began), then now and then until it ends, so the pane does not wait for the vault.

import type { Clock } from "../batch/yielder";

const FIRST_SCREEN_ITEMS = 40;
const FIRST_SCREEN_MS = 200;
/** Each showing re-sorts the whole list in the view: not more often than this. */
const PROGRESS_MS = 1000;

export class FirstScreen<T> {
	private readonly started: number;
	private shown: number | null = null;

	constructor(
		private readonly clock: Clock,
		private readonly show: (found: ReadonlyMap<string, T>) => void,
	) {
		this.started = clock.now();
	}

	/** Call after each note read. */
	offer(found: ReadonlyMap<string, T>): void {
		if (found.size === 0) return;
		const now = this.clock.now();
		const due = this.shown === null ? found.size >= FIRST_SCREEN_ITEMS || now - this.started >= FIRST_SCREEN_MS : now - this.shown >= PROGRESS_MS;
		if (!due) return;
		this.show(found);
		this.shown = now;
	}
}
