// A run of `images` or `import` that wrote nothing (every file it meant to create was refused) leaves
// no undo batch: the journal keeps five runs, and such batches would push the user's real runs out.

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { exportFiles, zipOf } from "../core/import/exportFixture";
import { startImageServer, type ImageServer } from "./imageServer";

let server: ImageServer;
let work: string;
let vault: string;
beforeAll(async () => {
	server = await startImageServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-failed-run-"));
	vault = join(work, "vault");
	mkdirSync(vault);
});
afterEach(() => {
	rmSync(work, { recursive: true, force: true });
});

async function run(...args: string[]) {
	let out = "";
	let err = "";
	const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
	return { code, out, err };
}

const UNTIDY = `---\nid: 0f6e7c1a-2b3c-4d5e-8f90-123456789abc\ntitle: |\n  An article\n---\n# An article\n#Omnivore\n\n[Read Original](https://example.com/post)\n\n`;
const batches = () => readdirSync(join(vault, ".omnivore-queue", "journal")).filter((name) => name.endsWith(".jsonl"));

test("images runs that could save no file leave no batch, so the tidy before them can still be undone", async () => {
	const path = join(vault, "Article.md");
	const before = `${UNTIDY}![](${server.base}/img/a.png)\n`;
	writeFileSync(path, before);
	expect((await run("tidy", vault)).code).toBe(0);
	// A file where the attachment folder should be: no image can be saved.
	mkdirSync(join(vault, "Omnivore"));
	writeFileSync(join(vault, "Omnivore", "attachments"), "mine");
	for (let i = 0; i < 5; i++) {
		const { code, out } = await run("images", vault, "--no-archive", "--retry-failed");
		expect(code).toBe(1);
		expect(out).toMatch(/could not be saved/);
	}
	expect(batches()).toHaveLength(1);
	expect((await run("undo", vault)).code).toBe(0);
	expect(readFileSync(path, "utf8")).toBe(before);
});

test("an import that could create no note leaves no batch: undo takes back the run before it, not notes never made", async () => {
	const zip = join(work, "export.zip");
	writeFileSync(zip, zipOf(exportFiles()));
	const path = join(vault, "Article.md");
	writeFileSync(path, UNTIDY);
	expect((await run("tidy", vault)).code).toBe(0);
	// A file where the import's folder should be: no note can be created.
	writeFileSync(join(vault, "Omnivore"), "mine");
	for (let i = 0; i < 5; i++) {
		const { code, out } = await run("import", zip, vault);
		expect(code).toBe(1);
		expect(out).toMatch(/0 notes created/);
	}
	expect(batches()).toHaveLength(1);
	const undo = await run("undo", vault);
	expect(undo.out).toMatch(/^Undid "omnivore-queue tidy"/);
	expect(undo.out).not.toMatch(/No longer where the run created them/);
	expect(readFileSync(path, "utf8")).toBe(UNTIDY);
});
