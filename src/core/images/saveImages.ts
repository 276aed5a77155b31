// The download phase of an image run: each URL fetched once, within the limits per host and in all,
// and each distinct image saved as one file, journaled as created before it is made.

import type { JournalBatchWriter } from "../journal/journal";
import { hashBytes } from "../hash";
import { downloadImage, type DownloadSettings } from "./downloader";
import type { HttpClient } from "./httpPort";
import { imageStem } from "./fileNames";
import type { ImageRecord } from "./imageRecord";
import { HostLimiter } from "./limiter";

/** Where downloaded images go: the CLI's folder, or the vault's attachment settings in Obsidian. */
export interface AttachmentStore {
	/** The file's bytes, or null when it is not there (or not a file). */
	readBytes(path: string): Promise<Uint8Array | null>;
	/**
	 * Saves `bytes` as a new file for `notePath` named after `stem`, never over an existing file; returns
	 * its path. `beforeCreate` is awaited with the path chosen before the file is made (the journal's
	 * entry), `beforeCreateFolder` with each folder it must make for it, outermost first.
	 */
	saveNew(
		stem: string,
		extension: string,
		notePath: string,
		bytes: Uint8Array,
		beforeCreate: (path: string) => Promise<void>,
		beforeCreateFolder: (folder: string) => Promise<void>,
	): Promise<string>;
	/** The link target (not yet percent-encoded) by which a Markdown reference in `notePath` finds `file`. */
	linkTo(file: string, notePath: string): string;
}

/** What the downloads came to, counted into the run's report. */
export interface SaveTally {
	downloaded: number;
	fromArchive: number;
	/** Downloaded, but the same bytes were already a file: that file is used. */
	sameAsAnother: number;
	/** Failed in this run, with the notes that show them. */
	failed: Array<{ url: string; reason: string; notes: string[] }>;
}

export interface SaveInput {
	/** The URLs to download → the notes that show them; the first one names the file. */
	images: Map<string, string[]>;
	/** Updated with what was saved and what failed. */
	record: ImageRecord;
	attachments: AttachmentStore;
	download: DownloadSettings;
	concurrency: number;
	perHost: number;
	openJournal: () => Promise<JournalBatchWriter>;
	onProgress: (done: number, total: number) => void;
	isCancelled?: () => boolean;
}

const noteName = (path: string): string => (path.split("/").pop() ?? path).replace(/\.md$/i, "");

// Every URL here passed the safe-URL check, which parses it; the parser lowercases the host.
const hostOf = (url: string): string => new URL(url).host;

/** Whether `file` is still there holding the bytes recorded: undo may have removed it, the user changed it. */
export async function holds(attachments: AttachmentStore, file: string, hash: string): Promise<boolean> {
	const bytes = await attachments.readBytes(file).catch(() => null);
	return bytes !== null && hashBytes(bytes) === hash;
}

/** Downloads and saves `input.images`: each saved one into `local` (URL → file), each failed one into `failures` with its reason. */
export async function saveImages(input: SaveInput, local: Map<string, string>, failures: Map<string, string>, tally: SaveTally): Promise<void> {
	const { record, attachments } = input;
	const fileOfHash = new Map<string, string>();
	for (const { file, hash } of Object.values(record.downloaded)) fileOfHash.set(hash, file);
	const perHost = Math.min(input.perHost, input.concurrency);
	const limiter = new HostLimiter(input.concurrency, perHost);
	// Each image waits for a place at its own host; each request, also at the host it goes to: the
	// archive's copies of images from eight sites are never asked for more than `perHost` at once.
	const requests = new HostLimiter(Number.MAX_SAFE_INTEGER, perHost);
	const http: HttpClient = { get: (request) => requests.run(hostOf(request.url), () => input.download.http.get(request)) };
	const download = { ...input.download, http };
	// Saving is one at a time, so two URLs with the same bytes make one file.
	let saving: Promise<unknown> = Promise.resolve();
	let done = 0;
	const fetchOne = async (url: string, notes: string[]): Promise<void> => {
		if (input.isCancelled?.()) return;
		const result = await downloadImage(url, download);
		if (!result.ok) {
			failures.set(url, result.reason);
			record.failed[url] = { reason: result.reason, at: new Date().toISOString() };
			tally.failed.push({ url, reason: result.reason, notes });
			return;
		}
		const save = saving.then(async () => {
			const hash = hashBytes(result.bytes);
			let file = fileOfHash.get(hash);
			// Stryker disable next-line ConditionalExpression: a fast path; no file holds no bytes.
			if (file !== undefined && (await holds(attachments, file, hash))) tally.sameAsAnother++;
			else {
				// Journaled as created before it is made, so undo removes it while it holds these bytes.
				const journal = await input.openJournal();
				const recordCreated = (path: string) => journal.recordCreated(path, result.bytes);
				const recordFolder = (folder: string) => journal.recordCreatedFolder(folder);
				file = await attachments.saveNew(imageStem(url, noteName(notes[0])), result.kind.extension, notes[0], result.bytes, recordCreated, recordFolder);
				fileOfHash.set(hash, file);
			}
			tally.downloaded++;
			if (result.fromArchive) tally.fromArchive++;
			record.downloaded[url] = { file, hash };
			delete record.failed[url];
			local.set(url, file);
		});
		saving = save.catch(() => undefined);
		try {
			await save;
		} catch (error) {
			const reason = `it could not be saved: ${error instanceof Error ? error.message : String(error)}`;
			failures.set(url, reason);
			tally.failed.push({ url, reason, notes });
		}
	};
	await Promise.all(
		[...input.images].map(([url, notes]) =>
			limiter.run(hostOf(url), async () => {
				await fetchOne(url, notes);
				input.onProgress(++done, input.images.size);
			}),
		),
	);
}
