// One run of "download images": find the remote images of the Omnivore notes, download each distinct
// URL once (files first), then point the notes at the files, journaled so undo puts the URLs back.

import type { JournalBatchWriter } from "../journal/journal";
import { asNoteLeft, type NoteStore } from "../journal/noteStore";
import { tidyAndRecord } from "../journal/tidyAndRecord";
import type { Change, Problem } from "../report";
import type { NoteTidier, TidyResult } from "../tidy";
import type { DownloadSettings } from "./downloader";
import type { ImageRecord } from "./imageRecord";
import { localizeNote, noteImages } from "./localizeNote";
import { holds, saveImages, type AttachmentStore, type SaveTally } from "./saveImages";

export type ImageRunPhase = "scan" | "download" | "write";

export interface ImageRunInput {
	paths: string[];
	/** Reads a note to find its images (the CLI lets go of what it read at once). */
	read: (path: string) => Promise<string>;
	store: NoteStore;
	attachments: AttachmentStore;
	tidier: NoteTidier;
	/** Which notes to look into (default: Omnivore notes). */
	accepts?: (text: string) => boolean;
	record: ImageRecord;
	download: DownloadSettings;
	concurrency: number;
	perHost: number;
	dryRun: boolean;
	/** Try again the images an earlier run could not download. */
	retryFailed: boolean;
	openJournal: () => Promise<JournalBatchWriter>;
	/** Called once the files are written, before any note points at them. */
	saveRecord: (record: ImageRecord) => Promise<void>;
	/** After a note was handled (written or not). */
	afterNote?: (path: string) => void;
	onProgress?: (phase: ImageRunPhase, done: number, total: number) => void;
	isCancelled?: () => boolean;
}

export interface ImageNoteOutcome {
	path: string;
	changed: boolean;
	written: boolean;
	localized: number;
	problems: Problem[];
	changes: Change[];
}

export interface ImageRunReport extends SaveTally {
	dryRun: boolean;
	cancelled: boolean;
	scanned: number;
	/** Notes looked into: the Omnivore notes (or every note given, for the current note). */
	omnivoreNotes: number;
	/** Distinct remote images the notes reference. */
	images: number;
	/** Already in the vault from an earlier run. */
	alreadyLocal: number;
	/** To download (in a dry run: would be downloaded). */
	toDownload: number;
	/** Failed in an earlier run and not tried again (`--retry-failed` does). */
	earlierFailures: number;
	notesChanged: number;
	referencesLocalized: number;
	/** Notes that could not be read or written. */
	notesFailed: number;
	notes: ImageNoteOutcome[];
}

export async function runImageDownloads(input: ImageRunInput): Promise<ImageRunReport> {
	const { tidier, record } = input;
	const report: ImageRunReport = {
		dryRun: input.dryRun, cancelled: false, scanned: input.paths.length, omnivoreNotes: 0, images: 0, alreadyLocal: 0, toDownload: 0,
		downloaded: 0, fromArchive: 0, sameAsAnother: 0, failed: [], earlierFailures: 0, notesChanged: 0, referencesLocalized: 0, notesFailed: 0, notes: [],
	};
	const articleUrl = tidier.articleUrl.bind(tidier);
	// Remote URL → the notes that show it, in the order found.
	const notesOf = new Map<string, string[]>();
	const withImages: string[] = [];
	for (const [i, path] of input.paths.entries()) {
		input.onProgress?.("scan", i + 1, input.paths.length);
		let text: string;
		try {
			text = await input.read(path);
		} catch (error) {
			const left = asNoteLeft(error);
			report.notesFailed++;
			report.notes.push({ path, changed: false, written: false, localized: 0, problems: [{ code: left.code, message: left.message }], changes: [] });
			continue;
		}
		if (!(input.accepts ?? ((t: string) => tidier.isOmnivoreNote(t)))(text)) continue;
		report.omnivoreNotes++;
		// Localized, it would leave the queue and later runs: left, with the reason, and nothing downloaded for it.
		const kept = tidier.proxiedImagesKept(text);
		if (kept) {
			report.notes.push({ path, changed: false, written: false, localized: 0, problems: [kept], changes: [] });
			continue;
		}
		const { images } = noteImages(text, tidier.proxy, articleUrl);
		if (!images.some((image) => image.resolved.kind !== "none")) continue;
		withImages.push(path);
		for (const { resolved } of images) {
			if (resolved.kind !== "remote") continue;
			const notes = notesOf.get(resolved.url) ?? [];
			if (!notes.includes(path)) notes.push(path);
			notesOf.set(resolved.url, notes);
		}
	}

	// Each distinct URL once: known files are used as they are, earlier failures wait for --retry-failed.
	// Remote URL → its file in the vault.
	const local = new Map<string, string>();
	const failures = new Map<string, string>();
	// The URLs to download, with their notes; the notes a download would change.
	const pending = new Map<string, string[]>();
	const awaitingDownload = new Set<string>();
	report.images = notesOf.size;
	for (const [url, notes] of notesOf) {
		const known = record.downloaded[url];
		if (known && (await holds(input.attachments, known.file, known.hash))) {
			local.set(url, known.file);
			report.alreadyLocal++;
		} else if (record.failed[url] && !input.retryFailed) {
			failures.set(url, `${record.failed[url].reason} (an earlier run; --retry-failed tries again)`);
			report.earlierFailures++;
		} else {
			pending.set(url, notes);
			for (const note of notes) awaitingDownload.add(note);
		}
	}
	report.toDownload = pending.size;

	if (!input.dryRun && pending.size > 0) {
		const onProgress = (done: number, total: number) => input.onProgress?.("download", done, total);
		await saveImages({ ...input, images: pending, onProgress }, local, failures, report);
		report.cancelled = input.isCancelled?.() ?? false;
		// Files first, then the record, then the notes: no note ever points at a file that is not there.
		await input.saveRecord(record);
	}

	const localize = (path: string, text: string) =>
		localizeNote(text, {
			matcher: tidier.proxy,
			articleUrl,
			localOf: (url) => {
				const file = local.get(url);
				// Linked as seen from this note (the plugin's relative link formats depend on it).
				return file === undefined ? undefined : { file, link: input.attachments.linkTo(file, path) };
			},
			failureOf: (url) => failures.get(url),
		});
	const transform = (path: string) => (text: string): TidyResult => {
		const localized = localize(path, text);
		if (!localized.report.changed || tidier.isOmnivoreNote(localized.text) || !tidier.isOmnivoreNote(text)) return localized;
		// Its proxied images were a tagged note's only mark of a saved article: tidied first, as `tidy`
		// would, it keeps one (a reading status) and stays in the queue and in later runs.
		const tidied = tidier.tidy(text);
		const again = localize(path, tidied.text);
		const report = again.report;
		return {
			text: again.text,
			// Stryker disable next-line ConditionalExpression: its image changed already, so the note did.
			report: { ...report, changed: again.text !== text, changes: [...tidied.report.changes, ...report.changes], problems: [...tidied.report.problems, ...report.problems] },
		};
	};
	for (const [i, path] of withImages.entries()) {
		input.onProgress?.("write", i + 1, withImages.length);
		const outcome: ImageNoteOutcome = { path, changed: false, written: false, localized: 0, problems: [], changes: [] };
		try {
			if (input.dryRun) {
				const result = transform(path)(await input.read(path));
				// What is still to download would change the note too.
				Object.assign(outcome, { changed: result.report.changed || awaitingDownload.has(path), problems: result.report.problems, changes: result.report.changes });
			} else {
				const recorded = await tidyAndRecord(input.store, path, transform(path), input.openJournal);
				const { report: note } = recorded.result;
				Object.assign(outcome, { changed: recorded.written, written: recorded.written, problems: note.problems, changes: note.changes });
			}
		} catch (error) {
			const left = asNoteLeft(error);
			outcome.problems = [...outcome.problems, { code: left.code, message: left.message }];
			report.notesFailed++;
		}
		input.afterNote?.(path);
		outcome.localized = outcome.changed ? outcome.changes.filter((c) => c.kind === "image-localized").length : 0;
		if (outcome.changed) report.notesChanged++;
		report.referencesLocalized += outcome.localized;
		if (outcome.changed || outcome.problems.length > 0) report.notes.push(outcome);
	}
	return report;
}
