// New entries are built as CST items directly for the usual values (a one-line scalar, a list of
// tags); the parser builds the rest. The direct items must be the parser's, token for token, or an edit
// after them (a comment carried, a value set again) would see another entry than the text holds.

import fc from "fast-check";
import { CST, parse, Parser } from "yaml";
import { entryItem, parsedEntryItem, stringifyEntry, type FrontmatterValue } from "../../../src/core/frontmatter/entryText";
import { FrontmatterEditor } from "../../../src/core/frontmatter/yamlEditor";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";

/** The item without positions (nothing reads them: CST.stringify writes sources in order). */
function shape(item: unknown): unknown {
	return JSON.parse(JSON.stringify(item, (name: string, value: unknown) => (name === "offset" || name === "indent" ? undefined : value)));
}

function printed(item: CST.BlockMap["items"][number]): string {
	return CST.stringify({ type: "block-map", offset: 0, indent: 0, items: [item] });
}

// Any text: YAML's indicators, line breaks and tabs, and any character at all (U+00A0, U+2028, a BOM...).
const anyText = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.string({ unit: "binary", maxLength: 8 }),
	fc.stringMatching(/^[-?:,[\]{}#&*!|>'"%@` a-z0-9\n\t\u00a0\u3000\ufeff\u2028\u0085]{0,8}$/),
);

function expectParsersItem(key: string, value: FrontmatterValue): void {
	const direct = entryItem(key, value);
	const parsed = parsedEntryItem(key, value);
	expect(shape(direct)).toEqual(shape(parsed));
	expect(printed(direct)).toBe(stringifyEntry(key, value));
}

describe("a new entry's CST item", () => {
	it.each<[string, FrontmatterValue]>([
		["title", "The Rust Programming Language"],
		["title", "a: b"],
		["title", "yes"],
		["title", "it's #1"],
		["tags", ["reading", "tech/rust"]],
		["tags", ["yes", "12", "a: b", "#tag", "- item", "it's", '"quoted"', "日本語"]],
		["tags", ["one"]],
		["tags", []],
		["tags", ["two\nlines"]],
		["read: later", ["x"]],
		["aliases", ["", " padded "]],
	])("%s: %j is the parser's", (key, value) => expectParsersItem(key, value));

	it("is the parser's for any list of strings", () => {
		fc.assert(
			fc.property(fc.constantFrom("tags", "aliases", "a: b", "#k", "k\u00a0"), fc.array(anyText, { maxLength: 4 }), (key, value) => expectParsersItem(key, value)),
			{ numRuns: 2000 },
		);
	});

	it("is the parser's for any string", () => {
		fc.assert(fc.property(fc.constantFrom("title", "a: b", "k\u3000"), anyText, (key, value) => expectParsersItem(key, value)), { numRuns: 2000 });
	});
});

describe("a list entry's text", () => {
	it("reads back as the list, an item yaml would write as a block scalar too (once written unindented, so refused by the read-back check)", () => {
		expect(stringifyEntry("aliases", ["two\nlines", "one", " %"])).toBe('aliases:\n  - "two\\nlines"\n  - one\n  - " %"\n');
		// A long item stays plain on its line: yaml would fold it at 80 columns.
		const long = `${"word ".repeat(30)}end`;
		expect(stringifyEntry("aliases", [long])).toBe(`aliases:\n  - ${long}\n`);
		// Once cut by trimEnd: a plain value may end with a space YAML keeps (U+00A0, U+3000).
		expect(parse(stringifyEntry("aliases", ["a\u00a0", "\u3000b\u3000"]))).toEqual({ aliases: ["a\u00a0", "\u3000b\u3000"] });
		expect(parse(stringifyEntry("k\u00a0", ["yes"]))).toEqual({ "k\u00a0": ["yes"] });
		fc.assert(
			fc.property(fc.array(anyText, { maxLength: 4 }), (value) => {
				expect(parse(stringifyEntry("aliases", value))).toEqual({ aliases: value });
			}),
			{ numRuns: 2000 },
		);
	});
});

describe("a list set over one with comments", () => {
	it("keeps each item's comment on its item, and the block reads back as set", () => {
		const yaml = "tags:\n  - reading # later\n  - tech\n# under\ntitle: T\n";
		const outcome = parseFrontmatter(yaml);
		if (outcome.kind !== "mapping") throw new Error(outcome.kind);
		const editor: FrontmatterEditor = outcome.editor;
		editor.set("tags", ["reading", "rust"]);
		const text = editor.toString();
		expect(text).toBe("tags:\n  - reading # later\n  - rust\n# under\ntitle: T\n");
		const tokens = Array.from(new Parser().parse(text));
		expect(tokens.map((token) => CST.stringify(token)).join("")).toBe(text);
	});
});
