// What the import asks of a front end (the vault as a port, the options) and what it gives back (the
// report), shared by the CLI and the plugin.

import type { NoteTidier, TidyResult } from "../tidy";
import type { MatchedBy } from "./vaultMatcher";

/** The vault as the import sees it. The front end journals each write so undo can take it back. */
export interface ImportTarget {
	/** Called once the export has been read and found good, before the vault is read or written (to lock it). */
	prepare?(): Promise<void>;
	/** Every Markdown note of the vault (paths relative to it, with `/`). */
	notePaths(): Promise<string[]>;
	read(path: string): Promise<string>;
	/** Whether anything (note, file or folder) already holds this path, compared as the system compares names. */
	exists(path: string): Promise<boolean>;
	createNote(path: string, text: string): Promise<void>;
	createFile(path: string, data: Uint8Array): Promise<void>;
	/** For a dry run: throws why a note would be left rather than written (read-only, not UTF-8...). */
	checkWritable?(path: string): Promise<void>;
	/** Replace a note with `transform(current)`; null means nothing to change. Returns whether it was written. */
	updateNote(path: string, transform: (current: string) => string | null): Promise<boolean>;
	/** After the writes: notes an edit reached just as they were replaced, the edit put back (to be enriched again). */
	settle?(): Promise<string[]>;
}

export type ItemAction = "created" | "enriched" | "unchanged" | "left";

export interface ItemOutcome {
	id: string;
	title: string;
	action: ItemAction;
	/** The note created, enriched or left. */
	path?: string;
	matchedBy?: MatchedBy;
	/** Properties the note received. */
	filled?: string[];
	highlightsAdded?: number;
	/** The PDF copied into the vault. */
	pdf?: string;
	problems: string[];
	/** A note could not be read or written (permission, not UTF-8, disk full): the CLI exits with 1, as tidy does. */
	failed?: boolean;
}

export interface ImportReport {
	dryRun: boolean;
	cancelled: boolean;
	items: ItemOutcome[];
	/** Files of the export that were skipped, and notes of the vault that could not be read, as sentences. */
	exportProblems: string[];
	/** Whole files of the export that could not be read: the articles they hold are missing (the CLI exits with 1). */
	exportFilesSkipped: number;
}

export interface ImportOptions {
	tidier: NoteTidier;
	/** Vault folder for new notes (and copied PDFs), without slashes at the ends; "" for the vault's root. */
	folder: string;
	dryRun: boolean;
	onProgress?: (done: number, total: number) => void;
	isCancelled?: () => boolean;
	/** Awaited between units of work, so the plugin can give Obsidian's interface a turn. */
	pause?: () => Promise<void>;
}

/** An `updateNote` transform in the shape tidy-and-record takes, so ports write through it. */
export function asTidyTransform(transform: (current: string) => string | null): (text: string) => TidyResult {
	return (text) => {
		const next = transform(text);
		return { text: next ?? text, report: { isOmnivoreNote: true, changed: next !== null, changes: [], problems: [] } };
	};
}

/** A dry run's plan and a real run's outcome read alike: counts by action. */
export function countActions(report: ImportReport): Record<ItemAction, number> {
	const counts: Record<ItemAction, number> = { created: 0, enriched: 0, unchanged: 0, left: 0 };
	for (const item of report.items) counts[item.action]++;
	return counts;
}
