import { EMPTY_FILTER, QueueQuery, searchMatches, searchWords, type QueueItem } from "../../../src/core";
import { SearchColumn, searchScore, wordScores } from "../../../src/core/queue/queueSearch";
import fc from "fast-check";

function item(path: string, over: Partial<QueueItem>): QueueItem {
	return { path, title: path, author: null, site: null, url: null, tags: [], status: "unread", savedAt: null, publishedAt: null, readingMinutes: 3, hasImageProblems: false, ...over };
}

const SAVED = (day: number) => new Date(Date.UTC(2024, 0, day)).toISOString();

const ITEMS = [
	item("trust.md", { title: "Building trust in distributed teams", site: "hbr.org", savedAt: SAVED(30) }),
	item("tagged.md", { title: "Ownership explained", tags: ["rust", "programming"], savedAt: SAVED(29) }),
	item("blog.md", { title: "Notes from a conference", site: "rust-lang.org", savedAt: SAVED(28) }),
	item("rust.md", { title: "Rust in 2023", author: "Niko Matsakis", savedAt: SAVED(10) }),
	item("crdt.md", { title: "CRDTs: the hard parts", author: "Martin Kleppmann", site: "youtube.com", savedAt: SAVED(5) }),
	item("local.md", { title: "Local-first software", author: "Martin Kleppmann", tags: ["crdt"], savedAt: SAVED(4) }),
	item("rtl.md", { title: "مستقبل القراءة", site: "aljazeera.net", savedAt: SAVED(3) }),
];

function search(text: string): string[] {
	const query = new QueueQuery();
	query.setItems(ITEMS);
	return query.run({ ...EMPTY_FILTER, search: text }, "saved-newest").items.map((i) => i.path);
}

describe("queue search", () => {
	it("ranks a title starting with the word first, then a title holding it, then tags and site", () => {
		expect(search("rust")).toEqual(["rust.md", "trust.md", "tagged.md", "blog.md"]);
	});

	it("finds every word in any order, across title, author, site and tags", () => {
		expect(search("kleppmann crdt")).toEqual(["crdt.md", "local.md"]);
		expect(search("crdt kleppmann")).toEqual(["crdt.md", "local.md"]);
		expect(search("#crdt local")).toEqual(["local.md"]);
		expect(search("kleppmann rust")).toEqual([]);
	});

	it("keeps the chosen order among equally good matches", () => {
		const query = new QueueQuery();
		query.setItems(ITEMS);
		const oldest = query.run({ ...EMPTY_FILTER, search: "kleppmann" }, "saved-oldest").items.map((i) => i.path);
		expect(oldest).toEqual(["local.md", "crdt.md"]);
	});

	it("finds right-to-left titles", () => {
		expect(search("القراءة")).toEqual(["rtl.md"]);
	});

	it("splits a query into unique lowercase words without #", () => {
		expect(searchWords("  Rust  #Programming rust ")).toEqual(["rust", "programming"]);
	});

	it("gives merged ranges of every occurrence for highlighting", () => {
		expect(searchMatches("Trust in Rust", ["rust"])).toEqual([
			[1, 5],
			[9, 13],
		]);
		expect(searchMatches("CRDTs: the hard parts", ["crdt", "crdts"])).toEqual([[0, 5]]);
		expect(searchMatches("anything", [])).toEqual([]);
	});
});

describe("search scores", () => {
	it.each([
		["rust in 2023", 4],
		["learn/rust", 4],
		["(rust)", 4],
		["on: rust", 4],
		["@rust", 4],
		["[rust]", 4],
		["`rust`", 4],
		["{rust}", 4],
		["~rust", 4],
		["2023rust", 3],
		["0rust", 3],
		["9rust", 3],
		["arust", 3],
		["trust", 3],
		["zrust", 3],
		["érust", 3],
	])("ranks the word in the title %p at %p", (title, points) => {
		expect(searchScore(["rust"], title, "")).toBe(points);
	});

	it("ranks a word in the author, site or tags below the title, and a missing word at nothing", () => {
		expect(searchScore(["rust"], "ownership", "niko\u0000rust-lang.org")).toBe(2);
		expect(searchScore(["rust"], "ownership", "trusted.example")).toBe(1);
		expect(searchScore(["rust", "go"], "rust in 2023", "")).toBe(0);
	});

	it("keeps a word that only holds # after its start, like C#", () => {
		expect(searchWords("C# #rust  go")).toEqual(["c#", "rust", "go"]);
	});

	it("never matches a word across the author and the site", () => {
		expect(search("kleppmannyoutube")).toEqual([]);
	});

	it("gives sorted, merged ranges for several words, touching ones merged", () => {
		expect(searchMatches("Rust and Go", ["go", "rust"])).toEqual([
			[0, 4],
			[9, 11],
		]);
		expect(searchMatches("RustGo", ["rust", "go"])).toEqual([[0, 6]]);
		// Lower-casing İ adds a character: ranges would point beside the words.
		expect(searchMatches("İstanbul notes", ["notes"])).toEqual([]);
	});
});

describe("the search over every item at once", () => {
	// The query walks one string of all titles (and one of all authors, sites and tags); each item must
	// score exactly as `searchScore` scores it alone, whatever its neighbours hold.
	const text = fc.stringMatching(/^[a-c1 #\n.é-]{0,8}$/);
	const titles = fc.array(text, { maxLength: 12 });

	it("scores each item as it would alone, with neighbours, line breaks and word starts", () => {
		fc.assert(
			fc.property(titles, fc.array(text, { maxLength: 12 }), fc.array(fc.stringMatching(/^[a-c1#.é-]{1,3}$/), { minLength: 1, maxLength: 3 }), (titleTexts, otherTexts, words) => {
				const others = titleTexts.map((_, i) => otherTexts[i] ?? "");
				const columns = [new SearchColumn(titleTexts), new SearchColumn(others)] as const;
				const total = titleTexts.map(() => 0);
				words.forEach((word, w) => {
					const scores = wordScores(word, ...columns);
					titleTexts.forEach((title, i) => {
						expect(scores[i]).toBe(searchScore([word], title, others[i]));
						total[i] = w === 0 || total[i] > 0 ? (scores[i] === 0 ? 0 : total[i] + scores[i]) : 0;
					});
				});
				expect(total).toEqual(titleTexts.map((title, i) => searchScore(words, title, others[i])));
			}),
			{ numRuns: 500 },
		);
	});

	it("finds a word at the very start and end of the joined text, and only once per item", () => {
		const column = new SearchColumn(["rust", "trust rust", "", "rusty"]);
		const found: Array<[number, boolean]> = [];
		column.eachFirstMatch("rust", (index, wordStart) => found.push([index, wordStart]));
		expect(found).toEqual([
			[0, true],
			[1, false],
			[3, true],
		]);
	});

	it("ranks the same items after a search typed a letter at a time as typed at once", () => {
		const query = new QueueQuery();
		query.setItems(ITEMS);
		for (const prefix of ["m", "ma", "mar", "mart", "martin", "martin ", "martin k", "martin kl"]) query.run({ ...EMPTY_FILTER, search: prefix }, "saved-newest");
		const typed = query.run({ ...EMPTY_FILTER, search: "martin kle" }, "saved-newest").items.map((i) => i.path);
		const fresh = new QueueQuery();
		fresh.setItems(ITEMS);
		expect(typed).toEqual(fresh.run({ ...EMPTY_FILTER, search: "martin kle" }, "saved-newest").items.map((i) => i.path));
		expect(typed).toEqual(["crdt.md", "local.md"]);
	});
});

describe("a query over kept scores", () => {
	it("finds the same after a search of several words as a fresh query does", () => {
		const query = new QueueQuery();
		query.setItems(ITEMS);
		query.run({ ...EMPTY_FILTER, search: "martin local" }, "title");
		const fresh = new QueueQuery();
		fresh.setItems(ITEMS);
		for (const search of ["martin", "local", "martin crdt"]) {
			expect(query.run({ ...EMPTY_FILTER, search }, "title").items.map((i) => i.path)).toEqual(fresh.run({ ...EMPTY_FILTER, search }, "title").items.map((i) => i.path));
		}
		expect(query.run({ ...EMPTY_FILTER, search: "martin" }, "title").items.map((i) => i.path)).toEqual(["crdt.md", "local.md"]);
	});

	it("lists nothing before it is given items", () => {
		expect(new QueueQuery().run(EMPTY_FILTER, "title")).toEqual({ items: [], counts: { unread: 0, reading: 0, read: 0, archived: 0, unknown: 0 } });
	});
});

describe("a query given new items", () => {
	it("searches and filters the new items, not what it kept of the old", () => {
		const query = new QueueQuery();
		query.setItems(ITEMS);
		expect(query.run({ ...EMPTY_FILTER, search: "ownership" }, "title").items.map((i) => i.path)).toEqual(["tagged.md"]);
		expect(query.run({ ...EMPTY_FILTER, tags: ["rust"] }, "title").items.map((i) => i.path)).toEqual(["tagged.md"]);
		const renamed = ITEMS.map((i) => (i.path === "tagged.md" ? { ...i, title: "Borrowing explained", tags: ["go"] } : i));
		query.setItems(renamed);
		expect(query.run({ ...EMPTY_FILTER, search: "ownership" }, "title").items).toEqual([]);
		expect(query.run({ ...EMPTY_FILTER, search: "borrowing" }, "title").items.map((i) => i.path)).toEqual(["tagged.md"]);
		expect(query.run({ ...EMPTY_FILTER, tags: ["rust"] }, "title").items).toEqual([]);
		expect(query.run({ ...EMPTY_FILTER, tags: ["go"] }, "title").items.map((i) => i.path)).toEqual(["tagged.md"]);
	});
});
