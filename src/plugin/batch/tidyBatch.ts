// Tidies many notes: a preview that writes nothing, then an apply that journals and writes each note.

import type { TFile, Vault } from "obsidian";
import { addCounts, countChanges, NoteLeftError, type ChangeCounts, tidyAndRecord, type NoteProblems, type NoteTidier, type TidyRecorded, type TidyResult } from "../../core";
import { plainReason } from "../errorBoundary";
import { isStillListed } from "../notes/candidates";
import type { EntryRecorder } from "../../core";
import { vaultNoteStore } from "../journal/vaultNoteStore";
import type { NoteApp } from "../notes/editorEdit";
import { Yielder, type Clock } from "./yielder";

export interface BatchPreview {
	/** Notes the run is about, confirmed on their text (Omnivore notes, or notes with proxied images). */
	found: number;
	/** Notes that would change, in order. */
	toChange: TFile[];
	counts: ChangeCounts;
	problems: NoteProblems[];
	/** One changed note's text before and after, to show as a diff. */
	sample?: { path: string; before: string; after: string };
}

type VaultReader = Pick<Vault, "cachedRead" | "getFileByPath">;

/** How a run reads each note: which result, and which notes it is about. */
export interface BatchTransform {
	transform(tidier: NoteTidier, text: string): TidyResult;
	counts(report: TidyResult["report"]): boolean;
}

const TIDY: BatchTransform = { transform: (tidier, text) => tidier.tidy(text), counts: (report) => report.isOmnivoreNote };

export async function previewBatch(files: TFile[], vault: VaultReader, tidier: NoteTidier, clock: Clock, kind: BatchTransform = TIDY): Promise<BatchPreview> {
	const yielder = new Yielder(clock);
	const preview: BatchPreview = { found: 0, toChange: [], counts: { properties: 0, imageUrls: 0 }, problems: [] };
	for (const file of files) {
		let text: string;
		try {
			text = await vault.cachedRead(file);
		} catch (error) {
			// Deleted or moved since it was listed (a sync): nothing to tidy. Any other failure is
			// reported with the note, and the run goes on.
			if (isStillListed(vault, file)) preview.problems.push({ path: file.path, problems: [{ code: "unreadable-file", message: `The note could not be read: ${plainReason(error)}.` }] });
			await yielder.maybeYield();
			continue;
		}
		const { text: after, report } = kind.transform(tidier, text);
		if (kind.counts(report)) {
			preview.found++;
			if (report.problems.length > 0) preview.problems.push({ path: file.path, problems: report.problems });
			if (report.changed) {
				preview.toChange.push(file);
				preview.counts = addCounts(preview.counts, countChanges(report.changes));
				preview.sample ??= { path: file.path, before: text, after };
			}
		} else if (report.problems.length > 0) {
			// Left alone, but worth a word: tagged without being a saved article.
			preview.problems.push({ path: file.path, problems: report.problems });
		}
		await yielder.maybeYield();
	}
	return preview;
}

export interface ApplyOptions {
	app: NoteApp;
	tidier: NoteTidier;
	/** Tidy (the default), or another way of reading each note. */
	kind?: BatchTransform;
	/** The batch to journal in, opened on the first write. */
	openJournal: () => Promise<EntryRecorder>;
	clock: Clock;
	onProgress?: (done: number, total: number) => void;
	isCancelled?: () => boolean;
	/** True once the plugin is unloaded: the note at hand is not written, and the run stops. */
	stopped?: () => boolean;
}

export interface ApplyOutcome {
	written: number;
	writtenPaths: string[];
	cancelled: boolean;
	/** Notes that could not be written, with the reason as a sentence. */
	failed: Array<{ path: string; reason: string }>;
	problems: NoteProblems[];
	/** The longest stretch of work between two UI turns, in milliseconds. */
	maxStretchMs: number;
}

/**
 * Each note is read, tidied, journaled, then written through `vault.process` (or its editor). If the note changed
 * between the read and the write, the engine runs again on its current text. A cancelled run stops
 * between notes, so every note is either as it was or fully tidied.
 */
export async function applyBatch(files: TFile[], options: ApplyOptions): Promise<ApplyOutcome> {
	const { app, tidier, openJournal, clock, kind = TIDY } = options;
	const yielder = new Yielder(clock);
	const outcome: ApplyOutcome = { written: 0, writtenPaths: [], cancelled: false, failed: [], problems: [], maxStretchMs: 0 };
	for (let i = 0; i < files.length; i++) {
		if (options.isCancelled?.() || options.stopped?.()) {
			outcome.cancelled = true;
			break;
		}
		const file = files[i];
		try {
			const { result, written } = await tidyFile(file, app, openJournal, (text) => kind.transform(tidier, text), options.stopped);
			if (written) {
				outcome.written++;
				outcome.writtenPaths.push(file.path);
				if (result.report.problems.length > 0) outcome.problems.push({ path: file.path, problems: result.report.problems });
			}
		} catch (error) {
			// Our own reasons are sentences already ("The note was moved or deleted."); others are made one.
			outcome.failed.push({ path: file.path, reason: error instanceof NoteLeftError ? error.message : `The note could not be written: ${plainReason(error)}.` });
		}
		options.onProgress?.(i + 1, files.length);
		await yielder.maybeYield();
	}
	yielder.finish();
	outcome.maxStretchMs = yielder.maxStretch;
	return outcome;
}

/**
 * Tidy one file through the Vault (or its editor, when it is being edited), journaled (see
 * `tidyAndRecord`). `leaveOpen`: a note open in a tab is not written (`NoteOpenedError`).
 */
export async function tidyFile(
	file: TFile,
	app: NoteApp,
	openJournal: () => Promise<EntryRecorder>,
	transform: (text: string) => TidyResult,
	stopped?: () => boolean,
	leaveOpen = false,
): Promise<TidyRecorded> {
	return tidyAndRecord(vaultNoteStore(app, { stopped, leaveOpen }), file.path, transform, openJournal);
}
