// How a note's frontmatter block is read: the guards against hostile depth and size run before any parser,
// and a block is a mapping (repaired if need be) or says why not.

import { splitNote } from "../../../src/core/note";
import { isTooDeeplyNested } from "../../../src/core/frontmatter/nesting";
import { readFrontmatterBlock, wasRepaired } from "../../../src/core/frontmatter/readBlock";
import { tooLargeFrontmatter } from "../../../src/core/frontmatter/size";

const SAVED = [
	"id: 6b2f7b3c-6a8e-11ee-8c99-0242ac120002",
	'title: "Rust: [draft] {v2}"',
	"tags: [omnivore, 'rust [lang]', {nested: [a, b]}]",
	"labels:",
	"  - - reading",
	"    - later",
	"# saved from https://example.com/a?b=[c]",
	"date_saved: 2024-02-27 01:30:06",
	"",
].join("\n");

describe("isTooDeeplyNested", () => {
	it("lets every real block through, brackets in quotes, comments and lists included", () => {
		expect(isTooDeeplyNested(SAVED)).toBe(false);
		expect(isTooDeeplyNested("")).toBe(false);
	});

	it("refuses flow collections nested past 64 levels, and only those", () => {
		expect(isTooDeeplyNested(`tags: ${"[".repeat(64)}x${"]".repeat(64)}\n`)).toBe(false);
		expect(isTooDeeplyNested(`tags: ${"[".repeat(65)}\n`)).toBe(true);
		expect(isTooDeeplyNested(`meta: ${"{a: ".repeat(65)}\n`)).toBe(true);
	});

	it("refuses a line that opens more than 64 block collections (`: ` after `: `), and only outside quotes and brackets", () => {
		expect(isTooDeeplyNested(`title: ${": ".repeat(63)}x\n`)).toBe(false);
		expect(isTooDeeplyNested(`title: ${": ".repeat(64)}x\n`)).toBe(true);
		expect(isTooDeeplyNested(`title:${":\t".repeat(65)}x\n`)).toBe(true);
		expect(isTooDeeplyNested(`- ${"- ".repeat(40)}${": ".repeat(30)}\n`)).toBe(true);
		// Each line counts on its own: a block of a hundred entries is no deeper than one.
		expect(isTooDeeplyNested("k: v\n".repeat(100))).toBe(false);
		expect(isTooDeeplyNested(`title: "${": ".repeat(100)}"\n`)).toBe(false);
		expect(isTooDeeplyNested(`meta: {${Array.from({ length: 100 }, (_, i) => `k${i}: ${i}`).join(", ")}}\n`)).toBe(false);
		// A colon inside a word or an address opens nothing.
		expect(isTooDeeplyNested(`url: ${"https://a.b/c:d".repeat(100)}\n`)).toBe(false);
	});

	it("counts depth, not brackets: closed collections side by side are shallow", () => {
		const closed = `${"[".repeat(40)}${"]".repeat(40)}`;
		expect(isTooDeeplyNested(`a: ${closed}\nb: ${closed}\nc: [${closed}, ${closed}]\n`)).toBe(false);
	});

	it("does not let stray closing brackets buy depth", () => {
		expect(isTooDeeplyNested(`title: ${"]".repeat(10)}\ntags: ${"[".repeat(60)}\n`)).toBe(false);
		expect(isTooDeeplyNested(`title: ${"]".repeat(10)}\ntags: ${"[".repeat(65)}\n`)).toBe(true);
	});

	it("skips brackets inside double quotes, escaped quotes included, and in single quotes inside a flow", () => {
		expect(isTooDeeplyNested(`title: "${"[".repeat(100)}"\n`)).toBe(false);
		expect(isTooDeeplyNested(`title: "say \\"${"[".repeat(100)}\\""\n`)).toBe(false);
		expect(isTooDeeplyNested(`tags: ['${"[".repeat(100)}', rust]\n`)).toBe(false);
	});

	it("reads a single quote outside a flow as text, and ends a single-quoted flow item at the line's end", () => {
		expect(isTooDeeplyNested(`title: it's ${"[".repeat(65)}\n`)).toBe(true);
		expect(isTooDeeplyNested(`tags: ['unclosed\n${"[".repeat(65)}\n`)).toBe(true);
	});

	it("skips a comment, but not a # inside a word", () => {
		expect(isTooDeeplyNested(`# ${"[".repeat(100)}\ntitle: Rust # ${"{".repeat(100)}\nid: 1\n`)).toBe(false);
		expect(isTooDeeplyNested(`title: C#${"[".repeat(65)}\n`)).toBe(true);
		expect(isTooDeeplyNested(`title: Rust\n#${"[".repeat(100)}`)).toBe(false);
	});

	it("reads on after a quoted value, a Windows path in single quotes and a double-quoted title over two lines", () => {
		expect(isTooDeeplyNested(`title: "Rust 2024"\ntags: ${"[".repeat(65)}\n`)).toBe(true);
		expect(isTooDeeplyNested(`paths: ['C:\\', ${"[".repeat(65)}\n`)).toBe(true);
		expect(isTooDeeplyNested(`title: "Rust, and\n  ${"[".repeat(65)} what next"\nid: 1\n`)).toBe(false);
	});

	it("reads on after a comment, from the next line's start", () => {
		expect(isTooDeeplyNested(`# from Omnivore\ntags: ${"[".repeat(65)}\n`)).toBe(true);
		expect(isTooDeeplyNested(`id: 1 # from Omnivore\n${"- ".repeat(65)}x\n`)).toBe(true);
	});

	it("counts closed flow mappings as shallow too", () => {
		const closed = `${"{a: ".repeat(40)}1${"}".repeat(40)}`;
		expect(isTooDeeplyNested(`meta: ${closed}\nmore: ${closed}\n`)).toBe(false);
	});

	it("counts the first line like any other, and a run of dashes (a rule in a description) as no list", () => {
		expect(isTooDeeplyNested(`${"- ".repeat(65)}x\n`)).toBe(true);
		expect(isTooDeeplyNested(`${" ".repeat(257)}a: 1\n`)).toBe(true);
		expect(isTooDeeplyNested(`summary: |\n  Part one\n${"-".repeat(80)}\n  Part two\n`)).toBe(false);
	});

	it("refuses indentation past 256 columns, spaces or tabs", () => {
		expect(isTooDeeplyNested(`a:\n${" ".repeat(256)}b: 1\n`)).toBe(false);
		expect(isTooDeeplyNested(`a:\n${" ".repeat(257)}b: 1\n`)).toBe(true);
		expect(isTooDeeplyNested(`a:\n${"\t".repeat(257)}b: 1\n`)).toBe(true);
	});

	it("refuses more than 64 compact entries on one line (`- - - ...`), counted afresh on each line", () => {
		expect(isTooDeeplyNested(`a:\n${"- ".repeat(64)}x\n`)).toBe(false);
		expect(isTooDeeplyNested(`a:\n${"- ".repeat(65)}x\n`)).toBe(true);
		expect(isTooDeeplyNested(`a:\n${"? ".repeat(65)}x\n`)).toBe(true);
		expect(isTooDeeplyNested(`a:\n${"-\t".repeat(65)}x\n`)).toBe(true);
		expect(isTooDeeplyNested(`a:\n${`${"- ".repeat(40)}x\n`.repeat(3)}`)).toBe(false);
		expect(isTooDeeplyNested(`a: ${"- ".repeat(100)}x\n`)).toBe(false);
	});
});

describe("tooLargeFrontmatter", () => {
	it("lets a block of up to 2,000 lines and 64 KB through", () => {
		expect(tooLargeFrontmatter(SAVED)).toBeNull();
		expect(tooLargeFrontmatter("k: v\n".repeat(2000))).toBeNull();
		expect(tooLargeFrontmatter(`summary: ${"x".repeat(64 * 1024 - 9)}`)).toBeNull();
	});

	it("says how large a larger block is", () => {
		expect(tooLargeFrontmatter("k: v\n".repeat(2001))).toBe("10 KB, 2,001 lines");
		// One huge line (a pasted article, say): "1 line".
		expect(tooLargeFrontmatter(`summary: ${"x".repeat(64 * 1024 - 8)}\n`)).toBe("65 KB, 1 line");
	});
});

describe("readFrontmatterBlock", () => {
	it("reads a mapping, with CRLF line ends", () => {
		const state = readFrontmatterBlock(splitNote(`---\r\n${SAVED.replace(/\n/g, "\r\n")}---\r\n#Omnivore\r\n`));
		expect(state.kind === "mapping" && [state.editor.get("date_saved"), state.repairedKeys]).toEqual(["2024-02-27 01:30:06", []]);
	});

	it("refuses a block whose parse runs out of stack, as too deep, and lets any other error through", () => {
		const note = splitNote("---\ntitle: Rust\n---\n");
		const overflow = () => {
			throw new RangeError("Maximum call stack size exceeded");
		};
		expect(readFrontmatterBlock(note, overflow)).toEqual({ kind: "invalid", error: "it is nested too deeply", refused: "too-deep" });
		const bug = () => {
			throw new TypeError("a bug");
		};
		expect(() => readFrontmatterBlock(note, bug)).toThrow("a bug");
	});

	it("tells a note without frontmatter from one whose block never closes", () => {
		expect(readFrontmatterBlock(splitNote("# Rust\n\nBody.\n"))).toEqual({ kind: "none" });
		expect(readFrontmatterBlock(splitNote("---\ntitle: Rust\n\nBody.\n"))).toEqual({ kind: "invalid", error: "it has no closing --- line" });
	});

	it("refuses a hostile block before parsing it, saying why", () => {
		expect(readFrontmatterBlock(splitNote(`---\ntags: ${"[".repeat(65)}\n---\n`))).toEqual({ kind: "invalid", error: "it is nested too deeply", refused: "too-deep" });
		expect(readFrontmatterBlock(splitNote(`---\n${"k: v\n".repeat(2001)}---\n`))).toEqual({
			kind: "invalid",
			error: "Frontmatter too large to be an Omnivore note's: 10 KB, 2,001 lines",
			refused: "too-large",
		});
	});

	it("repairs what plugin 1.0 wrote, and names the keys it repaired", () => {
		const state = readFrontmatterBlock(splitNote("---\nid: 1\ntitle: Rust: what next\n---\n"));
		expect(state.kind === "mapping" && [state.editor.get("title"), state.repairedKeys]).toEqual(["Rust: what next", ["title"]]);
	});

	it("gives back a block that is no mapping, uses anchors or cannot be repaired, as it is", () => {
		expect(readFrontmatterBlock(splitNote("---\n- a\n- b\n---\n"))).toEqual({ kind: "not-mapping", found: "a list" });
		expect(readFrontmatterBlock(splitNote("---\ntags: &t [a]\nlabels: *t\n---\n"))).toMatchObject({ kind: "anchored", names: ["&t", "*t"] });
		// Anchors the repair would otherwise quote into text.
		expect(readFrontmatterBlock(splitNote("---\ntitle: &t Hello\nog_title: *t\n---\n"))).toMatchObject({ kind: "anchored", names: ["&t", "*t"] });
		expect(readFrontmatterBlock(splitNote("---\ntitle: &amp more\nid: 1\n---\n"))).toMatchObject({ kind: "anchored", names: ["&amp"] });
		expect(readFrontmatterBlock(splitNote("---\nid: 1\nid: 2\n---\n"))).toEqual({ kind: "invalid", error: "Map keys must be unique" });
	});

	it("refuses a block whose opening line has a comment after it", () => {
		expect(readFrontmatterBlock(splitNote("--- # properties\ntitle: Rust\n---\n#Omnivore\n"))).toEqual({
			kind: "invalid",
			error: "its opening --- line has a comment after it",
			refused: "commented-opening",
		});
	});
});

describe("wasRepaired", () => {
	it("tells a block that reads only after repair, whichever repair it took", () => {
		expect(wasRepaired({ repairedKeys: [] })).toBe(false);
		expect(wasRepaired({ repairedKeys: [], closedLists: [], reindentedLists: [] })).toBe(false);
		expect(wasRepaired({ repairedKeys: ["title"] })).toBe(true);
		expect(wasRepaired({ repairedKeys: [], closedLists: ["tags"] })).toBe(true);
		expect(wasRepaired({ repairedKeys: [], reindentedLists: ["tags"] })).toBe(true);
	});
});
