// Decides what undo writes back into one note, from its journal entries and its current text.

import { hashText } from "../hash";
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
	| { kind: "edited" };

/**
 * `entries` are one note's entries, newest first. Each is undone in turn while the note still holds
 * exactly what that entry wrote; an older entry that does not match was a write that never happened.
 */
export function decideRestore(current: string, entries: JournalEntry[]): RestoreDecision {
	let text = current;
	let restored = false;
	for (const [i, entry] of entries.entries()) {
		if (hashText(text) === entry.afterHash) {
			text = textBefore(entry, text);
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
	for (const entry of [...entries].reverse()) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
	return byPath;
}
