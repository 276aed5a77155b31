// A journal batch opened on first use and reopened when it was undone, discarded or failed to open,
// so later writes always land in a batch undo can find.

import type { Change } from "../report";
import type { EntryRecorder, Journal, JournalBatchWriter } from "./journal";

export class LazyBatch implements EntryRecorder {
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

	/**
	 * Records an entry in the batch. A batch closed meanwhile (undone) or whose file is gone (the
	 * journal folder was deleted) is replaced by a new one, once: the entry then lands where undo finds it.
	 */
	async record(path: string, before: string, after: string, changes?: Change[]): Promise<void> {
		const writer = await this.get();
		try {
			await writer.record(path, before, after, changes);
		} catch (error) {
			if (writer.open && (await this.journal.holds(writer.file))) throw error;
			this.reset();
			await (await this.get()).record(path, before, after, changes);
		}
	}

	/** Forget the batch: the next write starts a new one. */
	reset(): void {
		this.writer = null;
	}
}
