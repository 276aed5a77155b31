// Keeps long runs from freezing Obsidian: gives the UI a turn whenever a stretch of work gets long.

export interface Clock {
	now(): number;
	/** Let the UI render and handle input before work continues. */
	yieldToUi(): Promise<void>;
}

export const browserClock: Clock = {
	now: () => performance.now(),
	yieldToUi: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
};

export class Yielder {
	private last: number;
	/** The longest stretch between two yields so far, in milliseconds. */
	maxStretch = 0;

	constructor(
		private readonly clock: Clock,
		private readonly budgetMs = 25,
	) {
		this.last = clock.now();
	}

	/** Call between units of work. */
	async maybeYield(): Promise<void> {
		if (this.due()) await this.yieldNow();
	}

	/** Whether the stretch of work has grown long: a loop over many small units asks this before awaiting `yieldNow`, which costs each unit a turn of the event loop's microtasks. */
	due(): boolean {
		return this.clock.now() - this.last >= this.budgetMs;
	}

	async yieldNow(): Promise<void> {
		this.maxStretch = Math.max(this.maxStretch, this.clock.now() - this.last);
		await this.clock.yieldToUi();
		this.last = this.clock.now();
	}

	/** Record the final stretch when the run ends. */
	finish(): void {
		this.maxStretch = Math.max(this.maxStretch, this.clock.now() - this.last);
	}
}
