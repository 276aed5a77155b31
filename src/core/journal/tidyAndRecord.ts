// The one way a note is tidied and written: read, tidy, journal the previous text, then replace the
// note only if it still holds what was read; otherwise read and tidy it again.

import type { TidyResult } from "../tidy";
import type { EntryRecorder } from "./journal";
import { NoteLeftError, type NoteStore } from "./noteStore";

export interface TidyRecorded {
	/** What the engine made of the note as it was written (or as it stands, when nothing changed). */
	result: TidyResult;
	/** The text `result` was made from: the note as read last. */
	before: string;
	written: boolean;
}

// An edit landing between each read and write three times in a row: someone is typing in the note.
const ATTEMPTS = 3;

/**
 * `openJournal` is called only when there is something to write, so a run that writes nothing leaves
 * no batch; the entry is on disk before the note is replaced, so undo can always put it back.
 * `firstText` spares a read when the caller already holds the note's text.
 */
export async function tidyAndRecord(
	store: NoteStore,
	path: string,
	transform: (text: string) => TidyResult,
	openJournal: () => Promise<EntryRecorder>,
	firstText?: string,
): Promise<TidyRecorded> {
	let text = firstText ?? (await store.read(path));
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		if (attempt > 0) text = await store.read(path);
		const result = transform(text);
		if (!result.report.changed) return { result, before: text, written: false };
		await store.checkWritable?.(path);
		const journal = await openJournal();
		await journal.record(path, text, result.text, result.report.changes);
		if (await store.replace(path, text, result.text)) return { result, before: text, written: true };
	}
	throw new NoteLeftError("unwritable-file", "The note kept changing while it was being tidied; it was left as it was.");
}
