// Fetches one image: retries server errors and timeouts with backoff, falls back to a web archive
// when the original is gone, and refuses what is not an image or is too large.

import { HttpFailure, type HttpClient } from "./httpPort";
import { arrivedWhole } from "./imageEnd";
import { sniffImageKind, type ImageKind } from "./imageKind";

export const DEFAULT_ARCHIVE = "https://web.archive.org/web/2id_/{url}";
/** Names the tool, so a site owner who sees it in a log knows what asked. */
export const USER_AGENT = "omnivore-queue/0.1 (downloads the images of saved articles into an Obsidian vault, once)";

export interface DownloadSettings {
	http: HttpClient;
	timeoutMs: number;
	maxBytes: number;
	userAgent: string;
	/** Tries after the first, for 5xx, 429 and timeouts. */
	retries: number;
	/** The first wait between tries; each next one is twice as long. */
	backoffMs: number;
	/** URL template with `{url}`, or null for no archive. */
	archive: string | null;
	sleep: (ms: number) => Promise<void>;
	/** The time now, in milliseconds (for a Retry-After given as a date). */
	now?: () => number;
}

export type Download =
	| { ok: true; bytes: Uint8Array; kind: ImageKind; fromArchive: boolean }
	| { ok: false; reason: string };

/** One address tried: an image, a final refusal, or a failure another copy may make up for. */
type Attempt = { ok: true; bytes: Uint8Array; kind: ImageKind } | { ok: false; final: boolean; reason: string };

const isRetried = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/** The longest wait between tries, ours or one a server asks for; a server that asks for longer is not tried again. */
const MAX_WAIT_MS = 30_000;

/** How long a Retry-After asks to wait, in milliseconds: seconds, or an HTTP date; null when it says neither. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
	if (value === undefined) return null;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	// An HTTP date always names its weekday and zone (`Wed, 21 Oct 2026 07:28:00 GMT`): a bare number is not one.
	const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
	return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function waitAsked(seconds: number): string {
	return seconds < 120 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`;
}

async function attempt(url: string, settings: DownloadSettings): Promise<Attempt> {
	// Stryker disable next-line StringLiteral: the loop runs at least once and always sets it.
	let reason = "";
	// What the last answer asked us to wait before the next try (Retry-After).
	let asked = 0;
	for (let tried = 0; tried <= settings.retries; tried++) {
		if (tried > 0) await settings.sleep(Math.max(asked, Math.min(settings.backoffMs * 2 ** (tried - 1), MAX_WAIT_MS)));
		let status: number;
		let retryAfter: string | undefined;
		try {
			const response = await settings.http.get({ url, timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes, userAgent: settings.userAgent });
			status = response.status;
			retryAfter = response.retryAfter;
			// Part of an image (never asked for: no request names a range) is not the image.
			if (status === 206) return { ok: false, final: false, reason: "the server sent only part of the image" };
			if (status >= 200 && status < 300) {
				if (response.tooLarge) return { ok: false, final: true, reason: `it is larger than ${formatMegabytes(settings.maxBytes)}` };
				const bytes = response.body ?? new Uint8Array();
				const kind = sniffImageKind(bytes);
				// A parked or rebuilt site answers every address with a page: the archive may still hold the image.
				if (!kind) return { ok: false, final: false, reason: bytes.length === 0 ? "the server sent nothing" : "the server sent something that is not an image (a web page?)" };
				if (arrivedWhole(bytes, kind)) return { ok: true, bytes, kind };
				// A connection closed early gives no other sign: tried again, then the archive.
				reason = "the image arrived cut short";
				continue;
			}
		} catch (error) {
			if (!(error instanceof HttpFailure)) throw error;
			reason = error.kind === "timeout" ? `it did not arrive within ${settings.timeoutMs / 1000} s` : error.message;
			// Trying again would be refused again.
			if (error.kind === "refused") return { ok: false, final: false, reason };
			continue;
		}
		reason = `the server answered ${status}`;
		if (!isRetried(status)) return { ok: false, final: false, reason };
		asked = retryAfterMs(retryAfter, (settings.now ?? Date.now)()) ?? 0;
		// A server that asks for a long pause is not hammered meanwhile; the archive may have a copy.
		if (asked > MAX_WAIT_MS && tried < settings.retries) return { ok: false, final: false, reason: `${reason} and asked to wait ${waitAsked(Math.ceil(asked / 1000))}` };
	}
	return { ok: false, final: false, reason: settings.retries > 0 ? `${reason} (tried ${settings.retries + 1} times)` : reason };
}

export function formatMegabytes(bytes: number): string {
	return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** The archive's address of `url`: the template with `{url}` replaced by the original as is. */
export function archiveUrl(template: string, url: string): string {
	return template.split("{url}").join(url);
}

/** Whether an address holds a user name or password (`https://me:secret@host/a.png`). */
export function holdsCredentials(url: string): boolean {
	try {
		const parsed = new URL(url);
		return parsed.username !== "" || parsed.password !== "";
	} catch {
		return false;
	}
}

export async function downloadImage(url: string, settings: DownloadSettings): Promise<Download> {
	// Neither sent to the site nor handed to the archive inside the address.
	if (holdsCredentials(url)) return { ok: false, reason: "its address holds a user name or password, which are never sent" };
	const original = await attempt(url, settings);
	if (original.ok) return { ...original, fromArchive: false };
	if (original.final || settings.archive === null) return { ok: false, reason: original.reason };
	const archived = await attempt(archiveUrl(settings.archive, url), settings);
	if (archived.ok) return { ...archived, fromArchive: true };
	return { ok: false, reason: `${original.reason}; the archive's copy: ${archived.reason}` };
}
