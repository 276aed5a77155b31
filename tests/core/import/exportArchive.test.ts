import { strToU8, zipSync } from "fflate";
import { bytesSource, ExportError, zipArchive } from "../../../src/core/import/exportArchive";
import { readExportIndex } from "../../../src/core/import/exportIndex";
import { classifyEntry } from "../../../src/core/import/exportEntries";
import { exportFiles, ITEMS, zipOf } from "./exportFixture";

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
		["content/nested/a.html", { kind: "other" }],
	])("%s", (name, expected) => {
		expect(classifyEntry(name)).toEqual(expected);
	});
});
