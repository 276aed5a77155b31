import { classifyEntry, entryLimit, metadataOrder } from "../../../src/core/import/exportEntries";

describe("the names of the export's files", () => {
	it.each([
		["metadata_0_to_20.json", { kind: "metadata", name: "metadata_0_to_20.json" }],
		["metadata.json", { kind: "metadata", name: "metadata.json" }],
		["content/a-1.html", { kind: "content", slug: "a-1", format: "html" }],
		["contents/a-1.html", { kind: "content", slug: "a-1", format: "html" }],
		["content/a-1.htm", { kind: "content", slug: "a-1", format: "html" }],
		["content/a-1.pdf", { kind: "content", slug: "a-1", format: "pdf" }],
		["highlights/a-1.md", { kind: "highlights", slug: "a-1" }],
		["export/highlights/a-1.md", { kind: "highlights", slug: "a-1" }],
		// A case-insensitive system may have changed the case of the names it re-zipped.
		["Metadata_0_to_20.JSON", { kind: "metadata", name: "Metadata_0_to_20.JSON" }],
		["Content/a-1.PDF", { kind: "content", slug: "a-1", format: "pdf" }],
		["Highlights/a-1.MD", { kind: "highlights", slug: "a-1" }],
		// Windows' own zip tools wrote `\` between folders; some writers start paths with `./` or `/`.
		["omnivore-export\\content\\a-1.html", { kind: "content", slug: "a-1", format: "html" }],
		["./metadata_0_to_20.json", { kind: "metadata", name: "metadata_0_to_20.json" }],
		["/highlights/a-1.md", { kind: "highlights", slug: "a-1" }],
		["omnivore-export/metadata_20_to_40.json", { kind: "metadata", name: "metadata_20_to_40.json" }],
		["./omnivore-export/content/a-1.html", { kind: "content", slug: "a-1", format: "html" }],
		["/omnivore-export/highlights/a-1.md", { kind: "highlights", slug: "a-1" }],
		["x/content/a-1.pdf", { kind: "content", slug: "a-1", format: "pdf" }],
		// A download cut short, a backup, a folder of the user's own.
		["content/a-1.pdf.part", { kind: "other" }],
		["highlights/a-1.md.bak", { kind: "other" }],
		["drafts/mycontent/a-1.html", { kind: "other" }],
		["drafts/myhighlights/a-1.md", { kind: "other" }],
		// What macOS and other tools add beside the export's files.
		["__MACOSX/content/._a-1.html", { kind: "other" }],
		["highlights/._a-1.md", { kind: "other" }],
		["content/._a-1.html", { kind: "other" }],
		["__MACOSX/content/a-1.html", { kind: "other" }],
		[".DS_Store", { kind: "other" }],
		["content/.DS_Store", { kind: "other" }],
		[".old/content/a-1.html", { kind: "other" }],
		["omnivore-export/.old/highlights/a-1.md", { kind: "other" }],
		["content/a-1.txt", { kind: "other" }],
		["highlights/a-1.html", { kind: "other" }],
		["notes/readme.md", { kind: "other" }],
		["metadata_0_to_20.json.bak", { kind: "other" }],
		["old-metadata_0_to_20.json", { kind: "other" }],
		// A slug holding `/` made folders; a top folder named like the export's own is still a top folder.
		["content/nested/a.html", { kind: "content", slug: "nested/a", format: "html" }],
		["export/content/nested/a.html", { kind: "content", slug: "nested/a", format: "html" }],
		["export/highlights/nested/a.md", { kind: "highlights", slug: "nested/a" }],
		["content/content/a.html", { kind: "content", slug: "a", format: "html" }],
		["highlights/highlights/a.md", { kind: "highlights", slug: "a" }],
		// Decomposed (as macOS writes names) reads as composed, as the metadata spells the slug.
		["content/cafe\u0301-1.html", { kind: "content", slug: "caf\u00e9-1", format: "html" }],
		["highlights/cafe\u0301-1.md", { kind: "highlights", slug: "caf\u00e9-1" }],
	])("%s", (name, expected) => {
		expect(classifyEntry(name)).toEqual(expected);
	});
});

describe("the order of the metadata files", () => {
	it("is the order the export wrote them, whatever order the zip holds them in", () => {
		// A zip re-made from the unzipped folder lists them by name: 0, 100, 20.
		const names = ["metadata_0_to_20.json", "metadata_100_to_120.json", "metadata_20_to_40.json", "metadata_40_to_60.json"];
		expect([...names].sort(metadataOrder)).toEqual(["metadata_0_to_20.json", "metadata_20_to_40.json", "metadata_40_to_60.json", "metadata_100_to_120.json"]);
		expect([...names].reverse().sort(metadataOrder)).toEqual(["metadata_0_to_20.json", "metadata_20_to_40.json", "metadata_40_to_60.json", "metadata_100_to_120.json"]);
	});

	it("reads a file without a range as starting at 0, and sorts two of one start by name, so the zip's order never decides", () => {
		const names = ["metadata_20_to_40.json", "metadata_0_to_20.json", "metadata.json", "metadata_0_to_10.json"];
		const sorted = [...names].sort(metadataOrder);
		expect([...names].reverse().sort(metadataOrder)).toEqual(sorted);
		expect(sorted).toEqual(["metadata_0_to_10.json", "metadata_0_to_20.json", "metadata.json", "metadata_20_to_40.json"]);
		expect(metadataOrder("metadata_0_to_10.json", "metadata_0_to_20.json")).toBeLessThan(0);
		expect(metadataOrder("metadata_0_to_20.json", "metadata_0_to_10.json")).toBeGreaterThan(0);
	});
});

describe("how much of a file the import reads", () => {
	it("is far more than Omnivore wrote there and far less than a zip bomb: 20 MB of article, 512 MB of upload, 64 MB of metadata or highlights", () => {
		const MB = 1024 * 1024;
		expect(entryLimit({ kind: "content", slug: "a", format: "html" })).toBe(20 * MB);
		expect(entryLimit({ kind: "content", slug: "a", format: "pdf" })).toBe(512 * MB);
		expect(entryLimit({ kind: "metadata", name: "metadata_0_to_20.json" })).toBe(64 * MB);
		expect(entryLimit({ kind: "highlights", slug: "a" })).toBe(64 * MB);
	});
});
