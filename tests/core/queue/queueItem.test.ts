import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildQueueItem, NoteTidier } from "../../../src/core";

const tidier = new NoteTidier();
const note = (path: string) => readFileSync(join(__dirname, "..", "..", "fixtures", "notes", path), "utf8");
const item = (path: string, text: string) => buildQueueItem(path, text, tidier.options, tidier.proxy);

describe("buildQueueItem", () => {
	it("reads a tidied note", () => {
		const text = tidier.tidy(note("vault/Omnivore/2024-03-15/The Case for Slow Reading.md")).text;
		expect(item("Omnivore/Slow.md", text)).toEqual({
			path: "Omnivore/Slow.md",
			title: "The Case for Slow Reading",
			author: "Maryanne Wolf",
			site: "The Atlantic",
			url: "https://www.theatlantic.com/ideas/archive/2024/03/slow-reading-attention/677652/",
			tags: ["Read_Later", "reading"],
			status: "reading",
			savedAt: "2024-03-15T07:12:44.000Z",
			publishedAt: "2024-02-29T23:00:00.000Z",
			readingMinutes: 12,
			hasImageProblems: false,
		});
	});

	it("reads the same from a note that was never tidied, aliases and state included", () => {
		const raw = note("vault/Omnivore/2024-03-15/The Case for Slow Reading.md");
		const tidied = tidier.tidy(raw).text;
		expect(item("a.md", raw)).toEqual(item("a.md", tidied));
	});

	it("falls back to the first heading, the Read Original link and the slug's save date", () => {
		const result = item("q.md", note("vault/Omnivore/2023-11-02/How SQLite Scales Read Concurrency.md"));
		expect(result).toMatchObject({
			title: "How SQLite Scales Read Concurrency",
			author: null,
			site: "fly.io",
			url: "https://fly.io/blog/sqlite-internals-wal/",
			status: "unread",
			savedAt: new Date(0x18b8f0a1c2d).toISOString(),
		});
	});

	it("counts CJK text for a Chinese article and drops the Omnivore tag from its tags", () => {
		const result = item("c.md", note("seed-note.md"));
		expect(result?.tags).toEqual(["RSS"]);
		expect(result?.readingMinutes).toBeGreaterThanOrEqual(5);
		expect(result?.author).toBe("莫崇宇");
	});

	it("flags notes whose proxied images cannot be unwrapped", () => {
		expect(item("d.md", note("shapes/The Weekly Dispatch.md"))).toMatchObject({ hasImageProblems: true, url: null, status: "read" });
	});

	it("is null for a note that is not an Omnivore note", () => {
		expect(item("s.md", note("vault/Inbox/Scratch.md"))).toBeNull();
	});

	it("uses the file name when there is no title at all", () => {
		expect(item("Folder/My article.md", "#Omnivore\n\nJust text.\n")?.title).toBe("My article");
	});
});
