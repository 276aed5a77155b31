// The repair of one-line lists that lost their closing bracket, and of titles folded over several lines.

import { repairFrontmatter } from "../../../src/core/frontmatter/repair";

describe("a one-line list that lost its `]`", () => {
	it.each([
		["tags", "id: 1a2b\ntags: [Omnivore, rust\ntitle: Rust\n", "id: 1a2b\ntags: [Omnivore, rust]\ntitle: Rust\n"],
		["a trailing comma", "Tags: [Omnivore, rust,\n", "Tags: [Omnivore, rust]\n"],
		["one tag", "tag: [Omnivore\n", "tag: [Omnivore]\n"],
		["aliases", "aliases: [Rust, Next\n", "aliases: [Rust, Next]\n"],
		["a css class", "cssclass: [wide\n", "cssclass: [wide]\n"],
		["css classes", "cssclasses: [wide, dark\n", "cssclasses: [wide, dark]\n"],
		["keywords", "keywords: [a, b\n", "keywords: [a, b]\n"],
		["categories", "categories: [reading\n", "categories: [reading]\n"],
		["labels", "labels: [later\n", "labels: [later]\n"],
		["numbers", "tags: [2023, 2024\n", "tags: [2023, 2024]\n"],
	])("is closed when it holds %s", (_name, yaml, repaired) => {
		const key = /^(\w+): \[/m.exec(yaml)?.[1];
		expect(repairFrontmatter(yaml)).toMatchObject({ yaml: repaired, keys: [], closed: [key] });
	});

	it("is closed under a key written with a space before its colon, reported by its name", () => {
		expect(repairFrontmatter("tags : [alpha, beta\n")).toMatchObject({ yaml: "tags : [alpha, beta]\n", keys: [], closed: ["tags"] });
	});

	it("is a title starting with a bracket when the key holds no list", () => {
		expect(repairFrontmatter("title: [Draft, v2\n")).toMatchObject({ yaml: 'title: "[Draft, v2"\n', keys: ["title"], closed: [] });
		// A key that only contains a list key's name is not one.
		expect(repairFrontmatter("mytags: [a, b\n")?.keys).toEqual(["mytags"]);
		expect(repairFrontmatter("tagsx: [a\n")?.keys).toEqual(["tagsx"]);
	});

	it.each([
		["a mapping", "tags: [alpha, {a: 1}\n"],
		["an entry", "tags: [a: b, c\n"],
		["a boolean", "tags: [true, x\n"],
	])("leaves the block when closing it would make %s a tag", (_name, yaml) => {
		expect(repairFrontmatter(yaml)).toBeNull();
	});

	it("repairs a broken title and a broken list in one block", () => {
		expect(repairFrontmatter("title: Rust: why\ntags: [rust, async\n")).toMatchObject({
			yaml: 'title: "Rust: why"\ntags: [rust, async]\n',
			keys: ["title"],
			closed: ["tags"],
		});
	});
});

describe("a broken title folded over lines", () => {
	it.each([
		["a link", "  see http://example.com for more", "Rust: why see http://example.com for more"],
		["dashes and signs inside words", "  well-known -5 degrees", "Rust: why well-known -5 degrees"],
		["a question mark inside words", "  ?why not", "Rust: why ?why not"],
	])("joins words holding %s", (_name, line, title) => {
		expect(repairFrontmatter(`title: Rust: why\n${line}\nid: 1\n`)?.yaml).toBe(`title: ${JSON.stringify(title)}\nid: 1\n`);
	});

	it.each([
		["a complex key", "  ? key"],
		["an empty list item", "  -"],
		["a key with no value", "  author:"],
		["a bare question mark", "  ?"],
		["words indented with a space and a tab", " \tmore words"],
	])("is left when a line under it reads as %s", (_name, line) => {
		expect(repairFrontmatter(`title: Rust: why\n${line}\n`)).toBeNull();
	});
});

describe("a value that is only a quote", () => {
	it("keeps the quote as the value", () => {
		expect(repairFrontmatter('title: "\nid: 1\n')).toMatchObject({ yaml: 'title: "\\""\nid: 1\n', keys: ["title"], closed: [] });
	});
});

describe("the lines the repair reads as entries", () => {
	it("takes a value after several spaces, without them", () => {
		expect(repairFrontmatter("title:   Rust: why  \nid: 1\n")?.yaml).toBe('title: "Rust: why"\nid: 1\n');
	});

	it("leaves a block that is a list, even with a broken item", () => {
		expect(repairFrontmatter("- title: Rust: why\n- id: 1\n")).toBeNull();
	});
});

describe("what the repair leaves or quotes besides", () => {
	it("quotes a broken value under a list key that is not a bracketed list", () => {
		expect(repairFrontmatter("tags: Rust: async\n")).toMatchObject({ yaml: 'tags: "Rust: async"\n', keys: ["tags"], closed: [] });
	});

	it("leaves a list whose closing would still not read", () => {
		expect(repairFrontmatter("tags: [rust, {async\n")).toBeNull();
	});

	it("never makes a flow list or mapping spread over lines into a string", () => {
		expect(repairFrontmatter("related: [Rust, Go,\n  Zig\n")).toBeNull();
		expect(repairFrontmatter("meta: {rust, go,\n  zig\n")).toBeNull();
	});

	it("names a key written with a space before its colon without the space", () => {
		expect(repairFrontmatter("site name : Rust: Blog\n")).toMatchObject({ yaml: 'site name : "Rust: Blog"\n', keys: ["site name"], closed: [] });
	});

	it("leaves a value under a key YAML reads as null, not as the text null", () => {
		expect(repairFrontmatter("null: Rust: why\n")).toBeNull();
	});

	it("joins a line indented by one space, and words holding a hash", () => {
		expect(repairFrontmatter("title: Rust: a title\n folded once\nid: 1\n")?.yaml).toBe('title: "Rust: a title folded once"\nid: 1\n');
		expect(repairFrontmatter("title: Rust: why\n  C# and F# too\n")?.yaml).toBe('title: "Rust: why C# and F# too"\n');
	});
});

describe("a list indented with tabs (a template typed in an editor that indents with tabs)", () => {
	const block = 'id: 6289676b\nTitle: Poisson Distribution\nSources:\n\t- "https://omnivore.app/me/poisson-18836f8d98c"\n\t- "https://github.com/stats/01-poisson.md"\nTopic: Statistics\n';

	it("is indented with spaces, each item kept as written", () => {
		expect(repairFrontmatter(block)).toMatchObject({
			yaml: 'id: 6289676b\nTitle: Poisson Distribution\nSources:\n  - "https://omnivore.app/me/poisson-18836f8d98c"\n  - "https://github.com/stats/01-poisson.md"\nTopic: Statistics\n',
			keys: [],
			closed: [],
			reindented: ["Sources"],
		});
		expect(repairFrontmatter(block)?.editor.get("Sources")).toEqual(["https://omnivore.app/me/poisson-18836f8d98c", "https://github.com/stats/01-poisson.md"]);
	});

	it.each([
		["spaces before the tab", "tags:\n  \t- rust\n  \t- async\n", "tags:\n  - rust\n  - async\n"],
		["two tabs, an empty item and a tab after the dash", "tags:\n\t\t- rust\n\t\t-\n\t\t-\tasync\n", "tags:\n  - rust\n  -\n  -\tasync\n"],
		["the key's line ending in spaces", "tags:  \n\t- rust\n", "tags:  \n  - rust\n"],
		["a tab and a space before each dash", "tags:\n\t - rust\n\t - async\n", "tags:\n  - rust\n  - async\n"],
		["no line break after the last item", "tags:\n\t- rust\n\t- async", "tags:\n  - rust\n  - async"],
		["a list indented with spaces above it", "aliases:\n  - Rust\n  - The book\ntags:\n\t- rust\n\t- async\n", "aliases:\n  - Rust\n  - The book\ntags:\n  - rust\n  - async\n"],
	])("is repaired with %s", (_name, yaml, repaired) => {
		expect(repairFrontmatter(yaml)).toMatchObject({ yaml: repaired, reindented: ["tags"] });
	});

	it("is reported by the key's name when a space stands before its colon", () => {
		const repair = repairFrontmatter("tags :\n\t- rust\n\t- async\n");
		expect(repair).toMatchObject({ yaml: "tags :\n  - rust\n  - async\n", reindented: ["tags"] });
		expect(repair?.editor.get("tags")).toEqual(["rust", "async"]);
	});

	it("never takes an empty key over a line that only holds a tab and a dash for a list", () => {
		expect(repairFrontmatter("tags:\ntitle: Rust: the book\t- chapter 1\n")).toMatchObject({
			yaml: 'tags:\ntitle: "Rust: the book\\t- chapter 1"\n',
			keys: ["title"],
			reindented: [],
		});
	});

	it("is left in a block broken for another reason too, where the tabs may be inside a value", () => {
		expect(repairFrontmatter("title: Rust: why\ntags:\n\t- rust\n")).toBeNull();
		expect(repairFrontmatter('title: "A\ntags:\n\t- omnivore\n\t- b"\nurl: x\n')).toBeNull();
		expect(repairFrontmatter("tags: [a, b\nSources:\n\t- x\n")).toBeNull();
	});

	it.each([
		["nested deeper", "tags:\n\t- rust\n\t\t- async\n"],
		["with lines under an item", "tags:\n\t- rust\n\t  and more\n"],
		["indented unevenly", "tags:\n\t- rust\n\t - async\n"],
		["indented unevenly but as wide", "tags:\n\t - rust\n \t- async\n"],
		["holding a mapping's entries", "meta:\n\tauthor: Niko\n"],
		["an item whose quote never closes", 'tags:\n\t- "rust\n'],
		["two items one quote spans (read back as one)", 'tags:\n\t- "reading\n\t- later"\n'],
		["followed by a line indented deeper with spaces", "tags:\n\t- rust\n    and more\n"],
	])("leaves the block when the list is %s", (_name, yaml) => {
		expect(repairFrontmatter(yaml)).toBeNull();
	});
});
