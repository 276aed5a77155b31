// Worker threads for a `queue` listing that must read many notes: each worker reads notes and builds
// their items, so every core works. The main thread walks the vault, keeps the cache and the order:
// the items are those of a listing on one thread (0020).

import { readFileSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { buildQueueItem, NoteTidier, type QueueItem, type TidyOptions } from "../core";
import { whyUnreadable, type VaultFile } from "./vaultFiles";

/** A note read: its item (null: no Omnivore note), or why it could not be read. */
export type Listed = { item: QueueItem | null } | { unreadable: string };

/** Reads one note and builds its item, on whichever thread. */
export function readQueueItem(file: VaultFile, tidier: NoteTidier): Listed {
	let text: string;
	try {
		text = readFileSync(file.absolute, "utf8");
	} catch (error) {
		return { unreadable: whyUnreadable(file.path, error) };
	}
	try {
		return { item: buildQueueItem(file.path, text, tidier.options, tidier.proxy) };
	} catch (error) {
		// One note the engine fails on is listed as unread, as the plugin reports it: the listing goes on.
		return { unreadable: `Omnivore Queue failed on it (${error instanceof Error ? error.message : String(error)}); please report it` };
	}
}

/** Whether this thread is one of a listing's workers (the CLI bundle is also the workers' script). */
export function isQueueWorker(): boolean {
	return !isMainThread && (workerData as { omnivoreQueueListWorker?: boolean } | null)?.omnivoreQueueListWorker === true;
}

/** The worker's side: each chunk of notes it is sent, listed and sent back. */
export function serveQueueWorker(): void {
	const { engine } = workerData as { engine: Partial<TidyOptions> };
	const tidier = new NoteTidier(engine);
	const port = parentPort;
	port?.on("message", (chunk: VaultFile[]) => port.postMessage(chunk.map((file) => readQueueItem(file, tidier))));
}

// Notes per message: enough that messages cost little, few enough that both workers finish together.
const CHUNK = 64;
// As for tidy: a worker's start costs about what a hundred notes do, so a listing that reads fewer
// notes per worker (a vault mostly in the cache) stays on one thread.
const NOTES_PER_WORKER = 100;

/**
 * Every note listed, in the order given. On `jobs` workers when there are enough notes; a worker that
 * fails or cannot start leaves its notes to this thread, so the listing is the same either way.
 */
export async function readQueueItems(files: VaultFile[], engine: Partial<TidyOptions>, tidier: NoteTidier, workers?: { script: string; jobs: number }): Promise<Listed[]> {
	const listed: Listed[] = new Array<Listed>(files.length);
	const chunks: number[] = [];
	for (let start = 0; start < files.length; start += CHUNK) chunks.push(start);
	const listHere = (start: number) => files.slice(start, start + CHUNK).forEach((file, i) => (listed[start + i] = readQueueItem(file, tidier)));
	if (!workers || workers.jobs <= 1 || files.length < NOTES_PER_WORKER * workers.jobs) {
		chunks.forEach(listHere);
		return listed;
	}
	const runWorker = () =>
		new Promise<void>((resolve) => {
			let worker: Worker;
			try {
				worker = new Worker(workers.script, { workerData: { omnivoreQueueListWorker: true, engine } });
			} catch {
				resolve();
				return;
			}
			// Two chunks in flight: the worker never waits for the next one.
			const inFlight: number[] = [];
			let finished = false;
			const sendNext = () => {
				const start = chunks.shift();
				if (start === undefined) return;
				inFlight.push(start);
				worker.postMessage(files.slice(start, start + CHUNK));
			};
			const finish = () => {
				if (finished) return;
				finished = true;
				// What the worker had not sent back goes back to the others, or to this thread at the end.
				chunks.push(...inFlight.splice(0));
				void worker.terminate();
				resolve();
			};
			worker.on("message", (results: Listed[]) => {
				// A result that arrives after the worker failed is of a chunk given back: it is listed again.
				if (finished) return;
				const start = inFlight.shift() as number;
				results.forEach((result, i) => (listed[start + i] = result));
				sendNext();
				if (inFlight.length === 0) finish();
			});
			worker.on("error", finish);
			worker.on("exit", finish);
			sendNext();
			sendNext();
			if (inFlight.length === 0) finish();
		});
	await Promise.all(Array.from({ length: workers.jobs }, runWorker));
	// Chunks no worker took or finished (none could start, or they stopped) are listed here.
	chunks.splice(0).forEach(listHere);
	return listed;
}
