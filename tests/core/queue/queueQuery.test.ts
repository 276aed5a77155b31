import { EMPTY_FILTER, QueueQuery, seededRandom, type QueueFilter, type QueueItem } from "../../../src/core";
import { savedWindow } from "../../../src/core/queue/queueFilter";

const NOW = Date.parse("2024-10-01T12:00:00Z");
const DAY = 86_400_000;

function make(path: string, over: Partial<QueueItem>): QueueItem {
	return {
		path,
		title: path,
		author: null,
		site: null,
		url: null,
		tags: [],
		status: "unread",
		savedAt: null,
		publishedAt: null,
		readingMinutes: 3,
		hasImageProblems: false,
		...over,
	};
}

const ITEMS: QueueItem[] = [
	make("a.md", { title: "Rust in 2023", author: "Niko Matsakis", site: "smallcultfollowing.com", tags: ["rust", "programming"], savedAt: new Date(NOW - 2 * DAY).toISOString(), readingMinutes: 8 }),
	make("b.md", { title: "How SQLite Scales", site: "fly.io", tags: ["databases"], status: "reading", savedAt: new Date(NOW - 20 * DAY).toISOString(), readingMinutes: 4 }),
	make("c.md", { title: "The Case for Slow Reading", author: "Maryanne Wolf", site: "The Atlantic", tags: ["reading", "Programming"], status: "read", savedAt: new Date(NOW - 300 * DAY).toISOString(), publishedAt: "2024-03-01T00:00:00.000Z", readingMinutes: 12 }),
	make("d.md", { title: "Byzantine Generals", tags: ["papers"], status: "archived", readingMinutes: 25, hasImageProblems: true }),
	make("e.md", { title: "逼近 GPT-4 的新模型发布", author: "莫崇宇", site: "ifanr.com", savedAt: new Date(NOW - 200 * DAY).toISOString(), readingMinutes: 6 }),
];

function run(filter: Partial<QueueFilter>, sort: Parameters<QueueQuery["run"]>[1] = "title") {
	const query = new QueueQuery();
	query.setItems(ITEMS);
	return query.run({ ...EMPTY_FILTER, ...filter }, sort, NOW);
}

const paths = (result: ReturnType<typeof run>) => result.items.map((i) => i.path);

describe("QueueQuery filters", () => {
	it("by one or several statuses, with counts per status for the rest of the filter", () => {
		expect(paths(run({ statuses: ["unread"] }))).toEqual(["a.md", "e.md"]);
		expect(paths(run({ statuses: ["read", "archived"] }))).toEqual(["d.md", "c.md"]);
		expect(run({ statuses: ["unread"], tags: ["programming"] }).counts).toEqual({ unread: 1, reading: 0, read: 1, archived: 0, unknown: 0 });
	});

	it("by tags, any or all, in any case", () => {
		expect(paths(run({ tags: ["PROGRAMMING", "databases"] }))).toEqual(["b.md", "a.md", "c.md"]);
		expect(paths(run({ tags: ["programming", "reading"], tagMode: "all" }))).toEqual(["c.md"]);
	});

	it("by tags written with # or spaces, as tidy writes them", () => {
		expect(paths(run({ tags: ["#Programming"] }))).toEqual(paths(run({ tags: ["programming"] })));
	});

	it("by author and site", () => {
		expect(paths(run({ author: "maryanne wolf" }))).toEqual(["c.md"]);
		expect(paths(run({ site: "fly.io" }))).toEqual(["b.md"]);
	});

	it("by saved date presets and ranges", () => {
		expect(paths(run({ saved: "last-7-days" }))).toEqual(["a.md"]);
		expect(paths(run({ saved: "last-30-days" }))).toEqual(["b.md", "a.md"]);
		expect(paths(run({ saved: "older-than-6-months" }))).toEqual(["c.md", "e.md"]);
		expect(paths(run({ saved: { from: "2024-09-01", to: "2024-09-25" } }))).toEqual(["b.md"]);
	});

	it("by reading time", () => {
		expect(paths(run({ readingTime: "under-5" }))).toEqual(["b.md"]);
		expect(paths(run({ readingTime: "5-to-15" }))).toEqual(["a.md", "c.md", "e.md"]);
		expect(paths(run({ readingTime: "over-15" }))).toEqual(["d.md"]);
	});

	it("by words in the title, author or site", () => {
		expect(paths(run({ search: "slow wolf" }))).toEqual(["c.md"]);
		expect(paths(run({ search: "FLY" }))).toEqual(["b.md"]);
		expect(paths(run({ search: "新模型" }))).toEqual(["e.md"]);
		expect(paths(run({ search: "nothing like it" }))).toEqual([]);
	});

	it("by image problems", () => {
		expect(paths(run({ imageProblems: true }))).toEqual(["d.md"]);
	});
});

describe("QueueQuery sorts", () => {
	it("by saved date, newest or oldest first, undated last", () => {
		expect(paths(run({}, "saved-newest"))).toEqual(["a.md", "b.md", "e.md", "c.md", "d.md"]);
		expect(paths(run({}, "saved-oldest"))).toEqual(["c.md", "e.md", "b.md", "a.md", "d.md"]);
	});

	it("by published date, title and reading time", () => {
		expect(paths(run({}, "published-newest"))[0]).toBe("c.md");
		expect(paths(run({}, "title"))).toEqual(["d.md", "b.md", "a.md", "c.md", "e.md"]);
		expect(paths(run({}, "reading-time"))).toEqual(["b.md", "e.md", "a.md", "c.md", "d.md"]);
	});

	it("shuffles the same way for a seed and differently for another", () => {
		const query = new QueueQuery();
		query.setItems(ITEMS);
		const once = query.run(EMPTY_FILTER, "shuffle", NOW, 7).items.map((i) => i.path);
		expect(query.run(EMPTY_FILTER, "shuffle", NOW, 7).items.map((i) => i.path)).toEqual(once);
		expect([...once].sort()).toEqual(["a.md", "b.md", "c.md", "d.md", "e.md"]);
		const others = [1, 2, 3, 4, 5].map((seed) => query.run(EMPTY_FILTER, "shuffle", NOW, seed).items.map((i) => i.path).join());
		expect(new Set(others).size).toBeGreaterThan(1);
	});

	it("lists the tags, authors and sites for the filter menus", () => {
		const query = new QueueQuery();
		query.setItems(ITEMS);
		expect(query.facets().tags.slice(0, 2)).toEqual(["Programming", "databases"]);
		expect(query.facets().sites).toHaveLength(4);
	});
});

describe("saved-date windows", () => {
	it("count calendar months", () => {
		const now = new Date(2024, 2, 31, 12).getTime();
		expect(savedWindow("last-30-days", now)?.[0]).toBe(new Date(2024, 1, 29, 12).getTime());
		expect(savedWindow("older-than-6-months", now)?.[1]).toBe(new Date(2023, 8, 30, 12).getTime());
	});
});

describe("shuffle", () => {
	it("deals every order of three articles about as often, seed after seed", () => {
		const query = new QueueQuery();
		query.setItems(ITEMS.slice(0, 3));
		const seen = new Map<string, number>();
		for (let seed = 1; seed <= 600; seed++) {
			const order = query.run(EMPTY_FILTER, "shuffle", NOW, seed).items.map((i) => i.path).join();
			seen.set(order, (seen.get(order) ?? 0) + 1);
		}
		expect(seen.size).toBe(6);
		for (const count of seen.values()) expect(count).toBeGreaterThan(60);
	});

	it("draws numbers in [0, 1), spread evenly", () => {
		const random = seededRandom(42);
		const draws = Array.from({ length: 10_000 }, random);
		expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
		const deciles = new Array<number>(10).fill(0);
		for (const value of draws) deciles[Math.floor(value * 10)]++;
		for (const count of deciles) expect(Math.abs(count - 1000)).toBeLessThan(150);
	});
});

describe("facets", () => {
	it("counts values without regard to case, shows them as most often written (ties: capitals first), most common first, then A to Z", () => {
		const items = [
			make("1.md", { author: "Martin Kleppmann", site: "youtube.com", tags: ["crdt"] }),
			make("2.md", { author: "martin kleppmann", site: "YouTube.com", tags: ["CRDT", "local-first"] }),
			make("3.md", { author: "Ann", site: null, tags: ["Databases"] }),
			make("4.md", { author: "", site: "fly.io", tags: ["databases", "crdt"] }),
			// Spellings the collator takes for equal: a soft hyphen, a decomposed accent.
			make("5.md", { tags: ["fo\u00ADo", "caf\u00E9"] }),
			make("6.md", { tags: ["foo", "cafe\u0301"] }),
		];
		const expected = { tags: ["crdt", "Databases", "cafe\u0301", "caf\u00E9", "foo", "fo\u00ADo", "local-first"], authors: ["Martin Kleppmann", "Ann"], sites: ["YouTube.com", "fly.io"] };
		// Whatever order the notes were read in.
		for (const order of [items, [...items].reverse()]) {
			const query = new QueueQuery();
			query.setItems(order);
			expect(query.facets()).toEqual(expected);
		}
	});
});

describe("sorts by text", () => {
	it("puts articles without a site or author last, and breaks ties by title then path", () => {
		const query = new QueueQuery();
		query.setItems([
			make("z.md", { title: "Same", site: "b.example" }),
			make("y.md", { title: "Same", site: "b.example" }),
			make("x.md", { title: "Alone" }),
			make("w.md", { title: "First", site: "A.example", author: "Zoe" }),
		]);
		expect(query.run(EMPTY_FILTER, "site", NOW).items.map((i) => i.path)).toEqual(["w.md", "y.md", "z.md", "x.md"]);
		expect(query.run(EMPTY_FILTER, "author", NOW).items.map((i) => i.path)).toEqual(["w.md", "x.md", "y.md", "z.md"]);
		expect(query.size).toBe(4);
	});
});

describe("dates without a time", () => {
	it("count from the start of that day where the reader lives (Paris here), before a time saved that same night", () => {
		const query = new QueueQuery();
		query.setItems([make("day.md", { savedAt: "2024-09-30" }), make("night.md", { savedAt: "2024-09-29T23:30:00.000Z" })]);
		expect(query.run(EMPTY_FILTER, "saved-newest", NOW).items.map((i) => i.path)).toEqual(["night.md", "day.md"]);
	});
});

describe("orders among equals", () => {
	const query = new QueueQuery();
	// Notes listed as the vault gives them, not by title: undated ones, a batch saved in the same second.
	query.setItems([
		make("Omnivore/zeta.md", { title: "Zeta", site: "b.example", savedAt: "2024-09-01T08:00:00.000Z", publishedAt: "2024-01-05" }),
		make("Omnivore/undated-b.md", { title: "Undated B", site: "youtube.com" }),
		make("Omnivore/alpha.md", { title: "Alpha", site: "youtube.com", savedAt: "2024-09-01T08:00:00.000Z", publishedAt: "2023-06-30" }),
		make("Omnivore/undated-a.md", { title: "Undated A", site: "a.example" }),
		make("Omnivore/later.md", { title: "Later", site: "b.example", savedAt: "2024-09-02T08:00:00.000Z", publishedAt: "2024-03-01" }),
		make("Omnivore/newsletter.md", { title: "A newsletter", savedAt: "2024-08-01T08:00:00.000Z" }),
	]);
	const order = (sort: Parameters<QueueQuery["run"]>[1]) => query.run(EMPTY_FILTER, sort, NOW).items.map((i) => i.title);

	it("breaks ties of saved date, and orders the undated, by title", () => {
		expect(order("saved-newest")).toEqual(["Later", "Alpha", "Zeta", "A newsletter", "Undated A", "Undated B"]);
		expect(order("saved-oldest")).toEqual(["A newsletter", "Alpha", "Zeta", "Later", "Undated A", "Undated B"]);
	});

	it("lists by published date, newest first", () => {
		expect(order("published-newest")).toEqual(["Later", "Zeta", "Alpha", "A newsletter", "Undated A", "Undated B"]);
	});

	it("lists by site A to Z, then by title, notes without a site last", () => {
		expect(order("site")).toEqual(["Undated A", "Later", "Zeta", "Alpha", "Undated B", "A newsletter"]);
	});

	it("orders notes of the same title by path, whichever comes first in the vault", () => {
		const twins = [make("Omnivore/2024/Rust in 2023.md", { title: "Rust in 2023" }), make("Clippings/Rust in 2023.md", { title: "Rust in 2023" })];
		for (const items of [twins, [...twins].reverse()]) {
			const same = new QueueQuery();
			same.setItems(items);
			expect(same.run(EMPTY_FILTER, "title", NOW).items.map((i) => i.path)).toEqual(["Clippings/Rust in 2023.md", "Omnivore/2024/Rust in 2023.md"]);
		}
	});

	it("deals the same shuffle whatever order the vault listed the notes in", () => {
		const shuffled = (items: QueueItem[]) => {
			const same = new QueueQuery();
			same.setItems(items);
			return same.run(EMPTY_FILTER, "shuffle", NOW, 11).items.map((i) => i.path);
		};
		expect(shuffled([...ITEMS].reverse())).toEqual(shuffled(ITEMS));
	});

	it("keeps a saved shuffle's order from one version to the next", () => {
		const random = seededRandom(42);
		expect([random(), random(), random()].map((value) => value.toFixed(6))).toEqual(["0.601104", "0.448291", "0.852466"]);
	});
});

describe("an empty queue", () => {
	it("holds nothing until notes are given", () => {
		const query = new QueueQuery();
		expect(query.size).toBe(0);
		expect(query.run(EMPTY_FILTER, "saved-newest", NOW)).toEqual({ items: [], counts: { unread: 0, reading: 0, read: 0, archived: 0, unknown: 0 } });
	});
});

describe("a range of saved days", () => {
	it("runs from the first day's midnight to the end of the last day", () => {
		const query = new QueueQuery();
		query.setItems([
			make("before.md", { savedAt: "2024-08-31" }),
			make("first.md", { savedAt: "2024-09-01" }),
			make("last.md", { savedAt: "2024-09-25" }),
			make("after.md", { savedAt: "2024-09-26" }),
		]);
		const found = query.run({ ...EMPTY_FILTER, saved: { from: "2024-09-01", to: "2024-09-25" } }, "saved-oldest", NOW);
		expect(found.items.map((i) => i.path)).toEqual(["first.md", "last.md"]);
	});
});

describe("the status tabs during a search", () => {
	it("count only the articles the search finds", () => {
		expect(run({ search: "rust" }).counts).toEqual({ unread: 1, reading: 0, read: 0, archived: 0, unknown: 0 });
		expect(run({ search: "reading", statuses: ["unread"] })).toEqual({ items: [], counts: { unread: 0, reading: 0, read: 1, archived: 0, unknown: 0 } });
	});
});
