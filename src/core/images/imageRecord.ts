// What earlier runs downloaded and what failed, so a second run downloads nothing and changes nothing.

import { isVaultPath } from "../vaultPath";

export interface DownloadedImage {
	/** The file's path in the vault. */
	file: string;
	/** Content hash, to give the same bytes from another URL the same file. */
	hash: string;
}

export interface FailedImage {
	reason: string;
	/** ISO time of the last try. */
	at: string;
}

export interface ImageRecord {
	version: 1;
	downloaded: Record<string, DownloadedImage>;
	failed: Record<string, FailedImage>;
}

export function emptyImageRecord(): ImageRecord {
	return { version: 1, downloaded: {}, failed: {} };
}

// Stryker disable next-line ConditionalExpression: a string or number passing here has none of the fields read below and is dropped all the same.
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A record read back; anything unreadable in it is dropped (the images are then fetched again). */
export function parseImageRecord(text: string | null): ImageRecord {
	const record = emptyImageRecord();
	// Stryker disable next-line ConditionalExpression: a fast path; `JSON.parse(null)` is null, dropped below too.
	if (text === null) return record;
	let value: unknown = null;
	try {
		value = JSON.parse(text);
	} catch {
		// Not JSON (cut off, edited by hand): read as no record.
	}
	if (!isObject(value) || value.version !== 1) return record;
	const downloaded = isObject(value.downloaded) ? value.downloaded : {};
	for (const [url, entry] of Object.entries(downloaded)) {
		// A file outside the vault (a record brought by a sync, or changed by hand) is never linked: the image is downloaded again.
		if (isObject(entry) && typeof entry.file === "string" && isVaultPath(entry.file) && typeof entry.hash === "string") record.downloaded[url] = { file: entry.file, hash: entry.hash };
	}
	const failed = isObject(value.failed) ? value.failed : {};
	for (const [url, entry] of Object.entries(failed)) {
		if (isObject(entry) && typeof entry.reason === "string") record.failed[url] = { reason: entry.reason, at: typeof entry.at === "string" ? entry.at : "" };
	}
	return record;
}

export function serializeImageRecord(record: ImageRecord): string {
	return `${JSON.stringify(record, null, 1)}\n`;
}
