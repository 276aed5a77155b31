import { strToU8 } from "fflate";
import { bytesSource, EntryTooLarge, ExportError, zipArchive, type EntryWish, type ExportArchive } from "../../../src/core/import/exportArchive";
import { readExportIndex } from "../../../src/core/import/exportIndex";
import { ITEMS, omnivoreHighlight, PDF_BYTES, zipOf, type ExportFile } from "./exportFixture";

/** An export's files as an unzipped folder delivers them: each entry asked for, once per read. */
function folderOf(files: Array<{ name: string; data: string | Uint8Array | Error }>) {
	const wishes: Array<[string, EntryWish | null]> = [];
	const archive: ExportArchive = {
		async read(want, visit) {
			for (const file of files) {
				const wish = want(file.name);
				wishes.push([file.name, wish]);
				if (!wish) continue;
				const data = typeof file.data === "string" ? strToU8(file.data) : file.data;
				if (data instanceof Error) await visit(file.name, data);
				else if (data.length > wish.maxBytes) await visit(file.name, new EntryTooLarge(wish.maxBytes));
				else await visit(file.name, wish.checkOnly ? new Uint8Array(0) : data);
			}
		},
	};
	return { archive, wishes };
}

const batch = (name: string, ...items: object[]): ExportFile => ({ name, data: JSON.stringify(items) });

describe("the first pass over an export", () => {
	it("asks for the metadata and highlights whole, and for the contents only to check them (an export may hold gigabytes of uploads)", async () => {
		const { archive, wishes } = folderOf([
			batch("metadata_0_to_2.json", ITEMS.sqlite, ITEMS.pdf),
			{ name: `content/${ITEMS.sqlite.slug}.html`, data: "<p>WAL</p>" },
			{ name: `content/${ITEMS.pdf.slug}.pdf`, data: PDF_BYTES },
			{ name: `highlights/${ITEMS.sqlite.slug}.md`, data: "> Readers and writers can proceed concurrently." },
			{ name: "README.txt", data: "Your Omnivore export" },
		]);
		const index = await readExportIndex(archive);
		expect(wishes).toEqual([
			["metadata_0_to_2.json", { maxBytes: 64 * 1024 * 1024, checkOnly: false }],
			[`content/${ITEMS.sqlite.slug}.html`, { maxBytes: 20 * 1024 * 1024, checkOnly: true }],
			[`content/${ITEMS.pdf.slug}.pdf`, { maxBytes: 512 * 1024 * 1024, checkOnly: true }],
			[`highlights/${ITEMS.sqlite.slug}.md`, { maxBytes: 64 * 1024 * 1024, checkOnly: false }],
			["README.txt", null],
		]);
		expect([...index.contents]).toEqual([
			[ITEMS.sqlite.slug, "html"],
			[ITEMS.pdf.slug, "pdf"],
		]);
		expect([...index.highlights.keys()]).toEqual([ITEMS.sqlite.slug]);
	});

	it("reads an empty library's export (a batch of no items) as no items, not as unreadable", async () => {
		const index = await readExportIndex(zipArchive(bytesSource(zipOf([batch("metadata_0_to_0.json")]))));
		expect(index).toEqual({ items: [], highlights: new Map(), contents: new Map(), problems: [], filesSkipped: 0 });
	});

	it("keeps the export's order across batches the zip holds by name, and an item written in two batches once, as first written", async () => {
		// The export pages by last update: an item updated while it ran is written again in a later batch.
		const updated = { ...ITEMS.sqlite, title: "How SQLite Scales Read Concurrency (updated)" };
		const files = [
			batch("metadata_0_to_2.json", ITEMS.sqlite, ITEMS.cjk),
			batch("metadata_100_to_102.json", ITEMS.byId, updated),
			batch("metadata_20_to_22.json", ITEMS.pdf, ITEMS.newsletter),
		];
		const index = await readExportIndex(zipArchive(bytesSource(zipOf(files))));
		expect(index.items.map((i) => i.title)).toEqual([ITEMS.sqlite.title, ITEMS.cjk.title, ITEMS.pdf.title, ITEMS.newsletter.title, ITEMS.byId.title]);
	});

	it("keeps the copy of an item written twice that was updated last (archived while the export ran), where the first stood", async () => {
		const first = { ...ITEMS.sqlite, state: "Active", updatedAt: "2024-10-30T10:00:00.000Z" };
		const archived = { ...ITEMS.sqlite, state: "Archived", labels: ["b"], updatedAt: "2024-10-30T10:05:00.000Z" };
		const later = await readExportIndex(zipArchive(bytesSource(zipOf([batch("metadata_0_to_2.json", first, ITEMS.cjk), batch("metadata_20_to_21.json", archived)]))));
		expect(later.items.map((i) => [i.id, i.state])).toEqual([[ITEMS.sqlite.id, "Archived"], [ITEMS.cjk.id, ITEMS.cjk.state]]);
		// Written later but updated before: the first copy stands.
		const earlier = await readExportIndex(zipArchive(bytesSource(zipOf([batch("metadata_0_to_1.json", archived), batch("metadata_20_to_21.json", first)]))));
		expect(earlier.items.map((i) => i.state)).toEqual(["Archived"]);
	});

	it("counts a batch as read when some of its items are, and refuses an export none of whose batches can be read", async () => {
		const partly = await readExportIndex(folderOf([batch("metadata_0_to_2.json", { slug: "no-id" }, ITEMS.cjk)]).archive);
		expect(partly.items.map((i) => i.id)).toEqual([ITEMS.cjk.id]);
		expect(partly.problems).toEqual(["Item 1 of metadata_0_to_2.json has no id; it was skipped."]);
		// One item without an id is not a whole file's articles missing; a batch cut short is.
		expect(partly.filesSkipped).toBe(0);
		const cut = await readExportIndex(folderOf([batch("metadata_0_to_1.json", ITEMS.cjk), { name: "metadata_1_to_3.json", data: '[{"id": "a"' }, { name: "metadata_3_to_4.json", data: "{}" }]).archive);
		expect(cut.items.map((i) => i.id)).toEqual([ITEMS.cjk.id]);
		expect(cut.filesSkipped).toBe(2);
		const unreadable = folderOf([batch("metadata_0_to_1.json", { slug: "no-id" }), { name: "metadata_1_to_2.json", data: '{"items": []}' }]);
		await expect(readExportIndex(unreadable.archive)).rejects.toThrow(new ExportError("none of its metadata files can be read"));
	});

	it("leaves an article too large to read to its item (which says so when its note is made), and skips such a highlights file with a word", async () => {
		const big = new Uint8Array(21 * 1024 * 1024);
		const { archive } = folderOf([
			batch("metadata_0_to_2.json", ITEMS.sqlite, ITEMS.cjk),
			{ name: `content/${ITEMS.sqlite.slug}.html`, data: big },
			{ name: `highlights/${ITEMS.cjk.slug}.md`, data: new EntryTooLarge(64 * 1024 * 1024) },
		]);
		const index = await readExportIndex(archive);
		expect(index.contents.get(ITEMS.sqlite.slug)).toBe("html");
		expect(index.problems).toEqual([`highlights/${ITEMS.cjk.slug}.md is not an Omnivore highlights file (it is larger than 64 MB); it was skipped.`]);
		// The highlights file is skipped whole; the article is its item's to report.
		expect(index.filesSkipped).toBe(1);
	});

	it("refuses a folder of the export without its metadata, and a metadata file too large for one, naming it", async () => {
		const parts = folderOf([
			{ name: `content/${ITEMS.sqlite.slug}.html`, data: "<p>WAL</p>" },
			{ name: `highlights/${ITEMS.sqlite.slug}.md`, data: "> Readers and writers can proceed concurrently." },
		]);
		await expect(readExportIndex(parts.archive)).rejects.toThrow(new ExportError("it holds no metadata_*.json file, so it is not an Omnivore export"));
		const huge = folderOf([{ name: "metadata_0_to_20.json", data: new EntryTooLarge(64 * 1024 * 1024) }]);
		await expect(readExportIndex(huge.archive)).rejects.toThrow(new ExportError("metadata_0_to_20.json in it is not an Omnivore metadata file (it is larger than 64 MB)"));
	});

	it("refuses an export whose highlights or metadata cannot be read, naming the file", async () => {
		const damaged = new Error("the zip file is damaged there (invalid distance)");
		const highlights = folderOf([batch("metadata_0_to_1.json", ITEMS.sqlite), { name: `highlights/${ITEMS.sqlite.slug}.md`, data: damaged }]);
		await expect(readExportIndex(highlights.archive)).rejects.toThrow(new ExportError(`highlights/${ITEMS.sqlite.slug}.md in it cannot be read: the zip file is damaged there (invalid distance)`));
		const metadata = folderOf([{ name: "metadata_0_to_1.json", data: damaged }]);
		await expect(readExportIndex(metadata.archive)).rejects.toThrow(new ExportError("metadata_0_to_1.json in it cannot be read: the zip file is damaged there (invalid distance)"));
	});

	it("keeps the first copy of a file the zip holds twice, and the kind of the first content of a slug", async () => {
		// A zip of the export with a copy of its folder inside (zipped twice by hand).
		const { archive } = folderOf([
			batch("metadata_0_to_1.json", ITEMS.sqlite),
			{ name: `highlights/${ITEMS.sqlite.slug}.md`, data: omnivoreHighlight({ quote: "Readers and writers can proceed concurrently." }) },
			{ name: `content/${ITEMS.sqlite.slug}.html`, data: "<p>WAL</p>" },
			{ name: `copy/highlights/${ITEMS.sqlite.slug}.md`, data: omnivoreHighlight({ quote: "An older highlight." }) },
			{ name: `copy/content/${ITEMS.sqlite.slug}.pdf`, data: PDF_BYTES },
		]);
		const index = await readExportIndex(archive);
		expect(index.highlights.get(ITEMS.sqlite.slug)?.map((h) => h.quote)).toEqual(["Readers and writers can proceed concurrently."]);
		expect(index.contents.get(ITEMS.sqlite.slug)).toBe("html");
	});

	it("reads a metadata file and a highlights file that start with a byte order mark", async () => {
		const { archive } = folderOf([
			{ name: "metadata_0_to_1.json", data: `\uFEFF${JSON.stringify([ITEMS.cjk])}` },
			{ name: `highlights/${ITEMS.cjk.slug}.md`, data: `\uFEFF${omnivoreHighlight({ quote: "法国初创公司 Mistral AI 发布了新模型。" })}` },
		]);
		const index = await readExportIndex(archive);
		expect(index.items.map((i) => i.title)).toEqual([ITEMS.cjk.title]);
		expect(index.highlights.get(ITEMS.cjk.slug)?.map((h) => h.quote)).toEqual(["法国初创公司 Mistral AI 发布了新模型。"]);
	});
});
