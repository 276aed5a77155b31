// One note of a CLI tidy: tidied, checked, journaled and written (or previewed in a dry run), and what
// the report says of it. Runs on the main thread or on a worker (tidyPool.ts), the same code either way.

import { asNoteLeft, countChanges, tidyAndRecord, type EntryRecorder, type NoteReport, type NoteTidier, type Problem, type TidyResult } from "../core";
import { stampOf } from "./checkedNotes";
import type { FileNoteStore } from "./fileNoteStore";
import type { VaultFile } from "./vaultFiles";

export interface NoteOutcome extends NoteReport {
	path: string;
	/** Counts, kept even when the changes themselves are not; zero for a note that could not be written. */
	keysChanged: number;
	urlsUnwrapped: number;
	/** Whether the new text was written (false in a dry run). */
	written: boolean;
	/** Old and new text, kept only when diffs were asked for. */
	before?: string;
	after?: string;
}

/** A note done: its outcome and, when it was written, its stamp after the write (for the skip record). */
export interface NoteDone {
	outcome: NoteOutcome;
	stamp: string | null;
}

/** What one note's processing needs from the run. */
export interface NoteRun {
	tidier: NoteTidier;
	store: FileNoteStore;
	/** The run's journal batch, opened on the first write. */
	journal: { get(): Promise<EntryRecorder> };
	keepText: boolean;
	keepChanges: boolean;
}

// A note the engine failed on could not be tidied either: listed, never taken as clean, and the run exits 1.
export const isFailure = (problem: Problem): boolean => problem.code === "unreadable-file" || problem.code === "unwritable-file" || problem.code === "engine-failed";

/** The outcome of a note that was not changed: unreadable, skipped, or known clean from an earlier run. */
export function untouched(path: string, isOmnivoreNote: boolean, problems: Problem[]): NoteOutcome {
	return { path, isOmnivoreNote, changed: false, written: false, keysChanged: 0, urlsUnwrapped: 0, changes: [], problems };
}

/** The outcome of a note that could not be read. */
export function unreadable(path: string, error: unknown): NoteOutcome {
	const left = asNoteLeft(error);
	return untouched(path, false, [{ code: left.code, message: left.message }]);
}

function outcomeOf(path: string, text: string, result: TidyResult, run: NoteRun): NoteOutcome {
	const counts = countChanges(result.report.changes);
	// A change's text is a view into the note: copied, so the note itself is not kept in memory.
	const changes = run.keepChanges ? result.report.changes.map((c) => JSON.parse(JSON.stringify(c)) as typeof c) : [];
	const outcome: NoteOutcome = { path, ...result.report, changes, keysChanged: counts.properties, urlsUnwrapped: counts.imageUrls, written: false };
	if (run.keepText && result.report.changed) Object.assign(outcome, { before: text, after: result.text });
	return outcome;
}

/** What a dry run reports: the changes, and the reason a note would be left (read-only...). */
export async function previewNote(path: string, text: string, run: NoteRun, engine: (text: string) => TidyResult): Promise<NoteOutcome> {
	const result = engine(text);
	const outcome = outcomeOf(path, text, result, run);
	if (!result.report.changed) return outcome;
	try {
		await run.store.checkWritable(path);
	} catch (error) {
		return leftUnwritten(outcome, error);
	}
	return outcome;
}

export async function tidyNote(path: string, text: string, run: NoteRun, tidy: (text: string) => TidyResult): Promise<NoteOutcome> {
	try {
		const recorded = await tidyAndRecord(run.store, path, tidy, () => run.journal.get(), text);
		// The note may have been tidied again after an edit landed: report what was written.
		return { ...outcomeOf(path, recorded.before, recorded.result, run), written: recorded.written };
	} catch (error) {
		return leftUnwritten(outcomeOf(path, text, tidy(text), run), error);
	}
}

/** A note left as it was: not counted as changed, its problem says why. */
export function leftUnwritten(outcome: NoteOutcome, error: unknown): NoteOutcome {
	const left = asNoteLeft(error);
	return { ...outcome, changed: false, keysChanged: 0, urlsUnwrapped: 0, problems: [...outcome.problems, { code: left.code, message: left.message }] };
}

/** A note read (the text) or not (the error), done in a dry run or for real, and let go by the store. */
export async function doNote(file: VaultFile, read: { text: string } | { error: unknown }, run: NoteRun, dryRun: boolean): Promise<NoteDone> {
	if ("error" in read) return { outcome: unreadable(file.path, read.error), stamp: null };
	const engine = (text: string) => run.tidier.tidy(text);
	const outcome = dryRun ? await previewNote(file.path, read.text, run, engine) : await tidyNote(file.path, read.text, run, engine);
	run.store.forget(file.path);
	return { outcome, stamp: outcome.written ? stampOf(file.absolute) : null };
}

/** Read a note through the store, or the error that says why it could not be. */
export function readNote(store: FileNoteStore, file: VaultFile): { text: string } | { error: unknown } {
	try {
		return { text: store.readNow(file.path) };
	} catch (error) {
		return { error };
	}
}
