// The one way a batch is undone: each note is put back only if it still holds what the tidy wrote;
// notes edited since are left, and their entries kept as the only copy of their previous text.

import { decideRestore, entriesByNote } from "./restore";
import type { Journal, JournalEntry } from "./journal";
import { asNoteLeft, NoteGoneError, type NoteStore } from "./noteStore";
import { undoCreated, wasCreated, type CreatedFiles } from "./undoCreated";

export interface UndoOutcome {
	label: string;
	startedAt: number;
	/** The batch's journal file, which keeps the entries of the notes left. */
	file: string;
	restored: string[];
	/** Files the batch created (imported notes, copied PDFs), removed. */
	removed: string[];
	/**
	 * Notes left as they are, with the reason as a sentence; their entries stay in the journal. `edited`:
	 * left by the user's doing (edited, moved or deleted since), not because undo could not write it.
	 */
	skipped: Array<{ path: string; reason: string; edited: boolean; damaged?: true }>;
	/**
	 * Some notes could not be put back for a reason the user can put right (read-only, a full disk): the
	 * batch, holding only what is left, stays the one undo takes, so undoing again puts them back.
	 */
	incomplete: boolean;
	/** Lines of the batch's file that could not be read (cut short or changed by hand), and so not undone. */
	unreadableEntries: number;
	dryRun: boolean;
}

export const EDITED_SINCE = "It was edited after it was tidied, so it was left as it is.";

export const DAMAGED_ENTRY = "Its journal entry does not rebuild the text it held before (the journal was changed or cut), so it was left as it is.";

export const LINKED_FROM_KEPT = "A note this undo left as it is links to it, so it was kept.";

async function keptTexts(store: NoteStore, paths: string[]): Promise<string[]> {
	// Stryker disable next-line ArrayDeclaration: a text that does not name the file links to nothing
	const texts: string[] = [];
	// Stryker disable next-line StringLiteral: a note that cannot be read links to nothing; any text without the file's name would do
	for (const path of paths) texts.push(await store.read(path).catch(() => ""));
	return texts;
}

/** Whether `text` may link to `file`: its name as written, percent-encoded or not (a guess that errs on keeping). */
function mayLinkTo(text: string, file: string): boolean {
	const name = file.split("/").pop() ?? file;
	return text.includes(name) || text.includes(encodeURI(name)) || text.includes(encodeURIComponent(name));
}

export async function undoBatch(journal: Journal, store: NoteStore, options: { dryRun?: boolean; created?: CreatedFiles } = {}): Promise<UndoOutcome | null> {
	const batch = await journal.latest();
	if (!batch) return null;
	const dryRun = options.dryRun ?? false;
	const outcome: UndoOutcome = { label: batch.label, startedAt: batch.startedAt, file: batch.file, restored: [], removed: [], skipped: [], incomplete: false, unreadableEntries: batch.unreadable ?? 0, dryRun };
	const kept: JournalEntry[] = [];
	const leave = (path: string, entries: JournalEntry[], reason: string, edited: boolean, damaged = false) => {
		outcome.skipped.push(damaged ? { path, reason, edited, damaged } : { path, reason, edited });
		kept.push(...[...entries].reverse());
	};
	const takeBack = async (path: string, entries: JournalEntry[]) => {
		const created = await undoCreated(path, entries, store, options.created, dryRun);
		if (created.kind === "removed") outcome.removed.push(path);
		if (created.kind === "left") leave(path, entries, created.reason, created.edited);
	};
	// Files that are not notes (images, PDFs) go last: one a kept note still links to stays.
	const binaries: Array<[string, JournalEntry[]]> = [];
	for (const [path, entries] of entriesByNote(batch.entries)) {
		if (wasCreated(entries)) {
			if (entries[0].binary) binaries.push([path, entries]);
			else await takeBack(path, entries);
			continue;
		}
		let current: string;
		try {
			current = await store.read(path);
		} catch (error) {
			leave(path, entries, asNoteLeft(error).message, error instanceof NoteGoneError);
			continue;
		}
		const decision = decideRestore(current, entries);
		if (decision.kind === "edited") leave(path, entries, EDITED_SINCE, true);
		if (decision.kind === "damaged") leave(path, entries, DAMAGED_ENTRY, false, true);
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
	// A note left for good (edited since, or its entry damaged) keeps the files it links to.
	const linkedFrom = await keptTexts(store, outcome.skipped.filter((s) => s.edited || s.damaged).map((s) => s.path));
	for (const [path, entries] of binaries) {
		if (linkedFrom.some((text) => mayLinkTo(text, path))) leave(path, entries, LINKED_FROM_KEPT, true);
		else await takeBack(path, entries);
	}
	// Trying again would not mend a damaged entry: like an edit since, it does not hold the batch open.
	outcome.incomplete = outcome.skipped.some((s) => !s.edited && !s.damaged);
	if (!dryRun) await journal.markUndone(batch, kept, outcome.incomplete);
	return outcome;
}
