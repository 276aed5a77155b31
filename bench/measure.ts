// The benchmark (`npm run bench`): generates a vault of every note shape (on tmpfs when /dev/shm
// exists) and measures, side by side in one run, the CLI against a Node copy pass, a Python regex
// peer and a read-only pass; the engine's throughput on one thread; the plugin's queue index and
// batch on the fake Obsidian. Prints medians with min and max and writes bench/results.json.
// BENCH_QUICK=1: a small vault and queue, for a smoke run.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { NoteTidier } from "../src/core";
import { measureCli, type CliFigures } from "./cliPasses";
import { generateVault } from "./generateVault";
import { measureBatch, measureQueueIndex } from "./pluginPasses";
import { seconds, spread, type Spread } from "./stats";

const ROOT = process.env.OMNIVORE_QUEUE_ROOT ?? process.cwd();
const QUICK = process.env.BENCH_QUICK === "1";
const NOTES = Number(process.env.BENCH_NOTES ?? (QUICK ? 300 : 10_400));
const QUEUE_ITEMS = Number(process.env.BENCH_QUEUE_ITEMS ?? (QUICK ? 2_000 : 50_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const log = (line: string) => process.stdout.write(`${line}\n`);

function writeVault(folder: string): { bytes: number; texts: string[] } {
	let bytes = 0;
	const texts: string[] = [];
	for (const note of generateVault(NOTES)) {
		const path = join(folder, note.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, note.text);
		bytes += Buffer.byteLength(note.text);
		texts.push(note.text);
	}
	return { bytes, texts };
}

/** The engine alone, one thread, in memory: megabytes of notes tidied (frontmatter and images) a second. */
function measureEngine(texts: string[], megabytes: number): Spread {
	const tidier = new NoteTidier();
	const rates: number[] = [];
	for (let round = 0; round < ROUNDS; round++) rates.push(megabytes / seconds(() => texts.forEach((text) => tidier.tidy(text))));
	return spread(rates);
}

function row(name: string, value: number, target: string, met: boolean | null, detail = ""): string {
	return `${name.padEnd(20)}${value.toFixed(2).padStart(10)}  ${target.padEnd(8)}${(met === null ? "" : met ? "met" : "MISSED").padEnd(8)}${detail}`;
}

const show = (s: Spread) => `median ${s.median.toFixed(2)}, min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)}`;

async function main(): Promise<void> {
	const onTmpfs = existsSync("/dev/shm");
	const work = mkdtempSync(join(onTmpfs ? "/dev/shm" : tmpdir(), "omnivore-queue-bench-"));
	try {
		log(`Benchmark${QUICK ? " (quick)" : ""}: ${NOTES} notes, queue of ${QUEUE_ITEMS} items, ${ROUNDS} interleaved rounds.`);
		log(`Working in ${work} (${onTmpfs ? "tmpfs" : "the system's temporary folder, not tmpfs: disk stalls count"}); load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}.`);
		const pristine = join(work, "pristine");
		const vault = writeVault(pristine);
		const megabytes = vault.bytes / 1e6;
		log(`Vault: ${NOTES} notes, ${megabytes.toFixed(1)} MB.`);
		const cli: CliFigures = measureCli({ root: ROOT, cli: join(ROOT, "dist", "cli.js"), work, pristine }, ROUNDS, log);
		const engine = measureEngine(vault.texts, megabytes);
		vault.texts.length = 0;
		const queue = await measureQueueIndex(QUEUE_ITEMS, ROUNDS);
		// Rounds as for the other passes: a major collection of the fake vault's heap (over a gigabyte)
		// now and then lands inside one note and makes a single run's longest stretch about 100 ms.
		const batch: number[] = [];
		for (let round = 0; round < ROUNDS; round++) batch.push(await measureBatch(NOTES));
		const batchStretch = spread(batch);
		const batchMaxStretchMs = batchStretch.median;
		const results = {
			engineMBps: engine.median,
			tidyVsCopy: cli.tidy.median / cli.copy.median,
			tidyVsRegex: cli.tidy.median / cli.regex.median,
			secondPassVsRead: cli.second.median / cli.read.median,
			secondPassWrites: cli.secondPassWrites,
			queueVsRead: cli.queue.median / cli.read.median,
			queueIndexColdMs: queue.queueIndexColdMs.median,
			queueIndexWarmMs: queue.queueIndexWarmMs.median,
			queueIndexHeapMB: queue.queueIndexHeapMB,
			queueFilterP50Ms: queue.queueFilterP50Ms,
			queueFilterP95Ms: queue.queueFilterP95Ms,
			batchMaxStretchMs,
			tidyPeakRssMB: cli.tidyPeakRssMB,
			notes: NOTES,
			megabytes,
			cores: availableParallelism(),
		};
		log("");
		log(`${"measure".padEnd(20)}${"value".padStart(10)}  ${"target".padEnd(8)}`);
		log(row("engineMBps", results.engineMBps, "≥ 100", results.engineMBps >= 100, `(MB/s: ${show(engine)})`));
		log(row("tidyVsCopy", results.tidyVsCopy, "≤ 1.5", results.tidyVsCopy <= 1.5));
		log(row("tidyVsRegex", results.tidyVsRegex, "≤ 1.5", results.tidyVsRegex <= 1.5));
		log(row("secondPassVsRead", results.secondPassVsRead, "≤ 1.0", results.secondPassVsRead <= 1.0));
		log(row("secondPassWrites", results.secondPassWrites, "0", results.secondPassWrites === 0));
		log(row("queueVsRead", results.queueVsRead, "≤ 1.5", results.queueVsRead <= 1.5));
		log(row("  queue again", cli.queueAgain.median / cli.read.median, "", null, "(queue --json from its cache, vs read; not in results.json)"));
		log(row("queueIndexColdMs", results.queueIndexColdMs, "≤ 3000", results.queueIndexColdMs <= 3000, `(${queue.items} items; ${queue.coldWorkers > 0 ? `on ${queue.coldWorkers} worker threads` : "on the main thread"}; ${show(queue.queueIndexColdMs)})`));
		log(row("queueIndexWarmMs", results.queueIndexWarmMs, "≤ 500", results.queueIndexWarmMs <= 500, `(${show(queue.queueIndexWarmMs)})`));
		log(row("queueIndexHeapMB", results.queueIndexHeapMB, "< 100", results.queueIndexHeapMB < 100));
		log(row("queueFilterP50Ms", results.queueFilterP50Ms, "", null));
		log(row("queueFilterP95Ms", results.queueFilterP95Ms, "< 16", results.queueFilterP95Ms < 16));
		log(row("batchMaxStretchMs", results.batchMaxStretchMs, "≤ 50", results.batchMaxStretchMs <= 50, `(ms, the longest of each run: ${show(batchStretch)})`));
		log(row("tidyPeakRssMB", results.tidyPeakRssMB, "< 300", results.tidyPeakRssMB < 300));
		log("");
		log("Seconds per pass over the vault:");
		for (const [name, figures] of Object.entries({ copy: cli.copy, regex: cli.regex, tidy: cli.tidy, read: cli.read, "second tidy": cli.second, "queue --json": cli.queue, "queue again": cli.queueAgain })) {
			log(`  ${name.padEnd(14)}${show(figures)}`);
		}
		log(`Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(" ")}; ${results.cores} cores.`);
		writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
		log("Wrote bench/results.json");
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

void main();
