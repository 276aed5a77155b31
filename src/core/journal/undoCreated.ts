// Undo of a file a run created (an imported note or a copied PDF): removed only while it still holds
// exactly what was written, so a note the user edited since is never deleted.

import type { JournalEntry } from "./journal";
import { decideRestore } from "./restore";
import { asNoteLeft, type NoteStore } from "./noteStore";

/** What undo needs besides the note store to take back created files. */
export interface CreatedFiles {
	exists(path: string): Promise<boolean>;
	readBytes(path: string): Promise<Uint8Array>;
	/** Throws, saying why, when the file must be kept; asked in a dry run too, so it says what undo would do. */
	checkRemovable?(path: string): void;
	/** Remove the file (the plugin moves it to the trash the user chose). */
	remove(path: string): Promise<void>;
	/** Remove a folder the run created if it is empty; false when it holds anything or is gone. */
	removeFolderIfEmpty?(path: string): Promise<boolean>;
	/** Every note of the vault with its text, read for links before a created image or PDF is removed. */
	noteTexts?(): AsyncIterable<{ path: string; text: string }>;
}

export const EDITED_SINCE_CREATED = "It was changed after this run created it, so it was kept.";

export type CreatedOutcome = { kind: "removed" } | { kind: "gone" } | { kind: "left"; reason: string; edited: boolean };

/** Whether a note's entries (newest first, never none) begin with its creation. */
export function wasCreated(entries: readonly JournalEntry[]): boolean {
	return entries[entries.length - 1].created === true;
}

export async function undoCreated(path: string, entries: JournalEntry[], store: NoteStore, files: CreatedFiles | undefined, dryRun: boolean): Promise<CreatedOutcome> {
	if (!files) return { kind: "left", reason: "This front end cannot remove files; it was left.", edited: false };
	try {
		// Deleted since: nothing is left to undo.
		if (!(await files.exists(path))) return { kind: "gone" };
		const current = entries[0].binary ? await files.readBytes(path) : await store.read(path);
		const decision = decideRestore(current, entries);
		if (decision.kind !== "remove") return { kind: "left", reason: EDITED_SINCE_CREATED, edited: true };
		files.checkRemovable?.(path);
		if (!dryRun) await files.remove(path);
		return { kind: "removed" };
	} catch (error) {
		return { kind: "left", reason: asNoteLeft(error).message, edited: false };
	}
}
