// A journal batch opened on first use and reopened when it was undone, discarded or failed to open,
// so later writes always land in a batch undo can find.

import type { Journal, JournalBatchWriter } from "./journal";

export class LazyBatch {
	private writer: Promise<JournalBatchWriter> | null = null;

	constructor(
		private readonly journal: Journal,
		private readonly label: string,
	) {}

	async get(): Promise<JournalBatchWriter> {
		const current = await this.opened();
		if (current?.open) return current;
		const opening = this.journal.begin(this.label);
		this.writer = opening;
		// A batch that failed to open reads as none (below), so the next write tries a new one; the
		// caller of this write sees the error.
		opening.catch(() => undefined);
		return opening;
	}

	/** The batch opened so far, if any (none when it failed to open). */
	async opened(): Promise<JournalBatchWriter | null> {
		return this.writer ? this.writer.catch(() => null) : null;
	}

	/** Forget the batch: the next write starts a new one. */
	reset(): void {
		this.writer = null;
	}
}
