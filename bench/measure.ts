// The benchmark (`npm run bench`): builds a 10,000-note vault and measures, side by side in one run,
// the CLI against plain Node passes, the engine's throughput, the queue at 50,000 items and the
// plugin's batch on the fake vault. Prints a table and writes bench/results.json.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { App as ObsidianApp, TFile as ObsidianFile } from "obsidian";
import { App } from "../tests/__mocks__/obsidian";
import { buildQueueItem, EMPTY_FILTER, NoteTidier, QueueQuery, type QueueItem, type QueueSort, type QueueStatus } from "../src/core";
import { applyBatch } from "../src/plugin/batch/tidyBatch";
import { Journal } from "../src/core/journal/journal";
import { LazyBatch } from "../src/core/journal/lazyBatch";
import { generateNote, generateVault } from "./generateVault";

const ROOT = process.env.OMNIVORE_QUEUE_ROOT ?? process.cwd();
const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const QUEUE_ITEMS = Number(process.env.BENCH_QUEUE_ITEMS ?? 50_000);
const CLI = join(ROOT, "dist", "cli.js");
const PASS = join(ROOT, "bench", "nodePass.cjs");

function seconds(run: () => void): number {
	const start = process.hrtime.bigint();
	run();
	return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function writeVault(folder: string): number {
	let bytes = 0;
	for (const note of generateVault(NOTES)) {
		const path = join(folder, note.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, note.text);
		bytes += Buffer.byteLength(note.text);
	}
	return bytes;
}

function node(args: string[]): void {
	const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
	if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}`);
}

/** Peak resident memory of a child run, in MB (the child reports its own maxRSS). */
function peakRss(args: string[]): number {
	const out = execFileSync(process.execPath, ["--require", join(ROOT, "bench", "reportRss.cjs"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
	const match = /maxRSS=(\d+)/.exec(out);
	return match ? Number(match[1]) / 1024 : NaN;
}

function cliMeasures(work: string) {
	const pristine = join(work, "pristine");
	const bytes = writeVault(pristine);
	const rounds = 3;
	const copy: number[] = [];
	const tidy: number[] = [];
	const read: number[] = [];
	const second: number[] = [];
	let secondPassWrites = NaN;
	let rss = NaN;
	for (let round = 0; round < rounds; round++) {
		// Fresh copies each round; the copy pass and the tidy run back to back so machine noise hits both.
		const a = join(work, `copy-${round}`);
		const b = join(work, `tidy-${round}`);
		cpSync(pristine, a, { recursive: true });
		cpSync(pristine, b, { recursive: true });
		copy.push(seconds(() => node([PASS, "copy", a])));
		tidy.push(seconds(() => node([CLI, "tidy", b])));
		read.push(seconds(() => node([PASS, "read", b])));
		second.push(seconds(() => node([CLI, "tidy", b])));
		const report = JSON.parse(execFileSync(process.execPath, [CLI, "tidy", b, "--json"], { encoding: "utf8", maxBuffer: 1 << 30 })) as { written: number };
		secondPassWrites = report.written;
		if (round === 0) {
			const c = join(work, "rss");
			cpSync(pristine, c, { recursive: true });
			rss = peakRss([CLI, "tidy", c]);
		}
		rmSync(a, { recursive: true, force: true });
		rmSync(b, { recursive: true, force: true });
	}
	return {
		megabytes: bytes / 1e6,
		tidyVsCopy: median(tidy) / median(copy),
		secondPassVsRead: median(second) / median(read),
		secondPassWrites,
		tidyPeakRssMB: rss,
		seconds: { copy: median(copy), tidy: median(tidy), read: median(read), second: median(second) },
	};
}

function engineMeasures() {
	const tidier = new NoteTidier();
	const texts = Array.from({ length: Math.min(NOTES, 3000) }, (_, i) => generateNote(i).text);
	const megabytes = texts.reduce((sum, t) => sum + t.length, 0) / 1e6;
	const normalize = seconds(() => texts.forEach((t) => tidier.tidy(t, { images: false })));
	const unwrap = seconds(() => texts.forEach((t) => tidier.unwrapImages(t)));
	return { normalizeMBps: megabytes / normalize, unwrapMBps: megabytes / unwrap };
}

function queueMeasures() {
	const tidier = new NoteTidier();
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const items: QueueItem[] = [];
	let buildSeconds = 0;
	for (let i = 0; i < QUEUE_ITEMS; i++) {
		const note = generateNote(i, { maxBytes: 20000 });
		const start = process.hrtime.bigint();
		const item = buildQueueItem(note.path, note.text, tidier.options, tidier.proxy);
		buildSeconds += Number(process.hrtime.bigint() - start) / 1e9;
		if (item) items.push(item);
	}
	const query = new QueueQuery();
	query.setItems(items);
	global.gc?.();
	const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

	// Keystrokes: typing a search, switching tabs and sorts, as a reader would.
	const times: number[] = [];
	const sorts: QueueSort[] = ["saved-newest", "title", "reading-time", "saved-oldest"];
	const statuses: QueueStatus[][] = [["unread"], ["reading"], [], ["archived"]];
	let search = "";
	for (let k = 0; k < 200; k++) {
		if (k % 25 === 24) search = "";
		else search += "rust design "[k % 12];
		const start = process.hrtime.bigint();
		query.run({ ...EMPTY_FILTER, search, statuses: statuses[k % 4] }, sorts[Math.floor(k / 50) % 4]);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return {
		queueIndexMs: buildSeconds * 1000,
		queueIndexHeapMB: heapMB,
		queueFilterP50Ms: percentile(times, 50),
		queueFilterP95Ms: percentile(times, 95),
		queueItems: items.length,
	};
}

async function batchMeasures(): Promise<{ batchMaxStretchMs: number }> {
	const app = new App();
	app.vault.testLoad(Object.fromEntries([...generateVault(NOTES)].map((n) => [n.path, n.text])));
	await new Promise((resolve) => setTimeout(resolve, 0));
	const tidier = new NoteTidier();
	await app.vault.adapter.mkdir("journal");
	const journal = new LazyBatch(new Journal(app.vault.adapter, "journal"), "bench");
	const outcome = await applyBatch(app.vault.getMarkdownFiles() as unknown as ObsidianFile[], {
		vault: (app as unknown as ObsidianApp).vault,
		tidier,
		openJournal: () => journal.get(),
		clock: { now: () => performance.now(), yieldToUi: () => new Promise((resolve) => setTimeout(resolve, 0)) },
	});
	return { batchMaxStretchMs: outcome.maxStretchMs };
}

async function main(): Promise<void> {
	const work = mkdtempSync(join(tmpdir(), "omnivore-queue-bench-"));
	try {
		process.stdout.write(`Benchmark: ${NOTES} notes, queue of ${QUEUE_ITEMS} items.\n`);
		const cli = cliMeasures(work);
		const engine = engineMeasures();
		const queue = queueMeasures();
		const batch = await batchMeasures();
		const results = {
			notes: NOTES,
			megabytes: cli.megabytes,
			tidyVsCopy: cli.tidyVsCopy,
			secondPassVsRead: cli.secondPassVsRead,
			secondPassWrites: cli.secondPassWrites,
			normalizeMBps: engine.normalizeMBps,
			unwrapMBps: engine.unwrapMBps,
			queueIndexMs: queue.queueIndexMs,
			queueIndexHeapMB: queue.queueIndexHeapMB,
			queueFilterP50Ms: queue.queueFilterP50Ms,
			queueFilterP95Ms: queue.queueFilterP95Ms,
			batchMaxStretchMs: batch.batchMaxStretchMs,
			tidyPeakRssMB: cli.tidyPeakRssMB,
			seconds: cli.seconds,
		};
		const rows: Array<[string, number, string, boolean | null]> = [
			["tidyVsCopy", results.tidyVsCopy, "≤ 1.5", results.tidyVsCopy <= 1.5],
			["secondPassVsRead", results.secondPassVsRead, "≤ 1.3", results.secondPassVsRead <= 1.3],
			["secondPassWrites", results.secondPassWrites, "0", results.secondPassWrites === 0],
			["normalizeMBps", results.normalizeMBps, "", null],
			["unwrapMBps", results.unwrapMBps, "", null],
			["queueIndexMs", results.queueIndexMs, "", null],
			["queueIndexHeapMB", results.queueIndexHeapMB, "< 100", results.queueIndexHeapMB < 100],
			["queueFilterP50Ms", results.queueFilterP50Ms, "", null],
			["queueFilterP95Ms", results.queueFilterP95Ms, "< 16", results.queueFilterP95Ms < 16],
			["batchMaxStretchMs", results.batchMaxStretchMs, "< 50", results.batchMaxStretchMs < 50],
			["tidyPeakRssMB", results.tidyPeakRssMB, "< 300", results.tidyPeakRssMB < 300],
		];
		process.stdout.write(`\nVault: ${results.notes} notes, ${results.megabytes.toFixed(1)} MB\n\n`);
		process.stdout.write(`${"measure".padEnd(20)}${"value".padStart(10)}  ${"target".padEnd(8)}\n`);
		for (const [name, value, target, met] of rows) {
			process.stdout.write(`${name.padEnd(20)}${value.toFixed(2).padStart(10)}  ${target.padEnd(8)}${met === null ? "" : met ? "met" : "MISSED"}\n`);
		}
		const s = results.seconds;
		process.stdout.write(`\n(seconds: copy ${s.copy.toFixed(2)}, tidy ${s.tidy.toFixed(2)}, read ${s.read.toFixed(2)}, second tidy ${s.second.toFixed(2)})\n`);
		writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
		process.stdout.write("Wrote bench/results.json\n");
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

void main();
