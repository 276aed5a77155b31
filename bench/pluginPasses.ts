// The plugin's figures on the fake Obsidian of the tests: the queue index (cold build from the
// metadata cache, a start with the index built before, heap, filter and sort per keystroke) and the
// longest stretch of work between two yields of "Tidy all".
import type { App as ObsidianApp, TFile as ObsidianFile } from "obsidian";
import { App } from "../tests/__mocks__/obsidian";
import { EMPTY_FILTER, NoteTidier, QueueQuery, type QueueSort, type QueueStatus } from "../src/core";
import { Journal } from "../src/core/journal/journal";
import { LazyBatch } from "../src/core/journal/lazyBatch";
import { applyBatch } from "../src/plugin/batch/tidyBatch";
import { QueueIndex } from "../src/plugin/queue/queueIndex";
import { DEFAULT_SETTINGS } from "../src/plugin/settings";
import { generateNote, generateVault } from "./generateVault";
import { nodeItemWorkers } from "./nodeItemWorkers";
import { percentile, secondsAsync, spread } from "./stats";

const clock = { now: () => performance.now(), yieldToUi: () => new Promise<void>((resolve) => setImmediate(resolve)) };

/** The text as a read of the file gives it: one flat string (the generator's joins and replacements are not). */
function asRead(text: string): string {
	return Buffer.from(text, "utf8").toString("utf8");
}

async function loadedApp(notes: Iterable<{ path: string; text: string }>): Promise<App> {
	const app = new App();
	app.vault.testLoad(Object.fromEntries([...notes].map((n) => [n.path, asRead(n.text)])));
	// Let the fake metadata cache index every note, as Obsidian has on start-up.
	while (app.metadataCache.getFileCache(app.vault.getMarkdownFiles().at(-1)!) === null) await new Promise((resolve) => setTimeout(resolve, 5));
	await new Promise((resolve) => setTimeout(resolve, 20));
	app.workspace.testSetLayoutReady();
	return app;
}

function heapUsed(): number {
	global.gc?.();
	return process.memoryUsage().heapUsed;
}

export async function measureQueueIndex(count: number, rounds: number) {
	const app = await loadedApp(Array.from({ length: count }, (_, i) => generateNote(i, { maxBytes: 20000 })));
	const tidier = new NoteTidier();
	// The saved index in memory: the cold build saves it, the warm start (a new index, as after a restart) reads it.
	let saved: string | null = null;
	const savedIndex = { read: () => Promise.resolve(saved), write: (text: string) => Promise.resolve(void (saved = text)) };
	const workers = nodeItemWorkers();
	// As the index decides: workers when the notes to read (all of them, cold) reach the plan's bytes.
	const bytes = app.vault.getMarkdownFiles().reduce((sum, file) => sum + file.stat.size, 0);
	const coldWorkers = bytes >= workers.minBytes ? workers.size : 0;
	const host = { settings: () => DEFAULT_SETTINGS, tidier: () => tidier, clock: () => clock, savedIndex: () => savedIndex, itemWorkers: () => workers };
	const obsidianApp = app as unknown as ObsidianApp;
	const heapBefore = heapUsed();
	const cold = new QueueIndex(obsidianApp, host);
	const coldSeconds = [await secondsAsync(() => cold.ensureBuilt())];
	const heapMB = (heapUsed() - heapBefore) / 1024 / 1024;
	// Rounds as for the other figures, a new index each time: cold with nothing saved (the first one
	// above saved its index), warm from the index the first one saved.
	const nothingSaved = { read: () => Promise.resolve(null), write: () => Promise.resolve() };
	for (let round = 1; round < rounds; round++) {
		const again = new QueueIndex(obsidianApp, { ...host, savedIndex: () => nothingSaved });
		coldSeconds.push(await secondsAsync(() => again.ensureBuilt()));
	}
	const warmSeconds: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const warm = new QueueIndex(obsidianApp, host);
		warmSeconds.push(await secondsAsync(() => warm.ensureBuilt()));
	}

	// Keystrokes: typing a search, switching tabs and sorts, as a reader would.
	const query = new QueueQuery();
	query.setItems(cold.all());
	const times: number[] = [];
	const sorts: QueueSort[] = ["saved-newest", "title", "reading-time", "saved-oldest"];
	const statuses: QueueStatus[][] = [["unread"], ["reading"], [], ["archived"]];
	let search = "";
	for (let k = 0; k < 200; k++) {
		if (k % 25 === 24) search = "";
		else search += "rust design "[k % 12];
		const start = performance.now();
		query.run({ ...EMPTY_FILTER, search, statuses: statuses[k % 4] }, sorts[Math.floor(k / 50) % 4]);
		times.push(performance.now() - start);
	}
	return {
		items: cold.all().length,
		coldWorkers,
		queueIndexColdMs: spread(coldSeconds.map((s) => s * 1000)),
		queueIndexWarmMs: spread(warmSeconds.map((s) => s * 1000)),
		queueIndexHeapMB: heapMB,
		queueFilterP50Ms: percentile(times, 50),
		queueFilterP95Ms: percentile(times, 95),
	};
}

export async function measureBatch(count: number): Promise<number> {
	// The queue index measured before leaves 50,000 items of garbage: collected now, not in the middle of the batch.
	global.gc?.();
	const app = await loadedApp(generateVault(count));
	const tidier = new NoteTidier();
	await app.vault.adapter.mkdir("journal");
	const journal = new LazyBatch(new Journal(app.vault.adapter, "journal"), "bench");
	const outcome = await applyBatch(app.vault.getMarkdownFiles() as unknown as ObsidianFile[], {
		app: app as unknown as ObsidianApp,
		tidier,
		openJournal: () => journal.get(),
		clock,
	});
	return outcome.maxStretchMs;
}
