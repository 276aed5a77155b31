/** @jest-environment jsdom */
// The queue's worker threads: a build through them gives the items of a build on the main thread, in
// the same order, and a worker that cannot start, crashes or is refused a note costs nothing but speed.
import { deserialize, serialize } from "node:v8";
import type { App as ObsidianApp } from "obsidian";
import { indexRequestHandler, NoteTidier, type IndexRequest, type IndexResponse, type QueueItem } from "../../src/core";
import { ItemWorkers, type ItemWorker, type ItemWorkerPlan } from "../../src/plugin/queue/workers/itemWorkers";
import { QueueIndex } from "../../src/plugin/queue/queueIndex";
import { DEFAULT_SETTINGS } from "../../src/plugin/settings";
import { generateNote } from "../../bench/generateVault";
import { instantClock, notices, settle, startObsidian, until } from "./harness";

/** The structured clone a message crosses between threads (jsdom has no `structuredClone`). */
function cloned<T>(value: T): T {
	return deserialize(serialize(value)) as T;
}

interface Behaviour {
	/** Fails (as a crashed worker's `onerror`) when it receives its nth batch, counted from 1. */
	crashOnBatch?: number;
	/** Never answers (an engine looping on a note). */
	silent?: boolean;
	/** Replaces the reply to each batch. */
	reply?: (response: IndexResponse) => unknown;
}

/** A worker on this thread: what it is sent and answers crosses a structured clone, as between threads. */
class FakeWorker implements ItemWorker {
	onmessage: ((event: { data: IndexResponse }) => void) | null = null;
	onerror: ((event: unknown) => void) | null = null;
	onmessageerror: ((event: unknown) => void) | null = null;
	terminated = false;
	batches = 0;
	private readonly answer = indexRequestHandler();

	constructor(private readonly behaviour: Behaviour = {}) {}

	postMessage(message: IndexRequest): void {
		const request = cloned(message);
		this.batches++;
		const crash = this.batches === this.behaviour.crashOnBatch;
		if (this.behaviour.silent) return;
		// Every other batch takes longer: replies come back out of the order they were asked for.
		setTimeout(
			() => {
				if (this.terminated) return;
				const response = this.answer(request);
				if (crash) this.onerror?.(new Error("worker crashed"));
				else this.onmessage?.({ data: cloned((this.behaviour.reply?.(response) ?? response) as IndexResponse) });
			},
			this.batches % 2 === 1 ? 4 : 0,
		);
	}

	terminate(): void {
		this.terminated = true;
	}
}

function plan(workers: FakeWorker[]): ItemWorkerPlan & { started: FakeWorker[] } {
	const started: FakeWorker[] = [];
	return {
		size: workers.length,
		// The test's vault is small: workers from its first byte.
		minBytes: 0,
		started,
		start: () => {
			const worker = workers[started.length];
			started.push(worker);
			return worker;
		},
	};
}

const VAULT = Object.fromEntries(Array.from({ length: 260 }, (_, i) => generateNote(i, { maxBytes: 4000 })).map((note) => [note.path, note.text]));

async function build(itemWorkers: ItemWorkerPlan | null, files: Record<string, string> = VAULT): Promise<QueueItem[]> {
	const { app } = await startObsidian(files);
	await settle();
	const tidier = new NoteTidier();
	const index = new QueueIndex(app as unknown as ObsidianApp, { settings: () => DEFAULT_SETTINGS, tidier: () => tidier, clock: instantClock, itemWorkers: () => itemWorkers });
	await index.ensureBuilt();
	return index.all();
}

describe("the queue's worker threads", () => {
	let onThread: QueueItem[];
	beforeAll(async () => {
		onThread = await build(null);
	});

	it("build the items of a build on the main thread, in the same order, and stop when it ends", async () => {
		const workers = [new FakeWorker(), new FakeWorker()];
		const items = await build(plan(workers));
		expect(onThread.length).toBeGreaterThan(200);
		expect(items).toEqual(onThread);
		expect(workers.every((worker) => worker.batches > 0 && worker.terminated)).toBe(true);
	});

	it("leave a build with less to read than the plan asks to the main thread", async () => {
		const bytes = Object.values(VAULT).reduce((sum, text) => sum + Buffer.byteLength(text, "utf8"), 0);
		const justShort = { ...plan([new FakeWorker()]), minBytes: bytes + 1 };
		expect(await build(justShort)).toEqual(onThread);
		expect(justShort.started).toEqual([]);
		const justEnough = { ...plan([new FakeWorker()]), minBytes: bytes };
		expect(await build(justEnough)).toEqual(onThread);
		expect(justEnough.started).toHaveLength(1);
	});

	it("hand the notes of a worker that crashes back to the main thread, and go on with the other", async () => {
		const workers = [new FakeWorker({ crashOnBatch: 2 }), new FakeWorker()];
		const items = await build(plan(workers));
		expect(items).toEqual(onThread);
		// Sent no more once it failed (two batches in flight a worker, so at most two after the one it failed on).
		expect(workers[0].terminated).toBe(true);
		expect(workers[0].batches).toBeLessThanOrEqual(4);
		expect(workers[1].batches).toBeGreaterThan(4);
		expect(notices()).toEqual([]);
	});

	it("build every note on the main thread when no worker can start", async () => {
		const refusing: ItemWorkerPlan = {
			size: 2,
			minBytes: 0,
			start: () => {
				throw new Error("Workers are not allowed here");
			},
		};
		expect(await build(refusing)).toEqual(onThread);
	});

	it("build here a note a worker could not build (a worker's stack is smaller): nothing is lost or reported", async () => {
		const path = Object.keys(VAULT).find((key) => key.startsWith("Omnivore/"))!;
		const worker = new FakeWorker({
			reply: (response) => ({ ...response, notes: response.notes.map((note) => ("item" in note && note.item?.path === path ? { error: "Maximum call stack size exceeded" } : note)) }),
		});
		const items = await build(plan([worker]));
		expect(items).toEqual(onThread);
		expect(items.map((item) => item.path)).toContain(path);
		expect(notices()).toEqual([]);
	});

	it.each([
		["answers another batch", (response: IndexResponse) => ({ ...response, id: response.id + 1000 })],
		["answers with fewer notes", (response: IndexResponse) => ({ ...response, notes: response.notes.slice(1) })],
		["answers with no list", (response: IndexResponse) => ({ ...response, notes: "items" })],
		["answers a request it could not read", () => null],
	])("hand back the batches of a worker that %s, and build them here", async (_, reply) => {
		const workers = [new FakeWorker({ reply }), new FakeWorker()];
		expect(await build(plan(workers))).toEqual(onThread);
		expect(workers[0].terminated).toBe(true);
		expect(notices()).toEqual([]);
	});

	it("stop, workers and all, when the plugin unloads, though a worker never answers", async () => {
		const { app } = await startObsidian(VAULT);
		await settle();
		const tidier = new NoteTidier();
		const workers = [new FakeWorker({ silent: true }), new FakeWorker({ silent: true })];
		const index = new QueueIndex(app as unknown as ObsidianApp, { settings: () => DEFAULT_SETTINGS, tidier: () => tidier, clock: instantClock, itemWorkers: () => plan(workers) });
		index.load();
		const built = index.ensureBuilt();
		await until(() => workers.every((worker) => worker.batches > 0));
		index.unload();
		await built;
		expect(workers.map((worker) => worker.terminated)).toEqual([true, true]);
		expect(notices()).toEqual([]);
	});
});

describe("an edit while workers build", () => {
	it("is applied once the build ends, though the worker built the note as it was", async () => {
		const { app } = await startObsidian(VAULT);
		await settle();
		const tidier = new NoteTidier();
		const path = Object.keys(VAULT).find((key) => key.startsWith("Omnivore/"))!;
		const worker = new FakeWorker();
		const send = worker.postMessage.bind(worker);
		let edited = false;
		worker.postMessage = (message: IndexRequest) => {
			send(message);
			// The note was read and sent: the user retitles it before the worker answers.
			if (!edited && message.notes.some((note) => note.path === path)) {
				edited = true;
				void app.vault.modify(app.vault.getFileByPath(path)!, "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: Edited meanwhile\n---\n#Omnivore\n");
			}
		};
		const index = new QueueIndex(app as unknown as ObsidianApp, { settings: () => DEFAULT_SETTINGS, tidier: () => tidier, clock: instantClock, itemWorkers: () => plan([worker]) });
		index.load();
		await index.ensureBuilt();
		await settle();
		expect(edited).toBe(true);
		expect(index.get(path)?.title).toBe("Edited meanwhile");
	});
});

describe("the pool of workers", () => {
	const options = new NoteTidier().options;
	const notes = [{ path: "a.md", text: generateNote(1).text }];

	it("gives back null for a batch no worker can take: none started, all failed, or a note that cannot be sent", async () => {
		const none = new ItemWorkers(() => {
			throw new Error("no workers");
		}, 2);
		expect(await none.build(notes, options)).toBeNull();

		const crashing = new ItemWorkers(() => new FakeWorker({ crashOnBatch: 1 }), 1);
		expect(await crashing.build(notes, options)).toBeNull();
		expect(await crashing.build(notes, options)).toBeNull();

		const refusing = new FakeWorker();
		refusing.postMessage = () => {
			throw new DOMException("could not be cloned", "DataCloneError");
		};
		expect(await new ItemWorkers(() => refusing, 1).build(notes, options)).toBeNull();
	});

	it("hands back the batches still out when disposed, and stops its workers", async () => {
		const worker = new FakeWorker();
		const pool = new ItemWorkers(() => worker, 1);
		const pending = pool.build(notes, options);
		pool.dispose();
		expect(await pending).toBeNull();
		expect(worker.terminated).toBe(true);
	});

	it("spreads batches over its workers, the least busy first", async () => {
		const workers = [new FakeWorker(), new FakeWorker()];
		const pool = new ItemWorkers(plan(workers).start, 2);
		const results = await Promise.all([1, 2, 3, 4].map(() => pool.build(notes, options)));
		expect(workers.map((worker) => worker.batches)).toEqual([2, 2]);
		expect(results.every((result) => result?.[0] && "item" in result[0] && result[0].item?.path === "a.md")).toBe(true);
		pool.dispose();
	});
});
