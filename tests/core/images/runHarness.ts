// What the image-run tests need from the core, in one import, and in-memory ports for a run.
import { splitNote } from "../../../src/core/note";
import {
	emptyImageRecord, Journal, LazyBatch, NoteTidier, runImageDownloads,
	type AttachmentStore, type HttpClient, type HttpFailure, type HttpResponse, type ImageRecord, type ImageRunInput, type JournalStorage, type NoteStore,
} from "../../../src/core";

export * from "../../../src/core";

/** The frontmatter block (with BOM) and the body. */
export function splitNoteForTest(text: string): { head: string; body: string } {
	const { body } = splitNote(text);
	return { head: text.slice(0, text.length - body.length), body };
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A small "PNG" whose bytes are its own: the signature, then `seed`. */
/** The IEND chunk a whole PNG ends with. */
export const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
export const png = (seed: string): Uint8Array => new Uint8Array([...PNG_SIGNATURE, ...new TextEncoder().encode(seed), ...PNG_END]);

export function memoryStorage(): JournalStorage {
	const files = new Map<string, string>();
	return {
		exists: async (p) => files.has(p) || [...files.keys()].some((k) => k.startsWith(`${p}/`)),
		mkdir: async () => undefined,
		write: async (p, d) => void files.set(p, d),
		append: async (p, d) => void files.set(p, (files.get(p) ?? "") + d),
		read: async (p) => files.get(p) ?? "",
		list: async (p) => ({ files: [...files.keys()].filter((k) => k.startsWith(`${p}/`)), folders: [] }),
		remove: async (p) => void files.delete(p),
		stat: async (p) => (files.has(p) ? { size: (files.get(p) ?? "").length } : null),
	};
}

/** Every image is a PNG of its own, but URLs with `same` in them share their bytes. */
const servePng = (url: string): HttpResponse => ({ status: 200, body: png(/same/.test(url) ? "same" : url) });

/**
 * A vault in memory: notes, attachment files saved in `att/` (never over an existing one), a journal,
 * and an HTTP client answering with `serve` that records what was asked and how many were in flight.
 */
export function imageEnv(notes: Map<string, string>, serve: (url: string) => HttpResponse | HttpFailure | Promise<HttpResponse> = servePng) {
	const store: NoteStore = {
		read: async (path) => {
			const text = notes.get(path);
			if (text === undefined) throw new Error(`${path}: no such file`);
			return text;
		},
		replace: async (path, expected, text) => {
			if (notes.get(path) !== expected) return false;
			notes.set(path, text);
			return true;
		},
	};
	const files = new Map<string, Uint8Array>();
	const attachments: AttachmentStore = {
		readBytes: async (path) => files.get(path) ?? null,
		linkTo: (file) => file,
		saveNew: async (stem, extension, _note, bytes, beforeCreate) => {
			let path = `att/${stem}.${extension}`;
			for (let n = 1; files.has(path); n++) path = `att/${stem} ${n}.${extension}`;
			await beforeCreate(path);
			files.set(path, bytes);
			return path;
		},
	};
	const requests: string[] = [];
	const inFlight = { now: 0, most: 0, mostPerHost: 0, perHost: new Map<string, number>() };
	const http: HttpClient = {
		get: async ({ url }) => {
			requests.push(url);
			const host = new URL(url).host;
			inFlight.now++;
			inFlight.most = Math.max(inFlight.most, inFlight.now);
			inFlight.perHost.set(host, (inFlight.perHost.get(host) ?? 0) + 1);
			inFlight.mostPerHost = Math.max(inFlight.mostPerHost, inFlight.perHost.get(host) ?? 0);
			try {
				await new Promise((resolve) => setTimeout(resolve, 1));
				const answer = await serve(url);
				if (answer instanceof Error) throw answer;
				return answer;
			} finally {
				inFlight.now--;
				inFlight.perHost.set(host, (inFlight.perHost.get(host) ?? 1) - 1);
			}
		},
	};
	const storage = memoryStorage();
	return { notes, store, attachments, files, requests, inFlight, http, storage, journal: new Journal(storage, "journal") };
}

export type ImageEnv = ReturnType<typeof imageEnv>;

/** One run over every note of `env`, with a journal batch of its own; `input` overrides the defaults. */
export function runImages(env: ImageEnv, record: ImageRecord = emptyImageRecord(), input: Partial<ImageRunInput> = {}) {
	const batch = new LazyBatch(env.journal, "images");
	return runImageDownloads({
		paths: [...env.notes.keys()],
		read: (p) => env.store.read(p),
		store: env.store,
		attachments: env.attachments,
		tidier: new NoteTidier(),
		record,
		download: { http: env.http, timeoutMs: 1000, maxBytes: 1e6, userAgent: "test", retries: 0, backoffMs: 0, archive: null, sleep: async () => undefined },
		concurrency: 8,
		perHost: 4,
		dryRun: false,
		retryFailed: false,
		openJournal: () => batch.get(),
		saveRecord: async () => undefined,
		...input,
	});
}

/** The files the run saved, as undo sees them. */
export function createdFiles(env: ImageEnv) {
	return { exists: async (p: string) => env.files.has(p), readBytes: async (p: string) => env.files.get(p) as Uint8Array, remove: async (p: string) => void env.files.delete(p) };
}
