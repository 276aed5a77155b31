import * as fflate from "fflate";
import { strToU8, zipSync } from "fflate";
import { bytesSource, EntryTooLarge, ExportError, zipArchive, type EntryData } from "../../../src/core/import/exportArchive";
import { readExportIndex } from "../../../src/core/import/exportIndex";
import { classifyEntry } from "../../../src/core/import/exportEntries";
import { damageEntry, exportFiles, ITEMS, withoutUtf8Flag, zipOf } from "./exportFixture";

async function index(bytes: Uint8Array) {
	return readExportIndex(zipArchive(bytesSource(bytes, 1000)));
}

describe("reading the export", () => {
	it("reads every batch, each item once, the highlights and which contents exist", async () => {
		const read = await index(zipOf(exportFiles()));
		expect(read.items.map((i) => i.id)).toEqual(Object.values(ITEMS).map((i) => i.id));
		expect(read.contents.get(ITEMS.pdf.slug)).toBe("pdf");
		expect(read.contents.get(ITEMS.byId.slug)).toBe("html");
		expect(read.contents.has(ITEMS.noContent.slug)).toBe(false);
		// The article note after the last highlight reads as that highlight's note: the file cannot tell them apart.
		expect(read.highlights.get(ITEMS.sqlite.slug)?.map((h) => h.note)).toEqual(["This is why WAL wins.", "Worth rereading before the talk."]);
		expect(read.problems).toEqual([]);
	});

	it("reads a zip re-made from the unzipped folder (one top folder, no data descriptors)", async () => {
		const files = Object.fromEntries(exportFiles().map((f) => [`omnivore-export/${f.name}`, typeof f.data === "string" ? strToU8(f.data) : f.data]));
		const read = await index(zipSync(files));
		expect(read.items).toHaveLength(9);
	});

	it("skips items without an id and a batch that is not JSON, and says so", async () => {
		const files = [
			{ name: "metadata_0_to_2.json", data: JSON.stringify([{ slug: "x" }, ITEMS.sqlite]) },
			{ name: "metadata_2_to_4.json", data: "[{" },
		];
		const read = await index(zipOf(files));
		expect(read.items.map((i) => i.id)).toEqual([ITEMS.sqlite.id]);
		expect(read.problems).toEqual(["Item 1 of metadata_0_to_2.json has no id; it was skipped.", "metadata_2_to_4.json is not valid JSON; its items were skipped."]);
	});

	it("refuses what is not a zip, a zip cut short, a damaged entry and an export without metadata", async () => {
		await expect(index(strToU8("id,title\n1,hello\n"))).rejects.toThrow(new ExportError("it is not a zip file"));
		await expect(index(new Uint8Array(0))).rejects.toThrow("the file is empty");
		const zip = zipOf(exportFiles());
		await expect(index(zip.subarray(0, zip.length - 100))).rejects.toThrow("damaged or cut short");
		const damaged = zip.slice();
		damaged.fill(0xff, 60, 90); // inside the first metadata file's compressed data
		await expect(index(damaged)).rejects.toBeInstanceOf(ExportError);
		await expect(index(zipOf([{ name: "notes/readme.md", data: "hello" }]))).rejects.toThrow("holds no metadata_*.json file");
		await expect(index(zipOf([{ name: "metadata_0_to_1.json", data: "not json" }]))).rejects.toThrow("none of its metadata files can be read");
	});
});

describe("the names of the export's files", () => {
	it.each([
		["metadata_0_to_20.json", { kind: "metadata", name: "metadata_0_to_20.json" }],
		["content/a-1.html", { kind: "content", slug: "a-1", format: "html" }],
		["contents/a-1.html", { kind: "content", slug: "a-1", format: "html" }],
		["content/a-1.pdf", { kind: "content", slug: "a-1", format: "pdf" }],
		["highlights/a-1.md", { kind: "highlights", slug: "a-1" }],
		["export/highlights/a-1.md", { kind: "highlights", slug: "a-1" }],
		["__MACOSX/content/._a-1.html", { kind: "other" }],
		// A slug holding `/` made folders; a top folder named like the export's own is still a top folder.
		["content/nested/a.html", { kind: "content", slug: "nested/a", format: "html" }],
		["export/highlights/nested/a.md", { kind: "highlights", slug: "nested/a" }],
		["content/content/a.html", { kind: "content", slug: "a", format: "html" }],
		// Decomposed (as macOS writes names) reads as composed, as the metadata spells the slug.
		["content/cafe\u0301-1.html", { kind: "content", slug: "caf\u00e9-1", format: "html" }],
	])("%s", (name, expected) => {
		expect(classifyEntry(name)).toEqual(expected);
	});
});

describe("hostile zips", () => {
	it("reads UTF-8 names written without the zip's UTF-8 flag", async () => {
		const zip = zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([{ id: "1", slug: "中文-1" }])), "highlights/中文-1.md": strToU8("> 高亮") });
		const read = await index(withoutUtf8Flag(zip));
		expect(read.highlights.get("中文-1")).toEqual([{ quote: "高亮", labels: [] }]);
	});

	it("refuses a zip whose article entry is damaged, before anything is read from it", async () => {
		const zip = damageEntry(zipOf(exportFiles()), `content/${ITEMS.sqlite.slug}.html`);
		await expect(index(zip)).rejects.toThrow(new ExportError(`content/${ITEMS.sqlite.slug}.html in it cannot be read: the zip file is damaged there (invalid block type); another unzip tool may still extract the other files, and their folder can be imported`));
	});

	it("stops inflating an entry past its limit (a zip bomb): it arrives as too large, the rest unread", async () => {
		const bomb = zipSync({ "content/bomb.html": new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
		const push = jest.spyOn(fflate.Inflate.prototype, "push");
		const seen: Array<[string, EntryData]> = [];
		try {
			await zipArchive(bytesSource(bomb)).read(
				() => ({ maxBytes: 1024 * 1024 }),
				(name, data) => void seen.push([name, data]),
			);
			const inflated = push.mock.calls.reduce((sum, [chunk]) => sum + chunk.length, 0);
			expect(inflated).toBeLessThan(bomb.length / 2);
		} finally {
			push.mockRestore();
		}
		expect(seen).toEqual([["content/bomb.html", new EntryTooLarge(1024 * 1024)]]);
		expect((seen[0][1] as Error).message).toBe("it is larger than 1 MB");
	});

	it("refuses a metadata file larger than any batch of 20 items, and skips such a highlights file", async () => {
		const huge = new Uint8Array(65 * 1024 * 1024).fill(0x20);
		await expect(index(zipSync({ "metadata_0_to_20.json": huge }))).rejects.toThrow(new ExportError("metadata_0_to_20.json in it is not an Omnivore metadata file (it is larger than 64 MB)"));
		const read = await index(zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([ITEMS.sqlite])), [`highlights/${ITEMS.sqlite.slug}.md`]: huge }));
		expect(read.items).toHaveLength(1);
		expect(read.problems).toEqual([`highlights/${ITEMS.sqlite.slug}.md is not an Omnivore highlights file (it is larger than 64 MB); it was skipped.`]);
	});
});
