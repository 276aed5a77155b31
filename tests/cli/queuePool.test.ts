// A listing's workers only share out the reading: whatever happens to them, every note is listed once,
// in order, as one thread lists it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateVault } from "../../bench/generateVault";
import { NoteTidier } from "../../src/core";
import { readQueueItems } from "../../src/cli/queuePool";
import type { VaultFile } from "../../src/cli/vaultFiles";

let work: string;
let files: VaultFile[];
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-pool-"));
	files = Array.from(generateVault(260, { seed: 5, maxBytes: 4000 })).map((note) => {
		const absolute = join(work, "vault", note.path);
		mkdirSync(dirname(absolute), { recursive: true });
		writeFileSync(absolute, note.text);
		return { absolute, path: note.path, outside: false };
	});
	// One that cannot be read: it is listed as such, not skipped, so the others keep their places.
	files.splice(130, 0, { absolute: join(work, "vault", "gone.md"), path: "gone.md", outside: false });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tidier = new NoteTidier();
const script = (name: string, text: string) => {
	const path = join(work, name);
	writeFileSync(path, text);
	return path;
};

it("lists every note in order on this thread", async () => {
	const listed = await readQueueItems(files, {}, tidier);
	expect(listed).toHaveLength(files.length);
	expect(listed[130]).toEqual({ unreadable: "it does not exist" });
	const items = listed.flatMap((entry) => ("item" in entry && entry.item ? [entry.item] : []));
	expect(items.length).toBeGreaterThan(150);
	expect(items.every((item, i) => i === 0 || files.findIndex((f) => f.path === item.path) > files.findIndex((f) => f.path === items[i - 1].path))).toBe(true);
});

it("lists the same when the workers cannot start, or stop after their first notes", async () => {
	const alone = await readQueueItems(files, {}, tidier);
	// A worker whose script is not there, and one that ends as soon as it is sent notes.
	const missing = join(work, "no-such-script.js");
	const quitter = script("quitter.js", "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n");
	expect(await readQueueItems(files, {}, tidier, { script: missing, jobs: 2 })).toEqual(alone);
	expect(await readQueueItems(files, {}, tidier, { script: quitter, jobs: 2 })).toEqual(alone);
});

it("lists every note once when a worker fails just after sending its first notes back", async () => {
	const alone = await readQueueItems(files, {}, tidier);
	// A worker that answers its first chunk rightly (from the listing above) and then fails: its
	// failure may reach this thread before or after its answer, and the chunks given back to it after.
	const answers = join(work, "answers.json");
	writeFileSync(answers, JSON.stringify(Object.fromEntries(files.map((file, i) => [file.path, alone[i]]))));
	const failing = script(
		"fails-after-answering.js",
		`const { parentPort } = require("node:worker_threads");
const answers = require(${JSON.stringify(answers)});
parentPort.once("message", (chunk) => {
	parentPort.postMessage(chunk.map((file) => answers[file.path]));
	setImmediate(() => { throw new Error("a bug in the engine"); });
});
`,
	);
	// The failure and the answer arrive in either order from one run to the next: try it several times.
	for (let run = 0; run < 8; run++) expect(await readQueueItems(files, {}, tidier, { script: failing, jobs: 2 })).toEqual(alone);
});

it("lists a note the engine fails on as unread, with the reason, and goes on", async () => {
	// An engine whose proxy matcher is missing fails on every note it reads as far as its images.
	const broken = Object.assign(Object.create(NoteTidier.prototype) as object, { ...tidier, proxy: null }) as unknown as NoteTidier;
	const listed = await readQueueItems(files.slice(0, 3), {}, broken);
	expect(listed).toHaveLength(3);
	for (const entry of listed) expect(entry).toEqual({ unreadable: expect.stringMatching(/^Omnivore Queue failed on it \(.+\); please report it$/) as unknown });
});
