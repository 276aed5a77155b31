// A journal batch file: a header line, then one JSON line per note replaced or file created. Read
// line by line, so a line cut short by a crash or changed by hand costs only that line.

import type { ReverseEdit } from "./edits";
import { isVaultPath } from "../vaultPath";

export interface JournalEntry {
	path: string;
	/** The note's text before the engine wrote it, or else `edits` that rebuild it from the text written. */
	before?: string;
	edits?: ReverseEdit[];
	/** Hash of the text written; undo restores only a note that still holds exactly that text. */
	afterHash: string;
	/** Hash of the text replaced, to recognise a write that never happened. */
	beforeHash?: string;
	/** The file did not exist before (an imported note or PDF): undo removes it if it still holds what was written. */
	created?: true;
	/** A created file that is not text (a PDF): `afterHash` is `hashBytes` of its bytes. */
	binary?: true;
	/** A folder the run created (`created` too, `afterHash` empty): undo removes it when it is empty. */
	folder?: true;
}

export interface BatchHeader {
	batch: string;
	label: string;
	startedAt: number;
	/** Set once the batch was undone; what it still holds are the entries of notes undo left. */
	undoneAt?: number;
}

export interface JournalBatch extends BatchHeader {
	entries: JournalEntry[];
	/** Lines that are neither the header nor an entry: cut short by a crash, or changed by hand. */
	unreadable?: number;
}

/**
 * Parse a batch file; a line cut short by a crash is ignored. A file whose header cannot be read (changed
 * by hand, a sync conflict) but which holds entries is still that batch: each entry carries the hashes
 * undo checks, and skipping the file would make undo take the batch before it instead. Its name (as
 * `begin` makes it) gives its start; without `file`, such a text is no batch.
 */
export function parseBatch(text: string, file?: string): JournalBatch | null {
	let header: BatchHeader | null = null;
	const entries: JournalEntry[] = [];
	let unreadable = 0;
	// Whether the first line was no header and no entry: the header, damaged.
	let firstUnreadable: boolean | null = null;
	for (const line of text.split("\n")) {
		if (line.trim() === "") continue;
		let value: unknown = null;
		try {
			value = JSON.parse(line);
		} catch {
			// Counted below, like a line that parses but is neither a header nor an entry.
		}
		if (isHeader(value)) header = value;
		else if (isEntry(value)) entries.push(value);
		else unreadable++;
		// Set at the first line: it was unreadable exactly when the count is no longer 0.
		firstUnreadable ??= unreadable > 0;
	}
	if (!header && file !== undefined && entries.length > 0) {
		header = headerFromName(file);
		// The damaged line is that header: it named no note.
		if (firstUnreadable) unreadable--;
	}
	return header ? { ...header, entries, ...(unreadable > 0 ? { unreadable } : {}) } : null;
}

/** Shown as the label of a batch whose header could not be read. */
export const UNREADABLE_HEADER_LABEL = "a run whose journal header could not be read";

function headerFromName(file: string): BatchHeader {
	const batch = (file.split("/").pop() ?? file).replace(/\.jsonl$/, "");
	const started = /^(\d{15})-\d{4}$/.exec(batch);
	return { batch, label: UNREADABLE_HEADER_LABEL, startedAt: started ? Number(started[1]) : 0 };
}

// A JSON line is an object, an array, a primitive or null: only the first has these fields.
function isHeader(value: unknown): value is BatchHeader {
	return typeof (value as Partial<BatchHeader> | null)?.batch === "string";
}

function isEntry(value: unknown): value is JournalEntry {
	const entry = value as Partial<JournalEntry> | null;
	return (
		typeof entry?.path === "string" &&
		isVaultPath(entry.path) &&
		(entry.edits === undefined || isEditList(entry.edits)) &&
		(typeof entry.before === "string" || entry.edits !== undefined || entry.created === true) &&
		typeof entry.afterHash === "string"
	);
}

/** `[start, length, text]` triples, as `reverseEdits` writes them: a line changed by hand into another shape is unreadable. */
function isEditList(edits: unknown): edits is ReverseEdit[] {
	return (
		Array.isArray(edits) &&
		edits.every((edit) => Array.isArray(edit) && edit.length === 3 && Number.isInteger(edit[0]) && edit[0] >= 0 && Number.isInteger(edit[1]) && edit[1] >= 0 && typeof edit[2] === "string")
	);
}
