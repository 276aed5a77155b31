// The CLI against its baselines, in child processes over copies of one generated vault: a Node copy
// pass (read + temporary write + rename), a Python regex peer, a read-only pass, and the CLI's first
// tidy, second tidy and `queue --json`. Rounds interleave the passes (each round in another order), so
// load from other work on the machine falls on all of them alike; the ratios are of medians.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { rotate, seconds, spread, type Spread } from "./stats";

export interface CliPaths {
	root: string;
	cli: string;
	work: string;
	pristine: string;
}

export interface CliFigures {
	copy: Spread;
	regex: Spread;
	tidy: Spread;
	read: Spread;
	second: Spread;
	queue: Spread;
	/** `queue --json` run again: from its cache of items. */
	queueAgain: Spread;
	secondPassWrites: number;
	tidyPeakRssMB: number;
}

function run(command: string, args: string[]): void {
	const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 30 });
	if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}`);
}

/** Peak resident memory of a child run, in MB (the child reports its own maxRSS, worker threads included). */
function peakRss(paths: CliPaths, args: string[]): number {
	// The run's own report comes first, as long as its list of problems: the buffer takes all of it.
	const out = execFileSync(process.execPath, ["--require", join(paths.root, "bench", "reportRss.cjs"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 30 });
	const match = /maxRSS=(\d+)/.exec(out);
	return match ? Number(match[1]) / 1024 : NaN;
}

function copyOf(paths: CliPaths, name: string): string {
	const folder = join(paths.work, name);
	rmSync(folder, { recursive: true, force: true });
	cpSync(paths.pristine, folder, { recursive: true });
	return folder;
}

export function measureCli(paths: CliPaths, rounds: number, log: (line: string) => void): CliFigures {
	const times: Record<"copy" | "regex" | "tidy" | "read" | "second" | "queue" | "queueAgain", number[]> = { copy: [], regex: [], tidy: [], read: [], second: [], queue: [], queueAgain: [] };
	const node = (args: string[]) => run(process.execPath, args);
	const pass = join(paths.root, "bench", "nodePass.cjs");
	const peer = join(paths.root, "bench", "regexPeer.py");
	let secondPassWrites = NaN;
	for (let round = 0; round < rounds; round++) {
		const copied = copyOf(paths, "copy");
		const peered = copyOf(paths, "regex");
		const tidied = copyOf(paths, "tidy");
		const afterTidy = [
			() => times.read.push(seconds(() => node([pass, "read", tidied]))),
			() => times.second.push(seconds(() => node([paths.cli, "tidy", tidied]))),
			() => {
				times.queue.push(seconds(() => node([paths.cli, "queue", tidied, "--json"])));
				times.queueAgain.push(seconds(() => node([paths.cli, "queue", tidied, "--json"])));
			},
		];
		const groups = [
			() => times.copy.push(seconds(() => node([pass, "copy", copied]))),
			() => times.regex.push(seconds(() => run("python3", [peer, peered]))),
			() => {
				times.tidy.push(seconds(() => node([paths.cli, "tidy", tidied])));
				for (const measure of rotate(afterTidy, round)) measure();
			},
		];
		for (const measure of rotate(groups, round)) measure();
		if (round === 0) {
			const report = JSON.parse(execFileSync(process.execPath, [paths.cli, "tidy", tidied, "--json"], { encoding: "utf8", maxBuffer: 1 << 30 })) as { written: number };
			secondPassWrites = report.written;
		}
		log(`  round ${round + 1}: copy ${times.copy[round].toFixed(2)} s, regex ${times.regex[round].toFixed(2)} s, tidy ${times.tidy[round].toFixed(2)} s, read ${times.read[round].toFixed(2)} s, second ${times.second[round].toFixed(2)} s, queue ${times.queue[round].toFixed(2)} s, again ${times.queueAgain[round].toFixed(2)} s`);
	}
	const rss = peakRss(paths, [paths.cli, "tidy", copyOf(paths, "rss")]);
	for (const name of ["copy", "regex", "tidy", "rss"]) rmSync(join(paths.work, name), { recursive: true, force: true });
	return {
		copy: spread(times.copy),
		regex: spread(times.regex),
		tidy: spread(times.tidy),
		read: spread(times.read),
		second: spread(times.second),
		queue: spread(times.queue),
		queueAgain: spread(times.queueAgain),
		secondPassWrites,
		tidyPeakRssMB: rss,
	};
}
