// The one way a batch is undone: each note is put back only if it still holds what the tidy wrote;
// notes edited since are left, and their entries kept as the only copy of their previous text.

import { decideRestore, entriesByNote } from "./restore";
import type { Journal, JournalEntry } from "./journal";
import { asNoteLeft, NoteGoneError, type NoteStore } from "./noteStore";
import { LinkedFiles } from "./linkedFiles";
import { undoCreated, wasCreated, type CreatedFiles } from "./undoCreated";

export interface UndoOutcome {
	label: string;
	startedAt: number;
	/** The batch's journal file, which keeps the entries of the notes left. */
	file: string;
	restored: string[];
	/** Files the batch created (imported notes, copied PDFs), removed. */
	removed: string[];
	/** Files the batch created that were no longer where it put them (deleted, moved or renamed since): nothing removed. */
	gone: string[];
	/**
	 * Notes left as they are, with the reason as a sentence; their entries stay in the journal. `edited`:
	 * left by the user's doing (edited, moved or deleted since), not because undo could not write it.
	 * `created`: a file the run created, which had no text before it.
	 */
	skipped: Array<{ path: string; reason: string; edited: boolean; damaged?: true; created?: true }>;
	/**
	 * Some notes could not be put back for a reason the user can put right (read-only, a full disk): the
	 * batch, holding only what is left, stays the one undo takes, so undoing again puts them back.
	 */
	incomplete: boolean;
	/** Lines of the batch's file that could not be read (cut short or changed by hand), and so not undone. */
	unreadableEntries: number;
	dryRun: boolean;
}

export const EDITED_SINCE = "It was edited after this run wrote it, so it was left as it is.";

export const DAMAGED_ENTRY = "Its journal entry does not rebuild the text it held before (the journal was changed or cut), so it was left as it is.";

/** Why a file the run created was kept: `note` still names it. */
export function linkedFromKept(note: string): string {
	return `"${note}" links to it, so it was kept.`;
}

/**
 * For each file the run created that a note left in the vault after this undo still names, the first
 * such note: a note edited since or not put back, a later run's note that took the same image, the
 * user's own. Notes this undo puts back are read as it leaves them (a dry run writes nothing), notes
 * it removes not at all. Without a list of the vault's notes, only the notes this undo left are read.
 */
async function notesNaming(files: string[], store: NoteStore, created: CreatedFiles | undefined, after: { restored: Map<string, string>; removed: string[]; left: string[] }): Promise<Map<string, string>> {
	const namedBy = new Map<string, string>();
	if (files.length === 0) return namedBy;
	const linked = new LinkedFiles(files);
	const skip = new Set([...after.removed, ...files]);
	const look = (note: string, text: string) => {
		if (skip.has(note)) return;
		skip.add(note);
		for (const file of linked.namedIn(after.restored.get(note) ?? text)) if (!namedBy.has(file)) namedBy.set(file, note);
	};
	for await (const { path, text } of created?.noteTexts?.() ?? []) look(path, text);
	// Notes left that the vault's list does not hold (in a folder linked from outside, say).
	// Stryker disable next-line StringLiteral: a note that cannot be read names nothing; any text without the file's name would do
	for (const note of after.left) if (!skip.has(note)) look(note, await store.read(note).catch(() => ""));
	return namedBy;
}

/** The folders the run created for its files, deepest first, each removed if empty; `stays` gets the others. */
async function removeCreatedFolders(entries: JournalEntry[], created: CreatedFiles | undefined, stays: (entry: JournalEntry) => void): Promise<void> {
	const folders = new Map(entries.filter((entry) => entry.folder).map((entry) => [entry.path, entry]));
	// A folder's path is longer than its parent's.
	for (const [path, entry] of [...folders].sort(([a], [b]) => b.length - a.length)) {
		const removed = await (created?.removeFolderIfEmpty?.(path) ?? Promise.resolve(false)).catch(() => false);
		if (!removed) stays(entry);
	}
}

export async function undoBatch(journal: Journal, store: NoteStore, options: { dryRun?: boolean; created?: CreatedFiles } = {}): Promise<UndoOutcome | null> {
	const batch = await journal.latest();
	if (!batch) return null;
	const dryRun = options.dryRun ?? false;
	const outcome: UndoOutcome = { label: batch.label, startedAt: batch.startedAt, file: batch.file, restored: [], removed: [], gone: [], skipped: [], incomplete: false, unreadableEntries: batch.unreadable ?? 0, dryRun };
	const kept: JournalEntry[] = [];
	/** The text each note put back now holds (or, in a dry run, would hold). */
	const restoredTexts = new Map<string, string>();
	const leave = (path: string, entries: JournalEntry[], reason: string, how: { edited: boolean; damaged?: true; created?: true }) => {
		outcome.skipped.push({ path, reason, ...how });
		kept.push(...[...entries].reverse());
	};
	const takeBack = async (path: string, entries: JournalEntry[]) => {
		const created = await undoCreated(path, entries, store, options.created, dryRun);
		if (created.kind === "removed") outcome.removed.push(path);
		if (created.kind === "gone") outcome.gone.push(path);
		if (created.kind === "left") leave(path, entries, created.reason, { edited: created.edited, created: true });
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
			leave(path, entries, asNoteLeft(error).message, { edited: error instanceof NoteGoneError });
			continue;
		}
		const decision = decideRestore(current, entries);
		if (decision.kind === "edited") leave(path, entries, EDITED_SINCE, { edited: true });
		if (decision.kind === "damaged") leave(path, entries, DAMAGED_ENTRY, { edited: false, damaged: true });
		if (decision.kind !== "restore") continue;
		try {
			// Read-only since, or hard-linked since: left, like a tidy would leave it.
			await store.checkWritable?.(path);
			if (dryRun || (await store.replace(path, current, decision.text))) {
				outcome.restored.push(path);
				restoredTexts.set(path, decision.text);
			} else leave(path, entries, EDITED_SINCE, { edited: true });
		} catch (error) {
			leave(path, entries, asNoteLeft(error).message, { edited: false });
		}
	}
	const byPath = entriesByNote(batch.entries);
	for (const path of (await store.settle?.()) ?? []) {
		// An edit reached the note as it was restored, and was put back: it counts as edited since.
		outcome.restored = outcome.restored.filter((p) => p !== path);
		restoredTexts.delete(path);
		leave(path, byPath.get(path) ?? [], EDITED_SINCE, { edited: true });
	}
	// A file the run created that a note still names stays (images outlive the pages they came from).
	const left = outcome.skipped.map((s) => s.path);
	const namedBy = await notesNaming(binaries.map(([path]) => path), store, options.created, { restored: restoredTexts, removed: outcome.removed, left });
	for (const [path, entries] of binaries) {
		const note = namedBy.get(path);
		if (note !== undefined) leave(path, entries, linkedFromKept(note), { edited: true, created: true });
		else await takeBack(path, entries);
	}
	// Trying again would not mend a damaged entry: like an edit since, it does not hold the batch open.
	outcome.incomplete = outcome.skipped.some((s) => !s.edited && !s.damaged);
	if (!dryRun) {
		await removeCreatedFolders(batch.entries, options.created, (entry) => {
			// A folder still holding a file undo could not remove yet goes when that file does.
			if (outcome.incomplete) kept.push(entry);
		});
		await journal.markUndone(batch, kept, outcome.incomplete);
	}
	return outcome;
}
