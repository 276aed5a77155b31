// Worker threads that build queue items while the main thread reads notes (decision 0028): a first
// build of a large vault uses every core and leaves the UI free. Any trouble with a worker (it cannot
// start, it crashes, a note cannot be sent) hands its notes back to the caller, which builds them
// itself: the items are the same either way.

import type { IndexedNote, IndexRequest, IndexResponse, NoteToIndex, TidyOptions } from "../../../core";

/** What the index needs of a worker: a Web Worker in Obsidian, a `worker_threads` one in the benchmark. */
export interface ItemWorker {
	postMessage(message: IndexRequest): void;
	onmessage: ((event: { data: IndexResponse }) => void) | null;
	onerror: ((event: unknown) => void) | null;
	/** A reply that could not be read: a failure of the worker too. */
	onmessageerror?: ((event: unknown) => void) | null;
	terminate(): void;
}

/** Starts one worker; throws when workers cannot run here. */
export type ItemWorkerFactory = () => ItemWorker;

const MB = 1024 * 1024;

/**
 * Notes to read, in bytes, before workers are started on a machine with `cores` cores. Each worker
 * first compiles the engine and warms it up, and each note costs more in a worker (its copy, the
 * worker's own garbage): with four cores and more, workers win from about 3,000 articles (32 MB);
 * with two, which share more of one processor, only from about 12,000 (128 MB, measured on the
 * development machine; decision 0028).
 */
export function workersFromBytes(cores: number): number {
	return cores >= 4 ? 32 * MB : 128 * MB;
}

/** The workers a build may use: how to start one, how many, and for how much to read. */
export interface ItemWorkerPlan {
	start: ItemWorkerFactory;
	size: number;
	/**
	 * Bytes of notes to read below which a build stays on the main thread: each worker first compiles
	 * the engine and warms it up, which costs about what 800 notes do (decision 0028).
	 */
	minBytes: number;
}

interface Waiting {
	/** How many notes were sent: a reply must hold as many. */
	count: number;
	resolve: (notes: IndexedNote[] | null) => void;
}

interface Running {
	worker: ItemWorker;
	pending: Map<number, Waiting>;
}

/** A pool of `size` workers, started at the first batch and stopped by `dispose`. */
export class ItemWorkers {
	private readonly running: Running[] = [];
	private started = false;
	private nextId = 0;
	/** Set by `dispose`: what comes back after it is for a build that has stopped. */
	disposed = false;

	constructor(
		private readonly start: ItemWorkerFactory,
		readonly size: number,
	) {}

	/** Batches in flight at most: two a worker, so none waits while the main thread reads. */
	get capacity(): number {
		return this.size * 2;
	}

	/** The notes' items in order, or null when no worker could build them (the caller does). */
	build(notes: NoteToIndex[], options: TidyOptions): Promise<IndexedNote[] | null> {
		if (this.disposed) return Promise.resolve(null);
		this.startAll();
		const target = this.leastBusy();
		if (!target) return Promise.resolve(null);
		const id = this.nextId++;
		return new Promise((resolve) => {
			target.pending.set(id, { count: notes.length, resolve });
			try {
				target.worker.postMessage({ id, options, notes });
			} catch {
				// A value the structured clone refuses: these notes are built by the caller.
				target.pending.delete(id);
				resolve(null);
			}
		});
	}

	/** Stop every worker; batches still out are handed back to the caller. */
	dispose(): void {
		this.disposed = true;
		for (const running of this.running.splice(0)) this.stop(running);
	}

	private startAll(): void {
		if (this.started) return;
		this.started = true;
		for (let i = 0; i < this.size; i++) {
			let worker: ItemWorker;
			try {
				worker = this.start();
			} catch {
				// No workers here (a platform without them, a policy that forbids them): the caller builds.
				return;
			}
			const running: Running = { worker, pending: new Map() };
			worker.onmessage = (event) => this.receive(running, event.data);
			worker.onerror = (event) => {
				// Handled here: not an uncaught error in the console as well.
				(event as { preventDefault?: () => void } | null)?.preventDefault?.();
				this.fail(running);
			};
			worker.onmessageerror = () => this.fail(running);
			this.running.push(running);
		}
	}

	/**
	 * A reply is taken only when it answers a batch sent and holds an entry for each of its notes:
	 * any other (a request the worker could not read, a bug) fails the worker, and its batches come
	 * back to the caller rather than wait for ever.
	 */
	private receive(running: Running, reply: IndexResponse | null | undefined): void {
		const waiting = reply ? running.pending.get(reply.id) : undefined;
		if (!reply || !waiting || !Array.isArray(reply.notes) || reply.notes.length !== waiting.count) {
			this.fail(running);
			return;
		}
		running.pending.delete(reply.id);
		waiting.resolve(reply.notes);
	}

	private leastBusy(): Running | undefined {
		let best: Running | undefined;
		for (const running of this.running) if (!best || running.pending.size < best.pending.size) best = running;
		return best;
	}

	/** A worker that failed is stopped and not used again; its batches go back to the caller. */
	private fail(running: Running): void {
		const at = this.running.indexOf(running);
		if (at !== -1) this.running.splice(at, 1);
		this.stop(running);
	}

	private stop(running: Running): void {
		running.worker.onmessage = null;
		running.worker.onerror = null;
		running.worker.onmessageerror = null;
		running.worker.terminate();
		for (const waiting of running.pending.values()) waiting.resolve(null);
		running.pending.clear();
	}
}
