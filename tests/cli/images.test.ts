// `omnivore-queue images` against a real HTTP server on 127.0.0.1.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { imagesVault } from "../../src/cli/imagesVault";
import { png, startImageServer, SVG, type ImageServer } from "./imageServer";
import { snapshot } from "./vaultSnapshot";

const PROXY = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";

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
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-images-"));
	vault = join(work, "vault");
	mkdirSync(vault);
	server.hits.clear();
});
afterEach(() => {
	rmSync(work, { recursive: true, force: true });
});

function note(name: string, body: string, frontmatter = "id: 0f6e7c1a-2b3c-4d5e-8f90-123456789abc\ntitle: An article\n"): string {
	const path = join(vault, `${name}.md`);
	mkdirSync(join(path, ".."), { recursive: true });
	writeFileSync(path, `---\n${frontmatter}---\n# ${name}\n#Omnivore\n\n[Read Original](https://example.com/post)\n\n${body}`);
	return path;
}

async function run(...args: string[]) {
	let out = "";
	let err = "";
	const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
	return { code, out, err };
}

const archive = () => `${server.base}/archive/{url}`;
const images = (...extra: string[]) => run("images", vault, "--archive", archive(), ...extra);
const attachments = () => join(vault, "Omnivore", "attachments");
const read = (path: string) => readFileSync(path, "utf8");

describe("images", () => {
	test("downloads every kind of image reference, rewrites only the URL, and a second run changes nothing", async () => {
		const b = server.base;
		const path = note(
			"Reading list",
			[
				`![A chart](${b}/img/chart.png "The title")`,
				`[![](${b}/img/linked.png)](https://example.com/full%5Fsize)`,
				`![By reference][fig]`,
				`<img src="${b}/img/html.png" alt="kept" width="300" srcset="${b}/img/small.png 1x, ${b}/img/w_424,c_limit.png 2x">`,
				`See [the image](${b}/img/plain-link.png) itself.`,
				"`" + `![](${b}/img/in-code.png)` + "`",
				"```",
				`![](${b}/img/in-fence.png)`,
				"```",
				`![](data:image/png;base64,iVBORw0KGgo=)`,
				"",
				`[fig]: ${b}/img/figure.png`,
				"",
			].join("\n"),
		);
		const { code, out } = await images();
		expect(code).toBe(0);
		expect(out).toMatch(/Downloaded 6 images/);
		const text = read(path);
		expect(text).toContain('![A chart](Omnivore/attachments/chart.png "The title")');
		expect(text).toContain("[![](Omnivore/attachments/linked.png)](https://example.com/full%5Fsize)");
		expect(text).toContain("[fig]: Omnivore/attachments/figure.png");
		expect(text).toContain('<img src="Omnivore/attachments/html.png" alt="kept" width="300" srcset="Omnivore/attachments/small.png 1x, Omnivore/attachments/w_424,c_limit.png 2x">');
		expect(text).toContain(`See [the image](${b}/img/plain-link.png) itself.`);
		expect(text).toContain(`${b}/img/in-code.png`);
		expect(text).toContain(`${b}/img/in-fence.png`);
		expect(text).toContain("![](data:image/png;base64,iVBORw0KGgo=)");
		expect(readFileSync(join(attachments(), "chart.png"))).toEqual(png("chart.png"));
		expect(server.hits.has("/img/plain-link.png")).toBe(false);
		expect([...server.userAgents].every((ua) => /omnivore-queue/.test(ua))).toBe(true);

		const before = snapshot(vault);
		const hits = new Map(server.hits);
		const again = await images();
		expect(again.code).toBe(0);
		expect(server.hits).toEqual(hits);
		expect(snapshot(vault)).toEqual(before);
	});

	test("unwraps proxied images and never asks the proxy; a proxied data: image becomes the data URI", async () => {
		const path = note("Proxied", `![](${PROXY}/${server.base}/img/proxied.png)\n\n![](${PROXY}/data:image/svg+xml;base64,PHN2Zy8+)\n`);
		const { code } = await images();
		expect(code).toBe(0);
		expect(read(path)).toContain("![](Omnivore/attachments/proxied.png)");
		expect(read(path)).toContain("![](data:image/svg+xml;base64,PHN2Zy8+)");
	});

	test("the same bytes from two URLs and two notes make one file; the extension follows the content", async () => {
		const one = note("One", `![](${server.base}/same/a.png)\n![](${server.base}/jpg/photo.jpg)\n![](${server.base}/svg/logo)\n`);
		const two = note("Two", `![](${server.base}/same/b.gif)\n`);
		const { code, out } = await images();
		expect(code).toBe(0);
		expect(out).toMatch(/1 of them the same as another file/);
		const files = readdirSync(attachments()).sort();
		expect(files).toEqual(["a.png", "logo.svg", "photo.png"]);
		expect(read(two)).toContain("![](Omnivore/attachments/a.png)");
		expect(read(one)).toContain("![](Omnivore/attachments/photo.png)");
		expect(read(join(attachments(), "logo.svg"))).toBe(SVG);
	});

	test("never overwrites a file of the user's, and a name from the URL cannot leave the folder", async () => {
		mkdirSync(attachments(), { recursive: true });
		writeFileSync(join(attachments(), "photo.png"), "mine");
		const path = note("Names", `![](${server.base}/img/photo.png)\n![](${server.base}/img/..%2F..%2Fescape.png)\n![](${server.base}/img/with%20space.png)\n`);
		expect((await images()).code).toBe(0);
		expect(read(join(attachments(), "photo.png"))).toBe("mine");
		expect(read(path)).toContain("![](Omnivore/attachments/photo%201.png)");
		expect(readdirSync(vault).sort()).toEqual([".omnivore-queue", "Names.md", "Omnivore"]);
		expect(readdirSync(attachments()).sort()).toEqual(["escape.png", "photo 1.png", "photo.png", "with space.png"]);
		expect(read(path)).toContain("![](Omnivore/attachments/with%20space.png)");
	});

	test("does not hammer a server that asks for an hour's pause: one request, then the archive", async () => {
		const path = note("Busy", `![](${server.base}/busy/b.png)\n`);
		const { code, out } = await images();
		expect(code).toBe(1);
		expect(server.hits.get("/busy/b.png")).toBe(1);
		expect(server.hits.get(`/archive/${server.base}/busy/b.png`)).toBe(1);
		expect(out).toMatch(/busy\/b\.png\n.*answered 429 and asked to wait 60 minutes; the archive's copy: the server answered 404/);
		expect(read(path)).toContain(`![](${server.base}/busy/b.png)`);
	});

	test("retries 5xx, follows redirects, falls back to the archive for 404, 410 and a page served as an image, and reports what failed", async () => {
		const b = server.base;
		const path = note(
			"Failures",
			[`![](${b}/flaky/f.png)`, `![](${b}/redirect/moved.png)`, `![](${b}/gone/g.png)`, `![](${b}/removed/r.png)`, `![](${b}/error/e.png)`, `![](${b}/html/page.png)`, `![](${b}/large/big.png)`, `![](${b}/chunked/stream.png)`, ""].join("\n"),
		);
		const { code, out } = await images("--max-size", "1");
		expect(code).toBe(1);
		const text = read(path);
		expect(text).toContain("![](Omnivore/attachments/f.png)");
		expect(server.hits.get("/flaky/f.png")).toBe(3);
		expect(text).toContain("![](Omnivore/attachments/moved.png)");
		expect(text).toContain("![](Omnivore/attachments/g.png)");
		expect(readFileSync(join(attachments(), "g.png"))).toEqual(png(`archived ${b}/gone/g.png`));
		expect(text).toContain("![](Omnivore/attachments/r.png)");
		// Failed: left exactly as they were, and reported.
		expect(text).toContain(`![](${b}/error/e.png)`);
		expect(server.hits.get("/error/e.png")).toBe(3);
		expect(text).toContain(`![](${b}/html/page.png)`);
		expect(text).toContain(`![](${b}/large/big.png)`);
		expect(out).toMatch(/error\/e\.png\n.*answered 500 \(tried 3 times\); the archive's copy: the server answered 404.*Failures\.md/);
		expect(out).toMatch(/html\/page\.png\n.*not an image \(a web page\?\); the archive's copy: the server answered 404/);
		expect(out).toMatch(/large\/big\.png\n.*larger than 1 MB/);
		expect(out).toMatch(/chunked\/stream\.png\n.*larger than 1 MB/);
		// A parked site answers with a page: the archive may hold the image; a copy as large as the original is not asked for.
		expect(server.hits.get(`/archive/${b}/html/page.png`)).toBe(1);
		expect(server.hits.has(`/archive/${b}/large/big.png`)).toBe(false);

		// Failures are not tried again unless asked.
		server.hits.clear();
		const again = await images("--max-size", "1");
		expect(again.code).toBe(0);
		expect(server.hits.size).toBe(0);
		expect(again.out).toMatch(/4 images an earlier run could not download were not tried again/);
		const retried = await images("--retry-failed");
		expect(retried.code).toBe(1);
		expect(read(path)).toContain("![](Omnivore/attachments/big.png)");
	}, 60_000);

	test("a redirect to Omnivore's proxy is not followed", async () => {
		const path = note("Redirected", `![](${server.base}/to-proxy/p.png)\n`);
		const { code, out } = await run("images", vault, "--no-archive");
		expect(code).toBe(1);
		expect(out).toMatch(/to-proxy\/p\.png\n.*Omnivore's image proxy, which is gone/);
		expect(read(path)).toContain(`![](${server.base}/to-proxy/p.png)`);
	});

	test("a redirect to a file: address is refused at once, in words", async () => {
		const path = note("To a file", `![](${server.base}/to-file/passwd.png)\n`);
		const { code, out } = await run("images", vault, "--no-archive");
		expect(code).toBe(1);
		expect(out).toMatch(/to-file\/passwd\.png\n.*it redirects to a file: address, which is not fetched/);
		expect(server.hits.get("/to-file/passwd.png")).toBe(1);
		expect(read(path)).toContain(`![](${server.base}/to-file/passwd.png)`);
	});

	test("a timeout is retried, then reported; --no-archive asks no archive", async () => {
		const path = note("Slow", `![](${server.base}/slow/s.png)\n![](${server.base}/gone/n.png)\n`);
		const report = await imagesVault(vault, { dryRun: false, folder: "Omnivore/attachments", archive: null, concurrency: 8, maxBytes: 1e6, timeoutMs: 150, retryFailed: false, backoffMs: 10 });
		expect(report.failed.map((f) => f.reason).sort()).toEqual(["it did not arrive within 0.15 s (tried 3 times)", "the server answered 404"]);
		expect(server.hits.get("/slow/s.png")).toBe(3);
		expect([...server.hits.keys()].some((k) => k.startsWith("/archive"))).toBe(false);
		expect(read(path)).toContain(`![](${server.base}/slow/s.png)`);
	});

	test("an edit made while the images download is kept, and the note still gets its files", async () => {
		const path = note("Edited", `![](${server.base}/img/e1.png)\n`);
		let edited = false;
		const report = await imagesVault(vault, {
			dryRun: false, folder: "Omnivore/attachments", archive: null, concurrency: 8, maxBytes: 1e6, timeoutMs: 5000, retryFailed: false,
			onProgress: (phase) => {
				if (phase !== "write" || edited) return;
				edited = true;
				writeFileSync(path, `${read(path)}\nMy note, typed during the download.\n`);
			},
		});
		expect(edited).toBe(true);
		expect(report.notesChanged).toBe(1);
		expect(read(path)).toContain("![](Omnivore/attachments/e1.png)");
		expect(read(path)).toContain("My note, typed during the download.");
	});

	test("--dry-run requests nothing and writes nothing, not even in dot-folders", async () => {
		note("Dry", `![](${server.base}/img/d.png)\n`);
		const before = snapshot(vault);
		const { code, out } = await images("--dry-run");
		expect(code).toBe(0);
		expect(out).toMatch(/Would download 1 image into Omnivore\/attachments\/ and change 1 note/);
		expect(server.hits.size).toBe(0);
		expect(snapshot(vault)).toEqual(before);
		expect(existsSync(join(vault, ".omnivore-queue"))).toBe(false);
	});

	test("undo puts the remote references back and removes the files; the next run downloads them again", async () => {
		const path = note("Undo me", `![x](${server.base}/img/u.png)\n`);
		mkdirSync(join(vault, "Omnivore"));
		const original = read(path);
		expect((await images()).code).toBe(0);
		expect(read(path)).not.toBe(original);
		const undo = await run("undo", vault);
		expect(undo.code).toBe(0);
		expect(read(path)).toBe(original);
		expect(existsSync(join(attachments(), "u.png"))).toBe(false);
		// The attachments folder the run made goes too, and the folder that was there (empty) stays.
		expect(existsSync(attachments())).toBe(false);
		expect(existsSync(join(vault, "Omnivore"))).toBe(true);
		server.hits.clear();
		expect((await images()).code).toBe(0);
		expect(server.hits.get("/img/u.png")).toBe(1);
		expect(read(path)).toContain("![x](Omnivore/attachments/u.png)");
	});

	test("only Omnivore notes, never notes in dot-folders, and a custom folder with spaces", async () => {
		writeFileSync(join(vault, "Mine.md"), `# Mine\n\n![](${server.base}/img/mine.png)\n`);
		// The tag only inside code: a note about Omnivore, not one of its notes.
		writeFileSync(join(vault, "About.md"), `# About\n\nTag notes with \`#Omnivore\`.\n\n\`\`\`\n#Omnivore\n\`\`\`\n![](${server.base}/img/about.png)\n`);
		mkdirSync(join(vault, ".trash"));
		writeFileSync(join(vault, ".trash", "Old.md"), `#Omnivore\n[Read Original](https://example.com)\n![](${server.base}/img/trash.png)\n`);
		const path = note("Article", `![](${server.base}/img/a.png)\n`);
		const { code, out } = await images("--folder", "My files/Omnivore images", "--json");
		expect(code).toBe(0);
		const report = JSON.parse(out) as { downloaded: number; notesChanged: number };
		expect(report).toMatchObject({ downloaded: 1, notesChanged: 1 });
		expect(read(path)).toContain("![](My%20files/Omnivore%20images/a.png)");
		expect(server.hits.has("/img/mine.png")).toBe(false);
		expect(server.hits.has("/img/about.png")).toBe(false);
		expect(server.hits.has("/img/trash.png")).toBe(false);
	});

	test("a folder given as a path on the disk into the vault is that folder of the vault", async () => {
		const path = note("Article", `![](${server.base}/img/a.png)\n`);
		expect((await images("--folder", join(vault, "Files", "Images"))).code).toBe(0);
		expect(read(path)).toContain("![](Files/Images/a.png)");
		expect(existsSync(join(vault, "Files", "Images", "a.png"))).toBe(true);
	});

	test("a note it cannot write is left and reported; the image file stays for the next run", async () => {
		const path = note("Read only", `![](${server.base}/img/ro.png)\n`);
		chmodSync(path, 0o444);
		const { code, out } = await images();
		expect(code).toBe(1);
		expect(out).toMatch(/Read only\.md: The note is read-only/);
		expect(read(path)).toContain(`${server.base}/img/ro.png`);
		chmodSync(path, 0o644);
	});

	test("the files of a run killed before it saved its record are used, not copied again", async () => {
		const path = note("Killed", `![](${server.base}/img/k.png) ![](${server.base}/img/other.png)\n`);
		mkdirSync(attachments(), { recursive: true });
		// What the killed run had saved: the image's very bytes, and no record of them.
		writeFileSync(join(attachments(), "k.png"), png("k.png"));
		// A user's file of the same name but other bytes stays theirs.
		writeFileSync(join(attachments(), "other.png"), png("the user's own"));
		expect((await images()).code).toBe(0);
		expect(read(path)).toContain("![](Omnivore/attachments/k.png) ![](Omnivore/attachments/other%201.png)");
		expect(readdirSync(attachments()).sort()).toEqual(["k.png", "other 1.png", "other.png"]);
		expect(readFileSync(join(attachments(), "other.png"))).toEqual(png("the user's own"));
		// Undo takes back only what this run made: the file the killed run made stays.
		expect((await run("undo", vault)).code).toBe(0);
		expect(readdirSync(attachments()).sort()).toEqual(["k.png", "other.png"]);
	});

	test("a half-written image of a killed run is removed; another tool's temporary file is not", async () => {
		note("Leftover", `![](${server.base}/img/l.png)\n`);
		mkdirSync(attachments(), { recursive: true });
		const dead = 2 ** 22 + 12345;
		const ours = join(attachments(), `.l.png.download.${dead}-0.tmp`);
		const theirs = join(attachments(), `.l.png.${dead}-0.tmp`);
		writeFileSync(ours, "half");
		writeFileSync(theirs, "not ours");
		expect((await images()).code).toBe(0);
		expect(existsSync(ours)).toBe(false);
		expect(existsSync(theirs)).toBe(true);
		expect(readdirSync(attachments()).filter((n) => !n.startsWith("."))).toEqual(["l.png"]);
	});

	test("a name that differs from a file there only in case or Unicode form gets a name of its own", async () => {
		mkdirSync(attachments(), { recursive: true });
		writeFileSync(join(attachments(), "Photo.png"), "mine");
		writeFileSync(join(attachments(), "caf\u0065\u0301.png"), "mine too");
		const path = note("Clash", `![](${server.base}/img/photo.png)\n![](${server.base}/img/caf%C3%A9.png)\n`);
		expect((await images()).code).toBe(0);
		// Synced to macOS or Windows, photo.png would be Photo.png, and the two cafés one file.
		expect(read(path)).toContain("![](Omnivore/attachments/photo%201.png)");
		expect(read(path)).toContain("![](Omnivore/attachments/café%201.png)");
		expect(read(join(attachments(), "Photo.png"))).toBe("mine");
		expect(readdirSync(attachments())).toHaveLength(4);
	});

	test("refuses an attachment folder that is a link to a folder outside the vault, in a dry run too", async () => {
		const outside = join(work, "outside");
		mkdirSync(outside);
		mkdirSync(join(vault, "Omnivore"));
		symlinkSync(outside, attachments());
		const path = note("Linked", `![](${server.base}/img/a.png)\n`);
		const before = read(path);
		for (const extra of [[], ["--dry-run"]]) {
			const { code, err } = await images(...extra);
			expect(code).toBe(2);
			expect(err).toBe('omnivore-queue: The attachment folder "Omnivore/attachments" is a link to a folder outside the vault; images are saved only in the vault\'s own visible folders (choose another with --folder).\n');
		}
		expect(readdirSync(outside)).toEqual([]);
		expect(read(path)).toBe(before);
		expect(server.hits.size).toBe(0);
	});

	test("refuses a folder that links to a dot-folder of the vault, or to nothing", async () => {
		mkdirSync(join(vault, ".hidden"));
		symlinkSync(join(vault, ".hidden"), join(vault, "hid"));
		symlinkSync(join(work, "gone"), join(vault, "dangling"));
		note("Linked", `![](${server.base}/img/a.png)\n`);
		expect((await images("--folder", "hid")).err).toMatch(/"hid" is a link to a dot-folder, which Obsidian hides; /);
		expect((await images("--folder", "dangling/deeper")).err).toMatch(/"dangling\/deeper" is a link to a folder that does not exist; /);
		expect(readdirSync(join(vault, ".hidden"))).toEqual([]);
		expect(server.hits.size).toBe(0);
	});

	test("leaves a note that is a link to a file outside the vault, and says images leaves such notes", async () => {
		const outsideNote = join(work, "Elsewhere.md");
		const original = note("Original", `![](${server.base}/img/linked.png)\n`);
		writeFileSync(outsideNote, read(original));
		rmSync(original);
		symlinkSync(outsideNote, original);
		const before = read(outsideNote);
		const { code, out } = await images();
		expect(code).toBe(1);
		expect(out).toContain("Original.md: The note is a link to a file outside the vault (images leaves such notes); it was left as it was.");
		expect(read(outsideNote)).toBe(before);
	});

	test("a record of downloaded images that cannot be read stops the run in one line, before anything is asked or written", async () => {
		mkdirSync(join(vault, ".omnivore-queue", "images.json"), { recursive: true });
		const path = note("Recorded", `![](${server.base}/img/a.png)\n`);
		const before = read(path);
		const { code, err } = await images();
		expect(code).toBe(2);
		expect(err).toBe("omnivore-queue: The record of downloaded images (.omnivore-queue/images.json) cannot be read: it is a folder.\n");
		expect(read(path)).toBe(before);
		expect(server.hits.size).toBe(0);
	});

	test("an address with a user name and password is never asked for, nor shown", async () => {
		const path = note("Secret", `![](http://me:hunter2@127.0.0.1:1/img/creds.png)\n`);
		const { code, out } = await images();
		expect(code).toBe(1);
		expect(out).toContain("  http://127.0.0.1:1/img/creds.png\n    its address holds a user name or password, which are never sent; in Secret.md");
		expect(out).not.toContain("hunter2");
		expect(read(path)).toContain("me:hunter2@");
	});

	test("refuses bad options with one line and exit 2", async () => {
		for (const args of [
			["--folder", "../outside"],
			["--folder", ".hidden"],
			["--folder", join(work, "elsewhere")],
			["--archive", "https://example.com/no-placeholder"],
			["--concurrency", "0"],
			["--max-size", "lots"],
			// Too little to mean anything: a limit of 0 MB, a wait of 0 s.
			["--max-size", "0.0000001"],
			["--timeout", "0.0001"],
			["--no-archive", "--archive", "https://a.example/{url}"],
		]) {
			const { code, err } = await run("images", vault, ...args);
			expect(code).toBe(2);
			expect(err.split("\n")[0]).toMatch(/^omnivore-queue: .*--/);
		}
	});

	// How fast is for `npm run bench`; this checks that downloads overlap, and never more than 6 from one host.
	test("1,000 images from the local server, several at a time but at most 6 from one host", async () => {
		const lines = Array.from({ length: 1000 }, (_, i) => `![](${server.base}/img/n${i}.png)`);
		for (let n = 0; n < 10; n++) note(`Bulk ${n}`, `${lines.slice(n * 100, n * 100 + 100).join("\n")}\n`);
		const { code, out } = await images("--concurrency", "8");
		expect(code).toBe(0);
		expect(out).toMatch(/Downloaded 1000 images/);
		expect(readdirSync(attachments())).toHaveLength(1000);
		expect(server.maxInFlight).toBeGreaterThan(1);
		expect(server.maxInFlight).toBeLessThanOrEqual(6);
	}, 60_000);
});

// A run that wrote nothing leaves no undo batch: the journal keeps five runs, and such batches would
// push the user's real runs out.
test("images runs that could save no file leave no batch, so the five runs before them can still be undone", async () => {
	// Five real runs, each tidying one new note.
	const notes: Array<{ path: string; before: string }> = [];
	for (let i = 0; i < 5; i++) {
		const path = note(`Article ${i}`, `![](${server.base}/img/a.png)\n`);
		notes.push({ path, before: readFileSync(path, "utf8") });
		expect((await run("tidy", vault)).code).toBe(0);
	}
	// A file where the attachment folder should be: no image can be saved.
	mkdirSync(join(vault, "Omnivore"));
	writeFileSync(join(vault, "Omnivore", "attachments"), "mine");
	for (let i = 0; i < 5; i++) {
		const { code, out } = await run("images", vault, "--no-archive", "--retry-failed");
		expect(code).toBe(1);
		expect(out).toMatch(/could not be saved/);
	}
	expect(readdirSync(join(vault, ".omnivore-queue", "journal")).filter((name) => name.endsWith(".jsonl"))).toHaveLength(5);
	for (let i = 0; i < 5; i++) expect((await run("undo", vault)).code).toBe(0);
	for (const { path, before } of notes) expect(readFileSync(path, "utf8")).toBe(before);
});
