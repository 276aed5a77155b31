import { stringifyEntry } from "../../../src/core/frontmatter/entryText";
import { verifyFrontmatter } from "../../../src/core/frontmatter/verifyFrontmatter";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";
import { editor } from "./editedBlocks";

const BLOCK = [
	"# Exported by Omnivore",
	"id: 1   # keep me",
	"title: 'Single quoted'",
	"",
	"aliases: [one, \"two\"]   ",
	"cssclasses:",
	"- wide",
	"date_saved: 2024-02-27 01:30:06 # local time",
	"nested:",
	"    deep: {a: 1}",
	"# the end",
	"",
].join("\n");

describe("FrontmatterEditor", () => {
	it("returns the block unchanged when nothing was edited", () => {
		expect(editor(BLOCK).toString()).toBe(BLOCK);
	});

	it("changes one value and keeps every other byte, its comment included", () => {
		const e = editor(BLOCK);
		e.set("date_saved", "2024-02-27T01:30:06");
		expect(e.toString()).toBe(BLOCK.replace("2024-02-27 01:30:06 # local", "2024-02-27T01:30:06 # local"));
	});

	it("renames a key in place", () => {
		const e = editor(BLOCK);
		e.rename("date_saved", "saved_on");
		expect(e.toString()).toBe(BLOCK.replace("date_saved:", "saved_on:"));
		expect(e.get("saved_on")).toBe("2024-02-27 01:30:06");
	});

	it("removes a key and keeps the blank line and comment above it", () => {
		const e = editor(BLOCK);
		e.remove("aliases");
		expect(e.toString()).toBe(BLOCK.replace('aliases: [one, "two"]   \n', ""));
		e.remove("nested");
		// The trailing comment stays at the end.
		expect(editor(BLOCK).toString()).toContain("# the end");
	});

	it("adds keys at the end, before nothing else moves", () => {
		const e = editor("a: 1\nb: 2\n");
		e.add("status", "unread");
		e.add("tags", ["x", "y z"]);
		expect(e.toString()).toBe("a: 1\nb: 2\nstatus: unread\ntags:\n  - x\n  - y z\n");
	});

	it("adds to an empty block and to a block of comments only", () => {
		const empty = editor("");
		empty.add("status", "unread");
		expect(empty.toString()).toBe("status: unread\n");
		const comments = editor("# nothing yet\n");
		comments.add("status", "unread");
		expect(comments.toString()).toBe("# nothing yet\nstatus: unread\n");
	});

	it("replaces a block scalar and a folded plain scalar with one line", () => {
		const e = editor("title: |\n  Hello\nauthor: >\n  Someone\n  Else\nnext: 1\n");
		e.set("title", "Hello");
		e.set("author", "Someone Else");
		expect(e.toString()).toBe("title: Hello\nauthor: Someone Else\nnext: 1\n");
	});

	it("reports shapes", () => {
		const e = editor("a: x\nb: 'x'\nc: |\n  x\nd:\n  - x\ne: [x]\nf: {x: 1}\ng:\n");
		expect(["a", "b", "c", "d", "e", "f"].map((k) => e.shapeOf(k))).toEqual([
			"plain",
			"quoted",
			"block-scalar",
			"block-seq",
			"flow-seq",
			"map",
		]);
	});

	it("treats YAML it cannot trust as invalid: errors, unknown tags, duplicate keys", () => {
		expect(parseFrontmatter("title: Rust: next\n").kind).toBe("invalid");
		expect(parseFrontmatter("title: !important stuff\n").kind).toBe("invalid");
		expect(parseFrontmatter("a: 1\na: 2\n").kind).toBe("invalid");
		expect(parseFrontmatter("- a\n- b\n").kind).toBe("not-mapping");
		expect(parseFrontmatter("{a: 1}\n").kind).toBe("not-mapping");
	});
});

describe("stringifyEntry", () => {
	it.each([
		["Plain title", "title: Plain title\n"],
		["Rust: what next", 'title: "Rust: what next"\n'],
		["2024", 'title: "2024"\n'],
		["yes", 'title: "yes"\n'],
		["#1 tip", 'title: "#1 tip"\n'],
		["[Draft] x", 'title: "[Draft] x"\n'],
		['Notes on "Local-First"', 'title: Notes on "Local-First"\n'],
	])("%s", (value, text) => {
		expect(stringifyEntry("title", value)).toBe(text);
		expect(verifyFrontmatter(text, { title: value })).toBeNull();
	});
});

describe("verifyFrontmatter", () => {
	it("catches a value that reads back differently", () => {
		expect(verifyFrontmatter("a: 1\n", { a: "1" })).not.toBeNull();
		expect(verifyFrontmatter("a: x\n", { a: "x" })).toBeNull();
	});
});
