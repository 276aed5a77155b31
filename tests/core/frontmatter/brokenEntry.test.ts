// Repair finds plugin 1.0's broken entries (`title: Rust: why`, `author: @someone`) without the yaml
// library: its verdict must be the library's on every entry, hostile ones included.
import fc from "fast-check";
import * as parsing from "../../../src/core/frontmatter/parseFrontmatter";
import { isBroken } from "../../../src/core/frontmatter/repair";

/** The library's verdict on an entry alone (entries that use anchors are left out: repair reads those apart). */
function libraryVerdict(entry: string): boolean | "anchored" {
	const outcome = parsing.parseFrontmatter(`${entry}\n`);
	return outcome.kind === "anchored" ? "anchored" : outcome.kind !== "mapping";
}

describe("isBroken", () => {
	afterEach(() => jest.restoreAllMocks());

	it.each(["title: Rust: why", "title: Rust Reading 15: A Subtitle", "author: @someone", "title: `code` and more", "site name:  a:b: c", "title: a: b # c", "Title_2: x \"y\": z", 'title: "Rust: "why""', 'title: "The "Best" Day"', 'title: "a\\" b" c\n  more'])(
		"finds %s broken without the library",
		(entry) => {
			const parse = jest.spyOn(parsing, "parseFrontmatter");
			expect(isBroken(entry)).toBe(true);
			expect(parse).not.toHaveBeenCalled();
			parse.mockRestore();
			expect(libraryVerdict(entry)).toBe(true);
		},
	);

	it.each([
		["a comment before the colon", "title: Rust #1: why"],
		["a tab before the colon", "title: Rust\t: why"],
		["a value over two lines", "title: Rust: why\n  and how"],
		["a quoted value the plain reader refuses", 'title: "Rust: why" # said so'],
		["a quoted value with a comment right after it", 'title: "Rust"#1'],
		["a key with a colon", "a:b: Rust: why"],
		["a tab after the key", "title:\tRust: why"],
		["a value starting with another indicator", "title: *bold*: why"],
	])("asks the library about %s", (_name, entry) => {
		const parse = jest.spyOn(parsing, "parseFrontmatter");
		isBroken(entry);
		expect(parse).toHaveBeenCalled();
	});

	it("gives the library's verdict on generated entries", () => {
		const key = fc.constantFrom("title", "Title", "site name", "date_saved", "a-b", "_x", "a:b", "a#b", "-x", " title", "title ", "tags", "null");
		const piece = fc.constantFrom("Rust", "a", "1", "@", "`", ":", ": ", " :", "::", " #", "#", "# ", "\t", "\r", '"', "'", "[", "]", "{", "}", "&a", "*a", "!t", "|", ">", "-", "- ", "?", "%", ",", " ", "  ", "東京", "\u2028", "\u00a0");
		// Mostly values that start as plugin 1.0's did (a word) and hold a colon, so that the rest decides.
		const start = fc.oneof(
			{ arbitrary: fc.constantFrom("Rust", "a", "1", "@x", "`x`", "Issue #112", "C#", "a\tb", "a\rb", '"Rust"', '"a\\"', '"The "', '"a\\" b"'), weight: 4 },
			{ arbitrary: piece, weight: 1 },
		);
		const value = fc.tuple(start, fc.array(fc.oneof({ arbitrary: piece, weight: 3 }, { arbitrary: fc.constant(": "), weight: 1 }), { maxLength: 5 })).map(([first, rest]) => first + rest.join(""));
		const separator = fc.constantFrom(": ", ":  ", ":\t", ":", " : ");
		fc.assert(
			fc.property(key, separator, value, fc.boolean(), (k, sep, v, twoLines) => {
				const entry = `${k}${sep}${v}${twoLines ? "\n  more words" : ""}`;
				const verdict = libraryVerdict(entry);
				fc.pre(verdict !== "anchored");
				expect([entry, isBroken(entry)]).toEqual([entry, verdict]);
			}),
			{ numRuns: 3000 },
		);
	});
});
