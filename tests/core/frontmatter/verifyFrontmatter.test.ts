// The read-back check, the last guard before an edited block is written: it must catch every value that
// reads back differently, whatever its type, and explain a block that no longer parses.

import { verifyFrontmatter } from "../../../src/core/frontmatter/verifyFrontmatter";

const DIFFERS = "the edited block does not read back as intended";

describe("verifyFrontmatter", () => {
	const expected = { title: "Rust", author: "Steve Klabnik", tags: ["programming", "rust"], status: "unread" };
	const good = "title: Rust\nauthor: Steve Klabnik\ntags:\n  - programming\n  - rust\nstatus: unread\n";

	it("accepts a block that reads back as every expected value", () => {
		expect(verifyFrontmatter(good, expected)).toBeNull();
	});

	it.each([
		["one value among several differs", good.replace("author: Steve Klabnik", "author: Steve")],
		["a list item differs", good.replace("  - rust", "  - go")],
		["a list has an extra item", good.replace("  - rust\n", "  - rust\n  - cargo\n")],
		["a key is missing", good.replace("status: unread\n", "")],
		["a key is extra", `${good}date_saved: 2024-02-27\n`],
		["a key is renamed", good.replace("status:", "state:")],
		["a list reads back as a mapping", good.replace("tags:\n  - programming\n  - rust\n", "tags: {0: programming, 1: rust}\n")],
		["a value reads back as a number", good.replace("title: Rust", "title: 2024")],
		["a value reads back as empty", good.replace("title: Rust", "title:")],
	])("catches a block where %s", (_name, yaml) => {
		expect(verifyFrontmatter(yaml, expected)).toBe(DIFFERS);
	});

	it("reports a block that no longer parses, or holds an anchor", () => {
		expect(verifyFrontmatter("title: Rust: the book\n", { title: "Rust: the book" })).toBe("Nested mappings are not allowed in compact mappings");
		expect(verifyFrontmatter("title: &amp more\n", { title: "more" })).toBe("the edited block holds an anchor or alias");
	});

	it("accepts an empty block only when nothing is expected", () => {
		expect(verifyFrontmatter("", {})).toBeNull();
		expect(verifyFrontmatter("", { status: "unread" })).toBe("the edited block is empty");
	});
});

describe("verifyFrontmatter on blocks the yaml library reads (a comment, a nested value)", () => {
	// Values as the editor expects them: text, a number and a flag left untouched, a user's nested property.
	const expected = { title: "Rust", read_length: 12, favorite: true, meta: { source: "omnivore" }, archived: null };
	const good = "# saved by Omnivore\ntitle: Rust\nread_length: 12\nfavorite: true\nmeta:\n  source: omnivore\narchived:\n";

	it("accepts the block that reads back as every value", () => {
		expect(verifyFrontmatter(good, expected)).toBeNull();
	});

	it.each([
		["a number reads back as another", good.replace("read_length: 12", "read_length: 13")],
		["a number reads back as text", good.replace("read_length: 12", 'read_length: "12"')],
		["a flag reads back turned", good.replace("favorite: true", "favorite: false")],
		["a nested value reads back as empty", good.replace("meta:\n  source: omnivore\n", "meta:\n")],
		["a nested value reads back as text", good.replace("meta:\n  source: omnivore\n", "meta: omnivore\n")],
		["an empty value reads back as a nested one", good.replace("archived:\n", "archived:\n  at: 2024-02-27\n")],
		["an empty value reads back as empty text", good.replace("archived:\n", 'archived: ""\n')],
		["a title reads back as a nested value", good.replace("title: Rust", "title: {Rust}")],
		["a title reads back with one character changed", good.replace("title: Rust", "title: Rusk")],
	])("catches a block where %s", (_name, yaml) => {
		expect(verifyFrontmatter(yaml, expected)).toBe(DIFFERS);
	});

	it("tells an empty nested value from empty text, both ways", () => {
		expect(verifyFrontmatter('# kept\nextra: ""\n', { extra: {} })).toBe(DIFFERS);
		expect(verifyFrontmatter("# kept\nextra: {}\n", { extra: "" })).toBe(DIFFERS);
		expect(verifyFrontmatter("# kept\nextra: {}\n", { extra: {} })).toBeNull();
	});

	it("reports an alias, even one to no anchor (emphasis written as `*bold*`)", () => {
		expect(verifyFrontmatter("title: *bold*\n", { title: "*bold*" })).toBe("the edited block holds an anchor or alias");
	});
});
