// Decides what undo writes back into one note, from its journal entries and its current text.

import { hashBytes, hashText } from "../hash";
import { splitNote } from "../note";
import { applyReverseEdits } from "./edits";
import type { JournalEntry } from "./journal";

/** The text an entry replaced, given the text it wrote. */
export function textBefore(entry: JournalEntry, written: string): string {
	return entry.before ?? applyReverseEdits(written, entry.edits ?? []);
}

export type RestoreDecision =
	| { kind: "restore"; text: string }
	/** The note holds what it held before the tidy (a write that never happened): nothing to do. */
	| { kind: "unchanged" }
	/** The note was changed after the tidy wrote it: it is left as it is. */
	| { kind: "edited" }
	/** The run created the file and it still holds what was written: undo removes it. */
	| { kind: "remove" }
	/** The entry does not rebuild the text it recorded (a journal changed or cut by hand): the note is left. */
	| { kind: "damaged" };

/** The text before `entry`, or null when it is not the text the entry recorded (its hash says so). */
function rebuiltBefore(entry: JournalEntry, written: string): string | null {
	const text = textBefore(entry, written);
	return entry.beforeHash === undefined || hashText(text) === entry.beforeHash ? text : null;
}

/**
 * `entries` are one note's entries, newest first. Each is undone in turn while the note still holds
 * exactly what that entry wrote; an older entry that does not match was a write that never happened.
 */
export function decideRestore(current: string | Uint8Array, entries: JournalEntry[]): RestoreDecision {
	// A file that is not text (a PDF the import copied) can only have been created by the run.
	if (typeof current !== "string") return entries[0]?.created && entries[0].binary && hashBytes(current) === entries[0].afterHash ? { kind: "remove" } : { kind: "edited" };
	let text = current;
	let restored = false;
	for (const [i, entry] of entries.entries()) {
		if (entry.created) {
			if (hashText(text) === entry.afterHash) return { kind: "remove" };
			return i === 0 || restored ? { kind: "edited" } : { kind: "unchanged" };
		}
		if (hashText(text) === entry.afterHash) {
			const before = rebuiltBefore(entry, text);
			if (before === null) return { kind: "damaged" };
			text = before;
			restored = true;
		} else if (i === 0) {
			// Still the text before the tidy: a write that never happened.
			const unchanged = entry.beforeHash !== undefined ? hashText(text) === entry.beforeHash : text === entry.before;
			return unchanged ? { kind: "unchanged" } : { kind: "edited" };
		}
	}
	return restored ? { kind: "restore", text } : { kind: "unchanged" };
}

/** Entries grouped per note, newest first. */
export function entriesByNote(entries: JournalEntry[]): Map<string, JournalEntry[]> {
	const byPath = new Map<string, JournalEntry[]>();
	// Folders the run created are no files: undo takes them apart (`undoBatch`).
	for (const entry of [...entries].reverse()) if (!entry.folder) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
	return byPath;
}

/**
 * What a note held before a tidy, for a user who wants it back by hand (`entries` newest first). Exact
 * when the note still holds what the tidy wrote or the entry kept the whole text; otherwise (edited
 * since, and only reverse edits kept) the frontmatter from before the tidy over the note's current body.
 */
export function earlierText(current: string, entries: JournalEntry[]): { text: string; exact: boolean } | null {
	let text = current;
	let matched = false;
	for (const entry of entries) {
		if (hashText(text) !== entry.afterHash) continue;
		const before = rebuiltBefore(entry, text);
		if (before === null) return null;
		text = before;
		matched = true;
	}
	if (matched) return { text, exact: true };
	const newest = entries[0];
	if (!newest) return null;
	// A write that never happened: the note still holds its earlier text.
	if (newest.beforeHash !== undefined && hashText(current) === newest.beforeHash) return { text: current, exact: true };
	if (newest.before !== undefined) return { text: newest.before, exact: true };
	const head = newest.edits?.find(([start]) => start === 0);
	if (!head) return null;
	// The head edit holds the whole frontmatter (and BOM) the tidy replaced.
	return { text: head[2] + splitNote(current).body, exact: false };
}
