// `omnivore-queue images <vault>`: downloads the remote images of the Omnivore notes into a folder of
// the vault and points the notes at them; journaled, so `undo` puts the remote URLs back.

import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import {
	isProxyHost, LazyBatch, NoteTidier, parseImageRecord, plural, runImageDownloads, serializeImageRecord, USER_AGENT,
	type ImageRunPhase, type ImageRunReport, type TidyOptions,
} from "../core";
import { writeFileAtomic } from "./atomicWrite";
import { CannotRun } from "./cannotRun";
import { attachmentFolder } from "./attachmentFolder";
import type { ImagesArgs } from "./imagesArgs";
import { FileNoteStore } from "./fileNoteStore";
import { lateEditProblem } from "./lateEditsSaved";
import { endRun, vaultJournal } from "./journalStorage";
import { removeLeftovers } from "./leftovers";
import { nodeHttpClient } from "./nodeHttp";
import { describeFsError, listNotes, type VaultFile } from "./vaultFiles";
import { STATE_FOLDER } from "./vaultLock";
import { readStateText } from "./stateFile";

export const IMAGE_RECORD_FILE = `${STATE_FOLDER}/images.json`;
const LABEL = "omnivore-queue images";
// As many connections as a browser opens to one host: polite to small sites, fast enough for big ones.
export const PER_HOST = 6;

export interface ImagesVaultOptions extends ImagesArgs {
	engine?: Partial<TidyOptions>;
	/** First wait before a retry (doubles each time). */
	backoffMs?: number;
	retries?: number;
	onProgress?: (phase: ImageRunPhase, done: number, total: number) => void;
}

/** The record's text; null when there is none. One that is there but cannot be read stops the run: it would be written over. */
function readRecord(path: string): string | null {
	if (!existsSync(path)) return null;
	try {
		return readStateText(path);
	} catch (error) {
		throw new CannotRun(`The record of downloaded images (${IMAGE_RECORD_FILE}) cannot be read: ${describeFsError(error)}.`);
	}
}

export async function imagesVault(vault: string, options: ImagesVaultOptions): Promise<ImageRunReport> {
	const tidier = new NoteTidier(options.engine);
	const listing = listNotes(vault);
	if (!options.dryRun) removeLeftovers(vault, listing);
	const byPath = new Map<string, VaultFile>(listing.files.map((file) => [file.path, file]));
	// Notes reached through links to outside the vault are not edited (tidy's --follow-links does not apply here).
	const store = new FileNoteStore((path) => byPath.get(path) as VaultFile, { followLinks: false, followLinksHint: "images leaves such notes", vault });
	const recordPath = join(vault, ...IMAGE_RECORD_FILE.split("/"));
	const record = parseImageRecord(readRecord(recordPath));
	const journal = new LazyBatch(vaultJournal(vault), LABEL);
	const report = await runImageDownloads({
		paths: listing.files.map((file) => file.path),
		read: async (path) => {
			const text = store.readNow(path);
			store.forget(path);
			return text;
		},
		store,
		attachments: attachmentFolder(vault, options.folder),
		tidier,
		record,
		download: {
			http: nodeHttpClient((url) => isProxyHost(url, tidier.proxy)),
			timeoutMs: options.timeoutMs,
			maxBytes: options.maxBytes,
			userAgent: USER_AGENT,
			retries: options.retries ?? 2,
			backoffMs: options.backoffMs ?? 500,
			archive: options.archive,
			sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		},
		concurrency: options.concurrency,
		perHost: PER_HOST,
		dryRun: options.dryRun,
		retryFailed: options.retryFailed,
		openJournal: () => journal.get(),
		saveRecord: async (saved) => {
			mkdirSync(join(vault, STATE_FOLDER), { recursive: true });
			writeFileAtomic(recordPath, serializeImageRecord(saved));
		},
		afterNote: (path) => store.forget(path),
		onProgress: options.onProgress,
	});
	// A run that saved no file and wrote no note leaves no undo batch (its entries are of writes that
	// failed): kept, it would push a real run out of the journal's last five.
	await endRun(vault, journal, report.downloaded > 0 || report.notesChanged > 0);
	for (const path of await store.settle()) {
		// An edit reached a note just as it was replaced and was put back: its images wait for the next run.
		const outcome = report.notes.find((n) => n.path === path);
		if (outcome) outcome.problems.push({ code: "unwritable-file", message: "The note was edited while it was written; the edit was kept and its images are left for the next run." });
	}
	for (const late of store.lateEditsSaved()) report.notes.find((n) => n.path === late.path)?.problems.push(lateEditProblem(late));
	return report;
}

/** An address as shown on the terminal: a password in it (never sent, see downloadImage) is not shown either. */
function withoutCredentials(url: string): string {
	return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1");
}

export function formatImagesReport(report: ImageRunReport, folder: string): string {
	const lines: string[] = [];
	lines.push(`Omnivore notes: ${report.omnivoreNotes} of ${plural(report.scanned, "note")}; ${plural(report.images, "remote image")} in them.`);
	if (report.dryRun) {
		lines.push(`Would download ${plural(report.toDownload, "image")} into ${folder}/ and change ${plural(report.notesChanged, "note")}. Dry run: nothing was downloaded or written.`);
	} else {
		const archive = report.fromArchive > 0 ? ` (${report.fromArchive} from the archive)` : "";
		const same = report.sameAsAnother > 0 ? `, ${report.sameAsAnother} of them the same as another file` : "";
		lines.push(`Downloaded ${plural(report.downloaded, "image")}${archive}${same}; ${plural(report.notesChanged, "note")} changed, ${plural(report.referencesLocalized, "reference")} now local.`);
	}
	if (report.alreadyLocal > 0) lines.push(`${plural(report.alreadyLocal, "image")} already downloaded by an earlier run.`);
	if (report.cancelled) lines.push("Stopped before every image was downloaded.");
	if (report.failed.length > 0) {
		lines.push("", `Not downloaded (${report.failed.length}); their references still point to the web:`);
		for (const { url, reason, notes } of report.failed) lines.push(`  ${withoutCredentials(url)}`, `    ${reason}; in ${notes.join(", ")}`);
	}
	if (report.earlierFailures > 0) lines.push("", `${plural(report.earlierFailures, "image")} an earlier run could not download ${report.earlierFailures === 1 ? "was" : "were"} not tried again (--retry-failed tries again).`);
	// Notes that could not be read or written, and those whose proxied images must stay (see tidy).
	const leftCodes = new Set(["unreadable-file", "unwritable-file", "only-proxied-images"]);
	const left = report.notes.filter((n) => n.problems.some((p) => leftCodes.has(p.code)));
	if (left.length > 0) {
		lines.push("", `Notes left as they were (${left.length}):`);
		for (const note of left) for (const problem of note.problems) if (leftCodes.has(problem.code)) lines.push(`  ${note.path}: ${problem.message}`);
	}
	if (!report.dryRun && report.notesChanged > 0) lines.push("", `"omnivore-queue undo <vault>" points these notes back at the remote images and removes the files it downloaded.`);
	return `${lines.join("\n")}\n`;
}
