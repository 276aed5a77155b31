import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parseDocument } from "yaml";
import { readSimpleBlock } from "../../../src/core/frontmatter/simpleBlock";
import { splitNote } from "../../../src/core/note";

/** What the yaml library reads, as the engine parses (core schema, unique keys), or null when it complains. */
function libraryValues(yaml: string): unknown {
	const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false, logLevel: "silent" });
	return doc.errors.length > 0 || doc.warnings.length > 0 ? null : doc.toJS();
}

describe("readSimpleBlock", () => {
	it("reads the frontmatter the Omnivore plugin and the engine write", () => {
		const yaml = [
			"id: 5f0c5a2e-1c1a-11ef-9a6d-1b3a4c5d6e7f",
			"legacy_id: 569311330",
			"progress: 42.50",
			'title: "Rust in 2023: What Comes Next"',
			"author: Niko Matsakis",
			"url: https://blog.rust-lang.org/2023/01/rust-2023.html?utm_source=x&a=b",
			"date_saved: 2024-01-31T09:12:00.000Z",
			"tags:",
			"  - omnivore",
			"  - Type/Article",
			"aliases: [Rust 2023, rust-plans]",
			"note: 'It''s fine'",
			"",
			"# kept by hand",
			"empty:",
			'escaped: "a \\"quoted\\" word \\\\ and \\u00e9"',
			"",
		].join("\n");
		expect(readSimpleBlock(yaml)).toEqual({
			id: "5f0c5a2e-1c1a-11ef-9a6d-1b3a4c5d6e7f",
			legacy_id: 569311330,
			progress: 42.5,
			title: "Rust in 2023: What Comes Next",
			author: "Niko Matsakis",
			url: "https://blog.rust-lang.org/2023/01/rust-2023.html?utm_source=x&a=b",
			date_saved: "2024-01-31T09:12:00.000Z",
			tags: ["omnivore", "Type/Article"],
			aliases: ["Rust 2023", "rust-plans"],
			note: "It's fine",
			empty: null,
			escaped: 'a "quoted" word \\ and é',
		});
		expect(readSimpleBlock(yaml)).toEqual(libraryValues(yaml));
	});

	it.each([
		["a signed number", "delta: -12\n"],
		["an exponent", "big: 1e5\n"],
		["a hexadecimal number", "mask: 0x1F\n"],
		["a boolean", "read: true\n"],
		["a YAML 1.1 boolean", "seen: yes\n"],
		["a title with `: `", "title: Rust: why\n"],
		["a comment after a value", "title: Issue #112 # draft\n"],
		["a folded value", "title: a long\n  title\n"],
		["a folded block scalar over two lines", "title: >\n  folded\n  twice\n"],
		["a block scalar with a chomping indicator", "title: |-\n  kept\n"],
		["a block scalar with an indentation indicator", "title: |2\n  kept\n"],
		["a block scalar with a comment after it", "title: | # c\n  kept\n"],
		["a literal block with a blank line inside", "title: |\n  one\n\n  two\n"],
		["a literal block whose first line is spaces", "title: |\n   \n  one\n"],
		["a literal block with a line of spaces inside", "title: |\n  one\n   \n  two\n"],
		["a literal block with a line less indented", "title: |\n    one\n  two\n"],
		["a literal block with no line under it", "title: |\nid: 1\n"],
		["a literal block as the last line", "title: |"],
		["a literal block at the end without a newline", "title: |\n  one"],
		["an anchor", "a: &x b\nc: *x\n"],
		["a duplicate key", "a: 1\na: 2\n"],
		["a nested map", "a:\n  b: c\n"],
		["a list item after a blank line", "tags:\n  - a\n\n  - b\n"],
		["list items of two indentations", "tags:\n  - a\n - b\n"],
		["a tab", "title:\tx\n"],
		["a merge key", "<<: x\n"],
		["a key YAML reads as a number", "2024: x\n"],
		["an unclosed quote", 'title: "open\n'],
		["text after a closing quote", 'title: "a" b\n'],
		["an unknown escape", 'title: "a \\q"\n'],
		["a quoted item in a flow list", 'tags: ["a", b]\n'],
		["a document marker", "---\na: b\n"],
		["comments only", "# nothing\n"],
		["an empty block", ""],
		["a value of a no-break space", "title: \u00a0\n"],
		["a value of an ideographic space", "title: \u3000\n"],
		["a list item after a value of a no-break space", "tags: \u00a0\n- a\n"],
		["a flow list of a no-break space", "tags: [\u00a0]\n"],
		["a flow list item after a no-break space", "tags: [\u00a0omnivore]\n"],
		["a key longer than YAML allows", `${"k".repeat(1025)}: v\n`],
	])("leaves %s to the yaml library", (_name, yaml) => {
		expect(readSimpleBlock(yaml)).toBeNull();
	});

	it("reads a key as long as YAML allows", () => {
		const yaml = `${"k".repeat(1024)}: v\n`;
		expect(readSimpleBlock(yaml)).toEqual(libraryValues(yaml));
	});

	it("reads what the yaml library reads, whenever it reads anything", () => {
		const word = fc.constantFrom("a", "Rust", "é", "東京", "x-y", "1", "007", "1.50", "0x1F", ".5", "1e5", "+", "0o7", "true", "yes", "null", "~", "#", "&a", "*a", "!t", "%", "@", "`", "'", '"', "\\", "\\\\", '\\"', "\\u00e9", "\\x41", "''", ":", ": ", " #", "-", "- ", "?", ",", "[", "]", "{", "}", "|", ">", " ", "  ", "https://x.y/a?b=c&d#e", "\u00a0", "\u3000");
		const value = fc.array(word, { maxLength: 5 }).map((words) => words.join(""));
		const key = fc.constantFrom("id", "title", "Title", "date saved", "a.b", "__proto__", "<<", "2024", "-x", "x ", "tags", "é");
		const line = fc.oneof(
			fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
			fc.tuple(key, value).map(([k, v]) => `${k}: "${v}"`),
			fc.tuple(key, value).map(([k, v]) => `${k}: '${v}'`),
			fc.tuple(key, fc.array(value, { maxLength: 3 })).map(([k, vs]) => `${k}: [${vs.join(", ")}]`),
			key.map((k) => `${k}:`),
			fc.tuple(fc.constantFrom("", " ", "  ", "    "), value).map(([indent, v]) => `${indent}- ${v}`),
			fc.constantFrom("", "# comment", "  # indented comment", "---", "..."),
			// Block scalars and the lines under them.
			fc.tuple(key, fc.constantFrom("|", ">", "|-", "|+", ">-", "|2", "| ", "| # c")).map(([k, indicator]) => `${k}: ${indicator}`),
			fc.tuple(fc.constantFrom(" ", "  ", "   ", "    "), value).map(([indent, v]) => `${indent}${v}`),
		);
		fc.assert(
			fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, finalNewline) => {
				const yaml = lines.join("\n") + (finalNewline ? "\n" : "");
				const simple = readSimpleBlock(yaml);
				if (simple !== null) expect(simple).toEqual(libraryValues(yaml));
			}),
			{ numRuns: 3000 },
		);
	});

	it("reads every fixture's frontmatter as the yaml library does, when it reads it", () => {
		const folder = join(__dirname, "..", "..", "fixtures");
		const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md"));
		let read = 0;
		for (const name of files) {
			const yaml = splitNote(readFileSync(join(folder, name), "utf8")).frontmatter?.yaml.replace(/\r\n/g, "\n");
			if (yaml === undefined) continue;
			const simple = readSimpleBlock(yaml);
			if (simple === null) continue;
			read++;
			expect([name, simple]).toEqual([name, libraryValues(yaml)]);
		}
		expect(read).toBeGreaterThan(5);
	});
});

describe("what the fast path reads itself, as the yaml library does", () => {
	// Each of these shapes is common in real notes: sent to the library instead, a tidy would be slower, no worse.
	it.each([
		["escapes in double quotes", 'title: "a\\nb\\tc\\rd\\0e\\bf\\fg\\/h\\\\i\\"j"\n', { title: 'a\nb\tc\rd\0e\bf\fg/h\\i"j' }],
		["hex and Unicode escapes", 'title: "\\x41\\u00e9t\\u00e9"\n', { title: "Aété" }],
		["an empty single-quoted value", "title: ''\n", { title: "" }],
		["quotes doubled inside single quotes", "title: 'It''s ''quoted'''\n", { title: "It's 'quoted'" }],
		["an empty flow list", "tags: []\n", { tags: [] }],
		["a flow list of spaces", "tags: [ ]\n", { tags: [] }],
		["flow items padded with spaces", "tags: [a,  b  ]\n", { tags: ["a", "b"] }],
		["a dash inside a value", "title: a - b\n", { title: "a - b" }],
		["a key starting with a digit", "1st_place: gold\n", { "1st_place": "gold" }],
		["a block without a final newline", "id: 7\ntitle: Rust", { id: 7, title: "Rust" }],
		["a list under a key, then more keys", "tags:\n  - rust\n  - async\nid: 7\n", { tags: ["rust", "async"], id: 7 }],
		// Plugin 1.3.0's titles as Obsidian rewrote them, and what a literal block keeps as written.
		["literal blocks", "id: 1\ntitle: |\n  Software Generals\nauthor: |\n  莫崇宇\ntags:\n  - rust\n", { id: 1, title: "Software Generals\n", author: "莫崇宇\n", tags: ["rust"] }],
		["a literal block of lines, more indented ones and markup", "notes: |\n  one: #1  \n    - two\n  'three'\n# a comment\nid: 2\n", { notes: "one: #1  \n  - two\n'three'\n", id: 2 }],
		["a literal block indented by one space", "title: |\n one\n", { title: "one\n" }],
		["a folded block of one line", "title: >\n  Rust: why\n", { title: "Rust: why\n" }],
	])("%s", (_shape, yaml, values) => {
		expect(libraryValues(yaml)).toEqual(values);
		expect(readSimpleBlock(yaml)).toEqual(values);
	});
});

describe("what the fast path leaves to the library", () => {
	it.each([
		["an escape that is not hexadecimal", 'title: "\\xg4"\n'],
		["an escape cut by a letter", 'title: "\\x4g"\n'],
		["an unclosed single quote", "title: 'abc\n"],
		["a lone quote inside single quotes", "title: 'it's'\n"],
		["a line without `: `", "key:value\n"],
		["a key after colons", "::x: value\n"],
		["a tab in a value", "title: a\tb\n"],
		["a control character", "title: a\u0007b\n"],
		["a line separator", "title: a\u2028b\n"],
		["an empty block", ""],
	])("%s", (_shape, yaml) => {
		expect(readSimpleBlock(yaml)).toBeNull();
	});
});
