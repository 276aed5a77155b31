// Items read back from a file are checked field by field: any one of a wrong type makes the item doubtful.
import { buildQueueItem, NoteTidier } from "../../../src/core";
import { isKeptItem } from "../../../src/core/queue/keptItem";

const tidier = new NoteTidier();
const item = buildQueueItem("Omnivore/Rust.md", "---\nid: 1\ntitle: Rust\nauthor: Ann\ntags: [rust]\n---\n#Omnivore\n[Read Original](https://a.example/rust)\n", tidier.options, tidier.proxy);

it("takes an item as the engine builds it, or null (no Omnivore note)", () => {
	expect(item).not.toBeNull();
	expect(isKeptItem(item)).toBe(true);
	expect(isKeptItem(JSON.parse(JSON.stringify(item)))).toBe(true);
	expect(isKeptItem({ ...item, articles: 3 })).toBe(true);
	expect(isKeptItem({ ...item, author: null, site: null, url: null, savedAt: null, publishedAt: null, readingMinutes: 0, tags: [] })).toBe(true);
	expect(isKeptItem({ ...item, savedAt: "2024-02-27", publishedAt: "2024-02-27T01:30:06.000Z" })).toBe(true);
	expect(isKeptItem(null)).toBe(true);
});

it.each<[string, unknown]>([
	["path", 1],
	["title", 123],
	["title", undefined],
	["author", 0],
	["site", ["a"]],
	["url", {}],
	["tags", "rust"],
	["tags", [1]],
	["tags", ["rust", 2]],
	["readingMinutes", Infinity],
	["status", "someday"],
	["savedAt", 1700000000],
	["savedAt", "yesterday"],
	["savedAt", "2024-02-30T25:00:00.000Z"],
	["readingMinutes", -3],
	["publishedAt", false],
	["readingMinutes", "3"],
	["readingMinutes", null],
	["hasImageProblems", "no"],
	["articles", 2.5],
])("refuses an item whose %s is %p", (field, value) => {
	expect(isKeptItem({ ...item, [field]: value })).toBe(false);
});

it("refuses what is no item at all", () => {
	for (const value of [undefined, "item", 3, [], {}]) expect([value, isKeptItem(value)]).toEqual([value, false]);
});
