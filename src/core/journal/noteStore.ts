// The port through which tidy-and-record and undo read and replace notes: the plugin implements it
// over the Vault, the CLI over the file system.

import type { ProblemCode } from "../report";

export interface NoteStore {
	/** The note's current text. Throws `NoteLeftError` when it cannot or may not be read. */
	read(path: string): Promise<string>;
	/**
	 * Called once a note is known to change, before its journal entry is written: throws `NoteLeftError`
	 * when the note must be left as it is (read-only, its owner could not be kept...).
	 */
	checkWritable?(path: string): Promise<void>;
	/**
	 * Replace the note with `text` only if it still holds `expected` (what was read); false when it
	 * changed in between, so the caller reads it again. Throws `NoteLeftError` when it cannot be written.
	 */
	replace(path: string, expected: string, text: string): Promise<boolean>;
	/**
	 * At the end of a batch: the notes whose replacement an edit still reached (it was put back in place
	 * of the written text). Stores that replace a note in one step have none.
	 */
	settle?(): Promise<string[]>;
}

/** A note left as it was, with the reason as a sentence a user understands. */
export class NoteLeftError extends Error {
	constructor(
		readonly code: Extract<ProblemCode, "unreadable-file" | "unwritable-file">,
		message: string,
	) {
		super(message);
		this.name = "NoteLeftError";
	}
}

/** The note is not where the journal says (moved or deleted since): the user's doing, nothing to put back into. */
export class NoteGoneError extends NoteLeftError {
	constructor(message: string) {
		super("unreadable-file", message);
		this.name = "NoteGoneError";
	}
}

/** Any error as a note-left reason; errors that are not ours become "could not be written". */
export function asNoteLeft(error: unknown): NoteLeftError {
	if (error instanceof NoteLeftError) return error;
	const reason = error instanceof Error ? error.message : String(error);
	return new NoteLeftError("unwritable-file", `The note could not be written: ${reason}. It was left as it was.`);
}
