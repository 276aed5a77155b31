// Worker threads for a tidy over many notes: each worker has its own engine and note store and does
// the whole of a note (read, tidy, checks, write), so every core works. Two things stay on the main
// thread: the journal, whose entries the workers send and which are appended in the vault's order
// before the worker may replace its note (entriesInOrder.ts), and the report, assembled in that order.
// The notes, journal and report are those of a run on one thread (0020).

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { entryLine, NoteTidier, type Change, type EntryRecorder, type TidyOptions } from "../core";
import { BatchedPort } from "./batchedPort";
import { EntriesInOrder } from "./entriesInOrder";
import { FileNoteStore } from "./fileNoteStore";
import type { LateEditSaved } from "./lateEditsSaved";
import { doNote, readNote, type NoteDone, type NoteRun } from "./tidyNote";
import type { VaultFile } from "./vaultFiles";

export interface PoolSettings {
	engine: TidyOptions;
	dryRun: boolean;
	keepText: boolean;
	keepChanges: boolean;
	followLinks: boolean;
	vault: string;
}

/** A note done on a worker. */
export type PooledNote = NoteDone;

/** At the end: notes a late edit reached as they were replaced (put back, to tidy again), and late edits saved aside. */
export interface PoolSettled {
	putBack: string[];
	saved: LateEditSaved[];
}

type ToWorker = { kind: "note"; id: number; file: VaultFile } | { kind: "journaled"; id: number; error?: string } | { kind: "settle" };
type FromWorker =
	| { kind: "journal"; id: number; line: string }
	| { kind: "done"; id: number; note: PooledNote }
	| { kind: "failed"; id: number }
	| { kind: "settled"; settled: PoolSettled };

// Small enough that a worker never sits idle waiting for the main thread; large enough that each
// message between the threads carries several notes.
const NOTES_PER_SLICE = 4;

/** Whether this thread is one of a pool's workers (the CLI bundle is also the workers' script). */
export function isTidyWorker(): boolean {
	return !isMainThread && (workerData as { omnivoreQueueTidyWorker?: boolean } | null)?.omnivoreQueueTidyWorker === true;
}

/** The worker's side: each note it is sent, done as the main thread would do it. */
export function serveTidyWorker(): void {
	const { settings, threads } = workerData as { settings: PoolSettings; threads: number };
	const port = parentPort;
	if (!port) return;
	const out = new BatchedPort<FromWorker>(port);
	const send = (message: FromWorker) => out.post(message);
	const files = new Map<string, VaultFile>();
	const store = new FileNoteStore((path) => files.get(path) as VaultFile, { followLinks: settings.followLinks, vault: settings.vault, threads });
	const tidier = new NoteTidier(settings.engine);
	const journaled = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
	const journalFor = (id: number): EntryRecorder => ({
		record: (path: string, before: string, after: string, changes?: Change[]) =>
			new Promise<void>((resolve, reject) => {
				journaled.set(id, { resolve, reject });
				send({ kind: "journal", id, line: entryLine(path, before, after, changes) });
			}),
	});
	const doOne = async (id: number, file: VaultFile): Promise<PooledNote> => {
		files.set(file.path, file);
		const recorder = journalFor(id);
		const run: NoteRun = { tidier, store, journal: { get: async () => recorder }, keepText: settings.keepText, keepChanges: settings.keepChanges };
		try {
			return await doNote(file, readNote(store, file), run, settings.dryRun);
		} finally {
			// The late-edit watch keeps what it needs of a replaced note; the path is not asked for again.
			files.delete(file.path);
		}
	};
	// Notes are begun a few at a time, each slice a turn of the event loop: between slices the journal
	// lines of the notes begun go out, and the main thread's answers and next notes come in, so the
	// worker keeps working while its earlier notes wait for their turn in the journal.
	const queued: Array<{ id: number; file: VaultFile }> = [];
	const beginSome = () => {
		for (const { id, file } of queued.splice(0, NOTES_PER_SLICE)) {
			doOne(id, file).then(
				(note) => send({ kind: "done", id, note }),
				() => send({ kind: "failed", id }),
			);
		}
		if (queued.length > 0) setImmediate(beginSome);
	};
	const receive = (message: ToWorker) => {
		if (message.kind === "note") {
			if (queued.push({ id: message.id, file: message.file }) === 1) setImmediate(beginSome);
		} else if (message.kind === "journaled") {
			const waiting = journaled.get(message.id);
			journaled.delete(message.id);
			if (message.error === undefined) waiting?.resolve();
			else waiting?.reject(new Error(message.error));
		} else {
			void store.settle().then((putBack) => send({ kind: "settled", settled: { putBack, saved: store.lateEditsSaved() } }));
		}
	};
	port.on("message", (batch: ToWorker[]) => batch.forEach(receive));
}

// Left to itself, each worker's heap grows with the garbage of thousands of notes before V8 collects
// it (a 10,000-note tidy peaked near 400 MB); a cap on the old generation makes it collect sooner. The
// young generation is set too: V8's default under the cap is so small that the short-lived strings of
// a note outlive it (6.1 s against 5.4 s on the benchmark vault). 24 MB (semi-spaces of 8 MB) costs
// no time that could be told from the machine's noise against 48 MB, and the whole run's peak
// RSS falls by 32 MB (268 against 300 MB on a slow day, four interleaved rounds; 12 MB saved 17 MB
// more but was slower still). A note too large for a worker stops it, and the main thread, without
// a cap, does that note.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 24 };

interface Thread {
	worker: Worker;
	out: BatchedPort<ToWorker>;
	/** Notes sent and not done yet: a new note goes to the least busy worker. */
	busy: number;
	settled?: (settled: PoolSettled) => void;
}

export class TidyPool {
	private threads: Thread[] = [];
	private readonly pending = new Map<number, { thread: Thread; resolve: (note: PooledNote | null) => void }>();
	private next = 0;
	private readonly entries: EntriesInOrder;

	constructor(script: string, settings: PoolSettings, jobs: number, appendEntry: (line: string) => Promise<void>) {
		this.entries = new EntriesInOrder(appendEntry);
		for (let i = 0; i < jobs; i++) {
			const worker = new Worker(script, { workerData: { omnivoreQueueTidyWorker: true, settings, threads: jobs }, resourceLimits: WORKER_LIMITS });
			const thread: Thread = { worker, out: new BatchedPort(worker), busy: 0 };
			worker.on("message", (batch: FromWorker[]) => batch.forEach((message) => this.receive(thread, message)));
			// A worker that fails or ends leaves its notes to the main thread.
			thread.worker.on("error", () => this.drop(thread));
			thread.worker.on("exit", () => this.drop(thread));
			this.threads.push(thread);
		}
	}

	get size(): number {
		return this.threads.length;
	}

	/** Notes must be sent in the vault's order: their journal entries are appended in that order. Null: do the note here. */
	note(file: VaultFile): Promise<PooledNote | null> {
		if (this.threads.length === 0) return Promise.resolve(null);
		const thread = this.threads.reduce((least, t) => (t.busy < least.busy ? t : least));
		const id = this.next++;
		thread.busy++;
		return new Promise((resolve) => {
			this.pending.set(id, { thread, resolve });
			this.send(thread, { kind: "note", id, file });
		});
	}

	/** Once every note is done: what each worker's late-edit watch found. */
	async settle(): Promise<PoolSettled> {
		const all = await Promise.all(
			this.threads.map((thread) => new Promise<PoolSettled>((resolve) => ((thread.settled = resolve), this.send(thread, { kind: "settle" })))),
		);
		return { putBack: all.flatMap((s) => s.putBack), saved: all.flatMap((s) => s.saved) };
	}

	async close(): Promise<void> {
		const threads = this.threads;
		this.threads = [];
		for (const id of [...this.pending.keys()]) this.done(id, null);
		await Promise.all(threads.map((thread) => thread.worker.terminate()));
	}

	private send(thread: Thread, message: ToWorker): void {
		thread.out.post(message);
	}

	private receive(thread: Thread, message: FromWorker): void {
		if (message.kind === "journal") {
			this.entries.entry(message.id, message.line).then(
				() => this.send(thread, { kind: "journaled", id: message.id }),
				(error: unknown) => this.send(thread, { kind: "journaled", id: message.id, error: error instanceof Error ? error.message : String(error) }),
			);
		} else if (message.kind === "settled") {
			thread.settled?.(message.settled);
		} else {
			this.done(message.id, message.kind === "done" ? message.note : null);
		}
	}

	private done(id: number, note: PooledNote | null): void {
		this.entries.finish(id);
		const waiting = this.pending.get(id);
		if (!waiting) return;
		this.pending.delete(id);
		waiting.thread.busy--;
		waiting.resolve(note);
	}

	private drop(thread: Thread): void {
		this.threads = this.threads.filter((t) => t !== thread);
		thread.settled?.({ putBack: [], saved: [] });
		for (const [id, waiting] of [...this.pending]) if (waiting.thread === thread) this.done(id, null);
	}
}

// Starting a worker costs about what tidying a hundred notes does: a run that reads fewer notes per
// worker (a second run, say) stays on one thread.
const NOTES_PER_WORKER = 100;

/** Workers for a run that reads `notesToRead` notes, or null when one thread does (or they cannot start). */
export function startTidyPool(
	workers: { script: string; jobs: number } | undefined,
	settings: PoolSettings,
	notesToRead: number,
	appendEntry: (line: string) => Promise<void>,
): TidyPool | null {
	if (!workers || workers.jobs <= 1 || notesToRead < NOTES_PER_WORKER * workers.jobs) return null;
	try {
		return new TidyPool(workers.script, settings, workers.jobs, appendEntry);
	} catch {
		return null;
	}
}
