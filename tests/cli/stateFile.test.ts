// The tool's own files are read only when they are regular files: a FIFO put in their place would
// block a read for ever, and every later run with it.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readStateText } from "../../src/cli/stateFile";

const hasFifo = process.platform !== "win32";
let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "omnivore-queue-state-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

it("reads a regular file, and refuses at once what is not one", () => {
	writeFileSync(join(work, "queue.json"), "{}");
	expect(readStateText(join(work, "queue.json"))).toBe("{}");
	expect(() => readStateText(work)).toThrow();
});

(hasFifo ? it : it.skip)("lists the queue and tidies a vault whose cache, record and lock are FIFOs, without waiting on them", async () => {
	const vault = join(work, "vault");
	cpSync(join(__dirname, "..", "..", "demo-vault"), vault, { recursive: true });
	mkdirSync(join(vault, ".omnivore-queue"));
	for (const name of ["queue.json", "checked.json"]) execFileSync("mkfifo", [join(vault, ".omnivore-queue", name)]);
	let out = "";
	const output = { out: (t: string) => (out += t), err: (t: string) => (out += t) };
	expect(await main(["queue", vault, "--json"], output)).toBe(0);
	expect((JSON.parse(out) as { items: unknown[] }).items.length).toBeGreaterThan(5);
	// A lock that cannot be read, fresh, is taken for another run's (an old one is taken over): one line, no wait.
	execFileSync("mkfifo", [join(vault, ".omnivore-queue", "lock")]);
	out = "";
	expect(await main(["tidy", vault], output)).toBe(2);
	expect(out).toMatch(/^omnivore-queue: another omnivore-queue run is working on this vault\./);
}, 20_000);

it("reads a file of any size to its last byte", () => {
	for (const size of [0, 1, 4096, 65536 * 3 + 17]) {
		const text = "x".repeat(size);
		writeFileSync(join(work, "journal.jsonl"), text);
		expect(readStateText(join(work, "journal.jsonl"))).toBe(text);
	}
});
