// Items are kept in files as rows, and read back from files that a sync conflict, a hand edit or a
// disk may have damaged: a row with any field of a wrong type is doubtful, and its note is read again.
import { buildQueueItem, NoteTidier, type QueueItem } from "../../../src/core";
import { itemOfRow, itemRow } from "../../../src/core/queue/keptItem";

const tidier = new NoteTidier();
const built = buildQueueItem("Omnivore/Rust.md", "---\nid: 1\ntitle: Rust\nauthor: Ann\ntags: [rust]\n---\n#Omnivore\n[Read Original](https://a.example/rust)\n", tidier.options, tidier.proxy);
if (!built) throw new Error("no item");
const item: QueueItem = built;

/** The item kept as a row in a JSON file, and read back under its path. */
const roundTrip = (kept: QueueItem | null, path = kept?.path ?? "x.md") => itemOfRow(path, JSON.parse(JSON.stringify(itemRow(kept))));

it("gives back the item the engine built, field for field and in the same order, or null (no Omnivore note)", () => {
	for (const kept of [
		item,
		{ ...item, articles: 3 },
		{ ...item, author: null, site: null, url: null, savedAt: null, publishedAt: null, readingMinutes: 0, tags: [] },
		{ ...item, savedAt: "2024-02-27", publishedAt: "2024-02-27T01:30:06.000Z", hasImageProblems: true },
	]) {
		const back = roundTrip(kept);
		expect(back).toEqual(kept);
		// A listing from kept items prints the same bytes as one from the notes.
		expect(JSON.stringify(back)).toBe(JSON.stringify(kept));
	}
	expect(roundTrip(null)).toBeNull();
	// The path is the key it was kept under: a note renamed since gets its new one.
	expect(roundTrip(item, "Moved/Rust.md")).toEqual({ ...item, path: "Moved/Rust.md" });
});

it.each<[keyof QueueItem, unknown]>([
	["title", 123],
	["title", null],
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
	["articles", null],
])("refuses a row whose %s is %p", (field, value) => {
	const row = itemRow({ ...item, articles: 2 }) as unknown[];
	const order: Array<keyof QueueItem> = ["title", "author", "site", "url", "tags", "status", "savedAt", "publishedAt", "readingMinutes", "hasImageProblems", "articles"];
	row[order.indexOf(field)] = value;
	expect(itemOfRow(item.path, row)).toBeUndefined();
});

it("refuses what is no row at all, or a row cut short or grown", () => {
	const row = itemRow(item) as unknown[];
	for (const value of [undefined, "item", 3, [], {}, { ...item }, row.slice(0, 9), [...row, 2, 3]]) expect([value, itemOfRow(item.path, value)]).toEqual([value, undefined]);
});
