// The one way a batch is undone: each note is put back only if it still holds what the tidy wrote;
// notes edited since are left, and their entries kept as the only copy of their previous text.

import { decideRestore, entriesByNote } from "./restore";
import type { Journal, JournalEntry } from "./journal";
import { asNoteLeft, type NoteStore } from "./noteStore";
import { undoCreated, wasCreated, type CreatedFiles } from "./undoCreated";

export interface UndoOutcome {
	label: string;
	startedAt: number;
	/** The batch's journal file, which keeps the entries of the notes left. */
	file: string;
	restored: string[];
	/** Files the batch created (imported notes, copied PDFs), removed. */
	removed: string[];
	/** Notes left as they are, with the reason as a sentence; `kept` when their entry stays in the journal. */
	skipped: Array<{ path: string; reason: string; edited: boolean }>;
	dryRun: boolean;
}

export const EDITED_SINCE = "It was edited after it was tidied, so it was left as it is.";

export async function undoBatch(journal: Journal, store: NoteStore, options: { dryRun?: boolean; created?: CreatedFiles } = {}): Promise<UndoOutcome | null> {
	const batch = await journal.latest();
	if (!batch) return null;
	const dryRun = options.dryRun ?? false;
	const outcome: UndoOutcome = { label: batch.label, startedAt: batch.startedAt, file: batch.file, restored: [], removed: [], skipped: [], dryRun };
	const kept: JournalEntry[] = [];
	const leave = (path: string, entries: JournalEntry[], reason: string, edited: boolean) => {
		outcome.skipped.push({ path, reason, edited });
		kept.push(...[...entries].reverse());
	};
	for (const [path, entries] of entriesByNote(batch.entries)) {
		if (wasCreated(entries)) {
			const created = await undoCreated(path, entries, store, options.created, dryRun);
			if (created.kind === "removed") outcome.removed.push(path);
			if (created.kind === "left") leave(path, entries, created.reason, created.edited);
			continue;
		}
		let current: string;
		try {
			current = await store.read(path);
		} catch (error) {
			leave(path, entries, asNoteLeft(error).message, false);
			continue;
		}
		const decision = decideRestore(current, entries);
		if (decision.kind === "edited") leave(path, entries, EDITED_SINCE, true);
		if (decision.kind !== "restore") continue;
		try {
			// Read-only since, or hard-linked since: left, like a tidy would leave it.
			await store.checkWritable?.(path);
			if (dryRun || (await store.replace(path, current, decision.text))) outcome.restored.push(path);
			else leave(path, entries, EDITED_SINCE, true);
		} catch (error) {
			leave(path, entries, asNoteLeft(error).message, false);
		}
	}
	const byPath = entriesByNote(batch.entries);
	for (const path of (await store.settle?.()) ?? []) {
		// An edit reached the note as it was restored, and was put back: it counts as edited since.
		outcome.restored = outcome.restored.filter((p) => p !== path);
		leave(path, byPath.get(path) ?? [], EDITED_SINCE, true);
	}
	if (!dryRun) await journal.markUndone(batch, kept);
	return outcome;
}
