// A second run skips notes the first one left clean, unless they changed since.
jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});
import * as fs from "node:fs";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NoteTidier, TIDY_RULES_VERSION } from "../../src/core";
import { fingerprint } from "../../src/cli/checkedNotes";
import { main } from "../../src/cli/main";
import type { VaultReport } from "../../src/cli/tidyVault";

let vault: string;
beforeEach(() => {
	vault = join(mkdtempSync(join(tmpdir(), "omnivore-queue-checked-")), "vault");
	cpSync(join(__dirname, "..", "..", "demo-vault"), vault, { recursive: true });
});
afterEach(() => rmSync(join(vault, ".."), { recursive: true, force: true }));

async function tidy(...args: string[]): Promise<VaultReport> {
	let out = "";
	await main(["tidy", vault, "--json", ...args], { out: (t) => (out += t), err: (t) => (out += t) });
	return JSON.parse(out) as VaultReport;
}

const reads = fs.readFileSync as jest.MockedFunction<typeof fs.readFileSync>;

const problemCount = (report: VaultReport) => report.notes.reduce((sum, n) => sum + n.problems.length, 0);

it("reads no note again on a second run, and still reports the problems left", async () => {
	const first = await tidy();
	reads.mockClear();
	const second = await tidy();
	// The only file read is the record of the first run (notes are read through a descriptor).
	const noteReads = reads.mock.calls.filter(([path]) => typeof path !== "string" || path.endsWith(".md"));
	expect(noteReads).toEqual([]);
	expect(second).toMatchObject({ scanned: 11, omnivoreNotes: 10, changed: 0, written: 0 });
	expect(problemCount(second)).toBe(problemCount(first));
	expect(problemCount(second)).toBeGreaterThan(0);
});

it("reads a note again once it changed, and everything with --force or other settings", async () => {
	await tidy();
	const note = join(vault, "Omnivore", "2023-11-02", "How SQLite Scales Read Concurrency.md");
	appendFileSync(note, "\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://fly.io/new.png)\n");
	const second = await tidy();
	expect(second.written).toBe(1);
	expect(fs.readFileSync(note, "utf8")).toContain("![](https://fly.io/new.png)");

	reads.mockClear();
	await tidy("--force");
	const forced = reads.mock.calls.length;
	reads.mockClear();
	await tidy("--date-order", "day-first");
	const otherSettings = reads.mock.calls.length;
	expect(forced).toBeGreaterThanOrEqual(11);
	expect(otherSettings).toBeGreaterThanOrEqual(11);
});

it("trusts no verdict of a run whose tidy followed other rules, though the CLI's version is the same", () => {
	const { options } = new NoteTidier();
	expect(fingerprint("0.1.0", options, TIDY_RULES_VERSION)).toBe(fingerprint("0.1.0", options));
	expect(fingerprint("0.1.0", options, TIDY_RULES_VERSION - 1)).not.toBe(fingerprint("0.1.0", options));
});

it("leaves the record alone in a dry run", async () => {
	await tidy("--dry-run");
	expect(fs.existsSync(join(vault, ".omnivore-queue", "checked.json"))).toBe(false);
});
