import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { buildQueueItem, buildQueueItemFromValues, NoteTidier } from "../../../src/core";

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

	it.each([
		["the default format, to the second", {}, "2024-09-19T17:16:37.000Z"],
		["a format with milliseconds", { dateTimeFormat: "YYYY-MM-DDTHH:mm:ss.SSS" }, "2024-09-19T17:16:37.429Z"],
		["a format without seconds", { dateTimeFormat: "YYYY-MM-DD HH:mm" }, "2024-09-19T17:16:00.000Z"],
		["a format with `s` only in its literal text", { dateTimeFormat: "YYYY-MM-DD HH:mm [saved]" }, "2024-09-19T17:16:00.000Z"],
	])("reads a time as a tidy will write it, in %s", (_case, options, savedAt) => {
		const engine = new NoteTidier(options);
		const raw = "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: T\ndate_saved: 2024-09-19T17:16:37.429Z\n---\n# T\n\n[Read on Omnivore](https://omnivore.app/me/t-18c1d2e3f4a)\n";
		const before = buildQueueItem("T.md", raw, engine.options, engine.proxy);
		const after = buildQueueItem("T.md", engine.tidy(raw).text, engine.options, engine.proxy);
		expect(before?.savedAt).toBe(savedAt);
		expect(after?.savedAt).toBe(savedAt);
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
			savedAt: new Date(Math.floor(0x18b8f0a1c2d / 1000) * 1000).toISOString(),
		});
	});

	it("shows a heading an escaping template wrote as Obsidian shows it, before and after a tidy", () => {
		const raw = "---\nid: 5b0c\n---\n\n# Knives &amp; Forks: A Field Guide\n#Omnivore\n\n[Read Original](https://cutlery.example.com/guide)\n";
		expect(item("k.md", raw)?.title).toBe("Knives & Forks: A Field Guide");
		expect(item("k.md", tidier.tidy(raw).text)?.title).toBe("Knives & Forks: A Field Guide");
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
		expect(item("Folder/My article.md", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n\nJust text.\n")?.title).toBe("My article");
	});
});

describe("buildQueueItem reads notes the way tidy does", () => {
	const saved = (text: string) => item("a.md", `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${text}---\n#Omnivore\n`);

	it("keeps a date without a time a date", () => {
		expect(saved("date_published: 2019-04-01\n")?.publishedAt).toBe("2019-04-01");
		expect(saved("date_saved: 2023.02.02\n")?.savedAt).toBe("2023-02-02");
	});

	it("does not read a date another way than tidy, which leaves it as ambiguous", () => {
		expect(saved("date_saved: 03/04/2024\n")?.savedAt).toBeNull();
	});

	it("reads tags as tidy writes them, body tags included", () => {
		const tags = item("a.md", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags: Omnivore, Read Later, ai\n---\n#Omnivore #newsletter\n```\n#code\n```\n")?.tags;
		expect(tags).toEqual(["Read_Later", "ai", "newsletter"]);
	});

	it("keeps a note tagged in a space-separated string the same before and after a tidy", () => {
		const raw = "---\ntags: Omnivore newsletter\n---\n# Weekly Digest 48\n\n[Read Original](https://digest.example.com/48)\n";
		expect(item("w.md", raw)?.tags).toEqual(["newsletter"]);
		expect(item("w.md", tidier.tidy(raw).text)).toEqual(item("w.md", raw));
	});

	it("reads keys in any case and under their aliases", () => {
		const found = saved("Title: On Labels\nAuthor: Ann\nURL: https://a.example/p\nSaved: 2024-02-27 01:30:06\n");
		expect(found).toMatchObject({ title: "On Labels", author: "Ann", url: "https://a.example/p", site: "a.example", savedAt: "2024-02-27T00:30:06.000Z" });
	});

	it.each([
		["status: Readed\n", "read"],
		["status: to read\n", "unread"],
		["state: true\n", "read"],
		["state: COMPLETED\n", "read"],
		["Readed: true\n", "read"],
		["is_read: false\n", "unread"],
		["status: someday\nReaded: true\n", "unknown"],
		["status: someday\n", "unknown"],
		["state: in review\n", "unknown"],
		["", "unread"],
	])("%p is %p", (frontmatter, status) => {
		expect(saved(frontmatter)?.status).toBe(status);
		// ...before and after a tidy.
		expect(item("a.md", tidier.tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${frontmatter}---\n#Omnivore\n`).text)?.status).toBe(status);
	});

	it("does not count words inside code blocks", () => {
		const code = "```\n" + "word ".repeat(5000) + "\n```\n";
		expect(item("a.md", `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n${code}`)?.readingMinutes).toBe(1);
	});

	it("says when a single-file export holds several articles", () => {
		const text = "---\n- id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n- id: 2\n---\n%%1_start%%\n# A\n#Omnivore\n%%1_end%%\n%%2_start%%\n# B\n#Omnivore\n%%2_end%%\n";
		expect(item("Omnivore/All.md", text)).toMatchObject({ title: "A (2 articles)", articles: 2 });
	});

	it("takes the Read Original address over an Omnivore link in original_url", () => {
		const found = item("a.md", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\noriginal_url: https://omnivore.app/me/a-18de9d85b43\n---\n[Read Original](https://a.example/p)\n");
		expect(found).toMatchObject({ url: "https://a.example/p", site: "a.example", savedAt: "2024-02-27T09:14:46.000Z" });
	});

	it("lists untagged notes the detector finds, and nothing else", () => {
		expect(item("a.md", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n[Read on Omnivore](https://omnivore.app/me/a-1)\n")).not.toBeNull();
		expect(item("a.md", "---\ntags: [Omnivore]\n---\nI like Omnivore.\n")).toBeNull();
	});
});

describe("buildQueueItemFromValues", () => {
	const fromValues = (path: string, text: string) => {
		const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
		return buildQueueItemFromValues(path, text, yaml === undefined ? undefined : (parse(yaml) as Record<string, unknown>), tidier.options, tidier.proxy);
	};

	it("reads what buildQueueItem reads, from the values Obsidian parsed", () => {
		const raw = note("vault/Omnivore/2024-03-15/The Case for Slow Reading.md");
		expect(fromValues("a.md", raw)).toEqual(item("a.md", raw));
		expect(fromValues("a.md", tidier.tidy(raw).text)).toEqual(item("a.md", raw));
	});

	it("is null for a note that is not an Omnivore note", () => {
		expect(fromValues("s.md", note("vault/Inbox/Scratch.md"))).toBeNull();
	});
});
