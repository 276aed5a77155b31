// `images` then `undo`, run as real processes against a local HTTP server: undo takes back exactly
// the files that run created, and nothing a user or an earlier run owns.

import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli } from "./builtCli";
import { png, startImageServer, type ImageServer } from "./imageServer";
import { snapshot } from "./vaultSnapshot";

// Each test runs the CLI several times as child processes: on a loaded machine that takes seconds.
jest.setTimeout(30_000);

let server: ImageServer;
let cli: ReturnType<typeof buildCli>;
let work: string;
let vault: string;
beforeAll(async () => {
	cli = buildCli("images-undo");
	server = await startImageServer();
});
afterAll(async () => {
	await server.close();
	cli.remove();
});
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-images-undo-"));
	vault = join(work, "vault");
	mkdirSync(vault);
	server.hits.clear();
});
afterEach(() => {
	rmSync(work, { recursive: true, force: true });
});

/** The CLI as a child process; asynchronous, so the server in this process can answer it. */
function run(...args: string[]): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [cli.bundle, ...args], { encoding: "utf8" }, (error, stdout) => {
			resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout });
		});
	});
}

const images = () => run("images", vault, "--no-archive");
const attachments = () => join(vault, "Omnivore", "attachments");
const attachment = (name: string) => join(attachments(), name);
const read = (path: string) => readFileSync(path, "utf8");

function note(name: string, body: string): string {
	const path = join(vault, `${name}.md`);
	writeFileSync(path, `---\r\nid: 0f6e7c1a-2b3c-4d5e-8f90-${name.length.toString().padStart(12, "0")}\r\ntitle: ${name}\r\n---\r\n#Omnivore\r\n\r\n[Read Original](https://example.com/${name})\r\n\r\n${body}`);
	return path;
}

/** The vault without the tool's own folder (journal, record, lock). */
function userFiles(): Map<string, string> {
	const files = snapshot(vault);
	for (const path of files.keys()) if (path.startsWith("/.omnivore-queue/")) files.delete(path);
	return files;
}

test("undo restores every note byte for byte and removes the files the run downloaded; images again downloads and links them", async () => {
	note("First", `![a](${server.base}/img/a.png)\r\n<img src="${server.base}/img/b.png" width="2">\r\n`);
	note("Second", `![same](${server.base}/same/one.png) and ![again](${server.base}/img/a.png)\r\n`);
	const before = userFiles();
	expect((await images()).code).toBe(0);
	const downloaded = readdirSync(attachments()).sort();
	expect(downloaded).toEqual(["a.png", "b.png", "one.png"]);
	const afterImages = userFiles();

	const undo = await run("undo", vault);
	expect(undo.code).toBe(0);
	expect(undo.out).toMatch(/2 notes restored, 3 files it created removed\./);
	expect(userFiles()).toEqual(before);
	// The attachments folder the run made goes with its files.
	expect(existsSync(attachments())).toBe(false);

	server.hits.clear();
	expect((await images()).code).toBe(0);
	expect(server.hits.get("/img/a.png")).toBe(1);
	expect(userFiles()).toEqual(afterImages);
});

test("a file there before, a file changed since, one an earlier run made, and one a kept note links to all stay", async () => {
	mkdirSync(attachments(), { recursive: true });
	writeFileSync(attachment("mine.png"), "the user's own");
	const earlier = note("Earlier", `![](${server.base}/img/earlier.png)\r\n`);
	expect((await images()).code).toBe(0);
	expect(read(earlier)).toContain("![](Omnivore/attachments/earlier.png)");

	const later = note("Later", `![](${server.base}/img/earlier.png) ![](${server.base}/img/mine.png) ![](${server.base}/img/changed.png)\r\n`);
	const kept = note("Kept", `![](${server.base}/img/linked.png)\r\n`);
	const laterBefore = read(later);
	expect((await images()).code).toBe(0);
	expect(read(later)).toContain("![](Omnivore/attachments/mine%201.png)");
	writeFileSync(attachment("changed.png"), "edited in an image editor");
	writeFileSync(kept, `${read(kept)}\r\nMy note on the picture.\r\n`);

	const undo = await run("undo", vault);
	expect(undo.code).toBe(0);
	expect(read(later)).toBe(laterBefore);
	expect(read(kept)).toContain("Omnivore/attachments/linked.png");
	expect(undo.out).toMatch(/changed\.png: It was changed after this run created it, so it was kept\./);
	expect(undo.out).toMatch(/linked\.png: "Kept\.md" links to it, so it was kept\./);
	expect(readdirSync(attachments()).sort()).toEqual(["changed.png", "earlier.png", "linked.png", "mine.png"]);
	expect(read(attachment("mine.png"))).toBe("the user's own");
	expect(readFileSync(attachment("earlier.png"))).toEqual(png("earlier.png"));
	expect(read(earlier)).toContain("![](Omnivore/attachments/earlier.png)");

	// The record names changed.png with other bytes: the next run does not link it, it downloads again.
	server.hits.clear();
	expect((await images()).code).toBe(0);
	expect(server.hits.get("/img/changed.png")).toBe(1);
	expect(server.hits.has("/img/earlier.png")).toBe(false);
	expect(read(later)).toContain("![](Omnivore/attachments/changed%201.png)");
	expect(read(later)).toContain("![](Omnivore/attachments/earlier.png)");
	expect(read(attachment("changed.png"))).toBe("edited in an image editor");
	expect(existsSync(attachment("mine 1.png"))).toBe(true);
});

test("an image a later run's note or the user's own note still shows is kept when the run that downloaded it is undone", async () => {
	const first = note("First", `![](${server.base}/img/shared.png) ![](${server.base}/img/own.png)\r\n`);
	const firstBefore = read(first);
	expect((await images()).code).toBe(0);
	// A later run finds the same image and takes the file the first run made.
	const second = note("Second", `![](${server.base}/img/shared.png)\r\n`);
	expect((await images()).code).toBe(0);
	expect(read(second)).toContain("![](Omnivore/attachments/shared.png)");
	writeFileSync(second, `${read(second)}\r\nMy words on it.\r\n`);
	writeFileSync(join(vault, "Summary.md"), "# What I kept\n\n![[own.png]]\n");

	const undoSecond = await run("undo", vault);
	expect(undoSecond.out).toMatch(/Second\.md: It was edited after this run wrote it/);
	const undoFirst = await run("undo", vault);
	expect(undoFirst.code).toBe(0);
	expect(read(first)).toBe(firstBefore);
	expect(undoFirst.out).toMatch(/shared\.png: "Second\.md" links to it, so it was kept\./);
	expect(undoFirst.out).toMatch(/own\.png: "Summary\.md" links to it, so it was kept\./);
	// Files kept, not notes: there is no earlier text for --show to print.
	expect(undoFirst.out).not.toContain("--show");
	expect(readdirSync(attachments()).sort()).toEqual(["own.png", "shared.png"]);
});

test("an image the run linked with escapes in its name, or a canvas shows, is kept when its note was edited or the canvas links it", async () => {
	const shot = note("Shot", `![](${server.base}/img/Screenshot%20(1).png) ![](${server.base}/img/caf%C3%A9%20chart.png) ![](${server.base}/img/board.png)\r\n`);
	expect((await images()).code).toBe(0);
	expect(read(shot)).toContain("Screenshot%20%281%29.png");
	writeFileSync(shot, `${read(shot)}\r\nMy notes.\r\n`);
	writeFileSync(join(vault, "Board.canvas"), JSON.stringify({ nodes: [{ id: "1", type: "file", file: "Omnivore/attachments/board.png", x: 0, y: 0, width: 400, height: 300 }], edges: [] }));
	const undo = await run("undo", vault);
	expect(undo.out).toMatch(/Screenshot \(1\)\.png: "Shot\.md" links to it/);
	expect(undo.out).toMatch(/café chart\.png: "Shot\.md" links to it/);
	expect(readdirSync(attachments()).sort()).toEqual(["Screenshot (1).png", "board.png", "café chart.png"]);
});

