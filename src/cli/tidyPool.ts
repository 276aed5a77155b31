// Runs the engine on worker threads, one engine per worker, for a tidy over many notes. Only the
// engine runs there (text in, text and report out); reading, checks, the journal and writes stay on
// the main thread in the order of the vault, so the run's journal, lock and report are those of one
// worker (0020).

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { NoteTidier, type TidyOptions, type TidyResult } from "../core";

interface Job {
	id: number;
	text: string;
}

type Reply = { id: number; result: TidyResult } | { id: number; failed: true };

/** Whether this thread is one of a pool's workers (the CLI bundle is also the workers' script). */
export function isTidyWorker(): boolean {
	return !isMainThread && (workerData as { omnivoreQueueTidyWorker?: boolean } | null)?.omnivoreQueueTidyWorker === true;
}

/** The worker's side: tidy each text it is sent with its own engine. */
export function serveTidyWorker(): void {
	const { options } = workerData as { options: TidyOptions };
	const tidier = new NoteTidier(options);
	parentPort?.on("message", ({ id, text }: Job) => {
		let reply: Reply;
		try {
			reply = { id, result: tidier.tidy(text) };
		} catch {
			// The main thread tidies this note itself, so a failure is reported as one worker would.
			reply = { id, failed: true };
		}
		parentPort?.postMessage(reply);
	});
}

interface Thread {
	worker: Worker;
	/** Texts sent and not answered yet: a new text goes to the least busy worker. */
	busy: number;
}

export class TidyPool {
	private threads: Thread[] = [];
	private readonly pending = new Map<number, { thread: Thread; resolve: (result: TidyResult | null) => void }>();
	private next = 0;

	constructor(script: string, options: TidyOptions, jobs: number) {
		for (let i = 0; i < jobs; i++) {
			const thread: Thread = { worker: new Worker(script, { workerData: { omnivoreQueueTidyWorker: true, options } }), busy: 0 };
			thread.worker.on("message", (reply: Reply) => this.settle(reply.id, "result" in reply ? reply.result : null));
			// A worker that fails or ends leaves its notes to the main thread.
			thread.worker.on("error", () => this.drop(thread));
			thread.worker.on("exit", () => this.drop(thread));
			this.threads.push(thread);
		}
	}

	get size(): number {
		return this.threads.length;
	}

	/** The engine's result for a text, or null when no worker could give one (tidy it here then). */
	tidy(text: string): Promise<TidyResult | null> {
		if (this.threads.length === 0) return Promise.resolve(null);
		const thread = this.threads.reduce((least, t) => (t.busy < least.busy ? t : least));
		const id = this.next++;
		thread.busy++;
		return new Promise((resolve) => {
			this.pending.set(id, { thread, resolve });
			thread.worker.postMessage({ id, text } satisfies Job);
		});
	}

	async close(): Promise<void> {
		const threads = this.threads;
		this.threads = [];
		for (const id of [...this.pending.keys()]) this.settle(id, null);
		await Promise.all(threads.map((thread) => thread.worker.terminate()));
	}

	private settle(id: number, result: TidyResult | null): void {
		const waiting = this.pending.get(id);
		if (!waiting) return;
		this.pending.delete(id);
		waiting.thread.busy--;
		waiting.resolve(result);
	}

	private drop(thread: Thread): void {
		this.threads = this.threads.filter((t) => t !== thread);
		for (const [id, waiting] of [...this.pending]) if (waiting.thread === thread) this.settle(id, null);
	}
}

// Starting a worker costs about what tidying a hundred notes does: a run that reads fewer notes per
// worker (a second run, say) stays on one thread.
const NOTES_PER_WORKER = 100;

/** Workers for a run that reads `notesToRead` notes, or null when one thread does (or they cannot start). */
export function startTidyPool(workers: { script: string; jobs: number } | undefined, options: TidyOptions, notesToRead: number): TidyPool | null {
	if (!workers || workers.jobs <= 1 || notesToRead < NOTES_PER_WORKER * workers.jobs) return null;
	try {
		return new TidyPool(workers.script, options, workers.jobs);
	} catch {
		return null;
	}
}
