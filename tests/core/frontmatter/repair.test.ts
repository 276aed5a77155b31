import fc from "fast-check";
import { repairFrontmatter } from "../../../src/core/frontmatter/repair";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";

describe("repairFrontmatter", () => {
	it("quotes a title holding `: ` (plugin 1.0)", () => {
		expect(repairFrontmatter("title: Rust in 2023: What Comes Next\nauthor: Niko\n")).toMatchObject({
			yaml: 'title: "Rust in 2023: What Comes Next"\nauthor: Niko\n',
			keys: ["title"],
			closed: [],
		});
	});

	it.each(["[Draft] notes", "*Bold* claims", "*bold*", "&amp; more", "!important stuff", "%20 off", "@mention me", "`code` talk"])(
		"quotes a title starting with an indicator: %s",
		(title) => {
			expect(repairFrontmatter(`title: ${title}\n`)?.yaml).toBe(`title: ${JSON.stringify(title)}\n`);
		},
	);

	it.each([
		["an anchor beside a title with `: `", "title: Rust: what comes next\ntags: &t [rust, lang]\nkeywords: *t\n"],
		["an anchor on a list beside a title with `: `", "title: Rust: what comes next\ntags: &t [rust, lang]\n"],
		["more aliases than the parser expands", `a: &a [1, 2]\n${"bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`).join("\n")}\n`],
	])("never quotes anchors and the aliases that name them: %s", (_name, yaml) => {
		expect(repairFrontmatter(yaml)).toBeNull();
	});

	it.each([
		["an anchored value that is broken itself", "description: &desc Rust: the book\nsummary: *desc\n"],
		["the same beside an alias to no anchor", "description: &desc Rust: the book\nsubtitle: *bold* claims\nsummary: *desc\n"],
		["an anchor in a flow list", "title: Rust: why\ntags: [&lang rust, async]\nkeywords: [*lang]\n"],
		["a list anchored after two spaces", "title: Rust: what comes next\ntags:  &langs  [rust, lang]\n"],
	])("never quotes anchors into strings: %s", (_name, yaml) => {
		expect(repairFrontmatter(yaml)).toBeNull();
	});

	it("still quotes a plugin 1.0 title that only looks like an anchor or an alias", () => {
		expect(repairFrontmatter("title: &amp; more: notes\nsubtitle: *bold* claims\n")?.yaml).toBe('title: "&amp; more: notes"\nsubtitle: "*bold* claims"\n');
		// An entity before a bracket looks like an anchor on a list, but words follow the list: it is a title.
		expect(repairFrontmatter("title: &amp; [Video] Rust in review\n")?.yaml).toBe('title: "&amp; [Video] Rust in review"\n');
	});

	it("keeps a comment after a broken list of tags a comment, and a title's ` #` its words", () => {
		expect(repairFrontmatter("tags: '#ai', omnivore # my comment\nid: 1\n")?.yaml).toBe(`tags: "'#ai', omnivore" # my comment\nid: 1\n`);
		expect(repairFrontmatter("aliases: Rust: the book\t# mine\n")?.yaml).toBe('aliases: "Rust: the book"\t# mine\n');
		expect(repairFrontmatter("title: Rust: issue #112\n")?.yaml).toBe('title: "Rust: issue #112"\n');
		// The spaces before the comment stay with it; a key written with a space before its colon is the same key.
		expect(repairFrontmatter("tags: '#ai', rust   # mine\n")?.yaml).toBe(`tags: "'#ai', rust"   # mine\n`);
		expect(repairFrontmatter("tags : '#ai', rust # mine\n")?.yaml).toBe(`tags : "'#ai', rust" # mine\n`);
		// A `#` with a word after it is a tag, never a comment.
		expect(repairFrontmatter("tags: @work, #ai, omnivore\n")?.yaml).toBe('tags: "@work, #ai, omnivore"\n');
		expect(repairFrontmatter("tags: Reading: later #ai\n")?.yaml).toBe('tags: "Reading: later #ai"\n');
		// A comment with nothing after its `#` is a comment too.
		expect(repairFrontmatter("tags: '#ai', rust #\n")?.yaml).toBe(`tags: "'#ai', rust" #\n`);
		// Folded over lines, the text is words: a `#` in it is kept.
		expect(repairFrontmatter("tags: '#ai', rust # mine\n  more words\n")?.yaml).toBe(`tags: "'#ai', rust # mine more words"\n`);
	});

	it("escapes inner double quotes (plugin 1.1 to 1.2)", () => {
		expect(repairFrontmatter('title: "Notes on "Local-First" Software"\nid: 1\n')?.yaml).toBe(
			'title: "Notes on \\"Local-First\\" Software"\nid: 1\n',
		);
	});

	it("joins a broken title folded over lines", () => {
		expect(repairFrontmatter("title: Rust: a title folded\n  over two lines\nid: 1\n")?.yaml).toBe(
			'title: "Rust: a title folded over two lines"\nid: 1\n',
		);
	});

	it("leaves lists and valid entries as they are", () => {
		const yaml = "tags:\n  - a\n  - b\ntitle: Fine: not\naliases: [x, y]\n";
		expect(repairFrontmatter(yaml)?.yaml).toBe('tags:\n  - a\n  - b\ntitle: "Fine: not"\naliases: [x, y]\n');
	});

	it.each([
		["a tab-indented key under a valid title", "title: x\n\tauthor: y\n"],
		["an indented entry under a broken value", "title: [a, b\nfoo: : :\n  bar: - x\n"],
		["an indented entry under a title with `: `", "title: Rust: why\n  author: Niko\n"],
		["an indented list item", "title: Rust: why\n  - x\n"],
		["an indented comment", "title: Rust: why\n  # note\n"],
		["words under a quoted title that is valid on its own line", "title: 'Rust'\n  and more\n"],
	])("never folds structure into a value: %s", (_name, yaml) => {
		expect(repairFrontmatter(yaml)).toBeNull();
	});

	it("only changes the lines it quotes, each to that line's own text", () => {
		const text = fc.stringMatching(/^[A-Za-z0-9:\-[\]*&!%@`'"#]([A-Za-z0-9 :\-[\]*&!%@`'"#]{0,10})$/);
		// Tab-indented lines never fold into a value (words folded under spaces are tested above).
		const indent = fc.constantFrom("", "\t", " \t");
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.boolean(), indent, text), { maxLength: 6 }), (rows) => {
				const lines = rows.map(([entry, space, words], i) => (entry ? `k${i}: ${words}` : `${space}${words}`));
				// An unindented "word: rest" row is an entry of its own key, not a continuation (pinned below).
				fc.pre(rows.every(([entry, space, words]) => entry || space !== "" || !/^[^#]*?:( |$)/.test(words)));
				const repair = repairFrontmatter(lines.join("\n"));
				if (!repair) return;
				const parsed = parseFrontmatter(repair.yaml);
				if (parsed.kind !== "mapping") throw new Error("a repair always parses");
				const after = repair.yaml.split("\n");
				expect(after).toHaveLength(lines.length);
				after.forEach((line, i) => {
					const key = `k${i}`;
					if (!repair.keys.includes(key)) return expect(line).toBe(lines[i]);
					const written = rows[i][2].trim();
					const unquoted = /^(["']).+\1$/.test(written) ? written.slice(1, -1).replace(/\\"/g, '"') : written;
					expect(parsed.editor.get(key)).toBe(unquoted);
				});
			}),
			{ numRuns: 300 },
		);
	});

	it("quotes an entry whose key the property above does not name (`0: %`)", () => {
		expect(repairFrontmatter("0: %")).toMatchObject({ yaml: '0: "%"', keys: ["0"], closed: [] });
	});

	it("gives up on what quoting cannot fix", () => {
		expect(repairFrontmatter("a: 1\na: 2\n")).toBeNull();
		expect(repairFrontmatter("title: [unclosed\n  more: {\n")).toBeNull();
	});
});

describe("the repaired block the repair hands on", () => {
	it("is the parse of the repaired text, so a tidy edits what it would have parsed itself", () => {
		const repair = repairFrontmatter("id: 1a2b\ntitle: Rust in 2023: What Comes Next\ntags: [rust, async\nauthor: Niko\n");
		const parsed = parseFrontmatter(repair?.yaml ?? "");
		expect(parsed.kind).toBe("mapping");
		expect(repair?.editor.keys()).toEqual(["id", "title", "tags", "author"]);
		expect(repair?.editor.expectedValues()).toEqual(parsed.kind === "mapping" ? parsed.editor.expectedValues() : null);
		expect(repair?.editor.toString()).toBe(repair?.yaml);
	});
});

describe("a broken value holding a line separator or a lone carriage return", () => {
	it.each([
		["a line separator", "\u2028"],
		["a paragraph separator", "\u2029"],
		["a carriage return", "\r"],
	])("keeps the whole value around %s", (_name, separator) => {
		const title = `Part one: the start${separator}and the rest of the title`;
		const repair = repairFrontmatter(`title: ${title}\nid: 1\n`);
		expect(repair?.keys).toEqual(["title"]);
		expect(repair?.editor.get("title")).toBe(title);
	});
});
