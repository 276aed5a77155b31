// What the reader asks of the queue: when a filter narrows the list, the saved-date windows and
// reading-time buckets at their edges, and filter sets saved by the reader read back from settings.
import { EMPTY_FILTER, filterFromStored, isFiltering, resolveSavedFilters, type QueueFilter } from "../../../src/core";
import { inReadingBucket, savedWindow } from "../../../src/core/queue/queueFilter";

const DAY = 86_400_000;

describe("isFiltering", () => {
	it("is false for the empty filter, a status tab alone, or a search of spaces", () => {
		expect(isFiltering(EMPTY_FILTER)).toBe(false);
		expect(isFiltering({ ...EMPTY_FILTER, statuses: ["unread"], tagMode: "all" })).toBe(false);
		expect(isFiltering({ ...EMPTY_FILTER, search: "   " })).toBe(false);
	});

	it.each<[string, Partial<QueueFilter>]>([
		["a tag", { tags: ["rust"] }],
		["an author", { author: "Maryanne Wolf" }],
		["a site", { site: "fly.io" }],
		["a saved-date preset", { saved: "last-7-days" }],
		["a saved-date range open at one end", { saved: { from: "2024-01-01", to: null } }],
		["a reading time", { readingTime: "under-5" }],
		["a search", { search: "slow reading" }],
		["image problems", { imageProblems: true }],
	])("is true for %s", (_name, filter) => {
		expect(isFiltering({ ...EMPTY_FILTER, ...filter })).toBe(true);
	});
});

describe("savedWindow", () => {
	const now = Date.parse("2024-10-01T12:00:00Z");

	it("is no window without a saved filter", () => {
		expect(savedWindow(null, now)).toBeNull();
	});

	it("reaches back seven days for the last week, and on to any later date", () => {
		expect(savedWindow("last-7-days", now)).toEqual([now - 7 * DAY, Infinity]);
	});

	it("takes a range's days whole, from the first day's midnight to the end of the last", () => {
		const [from, to] = savedWindow({ from: "2024-09-01", to: "2024-09-25" }, now) ?? [];
		expect(from).toBe(new Date(2024, 8, 1).getTime());
		expect(to).toBe(new Date(2024, 8, 25).getTime() + DAY);
	});

	it("leaves a range open where a date is missing", () => {
		expect(savedWindow({ from: null, to: "2024-09-25" }, now)?.[0]).toBe(-Infinity);
		expect(savedWindow({ from: "2024-09-01", to: null }, now)?.[1]).toBe(Infinity);
	});
});

describe("inReadingBucket", () => {
	it.each([
		[4, "under-5"],
		[5, "5-to-15"],
		[15, "5-to-15"],
		[16, "over-15"],
	] as const)("puts %p minutes under %p, and nowhere else", (minutes, bucket) => {
		for (const other of ["under-5", "5-to-15", "over-15"] as const) expect([other, inReadingBucket(minutes, other)]).toEqual([other, other === bucket]);
	});
});

describe("resolveSavedFilters", () => {
	it("reads nothing from settings that hold no list", () => {
		expect(resolveSavedFilters(undefined)).toEqual([]);
		expect(resolveSavedFilters({ name: "Rust", filter: {} })).toEqual([]);
	});

	it("drops saved sets without a name or a filter, and gives old ones the fields added since", () => {
		const stored: unknown[] = [
			{ name: "Short Rust reads", filter: { tags: ["rust"], readingTime: "under-5" }, sort: "reading-time" },
			{ name: "No filter", filter: null, sort: "title" },
			{ name: "Broken", filter: "tags=rust", sort: "title" },
			{ filter: { tags: ["x"] } },
			null,
			"Unread",
			{ name: "Old sort", filter: { author: "Niko Matsakis" }, sort: "random" },
		];
		expect(resolveSavedFilters(stored)).toEqual([
			{ name: "Short Rust reads", filter: { ...EMPTY_FILTER, tags: ["rust"], readingTime: "under-5" }, sort: "reading-time" },
			{ name: "Old sort", filter: { ...EMPTY_FILTER, author: "Niko Matsakis" }, sort: "saved-newest" },
		]);
	});

	it("keeps each order a set was saved with", () => {
		for (const sort of ["saved-newest", "saved-oldest", "published-newest", "title", "site", "author", "reading-time", "shuffle"]) {
			expect(resolveSavedFilters([{ name: "Rust", filter: { tags: ["rust"] }, sort }])[0].sort).toBe(sort);
		}
	});
});

describe("filterFromStored", () => {
	it("keeps every field of the right shape", () => {
		const filter: QueueFilter = {
			statuses: ["unread", "unknown"],
			tags: ["rust", "long read"],
			tagMode: "all",
			author: "Niko Matsakis",
			site: "smallcultfollowing.com",
			saved: { from: "2024-01-01", to: null },
			readingTime: "over-15",
			search: "borrow checker",
			imageProblems: true,
		};
		expect(filterFromStored(JSON.parse(JSON.stringify(filter)))).toEqual(filter);
		expect(filterFromStored({ saved: "last-30-days" }).saved).toBe("last-30-days");
	});

	it("gives a field of the wrong shape, as a hand edit leaves it, its empty value", () => {
		const stored = {
			statuses: ["unread", "someday", 3],
			tags: ["rust", 42, null],
			tagMode: "most",
			author: 42,
			site: ["a.example"],
			saved: { from: "last week", to: 7 },
			readingTime: "forever",
			search: { words: "x" },
			imageProblems: "yes",
		};
		expect(filterFromStored(stored)).toEqual({ ...EMPTY_FILTER, statuses: ["unread"], tags: ["rust"] });
		expect(filterFromStored("tags=rust")).toEqual(EMPTY_FILTER);
		expect(filterFromStored({ saved: "yesterday" }).saved).toBeNull();
		expect(filterFromStored({ saved: { from: null, to: "2024-02-01" } }).saved).toEqual({ from: null, to: "2024-02-01" });
		// A day that does not exist would make the window NaN and hide every article.
		expect(filterFromStored({ saved: { from: "2024-13-45", to: "2024-02-30" } }).saved).toBeNull();
		expect(filterFromStored({ saved: { from: "2024-02-29", to: "2023-02-29" } }).saved).toEqual({ from: "2024-02-29", to: null });
	});

	it("reads a list written as its one value", () => {
		expect(filterFromStored({ tags: "rust", statuses: "unread" })).toEqual({ ...EMPTY_FILTER, tags: ["rust"], statuses: ["unread"] });
	});
});
