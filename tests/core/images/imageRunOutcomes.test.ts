// The image run on a few saved articles: what it asks the network for, what it saves, what it tells,
// and how earlier runs, failures, a dry run and a cancel shape the next one.

import { createdFiles, emptyImageRecord, hashBytes, HttpFailure, imageEnv, png, runImages, undoBatch, type ImageRunPhase } from "./runHarness";

const PROXY = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";

/** A saved article as Omnivore's plugin wrote it, with `body` after the Read Original link. */
function article(title: string, body: string): string {
	return `---\nid: 0f6e7c1a-2b3c-4d5e-8f90-123456789abc\ntitle: "${title}"\nstatus: unread\n---\n# ${title}\n#Omnivore\n\n[Read Original](https://example.com/post)\n\n${body}`;
}

const notesOf = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("what the run downloads", () => {
	test("an image shown by two notes, twice in one, is asked for once; each note links to the one file", async () => {
		const env = imageEnv(
			notesOf({
				"Reading/First.md": article("First", "![](https://cdn.example.com/pics/chart.png)\n\nAgain: ![](https://cdn.example.com/pics/chart.png)\n"),
				"Reading/Second.md": article("Second", `![A chart](${PROXY}/https://cdn.example.com/pics/chart.png)\n`),
			}),
		);
		const report = await runImages(env);
		expect(env.requests).toEqual(["https://cdn.example.com/pics/chart.png"]);
		expect([...env.files.keys()]).toEqual(["att/chart.png"]);
		expect(env.notes.get("Reading/First.md")).toContain("![](att/chart.png)\n\nAgain: ![](att/chart.png)\n");
		expect(env.notes.get("Reading/Second.md")).toContain("![A chart](att/chart.png)\n");
		expect(report).toMatchObject({ cancelled: false, scanned: 2, omnivoreNotes: 2, images: 1, toDownload: 1, downloaded: 1, fromArchive: 0, notesChanged: 2, referencesLocalized: 3, failed: [] });
		expect(report.notes.map((n) => [n.path, n.changed, n.written, n.localized])).toEqual([
			["Reading/First.md", true, true, 2],
			["Reading/Second.md", true, true, 1],
		]);
	});

	test("a URL with no name of its own is named after the first note that shows it", async () => {
		const env = imageEnv(notesOf({ "Reading/Deep work, a summary.md": article("Deep work", "![](https://cdn.example.com/1234567)\n"), "Why .md files last.MD": article("Why", "![](https://cdn.example.com/89)\n") }));
		await runImages(env);
		expect([...env.files.keys()].sort()).toEqual(["att/Deep work, a summary 1234567.png", "att/Why .md files last 89.png"]);
	});

	test("each note links to the file as seen from where it is", async () => {
		const env = imageEnv(
			notesOf({
				"Reading/A.md": article("A", "![](https://cdn.example.com/a.png)\n"),
				"Inbox/Later/B.md": article("B", "![](https://cdn.example.com/a.png)\n"),
			}),
		);
		env.attachments.linkTo = (file, note) => `${"../".repeat(note.split("/").length - 1)}${file}`;
		await runImages(env);
		expect(env.notes.get("Reading/A.md")).toContain("![](../att/a.png)");
		expect(env.notes.get("Inbox/Later/B.md")).toContain("![](../../att/a.png)");
	});

	test("only Omnivore notes are looked into, unless the caller says which notes", async () => {
		const plain = "# My own note\n\n![](https://cdn.example.com/mine.png)\n";
		const env = imageEnv(notesOf({ "Mine.md": plain }));
		const report = await runImages(env);
		expect(report).toMatchObject({ scanned: 1, omnivoreNotes: 0, images: 0 });
		expect(env.requests).toEqual([]);
		expect(report.notes).toEqual([]);

		const current = await runImages(env, emptyImageRecord(), { accepts: () => true });
		expect(current).toMatchObject({ omnivoreNotes: 1, downloaded: 1, notesChanged: 1 });
		expect(env.notes.get("Mine.md")).toBe("# My own note\n\n![](att/mine.png)\n");
	});

	test("a note with only local, data: and code images is read once, not written, and nothing is asked for", async () => {
		const text = article("Local", "![](att/old.png)\n![](data:image/png;base64,AAAA)\n\n```\n![](https://cdn.example.com/in-code.png)\n```\n");
		const env = imageEnv(notesOf({ "Local.md": text }));
		const reads: string[] = [];
		const read = env.store.read.bind(env.store);
		env.store.read = (path) => {
			reads.push(path);
			return read(path);
		};
		const phases: string[] = [];
		const report = await runImages(env, emptyImageRecord(), { onProgress: (phase, done, total) => phases.push(`${phase} ${done}/${total}`) });
		expect(reads).toEqual(["Local.md"]);
		expect(phases).toEqual(["scan 1/1"]);
		expect(env.requests).toEqual([]);
		expect(env.notes.get("Local.md")).toBe(text);
		expect(report).toMatchObject({ omnivoreNotes: 1, images: 0, notesChanged: 0, notes: [] });
	});

	test("never more requests at once than the limits, on one host or in all", async () => {
		const body = (host: string) => Array.from({ length: 6 }, (_, i) => `![](https://${host}/p${i}.png)`).join("\n");
		const env = imageEnv(notesOf({ "Many.md": article("Many", `${body("a.example.com")}\n${body("b.example.com")}\n`) }));
		const report = await runImages(env, emptyImageRecord(), { concurrency: 3, perHost: 2 });
		expect(report.downloaded).toBe(12);
		expect(env.inFlight.mostPerHost).toBe(2);
		expect(env.inFlight.most).toBe(3);
		// A per-host limit above the total is the total.
		const one = imageEnv(notesOf({ "Many.md": article("Many", `${body("a.example.com")}\n`) }));
		await runImages(one, emptyImageRecord(), { concurrency: 1, perHost: 4 });
		expect(one.inFlight.most).toBe(1);
	});

	test("the archive is one host too: copies of gone images from many sites are never asked for more than the per-host limit at once", async () => {
		const gone = Array.from({ length: 8 }, (_, site) => Array.from({ length: 4 }, (_, i) => `![](https://site${site}.example.com/p${i}.png)`).join("\n")).join("\n");
		const archived = (url: string) => (url.startsWith("https://archive.example/") ? { status: 200, body: png(url) } : { status: 404 });
		const env = imageEnv(notesOf({ "Gone.md": article("Gone", `${gone}\n`) }), archived);
		const download = { http: env.http, timeoutMs: 1000, maxBytes: 1e6, userAgent: "test", retries: 0, backoffMs: 0, archive: "https://archive.example/web/{url}", sleep: async () => undefined };
		const report = await runImages(env, emptyImageRecord(), { concurrency: 8, perHost: 3, download });
		expect(report).toMatchObject({ downloaded: 32, fromArchive: 32 });
		expect(env.inFlight.most).toBeGreaterThan(3);
		expect(env.inFlight.mostPerHost).toBe(3);
	});

	test("the same bytes from two URLs make one file; a file the user deleted since is saved again", async () => {
		const env = imageEnv(notesOf({ "Same.md": article("Same", "![](https://a.example.com/same-1.png)\n![](https://b.example.com/same-2.png)\n") }));
		const record = emptyImageRecord();
		const report = await runImages(env, record);
		expect(report).toMatchObject({ downloaded: 2, sameAsAnother: 1 });
		expect(env.files.size).toBe(1);
		const [file] = env.files.keys();
		expect(record.downloaded["https://a.example.com/same-1.png"].file).toBe(file);
		expect(record.downloaded["https://b.example.com/same-2.png"].file).toBe(file);

		// The same bytes again from a third URL, after the user deleted the file: a new file, not a link to nothing.
		env.files.delete(file);
		env.notes.set("Third.md", article("Third", "![](https://c.example.com/same-3.png)\n"));
		const again = await runImages(env, record, { paths: ["Third.md"] });
		expect(again.failed).toEqual([]);
		expect(again).toMatchObject({ downloaded: 1, sameAsAnother: 0 });
		const saved = record.downloaded["https://c.example.com/same-3.png"].file;
		expect(env.files.has(saved)).toBe(true);
		expect(env.notes.get("Third.md")).toContain(`![](${saved})`);
	});

	test("an image served by the archive is counted as such", async () => {
		const env = imageEnv(notesOf({ "Old.md": article("Old", "![](https://gone.example.com/old.png)\n") }), (url) =>
			url.startsWith("https://archive.example/") ? { status: 200, body: png("archived") } : { status: 404 },
		);
		const report = await runImages(env, emptyImageRecord(), {
			download: { http: env.http, timeoutMs: 1000, maxBytes: 1e6, userAgent: "test", retries: 0, backoffMs: 0, archive: "https://archive.example/{url}", sleep: async () => undefined },
		});
		expect(report).toMatchObject({ downloaded: 1, fromArchive: 1 });
		expect(env.notes.get("Old.md")).toContain("![](att/old.png)");
	});
});

describe("what earlier runs left", () => {
	test("a second run writes nothing: not a note, not a file, not the record, and has nothing to tell", async () => {
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/a.png)\n![](https://cdn.example.com/b.png)\n") }));
		const record = emptyImageRecord();
		await runImages(env, record);
		const after = new Map(env.notes);
		const saved: unknown[] = [];
		const again = await runImages(env, record, { saveRecord: async (r) => void saved.push(r) });
		expect(saved).toEqual([]);
		expect(env.notes).toEqual(after);
		expect(again).toMatchObject({ cancelled: false, images: 0, toDownload: 0, notesChanged: 0, referencesLocalized: 0, notes: [] });
	});

	test("a recorded file that cannot be read any more is downloaded again into a new file", async () => {
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/a.png)\n![](https://cdn.example.com/same-b.png)\n") }));
		const record = emptyImageRecord();
		await runImages(env, record);
		env.notes.set("A.md", article("A", "![](https://cdn.example.com/a.png)\n![](https://cdn.example.com/same-b.png)\n![](https://cdn.example.com/same-c.png)\n"));
		const readBytes = env.attachments.readBytes.bind(env.attachments);
		env.attachments.readBytes = (path) => (path === "att/a.png" || path === "att/same-b.png" ? Promise.reject(new Error("EACCES: permission denied")) : readBytes(path));
		const again = await runImages(env, record);
		expect(again).toMatchObject({ alreadyLocal: 0, downloaded: 3, sameAsAnother: 1, failed: [] });
		expect(env.notes.get("A.md")).toContain("![](att/a%201.png)\n![](att/same-b%201.png)\n![](att/same-b%201.png)\n");
	});

	test("an image already in the vault with the bytes recorded is used as it is, without asking", async () => {
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/a.png)\n") }));
		const bytes = png("kept");
		env.files.set("att/kept.png", bytes);
		const record = { version: 1 as const, downloaded: { "https://cdn.example.com/a.png": { file: "att/kept.png", hash: hashBytes(bytes) } }, failed: {} };
		const report = await runImages(env, record);
		expect(env.requests).toEqual([]);
		expect(report).toMatchObject({ images: 1, alreadyLocal: 1, toDownload: 0, downloaded: 0, notesChanged: 1, referencesLocalized: 1 });
		expect(env.notes.get("A.md")).toContain("![](att/kept.png)");
	});

	test("a recorded file the user changed since is left alone: the image is downloaded into a new file", async () => {
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/a.png)\n") }));
		const edited = png("the user's own drawing");
		env.files.set("att/a.png", edited);
		const record = { version: 1 as const, downloaded: { "https://cdn.example.com/a.png": { file: "att/a.png", hash: hashBytes(png("https://cdn.example.com/a.png")) } }, failed: {} };
		const report = await runImages(env, record);
		expect(report).toMatchObject({ alreadyLocal: 0, downloaded: 1, sameAsAnother: 0 });
		expect(env.files.get("att/a.png")).toEqual(edited);
		expect(record.downloaded["https://cdn.example.com/a.png"].file).toBe("att/a 1.png");
		expect(env.notes.get("A.md")).toContain("![](att/a%201.png)");
	});

	test("a failure is recorded and not tried again (no request at all) until asked to; a success then clears it", async () => {
		let up = false;
		const env = imageEnv(
			notesOf({
				"A.md": article("A", `![](${PROXY}/https://flaky.example.com/a.png)\n\n![Again](https://flaky.example.com/a.png)\n`),
				"B.md": article("B", "![](https://flaky.example.com/a.png)\n"),
			}),
			(url) => (up ? { status: 200, body: png(url) } : { status: 404 }),
		);
		const record = emptyImageRecord();
		const before = Date.now();
		const first = await runImages(env, record);
		expect(first.failed).toEqual([{ url: "https://flaky.example.com/a.png", reason: "the server answered 404", notes: ["A.md", "B.md"] }]);
		expect(record.failed["https://flaky.example.com/a.png"].reason).toBe("the server answered 404");
		expect(Date.parse(record.failed["https://flaky.example.com/a.png"].at)).toBeGreaterThanOrEqual(before - 1000);
		// The proxied image points to its original, as tidy makes it; the plain one is left; both are reported.
		expect(env.notes.get("A.md")).toContain("![](https://flaky.example.com/a.png)\n\n![Again](https://flaky.example.com/a.png)\n");
		expect(env.notes.get("B.md")).toBe(article("B", "![](https://flaky.example.com/a.png)\n"));
		const problem = first.notes.find((n) => n.path === "B.md")?.problems;
		expect(problem).toEqual([{ code: "image-not-downloaded", line: 11, message: 'Image "https://flaky.example.com/a.png" was not downloaded: the server answered 404.' }]);
		expect(first.notes.find((n) => n.path === "B.md")).toMatchObject({ changed: false, written: false, localized: 0 });

		up = true;
		const second = await runImages(env, record);
		expect(env.requests).toHaveLength(1);
		expect(second).toMatchObject({ earlierFailures: 1, toDownload: 0, downloaded: 0, failed: [], notesChanged: 0 });
		expect(second.notes.find((n) => n.path === "B.md")?.problems[0].message).toBe(
			'Image "https://flaky.example.com/a.png" was not downloaded: the server answered 404 (an earlier run; --retry-failed tries again).',
		);

		const third = await runImages(env, record, { retryFailed: true });
		expect(env.requests).toHaveLength(2);
		expect(third).toMatchObject({ earlierFailures: 0, downloaded: 1, notesChanged: 2 });
		expect(record.failed).toEqual({});
		expect(env.notes.get("B.md")).toContain("![](att/a.png)");
	});

	test("a file that cannot be saved is a failure of that image only; the others are saved and the note is not pointed at nothing", async () => {
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/full.png)\n![](https://cdn.example.com/fine.png)\n") }));
		const attachments = { ...env.attachments };
		env.attachments.saveNew = async (stem, ...rest) => {
			if (stem === "full") throw new Error("att: no space left on the disk");
			return attachments.saveNew(stem, ...rest);
		};
		const record = emptyImageRecord();
		const report = await runImages(env, record);
		expect(report.failed).toEqual([{ url: "https://cdn.example.com/full.png", reason: "it could not be saved: att: no space left on the disk", notes: ["A.md"] }]);
		expect(report.downloaded).toBe(1);
		expect(env.notes.get("A.md")).toContain("![](https://cdn.example.com/full.png)\n![](att/fine.png)\n");
		// Not a failure of the server: the next run tries it again.
		expect(record.failed).toEqual({});
		expect(Object.keys(record.downloaded)).toEqual(["https://cdn.example.com/fine.png"]);
	});
});

describe("the order of things", () => {
	test("the files are saved and the record written before any note points at them; a dry run does neither", async () => {
		const text = article("A", "![](https://cdn.example.com/a.png)\n");
		const env = imageEnv(notesOf({ "A.md": text }));
		const seen: string[] = [];
		const progress: Array<[ImageRunPhase, number, number]> = [];
		const report = await runImages(env, emptyImageRecord(), {
			saveRecord: async (record) => {
				seen.push(`record: ${Object.keys(record.downloaded).join()} files: ${[...env.files.keys()].join()} note unchanged: ${env.notes.get("A.md") === text}`);
			},
			afterNote: (path) => seen.push(`after ${path}: ${env.notes.get(path)?.includes("att/a.png")}`),
			onProgress: (phase, done, total) => progress.push([phase, done, total]),
		});
		expect(seen).toEqual(["record: https://cdn.example.com/a.png files: att/a.png note unchanged: true", "after A.md: true"]);
		expect(progress).toEqual([
			["scan", 1, 1],
			["download", 1, 1],
			["write", 1, 1],
		]);
		expect(report.dryRun).toBe(false);
	});

	test("a dry run asks for nothing, saves and writes nothing, and tells which notes would change", async () => {
		const bytes = png("kept");
		const env = imageEnv(
			notesOf({
				"New.md": article("New", "![](https://cdn.example.com/new.png)\n"),
				"Known.md": article("Known", "![](https://cdn.example.com/known.png)\n"),
				"Failed.md": article("Failed", "![](https://cdn.example.com/failed.png)\n"),
				"Mixed.md": article("Mixed", "![](https://cdn.example.com/failed.png)\n![](https://cdn.example.com/new.png)\n"),
			}),
		);
		env.files.set("att/known.png", bytes);
		const record = {
			version: 1 as const,
			downloaded: { "https://cdn.example.com/known.png": { file: "att/known.png", hash: hashBytes(bytes) } },
			failed: { "https://cdn.example.com/failed.png": { reason: "the server answered 404", at: "2026-11-20T10:00:00.000Z" } },
		};
		const before = new Map(env.notes);
		const saved: unknown[] = [];
		const report = await runImages(env, record, { dryRun: true, saveRecord: async (r) => void saved.push(r) });
		expect(env.requests).toEqual([]);
		expect(saved).toEqual([]);
		expect(env.notes).toEqual(before);
		expect([...env.files.keys()]).toEqual(["att/known.png"]);
		expect(report).toMatchObject({ dryRun: true, cancelled: false, images: 3, alreadyLocal: 1, earlierFailures: 1, toDownload: 1, downloaded: 0, notesChanged: 3 });
		expect(report.notes.map((n) => [n.path, n.changed, n.written, n.localized])).toEqual([
			["New.md", true, false, 0],
			["Known.md", true, false, 1],
			["Failed.md", false, false, 0],
			["Mixed.md", true, false, 0],
		]);
		expect(report.notes[2].problems.map((p) => p.code)).toEqual(["image-not-downloaded"]);
	});

	test("a cancelled run asks for nothing more and points the notes only at what it saved", async () => {
		let cancelled = false;
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/1-first.png)\n![](https://cdn.example.com/2-second.png)\n") }), (url) => {
			cancelled = true;
			return { status: 200, body: png(url) };
		});
		const report = await runImages(env, emptyImageRecord(), { concurrency: 1, isCancelled: () => cancelled });
		expect(env.requests).toEqual(["https://cdn.example.com/1-first.png"]);
		expect(report).toMatchObject({ cancelled: true, downloaded: 1, toDownload: 2, failed: [] });
		expect(env.notes.get("A.md")).toContain("![](att/1-first.png)\n![](https://cdn.example.com/2-second.png)\n");
	});

	test("a note that cannot be read is reported and the others go on; undo puts every note back and removes the files", async () => {
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/a.png)\n") }));
		const before = env.notes.get("A.md");
		const report = await runImages(env, emptyImageRecord(), { paths: ["Gone.md", "A.md"] });
		expect(report.notesFailed).toBe(1);
		expect(report.notes[0]).toEqual({
			path: "Gone.md", changed: false, written: false, localized: 0, changes: [],
			problems: [{ code: "unwritable-file", message: "The note could not be written: Gone.md: no such file. It was left as it was." }],
		});
		expect(report.notesChanged).toBe(1);
		await undoBatch(env.journal, env.store, { created: createdFiles(env) });
		expect(env.notes.get("A.md")).toBe(before);
		expect(env.files.size).toBe(0);
	});

	test("a note that cannot be written is reported, and counted neither as changed nor localized", async () => {
		const env = imageEnv(notesOf({ "A.md": article("A", "![](https://cdn.example.com/a.png)\n") }));
		env.store.replace = async () => {
			throw new HttpFailure("network", "never");
		};
		const report = await runImages(env);
		expect(report).toMatchObject({ downloaded: 1, notesFailed: 1, notesChanged: 0, referencesLocalized: 0 });
		expect(report.notes).toEqual([expect.objectContaining({ path: "A.md", changed: false, written: false, localized: 0, changes: [], problems: [expect.objectContaining({ code: "unwritable-file" })] })]);
	});
});
