// The frontmatter editor's guarantees on realistic blocks: values that look like numbers stay text,
// edits touch only their key, the block is rendered once, and the read-back check compares everything.

import { splitNote } from "../../../src/core/note";
import { readFrontmatterBlock } from "../../../src/core/frontmatter/readBlock";
import { stringifyEntry } from "../../../src/core/frontmatter/entryText";
import { verifyFrontmatter } from "../../../src/core/frontmatter/verifyFrontmatter";
import { FrontmatterEditor } from "../../../src/core/frontmatter/yamlEditor";
import { editor, written } from "./editedBlocks";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";
import { isPlainSafe } from "../../../src/core/frontmatter/plainScalar";

// What plugin 1.6 wrote, with a comment a user added and a list.
const SAVED = [
	"id: 6b2f7b3c-6a8e-11ee-8c99-0242ac120002",
	"title: The Rust Programming Language",
	"author: Steve Klabnik # and Carol Nichols",
	"tags:",
	"  - programming",
	"  - rust",
	"# when Omnivore saved it",
	"date_saved: 2024-02-27 01:30:06",
	"",
].join("\n");

describe("values that look like numbers", () => {
	it.each(["0o17", "0x1F", "1e5", "+1", ".5", ".inf", "-.inf", ".NaN", "007", "3.0", "-12", "null", "~", "true", "No"])(
		"%s is written so that it reads back as text",
		(value) => {
			const e = editor(SAVED);
			e.set("title", value);
			e.add("issue", value);
			const text = written(e);
			const reread = editor(text);
			expect(reread.get("title")).toBe(value);
			expect(reread.get("issue")).toBe(value);
			expect(reread.get("id")).toBe("6b2f7b3c-6a8e-11ee-8c99-0242ac120002");
		},
	);

	it.each(["0o18", "0x1G", "1.2.3", "2024-02-27", "v2", "1e", "e5", "+", ".", "inf", "x.inf"])("%s is text already and stays plain", (value) => {
		expect(stringifyEntry("title", value)).toBe(`title: ${value}\n`);
		expect(verifyFrontmatter(stringifyEntry("title", value), { title: value })).toBeNull();
	});

	it("in a list, each item is quoted only where it needs to be", () => {
		const e = editor(SAVED);
		e.set("tags", ["rust", "2024", "yes", "#1 pick", "0x1F"]);
		expect(written(e)).toBe(SAVED.replace("  - programming\n  - rust\n", '  - rust\n  - "2024"\n  - "yes"\n  - "#1 pick"\n  - "0x1F"\n'));
	});
});

describe("the fast path for plain values", () => {
	// Values a vault is full of are written without yaml's stringifier; it handles the rest.
	it.each([
		"2024-02-27 01:30:06",
		"2024-02-27T01:30:06.000Z",
		"https://omnivore.app/me/the-rust-programming-language-18de9d85b43",
		"https://example.com/a?b=c&d=e#frag",
		"The Rust Programming Language",
		"C++ in 2024, a retrospective",
		"What's new in v1.2.3",
		"Yesterday, in Tokyo",
		"Noon",
		"Turnoff",
		"50% off",
		"1.2.3",
		"0o18",
		"e5",
		"x.inf",
		"Steve Klabnik",
		"日本語のタイトル",
		"read-later",
		"a-b",
		"tag#1",
		"key:value",
		"1:60",
		"0b102",
		"0xg1",
		"1e+",
		"+x",
	])("%s is recognised as plain", (value) => {
		expect(isPlainSafe(value)).toBe(true);
		expect(stringifyEntry("title", value)).toBe(`title: ${value}\n`);
	});

	it.each(["", "y", "n", "on", "OFF", "Yes", "NULL", "~", "12", "-1.5", "1e5", "+.inf", ".nan", "0x1f", "1_000", "12:30", "1:20:30.5", "0b101", "+1", ".5", "1.", "-.5e3", "1E+5", "0o17", "-.inf", ".NaN", "12:30:45", "1_000.5", "1_", "0x_1F", "-0b1", "1:5", "1e10", ".55", ".5e3", ".5e+3", ".5e10", "- item", "#tag", "a: b", "a #b", "end:", " a", "a ", "tab\t", "\u0085"])(
		"%j is not",
		(value) => {
			expect(isPlainSafe(value)).toBe(false);
		},
	);
});

describe("text that YAML would read differently", () => {
	it.each([
		["a title ending in a colon", "Rust:"],
		["a comment sign after a space", "Issue #112"],
		["a leading space", " indented"],
		["a trailing space", "trailing "],
		["a line separator", "one\u2028two"],
		["a tab", "a\tb"],
		["a byte order mark", "\ufeffTitle"],
		["a flow indicator first", "{draft}"],
		["a quote first", "'quoted' start"],
		["a percent sign first", "%20 off"],
		["a backtick first", "`code` talk"],
		["a dash and space first", "- not a list"],
	])("%s is written so that it reads back the same", (_name, value) => {
		const e = editor(SAVED);
		e.set("title", value);
		expect(editor(written(e)).get("title")).toBe(value);
	});

	it("a key that needs quoting is quoted, with a YAML 1.1 boolean value quoted too", () => {
		expect(stringifyEntry("read: later", "yes")).toBe('"read: later": "yes"\n');
		expect(verifyFrontmatter(stringifyEntry("read: later", "yes"), { "read: later": "yes" })).toBeNull();
		expect(stringifyEntry("read: later", "soon")).toBe('"read: later": soon\n');
	});

	it.each(["1_000", "12:30", "0b101", "1:20:30.5"])("%s, a number to YAML 1.1 readers, is written quoted and reads back as text", (value) => {
		expect(stringifyEntry("title", value)).toBe(`title: "${value}"\n`);
		expect(stringifyEntry("aliases", [value])).toBe(`aliases:\n  - "${value}"\n`);
		const e = editor(SAVED);
		e.set("title", value);
		expect(editor(written(e)).get("title")).toBe(value);
	});

	it("an empty list is written as []", () => {
		expect(stringifyEntry("tags", [])).toBe("tags: []\n");
	});
});

describe("FrontmatterEditor edits", () => {
	it("renders its additions once, however often the text is asked for", () => {
		const e = editor(SAVED);
		e.set("date_saved", "2024-02-27T01:30:06");
		e.add("status", "unread");
		const first = e.toString();
		expect(e.toString()).toBe(first);
		expect(first.match(/status:/g)).toHaveLength(1);
	});

	it("leaves the block alone when asked to remove or rename a key that is not there", () => {
		const e = editor(SAVED);
		e.remove("omnivore_url");
		e.rename("labels", "tags");
		expect(e.changed).toBe(false);
		expect(e.toString()).toBe(SAVED);
		expect(e.keys()).toEqual(["id", "title", "author", "tags", "date_saved"]);
	});

	it("keeps the comment above a removed last key at the end of the block", () => {
		const e = editor(SAVED);
		e.remove("date_saved");
		expect(written(e)).toBe(SAVED.replace("date_saved: 2024-02-27 01:30:06\n", ""));
		expect(e.has("date_saved")).toBe(false);
	});

	it("keeps the comments above and after a removed last key in their order", () => {
		const e = editor("title: Rust\n# saved\nstatus: unread\n# end of Omnivore's properties\n");
		e.remove("status");
		expect(written(e)).toBe("title: Rust\n# saved\n# end of Omnivore's properties\n");
	});

	it("sets a key in a block of comments only by adding it", () => {
		const e = editor("# Omnivore properties\n");
		e.set("status", "unread");
		expect(e.shapeOf("status")).toBe("plain");
		expect(written(e)).toBe("# Omnivore properties\nstatus: unread\n");
	});

	it("keeps a long value that needs quotes on one line, alone and in a list", () => {
		const title = "Local-first software: You own your data, in spite of the cloud (Kleppmann, Wiggins, van Hardenberg, McGranaghan)";
		const e = editor(SAVED);
		e.set("title", title);
		e.set("tags", ["rust", title]);
		expect(written(e)).toBe(
			SAVED.replace("title: The Rust Programming Language", `title: "${title}"`).replace("  - programming\n  - rust\n", `  - rust\n  - "${title}"\n`),
		);
	});

	it("adds a key to a block of comments without a final line break", () => {
		const e = editor("# properties go here");
		e.add("status", "unread");
		expect(written(e)).toBe("# properties go here\nstatus: unread\n");
	});

	it("keeps a trailing comment when it replaces a value, or drops it when asked", () => {
		const kept = editor(SAVED);
		kept.set("author", "Steve Klabnik");
		expect(written(kept)).toContain("author: Steve Klabnik # and Carol Nichols\n");
		const dropped = editor(SAVED);
		dropped.set("author", "Steve Klabnik and Carol Nichols", false);
		expect(written(dropped)).toBe(SAVED.replace("author: Steve Klabnik # and Carol Nichols\n", "author: Steve Klabnik and Carol Nichols\n"));
	});

	it("replaces a list with one value and a value with a list, in place, keeping the comment on the key's line", () => {
		const e = editor(SAVED);
		e.set("tags", "rust");
		e.set("author", ["Steve Klabnik", "Carol Nichols"]);
		expect(written(e)).toBe(
			[
				"id: 6b2f7b3c-6a8e-11ee-8c99-0242ac120002",
				"title: The Rust Programming Language",
				"author: # and Carol Nichols",
				"  - Steve Klabnik",
				"  - Carol Nichols",
				"tags: rust",
				"# when Omnivore saved it",
				"date_saved: 2024-02-27 01:30:06",
				"",
			].join("\n"),
		);
	});

	it.each([
		["a flow list becomes a block list", "tags: [omnivore, rust]  # from the web clipper\n", ["rust"], "tags:  # from the web clipper\n  - rust\n"],
		["a block list stays one", "tags: # from the web clipper\n  - omnivore\n  - rust\n", ["rust", "async"], "tags: # from the web clipper\n  - rust\n  - async\n"],
		["a block list becomes one value", "tags: # from the web clipper\n  - omnivore\n  - rust\n", "rust", "tags: rust # from the web clipper\n"],
		["the comment follows a tab", "tags: [omnivore]\t# mine\n", ["rust"], "tags:\t# mine\n  - rust\n"],
		["a value becomes lines", "tags: rust # mine\n", "rust\nasync", "tags: |- # mine\n  rust\n  async\n"],
		["a block scalar becomes a list", "tags: | # from the clipper\n  omnivore\n", ["rust"], "tags: # from the clipper\n  - rust\n"],
		["comment lines stand under a flow list", "tags: [omnivore]  # mine\n  # more thoughts\n", ["rust"], "tags:  # mine\n  - rust\n# more thoughts\n"],
		["comment lines stand under a value", "tags: omnivore # c\n  # more\n  # and more\n", "rust", "tags: rust # c\n# more\n# and more\n"],
		["a comment line stands under a value without one", "tags: [omnivore]\n  # later\n", "rust", "tags: rust\n# later\n"],
		["a blank line stands under a value", "tags: [omnivore]\n\n", ["rust"], "tags:\n  - rust\n\n"],
	])("keeps the comments of an entry when %s", (_shape, block, value, expected) => {
		const e = editor(`id: 1\n${block}status: unread\n`);
		e.set("tags", value);
		expect(written(e)).toBe(`id: 1\n${expected}status: unread\n`);
		expect(e.expectedValues().tags).toEqual(value);
	});

	it("quotes a value it sets when it must, with the quotes YAML writes", () => {
		const e = editor(SAVED);
		e.set("title", "Rust: the book");
		e.set("id", "it's 42");
		expect(written(e)).toContain('title: "Rust: the book"\n');
		expect(e.toString()).toContain("id: it's 42\n");
	});

	it("writes a value with a line break so that it reads back whole", () => {
		const e = editor(SAVED);
		e.set("title", "The Rust Programming Language\nSecond edition");
		e.add("summary", "Ownership.\nBorrowing.");
		const reread = editor(written(e));
		expect(reread.get("title")).toBe("The Rust Programming Language\nSecond edition");
		expect(reread.get("summary")).toBe("Ownership.\nBorrowing.");
		expect(reread.get("author")).toBe("Steve Klabnik");
	});

	it("tells the shape of a value it has just set", () => {
		const e = editor(SAVED);
		e.set("title", "Rust: the book");
		e.set("id", "it's 42");
		e.set("date_saved", "2024-02-27T01:30:06");
		expect(e.shapeOf("title")).toBe("quoted");
		expect(e.shapeOf("date_saved")).toBe("plain");
		e.set("author", ["Steve Klabnik"]);
		expect(e.shapeOf("author")).toBe("block-seq");
	});

	it("adds and renames to property names from the settings that YAML must quote", () => {
		const e = editor(SAVED);
		e.rename("date_saved", "saved: on");
		e.add("#status", "unread");
		e.add("read: later", "yes");
		const text = written(e);
		expect(text).toContain('"saved: on": 2024-02-27 01:30:06\n');
		expect(text.endsWith('"#status": unread\n"read: later": "yes"\n')).toBe(true);
		expect(editor(text).keys()).toEqual(["id", "title", "author", "tags", "saved: on", "#status", "read: later"]);
	});

	it("keeps the comment after a flow list or mapping it replaces with one value, without its bracket", () => {
		const e = editor("author: [Steve Klabnik] # from the page\nsite: {name: GitHub} # as saved\nid: 1\n");
		e.set("author", "Steve Klabnik");
		e.set("site", "GitHub");
		expect(written(e)).toBe("author: Steve Klabnik # from the page\nsite: GitHub # as saved\nid: 1\n");
	});

	it("keeps the comment after a value it replaces with an empty list, after the list's bracket", () => {
		const e = editor("tags: omnivore # the only one\nid: 1\n");
		e.set("tags", []);
		expect(written(e)).toBe("tags: [] # the only one\nid: 1\n");
	});

	it("fills an empty value in place, and writes a new value without the spaces after the old one", () => {
		const e = editor("status:\ntitle: Rust   \nid: 1\n");
		e.set("status", "unread");
		e.set("title", "Rust in 2023");
		expect(written(e)).toBe("status: unread\ntitle: Rust in 2023\nid: 1\n");
	});

	it("finds a key it renamed, to set its value in place", () => {
		// What normalizing a legacy key does: the name first, then the value's format.
		const e = editor(SAVED);
		e.rename("date_saved", "saved");
		e.set("saved", "2024-02-27T01:30:06");
		e.remove("author");
		// The removed entry's comment stays where it stood: it is the user's text.
		expect(written(e)).toBe(SAVED.replace("author: Steve Klabnik # and Carol Nichols\n", "# and Carol Nichols\n").replace("date_saved: 2024-02-27 01:30:06", "saved: 2024-02-27T01:30:06"));
		expect(e.shapeOf("saved")).toBe("plain");
	});

	it("adds several keys to an empty block, one line each", () => {
		const e = editor("");
		e.add("status", "unread");
		e.add("tags", ["omnivore"]);
		expect(written(e)).toBe("status: unread\ntags:\n  - omnivore\n");
	});

	it("tells a value it set in single quotes (a title that starts with a double quote) as quoted", () => {
		const e = editor(SAVED);
		e.set("title", '"Local-First" software');
		expect(written(e)).toContain("title: '\"Local-First\" software'\n");
		expect(e.shapeOf("title")).toBe("quoted");
	});

	it("renames a key where it stands and keeps its value", () => {
		const e = editor(SAVED);
		e.rename("date_saved", "saved");
		expect(written(e)).toBe(SAVED.replace("date_saved:", "saved:"));
		expect(e.get("saved")).toBe("2024-02-27 01:30:06");
		expect(e.has("date_saved")).toBe(false);
	});
});

describe("FrontmatterEditor reading", () => {
	const BLOCK = "title: |\n  Folded\n  title\nread_length: 12\nfavorite: true\nnote: '   '\nsite: ''\nlabels: [a]\nmeta:\n  x: 1\nsummary: a long\n  folded line\nempty:\n";

	it("gives text only for scalars with content", () => {
		const e = editor(BLOCK);
		expect(e.getText("read_length")).toBe("12");
		expect(e.getText("favorite")).toBe("true");
		expect(e.getText("title")).toBe("Folded\ntitle");
		expect(e.getText("note")).toBeUndefined();
		expect(e.getText("site")).toBeUndefined();
		expect(e.getText("labels")).toBeUndefined();
		expect(e.getText("meta")).toBeUndefined();
		expect(e.getText("empty")).toBeUndefined();
		expect(e.getText("missing")).toBeUndefined();
	});

	it("tells the shape of each value, including keys only added and keys absent", () => {
		const e = editor(BLOCK);
		e.add("status", "unread");
		expect(e.shapeOf("meta")).toBe("map");
		expect(e.shapeOf("empty")).toBe("empty");
		expect(e.shapeOf("status")).toBe("plain");
		expect(e.shapeOf("missing")).toBe("empty");
	});

	it("finds a value folded over lines, and only that", () => {
		const e = editor(BLOCK);
		expect(e.spansLines("summary")).toBe(true);
		expect(e.spansLines("title")).toBe(true);
		expect(e.spansLines("read_length")).toBe(false);
		expect(e.spansLines("labels")).toBe(false);
		expect(e.spansLines("missing")).toBe(false);
	});

	it("finds the comment after a plain value only", () => {
		const e = editor("title: Rust # from GitHub\nurl: 'https://x.example' # quoted\ntags: [a] # flow\n");
		expect(e.trailingComment("title")).toBe("# from GitHub");
		expect(e.trailingComment("url")).toBeUndefined();
		expect(e.trailingComment("tags")).toBeUndefined();
		expect(e.trailingComment("missing")).toBeUndefined();
		expect(editor("title: Rust\n").trailingComment("title")).toBeUndefined();
		// The last line of a block may have no line break.
		expect(editor("id: 1\ntitle: Rust").trailingComment("title")).toBeUndefined();
		expect(editor("id: 1\ntitle: Rust # from GitHub").trailingComment("title")).toBe("# from GitHub");
	});
});

describe("parseFrontmatter refuses", () => {
	it.each([
		["a document end marker followed by more keys", "title: Rust\n...\nstatus: unread\n"],
		["a second document started after a comment", "title: Rust\n--- # more\nstatus: unread\n"],
		["an alias to no anchor (emphasis as plugin 1.0 wrote it)", "title: *bold*\n"],
	])("%s", (_name, yaml) => {
		expect(parseFrontmatter(yaml).kind).toBe("invalid");
	});

	it("says why, in one line", () => {
		expect(parseFrontmatter("title: Rust\n...\nstatus: unread\n")).toEqual({ kind: "invalid", error: "The block holds more than one YAML document." });
		expect(parseFrontmatter("title: Rust: the book\nid: 1\n")).toEqual({ kind: "invalid", error: "Nested mappings are not allowed in compact mappings" });
	});

	it("explains what it found instead of a mapping", () => {
		expect(parseFrontmatter("- a\n- b\n")).toEqual({ kind: "not-mapping", found: "a list" });
		expect(parseFrontmatter("just a sentence\n")).toEqual({ kind: "not-mapping", found: "a single value" });
		expect(parseFrontmatter("{title: Rust}\n")).toEqual({ kind: "not-mapping", found: "a mapping written in flow style" });
	});

	it("sets apart a block with anchors, with the values they stand for", () => {
		expect(parseFrontmatter("title: &amp more\nid: 1\n")).toEqual({ kind: "anchored", names: ["&amp"], values: { title: "more", id: 1 } });
		expect(parseFrontmatter("tags: &t [rust]\nlabels: *t\n")).toEqual({ kind: "anchored", names: ["&t", "*t"], values: { tags: ["rust"], labels: ["rust"] } });
		expect(parseFrontmatter("- &a x\n- *a\n")).toEqual({ kind: "not-mapping", found: "a list" });
	});

	it("leaves a title that is an alias to no anchor to the repair, which quotes it", () => {
		expect(parseFrontmatter("title: *bold*\nid: 1\n")).toEqual({ kind: "invalid", error: "its values cannot be read (an alias to no anchor, or too many aliases)" });
		const state = readFrontmatterBlock(splitNote("---\ntitle: *bold*\nid: 1\n---\n#Omnivore\n"));
		expect(state.kind === "mapping" && [state.repairedKeys, state.editor.get("title")]).toEqual([["title"], "*bold*"]);
	});
});

describe("an editor over values parsed elsewhere (the queue's reading)", () => {
	it("reads the values and refuses every edit, so a block it never parsed cannot be rewritten", () => {
		const yaml = "# kept by hand\ntitle: Rust in 2023\ntags:\n  - omnivore\n";
		const reading = FrontmatterEditor.reading(yaml, { title: "Rust in 2023", tags: ["omnivore"] });
		expect(reading.getText("title")).toBe("Rust in 2023");
		expect(reading.get("tags")).toEqual(["omnivore"]);
		expect(() => reading.set("title", "Other")).toThrow(/cannot be edited/);
		expect(() => reading.add("status", "unread")).toThrow(/cannot be edited/);
		expect(() => reading.rename("title", "Title")).toThrow(/cannot be edited/);
		expect(() => reading.remove("tags")).toThrow(/cannot be edited/);
		expect(reading.changed).toBe(false);
		expect(reading.toString()).toBe(yaml);
	});
});
