import { bodyHasTag, bodyTags, cleanTag, frontmatterHasTag, frontmatterTags, rawFrontmatterHasTag, readTagList, tagMatches, uniqueTags } from "../../../src/core/omnivore/tags";
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";

function inBody(body: string, tag = "Omnivore"): boolean {
	return bodyHasTag(body, tag, findCodeRanges(body));
}

describe("bodyHasTag", () => {
	it.each([
		["# Title\n#Omnivore\n", true],
		["#omnivore", true],
		["text #OMNIVORE text", true],
		["#Omnivore/article", true],
		["#Omnivores", false],
		["#omnivore-app", false],
		["word#Omnivore", false],
		["https://example.com/#Omnivore", false],
		["# Omnivore", false],
		["`#Omnivore`", false],
		["```\n#Omnivore\n```", false],
		["para\n\n    #Omnivore", false],
	])("%p → %p", (body, expected) => {
		expect(inBody(body)).toBe(expected);
	});

	it("uses the configured tag name", () => {
		expect(inBody("#read-later", "read-later")).toBe(true);
		expect(inBody("#Omnivore", "read-later")).toBe(false);
	});
});

describe("frontmatterHasTag", () => {
	it.each([
		[{ tags: ["Omnivore", "x"] }, true],
		[{ tags: ["#omnivore"] }, true],
		[{ tags: "omnivore, x" }, true],
		[{ tags: "x omnivore" }, true],
		[{ tag: "Omnivore/article" }, true],
		[{ Tags: ["omnivore"] }, true],
		[{ tags: ["omnivores"] }, false],
		[{ tags: null }, false],
		[{ category: "omnivore" }, false],
	])("%p → %p", (frontmatter, expected) => {
		expect(frontmatterHasTag(frontmatter, "Omnivore")).toBe(expected);
	});
});

describe("rawFrontmatterHasTag", () => {
	it("finds the tag in a block that is not valid YAML", () => {
		expect(rawFrontmatterHasTag("title: Rust: next\ntags:\n  - Omnivore\n", "Omnivore")).toBe(true);
		expect(rawFrontmatterHasTag('title: a: b\ntags: [omnivore, "x"]\n', "Omnivore")).toBe(true);
		expect(rawFrontmatterHasTag("title: a: b\ntags:\n  - reading\n", "Omnivore")).toBe(false);
	});
});

describe("rawFrontmatterHasTag, further down a list", () => {
	it("reads every item of the tags list, quoted or not, and stops where the list ends", () => {
		expect(rawFrontmatterHasTag('title: a: b\ntags:\n  - reading\n  - "Omnivore"\n', "Omnivore")).toBe(true);
		expect(rawFrontmatterHasTag("title: a: b\ntag: omnivore\n", "Omnivore")).toBe(true);
		expect(rawFrontmatterHasTag("title: a: b\ntags:\n  - Omnivore   \n", "Omnivore")).toBe(true);
		expect(rawFrontmatterHasTag("title: a: b\nold_tags: [omnivore]\n", "Omnivore")).toBe(false);
	});
});

describe("cleanTag", () => {
	it.each([
		["Read Later", "Read_Later"],
		["  ##Read   Later ", "Read_Later"],
		["# Read Later", "Read_Later"],
		["C#", "C#"],
		["#", ""],
	])("%p → %p", (tag, expected) => {
		expect(cleanTag(tag)).toBe(expected);
	});
});

describe("readTagList", () => {
	it.each([
		// Quotes written around tags in a comma-separated string are its syntax, one layer of them.
		["'#ai', rust", ["ai", "rust"]],
		['"Read Later", it\'s, \'half', ["Read_Later", "it's", "'half"]],
		[`"'nested'", go`, ["'nested'", "go"]],
	])("reads the string %p as %p", (value, expected) => {
		expect(readTagList(value)).toEqual(expected);
	});

	it("keeps the quotes of the items of a real list: YAML has read its own", () => {
		expect(readTagList(["'nested'", '"', "omnivore"])).toEqual(["'nested'", '"', "omnivore"]);
	});
});

describe("tagMatches", () => {
	it("matches a nested tag name and the tags under it, not a tag that ends in it", () => {
		expect(tagMatches("Sources/Omnivore/Article", "Sources/Omnivore")).toBe(true);
		expect(tagMatches("Old/Sources/Omnivore", "Sources/Omnivore")).toBe(false);
	});

	it("matches nothing when no tag name is set", () => {
		expect(["", "reading/", "a//b", "#"].some((tag) => tagMatches(tag, ""))).toBe(false);
	});
});

describe("readTagList", () => {
	it.each<[string, unknown, string[] | null]>([
		["nothing", null, []],
		["no value", undefined, []],
		["an empty value", "", []],
		["a year", 1984, ["1984"]],
		["a comma-separated string", "Omnivore, Read Later, ai", ["Omnivore", "Read_Later", "ai"]],
		["words without a comma, as Obsidian reads them", "Omnivore  newsletter", ["Omnivore", "newsletter"]],
		["a list in brackets, written as a string", "[alpha, beta]", ["alpha", "beta"]],
		["a list that lost its opening bracket", "alpha, beta]]", ["alpha", "beta"]],
		["a list in double brackets", "[[alpha, beta]]", ["alpha", "beta"]],
		["a bracketed list with spaces around it", " [alpha, beta] ", ["alpha", "beta"]],
		["#tags side by side first", "#rust #go, ai", ["rust", "go", "ai"]],
		["three #tags side by side", "ai, #rust #go #wasm", ["ai", "rust", "go", "wasm"]],
		["#tags written side by side, among plain ones", "ai,  #rust  #go , Read Later", ["ai", "rust", "go", "Read_Later"]],
		["a list with blanks and a number", ["Omnivore", null, " Read Later ", 42, "#"], ["Omnivore", "Read_Later", "42"]],
		["a list holding a mapping", ["Omnivore", { name: "x" }], null],
		["a mapping", { name: "x" }, null],
	])("%s", (_name, value, expected) => {
		expect(readTagList(value)).toEqual(expected);
	});
});

describe("frontmatterTags and frontmatterHasTag", () => {
	it("read `tags` and `tag` in any case, in order, and no other key", () => {
		const values = { title: "x", Tags: ["rust"], tag: "Read Later, ai", hashtags: ["omnivore"], tags_old: "omnivore", links: [{ name: "x" }] };
		expect(frontmatterTags(values)).toEqual(["rust", "Read_Later", "ai"]);
		expect(frontmatterTags({ tags: [{ name: "x" }] })).toEqual([]);
		expect(frontmatterHasTag(values, "Omnivore")).toBe(false);
	});

	it("also reads a string word by word, as Obsidian may", () => {
		expect(frontmatterHasTag({ tags: "reading Omnivore, later" }, "Omnivore")).toBe(true);
	});
});

describe("bodyTags", () => {
	it("drops the slashes that end a tag, and tags of digits alone", () => {
		expect(bodyTags("Filed under #later// and #2024 #ai/", [])).toEqual(["later", "ai"]);
	});
});

describe("uniqueTags", () => {
	it("drops repeats in any case, keeping the first spelling and the order", () => {
		expect(uniqueTags(["Rust", "reading", "rust", "RUST", "Reading", "go"])).toEqual(["Rust", "reading", "go"]);
	});
});
