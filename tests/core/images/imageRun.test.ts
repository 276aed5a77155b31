// The image run over every real-shaped fixture note, with in-memory ports: every remote image of an
// Omnivore note becomes local, nothing else in a note changes, a second run requests and changes nothing.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createdFiles, emptyImageRecord, findImageReferences, imageEnv, NoteTidier, runImages, splitNoteForTest, undoBatch, type ImageRecord } from "./runHarness";

const ROOT = join(__dirname, "..", "..", "fixtures", "notes");
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith(".md") ? [join(dir, n)] : []));

function setUp() {
	const notes = new Map<string, string>();
	for (const file of walk(ROOT)) notes.set(file.slice(ROOT.length + 1), readFileSync(file, "utf8"));
	return imageEnv(notes);
}

const run = (env: ReturnType<typeof setUp>, record: ImageRecord) => runImages(env, record);

/** The note with every image reference's URL cut out: what must not change. */
function withoutImageUrls(text: string): string {
	const { body, head } = splitNoteForTest(text);
	let out = "";
	let at = 0;
	for (const reference of findImageReferences(body)) {
		out += body.slice(at, reference.start);
		at = reference.end;
	}
	return head + out + body.slice(at);
}

test("every remote image becomes local; only the URLs change; a second run is a no-op; undo restores every note", async () => {
	const env = setUp();
	const before = new Map(env.notes);
	const record = emptyImageRecord();
	const report = await run(env, record);
	expect(report.downloaded).toBeGreaterThan(10);
	expect(new Set(env.requests).size).toBe(env.requests.length);
	expect(env.requests.some((url) => /omnivore-image-cache/.test(url))).toBe(false);
	const tidier = new NoteTidier();
	for (const [path, text] of env.notes) {
		expect([path, withoutImageUrls(text)]).toEqual([path, withoutImageUrls(before.get(path) as string)]);
		if (!tidier.isOmnivoreNote(before.get(path) as string)) expect([path, text]).toEqual([path, before.get(path)]);
	}
	for (const outcome of report.notes) for (const change of outcome.changes.filter((c) => c.kind === "image-localized")) expect([change.to, env.files.has(decodeURIComponent(change.to as string))]).toEqual([change.to, true]);

	const requested = env.requests.length;
	const after = new Map(env.notes);
	const again = await run(env, record);
	expect(env.requests.length).toBe(requested);
	expect(again.notesChanged).toBe(0);
	// It still tells what it could not do, and only that.
	for (const outcome of again.notes) expect([outcome.path, outcome.changed, outcome.problems.length > 0]).toEqual([outcome.path, false, true]);
	expect(env.notes).toEqual(after);

	const created = createdFiles(env);
	const undone = await undoBatch(env.journal, env.store, { created });
	expect(env.notes).toEqual(before);
	expect(undone?.removed.length).toBe(report.downloaded - report.sameAsAnother);
	expect(env.files.size).toBe(0);

	// The record still names the removed files: the next run downloads them again.
	const third = await run(env, record);
	expect(third.alreadyLocal).toBe(0);
	expect(third.downloaded).toBe(report.downloaded);
	expect(env.notes).toEqual(after);
});

test("a tagged note whose only mark was a proxied image keeps one once its image is local, and stays an Omnivore note", async () => {
	const env = setUp();
	env.notes.clear();
	const path = "Saved article.md";
	const before = "# Saved article\n#Omnivore\n\nSome text.\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A/https://cdn.example.com/a.png)\n";
	env.notes.set(path, before);
	const tidier = new NoteTidier();
	expect(tidier.isOmnivoreNote(env.notes.get(path) as string)).toBe(true);
	const report = await run(env, emptyImageRecord());
	const text = env.notes.get(path) as string;
	expect(report.notesChanged).toBe(1);
	expect(text).toContain("![](att/a.png)");
	expect(text).toMatch(/^---\n[\s\S]*status: unread\n[\s\S]*---\n/);
	// Its report tells both: what tidy added, and the image.
	expect(report.notes[0].localized).toBe(1);
	expect(report.notes[0].changes.map((c) => c.kind)).toEqual([...report.notes[0].changes.filter((c) => c.kind !== "image-localized").map((c) => c.kind), "image-localized"]);
	expect(report.notes[0].changes.some((c) => c.kind === "key-added" && c.key === "status")).toBe(true);
	expect(tidier.isOmnivoreNote(text)).toBe(true);
	const again = await run(env, emptyImageRecord());
	expect(again.notesChanged).toBe(0);
	const created = createdFiles(env);
	await undoBatch(env.journal, env.store, { created });
	expect(env.notes.get(path)).toBe(before);
});

test("a tagged note whose only mark is a proxied image and whose status cannot be written is left, and nothing is downloaded for it", async () => {
	const env = setUp();
	env.notes.clear();
	const path = "Saved article.md";
	// Two `tags` keys: not valid YAML, so no status can be written to keep the note an Omnivore note.
	const before = "---\ntags: ''\ntags: reading\n---\n# Saved article\n#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A/https://cdn.example.com/a.png)\n";
	env.notes.set(path, before);
	const report = await run(env, emptyImageRecord());
	expect(env.notes.get(path)).toBe(before);
	expect(env.requests).toEqual([]);
	expect(report).toMatchObject({ omnivoreNotes: 1, images: 0, notesChanged: 0 });
	expect(report.notes.map((n) => [n.path, n.changed, n.problems.map((p) => p.code)])).toEqual([[path, false, ["only-proxied-images"]]]);
	expect(new NoteTidier().isOmnivoreNote(env.notes.get(path) as string)).toBe(true);
});

test("undo keeps the image files a note left for a damaged journal entry still links to", async () => {
	const env = setUp();
	env.notes.clear();
	const path = "Saved article.md";
	env.notes.set(path, "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n# Saved article\n#Omnivore\n\n![](https://cdn.example.com/a.png)\n");
	await run(env, emptyImageRecord());
	const localized = env.notes.get(path) as string;
	expect(localized).toContain("![](att/a.png)");
	for (const file of (await env.storage.list("journal")).files) {
		// The entry's text from before now differs from what it hashed: a journal changed by hand.
		await env.storage.write(file, (await env.storage.read(file)).replace(/("path":"Saved article\.md".*?"(?:before|edits)":\[?\[?(?:\d+,\d+,)?")/, "$1CHANGED "));
	}
	const created = createdFiles(env);
	const undone = await undoBatch(env.journal, env.store, { created });
	expect(undone?.skipped).toEqual([
		expect.objectContaining({ path, damaged: true }),
		{ path: "att/a.png", reason: `"${path}" links to it, so it was kept.`, edited: true, created: true },
	]);
	expect(env.notes.get(path)).toBe(localized);
	expect(env.files.has("att/a.png")).toBe(true);
});
