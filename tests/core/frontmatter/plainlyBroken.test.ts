// A block known to be invalid without the library's parse (plugin 1.0's `author: @name`, its titles
// holding `: ` or unescaped quotes, among lines of the plain shape) goes to the repair at once. Held
// here to the library, and to the reading of the block through its parse first.

import fc from "fast-check";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";
import { readFrontmatterBlock, type FrontmatterState } from "../../../src/core/frontmatter/readBlock";
import { isPlainlyBroken, repairFrontmatter } from "../../../src/core/frontmatter/repair";
import { splitNote } from "../../../src/core/note";
import { frontmatterForReading } from "../../../src/core/queue/parsedFrontmatter";

// Lines of every kind around the broken ones: plain entries and lists, and the starts and middles of
// values over several lines (a quoted title going on below, a literal block, folded words).
const LINES = [
	"title: Rust in 2023: What Comes Next",
	"author: @someone",
	"author: `code` talk",
	'title: "The "Best" Day"',
	'title: "a" b',
	'title: "a" # a comment',
	'title: "a\\" b" c',
	"title: a:b",
	"title: Plain words",
	"tags:",
	"  - rust",
	"  - @x",
	'title: "opens here',
	'  and closes" here',
	'  and closes"',
	'author: @x"',
	"tags: [a,",
	'title: "x" y]',
	"author: @x]",
	"and: closes: here\"",
	"title: |",
	"  literal text: with @ and \"quotes\" more",
	"title: >",
	"  folded",
	"  words: go on",
	"# a comment line",
	"",
	"\tauthor: tabbed",
	"date: 2024-01-02",
	"title: [unclosed, list",
	"title: {a: b}",
	"x: 'single' more",
	"y: &a anchored: value",
	"z: *alias",
];

const block = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 7 }).map((lines) => `${lines.join("\n")}\n`);

/** The block read as it was before the shortcut: parsed first, repaired when the parse fails. */
function readThroughParse(yaml: string): FrontmatterState {
	const outcome = parseFrontmatter(yaml);
	if (outcome.kind === "mapping") return { kind: "mapping", editor: outcome.editor, repairedKeys: [] };
	if (outcome.kind !== "invalid") return outcome;
	const repair = repairFrontmatter(yaml);
	return repair ? { kind: "mapping", editor: repair.editor, repairedKeys: repair.keys, closedLists: repair.closed, reindentedLists: repair.reindented } : outcome;
}

function comparable(state: FrontmatterState): unknown {
	if (state.kind !== "mapping") return state;
	const { editor, ...rest } = state;
	return { ...rest, text: editor.toString(), values: editor.expectedValues() };
}

const note = (yaml: string) => splitNote(`---\n${yaml}---\nBody.\n`);

describe("a block plainly broken", () => {
	it.each([
		["a title holding `: ` and an author starting with @", "title: Rust in 2023: What Comes Next\nauthor: @someone\ntags:\n  - rust\n"],
		["a title with unescaped quotes", 'id: 1\ntitle: "The "Best" Day"\nauthor: "Jane Doe"\n'],
	])("is known without the library: %s", (_name, yaml) => {
		expect(isPlainlyBroken(yaml)).toBe(true);
		expect(parseFrontmatter(yaml).kind).toBe("invalid");
	});

	it.each([
		["a valid block", "title: Plain words\nauthor: Jane\n"],
		["a quoted value followed by a comment", 'title: "a" # said so\n'],
		["a broken-looking line inside a quoted title over two lines", 'title: "opens here\nauthor: @x"\n'],
		["a broken-looking line inside a literal block", "title: |\n  Rust: why\n"],
		["a broken line beside one the plain reader does not read", "title: Rust: why\ntags: {a: b}\n"],
	])("is left to the library when it may not be: %s", (_name, yaml) => {
		expect(isPlainlyBroken(yaml)).toBe(false);
	});

	it("that the repair leaves (an alias naming an anchor) is refused with the library's reason", () => {
		const yaml = "title: b &x c: d\nauthor: c *x\n";
		expect(isPlainlyBroken(yaml)).toBe(true);
		const state = readFrontmatterBlock(note(yaml));
		expect(state).toEqual(readThroughParse(yaml));
		expect(state).toMatchObject({ kind: "invalid", error: expect.stringMatching(/mapping/i) as unknown });
	});

	it("is always a block the library finds invalid", () => {
		fc.assert(
			fc.property(block, (yaml) => {
				if (isPlainlyBroken(yaml)) expect(parseFrontmatter(yaml).kind).toBe("invalid");
			}),
			{ numRuns: 5000 },
		);
	});

	it("reads, for editing and for the queue, as it did through the library's parse first", () => {
		fc.assert(
			fc.property(block, (yaml) => {
				const expected = comparable(readThroughParse(yaml));
				expect(comparable(readFrontmatterBlock(note(yaml)))).toEqual(expected);
				const forReading = frontmatterForReading(note(yaml));
				expect(forReading.kind).toBe((expected as FrontmatterState).kind);
				if (forReading.kind === "mapping") expect(forReading.editor.expectedValues()).toEqual((expected as { values: unknown }).values);
			}),
			{ numRuns: 3000 },
		);
	});
});
