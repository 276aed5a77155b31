// A tidy run killed half-way leaves every note either as it was or fully tidied, and undo puts back
// what it had written.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildSync } from "esbuild";
import { NoteTidier } from "../../src/core";
import { generateVault } from "../../bench/generateVault";
import { main } from "../../src/cli/main";
import { JOURNAL_FOLDER } from "../../src/cli/journalStorage";

const ROOT = join(__dirname, "..", "..");
const tidier = new NoteTidier();

let work: string;
let bundle: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-crash-"));
	bundle = join(work, "cli.js");
	buildSync({ entryPoints: [join(ROOT, "src", "cli", "index.ts")], bundle: true, platform: "node", format: "cjs", outfile: bundle, logLevel: "silent" });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function journalEntries(vault: string): number {
	const folder = join(vault, ...JOURNAL_FOLDER.split("/"));
	if (!existsSync(folder)) return 0;
	// Only batch files: a temporary file of an atomic write may be renamed away between listing and reading.
	return readdirSync(folder).filter((file) => file.endsWith(".jsonl")).reduce((sum, file) => sum + readFileSync(join(folder, file), "utf8").split("\n").length - 2, 0);
}

async function run(...args: string[]): Promise<string> {
	let out = "";
	await main(args, { out: (t) => (out += t), err: (t) => (out += t) });
	return out;
}

function writeVault(vault: string, seed: number) {
	const notes = [...generateVault(1500, { seed })];
	for (const note of notes) {
		mkdirSync(dirname(join(vault, note.path)), { recursive: true });
		writeFileSync(join(vault, note.path), note.text);
	}
	return notes;
}

/** Runs tidy and sends `signal` once 100 notes are journaled; how it ended, and how long after the signal. */
function tidyStoppedBy(vault: string, signal: NodeJS.Signals, ...args: string[]): Promise<{ signal: NodeJS.Signals | null; afterMs: number }> {
	const child = spawn(process.execPath, [bundle, "tidy", vault, ...args], { stdio: "ignore" });
	let sentAt = 0;
	return new Promise((resolve, reject) => {
		const poll = setInterval(() => {
			if (journalEntries(vault) >= 100) {
				clearInterval(poll);
				sentAt = performance.now();
				child.kill(signal);
			}
		}, 2);
		child.on("exit", (_code, ended) => {
			clearInterval(poll);
			resolve({ signal: ended, afterMs: performance.now() - sentAt });
		});
		child.on("error", reject);
	});
}

it("survives a kill in the middle of a large run, and undo restores the rest", async () => {
	const vault = join(work, "vault");
	const notes = writeVault(vault, 7);
	await tidyStoppedBy(vault, "SIGKILL");

	let written = 0;
	let untouched = 0;
	for (const note of notes) {
		const now = readFileSync(join(vault, note.path), "utf8");
		const tidied = tidier.tidy(note.text).text;
		if (now === tidied && now !== note.text) written++;
		else expect(now).toBe(note.text);
		if (now === note.text && tidied !== note.text) untouched++;
	}
	// The kill really landed half-way.
	expect(written).toBeGreaterThan(0);
	expect(untouched).toBeGreaterThan(0);

	expect(await run("undo", vault)).toMatch(new RegExp(`^Undid "omnivore-queue tidy" of .*: ${written} notes restored\\.\\n$`));
	for (const note of notes) expect(readFileSync(join(vault, note.path), "utf8")).toBe(note.text);
}, 120_000);

it("stops at once on Ctrl-C, even on one thread, and a second run does the rest", async () => {
	const vault = join(work, "interrupted");
	const notes = writeVault(vault, 11);
	// A handler of ours would only run when the event loop turns, which a run on one thread seldom lets it do.
	const stopped = await tidyStoppedBy(vault, "SIGINT", "--jobs", "1");
	expect(stopped.signal).toBe("SIGINT");
	expect(stopped.afterMs).toBeLessThan(1000);
	const changedBefore = notes.filter((note) => readFileSync(join(vault, note.path), "utf8") !== note.text).length;
	expect(changedBefore).toBeGreaterThan(0);
	expect(changedBefore).toBeLessThan(notes.length);

	// The lock of the stopped run is taken over, its temporary files are removed, and the rest is tidied.
	expect(await run("tidy", vault)).toMatch(/^Scanned 1500 notes/);
	for (const note of notes) expect(readFileSync(join(vault, note.path), "utf8")).toBe(tidier.tidy(note.text).text);
	expect(readdirSync(vault, { recursive: true }).filter((name) => String(name).endsWith(".tmp"))).toEqual([]);
}, 120_000);
