// `queue` run again reads only the notes changed since, and lists exactly what a fresh run lists.
jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});
import * as fs from "node:fs";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { QUEUE_CACHE_FILE } from "../../src/cli/queueCache";

let vault: string;
beforeEach(() => {
	vault = join(mkdtempSync(join(tmpdir(), "omnivore-queue-cache-")), "vault");
	cpSync(join(__dirname, "..", "..", "demo-vault"), vault, { recursive: true });
});
afterEach(() => rmSync(join(vault, ".."), { recursive: true, force: true }));

async function run(...args: string[]): Promise<string> {
	let out = "";
	await main([...args], { out: (t) => (out += t), err: (t) => (out += t) });
	return out;
}

const reads = fs.readFileSync as jest.MockedFunction<typeof fs.readFileSync>;
const noteReads = () => reads.mock.calls.filter(([path]) => typeof path === "string" && path.endsWith(".md")).length;

it("leaves a vault never tidied as it was", async () => {
	await run("queue", vault, "--json");
	expect(existsSync(join(vault, ".omnivore-queue"))).toBe(false);
});

it("reads no note again once tidy made its folder, and lists the same", async () => {
	await run("tidy", vault);
	const first = await run("queue", vault, "--json");
	expect(existsSync(join(vault, QUEUE_CACHE_FILE))).toBe(true);
	reads.mockClear();
	const second = await run("queue", vault, "--json");
	expect(noteReads()).toBe(0);
	expect(second).toBe(first);
	expect((JSON.parse(second) as { items: unknown[] }).items.length).toBeGreaterThan(5);
});

it("reads a note changed since, and forgets one deleted", async () => {
	await run("tidy", vault);
	await run("queue", vault, "--json");
	const note = join(vault, "Omnivore", "2023-11-02", "How SQLite Scales Read Concurrency.md");
	const text = fs.readFileSync(note, "utf8");
	writeFileSync(note, text.replace(/^title: .*$/m, "title: A title changed since"));
	reads.mockClear();
	const items = (JSON.parse(await run("queue", vault, "--json")) as { items: Array<{ title: string; path: string }> }).items;
	expect(noteReads()).toBe(1);
	expect(items.find((item) => item.path.endsWith("How SQLite Scales Read Concurrency.md"))?.title).toBe("A title changed since");

	rmSync(note);
	const after = (JSON.parse(await run("queue", vault, "--json")) as { items: Array<{ path: string }> }).items;
	expect(after.some((item) => item.path.endsWith("How SQLite Scales Read Concurrency.md"))).toBe(false);
	expect(after.length).toBe(items.length - 1);
});

it("reads a note edited to the same size with its modification time set back, in tidy and queue alike", async () => {
	const note = join(vault, "Omnivore", "2023-11-02", "How SQLite Scales Read Concurrency.md");
	await run("tidy", vault);
	// A whole second, which a tool can put back exactly.
	fs.utimesSync(note, 1700000000, 1700000000);
	await run("tidy", vault);
	await run("queue", vault, "--json");
	const before = fs.statSync(note);
	const text = fs.readFileSync(note, "utf8");
	const edited = text.replace(/^status: \w+$/m, (line) => `status: ${"x".repeat(line.length - "status: ".length)}`);
	expect(edited).not.toBe(text);
	expect(edited.length).toBe(text.length);
	// In place (same inode), same size, the old modification time put back: only the change time tells.
	writeFileSync(note, edited);
	fs.utimesSync(note, 1700000000, 1700000000);
	expect([fs.statSync(note).ino, fs.statSync(note).size, fs.statSync(note).mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
	reads.mockClear();
	const items = (JSON.parse(await run("queue", vault, "--json")) as { items: Array<{ path: string; status: string }> }).items;
	expect(noteReads()).toBe(1);
	expect(items.find((item) => item.path.endsWith("How SQLite Scales Read Concurrency.md"))?.status).toBe("unknown");
	// Tidy reads it again too (a note it skipped would show the problems it had before, none).
	expect(await run("tidy", vault, "--json")).toContain("xxxxxx");
});

it("reads every note again under other settings", async () => {
	await run("tidy", vault);
	await run("queue", vault, "--json");
	reads.mockClear();
	await run("queue", vault, "--json", "--match", "tag");
	expect(noteReads()).toBeGreaterThanOrEqual(10);
});

it("reads again, and lists as a fresh run does, a note whose cached item was damaged (a hand edit, a sync)", async () => {
	await run("tidy", vault);
	const first = await run("queue", vault, "--json");
	// Each note a row: path, stamp, item (its fields in order: title, author, site, url, tags, status, ...).
	const cache = JSON.parse(fs.readFileSync(join(vault, QUEUE_CACHE_FILE), "utf8")) as { notes: Array<[string, string, unknown[] | null]> };
	const [damaged, other] = cache.notes.filter((note) => note[2] !== null);
	damaged[2]?.splice(0, 1, 123);
	other[2]?.splice(5, 1);
	writeFileSync(join(vault, QUEUE_CACHE_FILE), JSON.stringify(cache));
	reads.mockClear();
	expect(await run("queue", vault, "--json")).toBe(first);
	expect(noteReads()).toBe(2);
	expect(await run("queue", vault, "--search", "sqlite")).toContain("SQLite");
});
