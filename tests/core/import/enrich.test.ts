// What the import brings into a note the vault already has: values it lacks, a status that may
// advance, labels joined to its tags, and highlights appended where they belong.

import { NoteTidier } from "../../../src/core";
import { appendHighlights, enrichNote } from "../../../src/core/import/enrich";
import type { ExportItem } from "../../../src/core/import/exportItem";

const tidier = new NoteTidier();
const LIBRARY = "[Read on Omnivore](https://omnivore.app/me/rust-in-2023-18d1f3a2b4c)";

function item(overrides: Partial<ExportItem> = {}): ExportItem {
	return {
		id: "0a1b2c3d",
		slug: "rust-in-2023-18d1f3a2b4c",
		title: "Rust in 2023: What Comes Next",
		author: "Niko Matsakis",
		labels: ["Rust"],
		url: "https://blog.rust-lang.org/2023/01/20/rust-2023.html",
		state: "Active",
		readingProgress: 0,
		savedAt: "2023-01-20T10:00:00.000Z",
		...overrides,
	};
}

function enriched(note: string, overrides: Partial<ExportItem> = {}, highlights: Parameters<typeof enrichNote>[2] = []) {
	const outcome = enrichNote(note, item(overrides), highlights, tidier);
	if (outcome.kind !== "enriched") throw new Error(`left: ${outcome.reason}`);
	return outcome;
}

describe("appendHighlights", () => {
	const block = "> Rust is fast.";

	it("appends a Highlights section after the body, one blank line between, in the note's line endings", () => {
		expect(appendHighlights("# Rust\r\n\r\nMy notes.\r\n\r\n \r\n", [block], "\r\n")).toBe("# Rust\r\n\r\nMy notes.\r\n\r\n## Highlights\r\n\r\n> Rust is fast.\r\n");
		expect(appendHighlights("", [block, "> Safe too."], "\n")).toBe("## Highlights\n\n> Rust is fast.\n\n> Safe too.\n");
		expect(appendHighlights(" \n\n", [block], "\n")).toBe("## Highlights\n\n> Rust is fast.\n");
	});

	it("keeps the spaces that end the note's last line (two make a Markdown line break): only blank lines go", () => {
		expect(appendHighlights("# Rust\n\nMy notes.  \n\n", [block], "\n")).toBe("# Rust\n\nMy notes.  \n\n## Highlights\n\n> Rust is fast.\n");
		expect(appendHighlights("# Rust\n\n## Highlights\n\n> Old.  \n\n## Notes\nMine.\n", [block], "\n")).toBe("# Rust\n\n## Highlights\n\n> Old.  \n\n> Rust is fast.\n\n## Notes\nMine.\n");
	});

	it("adds to the end of an existing Highlights section, before the next heading of its level or above", () => {
		const body = "# Rust\n\n## Highlights\n\n> Old one.\n\n### My comment\n\nText.\n\n## Notes\n\nMine.\n";
		expect(appendHighlights(body, [block], "\n")).toBe("# Rust\n\n## Highlights\n\n> Old one.\n\n### My comment\n\nText.\n\n> Rust is fast.\n\n## Notes\n\nMine.\n");
	});

	it("finds the section by its heading in any case and level, with closing hashes", () => {
		expect(appendHighlights("### highlights ###\n> Old.\n", [block], "\n")).toBe("### highlights ###\n> Old.\n\n> Rust is fast.\n");
	});

	it("takes no heading inside code for the section or its end", () => {
		const inCode = "```\n## Highlights\n```\n\n## Notes\n";
		expect(appendHighlights(inCode, [block], "\n")).toBe("```\n## Highlights\n```\n\n## Notes\n\n## Highlights\n\n> Rust is fast.\n");
		const endInCode = "## Highlights\n\n> Old.\n\n```\n## Not a heading\n```\n\n## Notes\n";
		expect(appendHighlights(endInCode, [block], "\n")).toBe("## Highlights\n\n> Old.\n\n```\n## Not a heading\n```\n\n> Rust is fast.\n\n## Notes\n");
	});

	it("takes only a heading that is the word Highlights alone, at a line's start, for the section", () => {
		const block = "> Rust is fast.";
		expect(appendHighlights("## Highlights of the year\n\nMine.\n", [block], "\n")).toBe("## Highlights of the year\n\nMine.\n\n## Highlights\n\n> Rust is fast.\n");
		expect(appendHighlights("Text ## Highlights\n", [block], "\n")).toBe("Text ## Highlights\n\n## Highlights\n\n> Rust is fast.\n");
		expect(appendHighlights("##Highlights\n", [block], "\n")).toBe("##Highlights\n\n## Highlights\n\n> Rust is fast.\n");
		expect(appendHighlights("## Highlights  \n> Old.\n\n## Notes\n", [block], "\n")).toBe("## Highlights  \n> Old.\n\n> Rust is fast.\n\n## Notes\n");
	});

	it("closes an article's code block left open at the note's end before the highlights, and only a fence at the margin", () => {
		const block = "> Rust is fast.";
		expect(appendHighlights("## Content\n\n```rust\nfn main() {}\n", [block], "\n")).toBe("## Content\n\n```rust\nfn main() {}\n```\n\n## Highlights\n\n> Rust is fast.\n");
		expect(appendHighlights("## Highlights\n\n> Old.\n\n~~~~\ncode\n", [block], "\n")).toBe("## Highlights\n\n> Old.\n\n~~~~\ncode\n~~~~\n\n> Rust is fast.\n");
		expect(appendHighlights("> ```\n> quoted code\n", [block], "\n")).toBe("> ```\n> quoted code\n\n## Highlights\n\n> Rust is fast.\n");
	});

	it("keeps CRLF when adding inside a section", () => {
		expect(appendHighlights("## Highlights\r\n\r\n> Old.\r\n\r\n## Notes\r\n", ["> New.\n>\n> Two."], "\r\n")).toBe("## Highlights\r\n\r\n> Old.\r\n\r\n> New.\r\n>\r\n> Two.\r\n\r\n## Notes\r\n");
	});
});

describe("enrichNote", () => {
	it("fills what the note lacks and keeps what it holds, its comments and its own keys", () => {
		const note = `---\n# my reading list\ntitle: My own title\nauthor: unknown\nrating: 5\n---\n# Rust\n#Omnivore\n${LIBRARY}\n`;
		const outcome = enriched(note);
		expect(outcome.filled).toEqual(["id", "author", "date_saved", "original_url", "site_name", "status", "tags"]);
		expect(outcome.text).toMatch(/^# my reading list\ntitle: My own title\nauthor: Niko Matsakis\nrating: 5\n/m);
		expect(outcome.text).toContain("id: 0a1b2c3d\n");
		// The export's UTC time, in the local time of the tests (TZ is fixed at an hour east of UTC).
		expect(outcome.text).toContain("date_saved: 2023-01-20T11:00:00\n");
		expect(outcome.text).toContain("tags:\n  - Rust\n");
	});

	it("fills an id that is there but empty, where it stands", () => {
		expect(enriched(`---\nid:\ntitle: Rust\n---\n#Omnivore\n${LIBRARY}\n`).text).toMatch(/^---\nid: 0a1b2c3d\ntitle: Rust\n/);
		expect(enriched(`---\nID: kept\n---\n#Omnivore\n${LIBRARY}\n`).text).toMatch(/^ID: kept$/m);
	});

	it.each([
		["no status", "", "Archived", "archived"],
		["unread", "status: unread\n", "Archived", "archived"],
		["Omnivore's INBOX", "state: INBOX\n", "Archived", "archived"],
	])("advances %s to the export's status", (_name, line, state, status) => {
		const text = enriched(`---\nid: 0a1b2c3d\n${line}---\n#Omnivore\n${LIBRARY}\n`, { state }).text;
		expect(text).toMatch(new RegExp(`^status: ${status}$`, "m"));
		expect(text).not.toMatch(/^state:/m);
	});

	it.each([
		["reading", "status: reading\n", { state: "Archived" }, "archived"],
		["Omnivore's READING", "state: READING\n", { state: "Archived" }, "archived"],
		["read", "status: read\n", { state: "Archived" }, "archived"],
		["reading, read to the end since", "status: reading\n", { state: "Active", readingProgress: 100 }, "read"],
	])("advances %s to a status further along: read or archived in Omnivore after the last sync", (_name, line, overrides, status) => {
		expect(enriched(`---\nid: 0a1b2c3d\n${line}---\n#Omnivore\n${LIBRARY}\n`, overrides).text).toMatch(new RegExp(`^status: ${status}$`, "m"));
	});

	it("never moves a status back, nor changes the user's own word", () => {
		const back = (line: string, overrides: Partial<ExportItem>) => enriched(`---\nid: 0a1b2c3d\n${line}---\n#Omnivore\n${LIBRARY}\n`, overrides);
		expect(back("status: read\n", { state: "Active", readingProgress: 40 }).text).toMatch(/^status: read$/m);
		expect(back("status: archived\n", { state: "Active", readingProgress: 100 }).text).toMatch(/^status: archived$/m);
		expect(back("status: someday\n", { state: "Archived" }).text).toMatch(/^status: someday$/m);
		const unread = back("status: unread\n", { state: "Active", readingProgress: 0 });
		expect(unread.filled).not.toContain("status");
	});

	it("joins the labels to the tags it lacks, compared without case, and tags a note of the user's own", () => {
		const own = enriched("---\noriginal_url: https://blog.rust-lang.org/2023/01/20/rust-2023.html\ntags: [rust, Reading]\n---\n# Rust\n", { labels: ["Rust", "To Read"] });
		expect(own.text).toContain("tags:\n  - rust\n  - Reading\n  - To_Read\n  - Omnivore\n");
		const tagged = enriched(`---\nid: 0a1b2c3d\ntags: [rust]\n---\n#Omnivore\n${LIBRARY}\n`, { labels: ["RUST"] });
		expect(tagged.filled).not.toContain("tags");
	});

	it.each([
		["an empty title", "title: ''\n", /^title: "Rust in 2023: What Comes Next"$/m],
		["a title of spaces", "title: '   '\n", /^title: "Rust in 2023: What Comes Next"$/m],
		["an empty list of tags", "tags: []\n", /^tags:\n {2}- Rust\n/m],
		["a null author", "author: null\n", /^author: Niko Matsakis$/m],
	])("fills %s as missing", (_name, line, filled) => {
		expect(enriched(`---\nid: 0a1b2c3d\n${line}---\n#Omnivore\n${LIBRARY}\n`).text).toMatch(filled);
	});

	it("keeps a value that is a number or a flag as present", () => {
		const text = enriched(`---\nid: 0a1b2c3d\ntitle: 2023\nauthor: false\n---\n#Omnivore\n${LIBRARY}\n`).text;
		expect(text).toMatch(/^title: 2023$/m);
		expect(text).toMatch(/^author: false$/m);
	});

	it("leaves tags that are a mapping as they are", () => {
		const text = enriched(`---\nid: 0a1b2c3d\ntags:\n  topic: rust\n---\n#Omnivore\n${LIBRARY}\n`).text;
		expect(text).toContain("tags:\n  topic: rust\n");
	});

	it("appends only the highlights the note does not hold yet, in any wording of blockquote and spacing", () => {
		const note = `---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n\n## Highlights\n\n>  Rust is\n>   fast.\n`;
		const outcome = enriched(note, {}, [{ quote: "Rust is fast.", labels: [] }, { quote: "Safe, too.", labels: ["memory"], note: "Mine." }]);
		expect(outcome.highlightsAdded).toBe(1);
		expect(outcome.text.endsWith(">  Rust is\n>   fast.\n\n> Safe, too.\n\n#memory\n\nMine.\n")).toBe(true);
	});

	it("looks for a quote where the note holds highlights, not in the article's text a template copied into the note", () => {
		const note = `---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n\n## Highlights\n\n> Rust is fast.\n\n## Content\n\nRust is fast. Safe, too.\n`;
		const outcome = enriched(note, {}, [{ quote: "Rust is fast.", labels: [] }, { quote: "Safe, too.", labels: [], note: "My note on it." }]);
		expect(outcome.highlightsAdded).toBe(1);
		expect(outcome.text).toContain("## Highlights\n\n> Rust is fast.\n\n> Safe, too.\n\nMy note on it.\n\n## Content\n");
		expect(enriched(outcome.text, {}, [{ quote: "Rust is fast.", labels: [] }, { quote: "Safe, too.", labels: [], note: "My note on it." }]).highlightsAdded).toBe(0);
	});

	it.each([
		["a quote in a blockquote anywhere, its later paragraphs without `>`", "## Notes\n\n> One.\n>\n## Two\nstill two.\n", "One.\n\n## Two\nstill two."],
		["a callout", "> [!quote] Highlight\n> Safe, too.\n", "Safe, too."],
		["a sentence marked in the article's text", "## Content\n\nRust is ==Safe, too.== and more.\n", "Safe, too."],
		["a list item under Highlights", "## Highlights\n\n- Safe, too.\n", "Safe, too."],
	])("finds a highlight the note holds as %s, and adds nothing, on every import", (_name, body, quote) => {
		const note = `---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n\n${body}`;
		expect(enriched(note, {}, [{ quote, labels: [] }]).highlightsAdded).toBe(0);
	});

	it.each([
		["list items under another heading", "## 📌 Notes\n\n- Safe, too. [⤴️](https://omnivore.app/me/x#1)\n"],
		["a numbered list", "## Annotations\n\n1. Safe, too.\n"],
		["a quote whose second paragraph a template left outside the `>`", "## Notes\n\n> First.\n>\nSafe, too.\n"],
	])("adds nothing for a highlight held as %s", (_name, body) => {
		const note = `---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n\n${body}`;
		const outcome = enriched(note, {}, [{ quote: "Safe, too.", labels: [] }]);
		expect(outcome.highlightsAdded).toBe(0);
		expect(outcome.problems).toEqual([]);
	});

	it("takes no text of code, nor a paragraph right under a quote's heading, for a highlight", () => {
		const note = (body: string) => `---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n\n## Highlights\n\n> Old one.\n${body}`;
		expect(enriched(note("\n## Content\n\n```\n>>> Safe, too.\n```\n"), {}, [{ quote: "Safe, too.", labels: [] }]).highlightsAdded).toBe(1);
		expect(enriched(note("## Content\nSafe, too.\n"), {}, [{ quote: "Safe, too.", labels: [] }]).highlightsAdded).toBe(1);
	});

	it("reports, never adds twice or drops silently, a highlight found only in the text of a note without a Highlights section", () => {
		const note = `---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n\n## Content\n\nRust is fast. Safe, too.\n`;
		const outcome = enriched(note, {}, [{ quote: "Safe, too.", labels: [], note: "Mine." }]);
		expect(outcome.highlightsAdded).toBe(0);
		expect(outcome.problems).toEqual(['The highlight "Safe, too." was not added: its text is in the note already, though not as a highlight (the article\'s text?). If it is not among the note\'s highlights, add it by hand, with its note "Mine.".']);
	});

	it("adds a highlight whose note holds a heading once: the next import finds both", () => {
		const highlight = { quote: "Safe, too.", labels: [], note: "## My take\n\nThis is great." };
		const once = enriched(`---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n`, {}, [highlight]);
		expect(once.highlightsAdded).toBe(1);
		expect(enriched(once.text, {}, [highlight]).text).toBe(once.text);
	});

	it("reports, never adds twice, a note written on a highlight the note holds that it lacks (added in Omnivore since, or reworded here)", () => {
		const note = `---\nid: 0a1b2c3d\n---\n#Omnivore\n${LIBRARY}\n\n## Highlights\n\n> Safe, too.\n`;
		const outcome = enriched(note, {}, [{ quote: "Safe, too.", labels: ["memory"], note: "Mine, written later." }]);
		expect(outcome.highlightsAdded).toBe(0);
		expect(outcome.problems).toEqual(['The export\'s note on the highlight "Safe, too.", which the note holds, is not in it, so it was not added (the highlight would be twice): "Mine, written later.".']);
		expect(enriched(`${note}\nMine, written later.\n`, {}, [{ quote: "Safe, too.", labels: [], note: "Mine, written later." }]).problems).toEqual([]);
	});

	it("gives a note without frontmatter a block, and keeps its BOM and CRLF", () => {
		const text = enriched(`\uFEFF# Rust\r\n#Omnivore\r\n${LIBRARY}\r\n`).text;
		expect(text.startsWith("\uFEFF---\r\nid: 0a1b2c3d\r\ntitle: ")).toBe(true);
		expect(text).not.toMatch(/[^\r]\n/);
	});

	it("reports the note left when its frontmatter does not read, and never writes it", () => {
		const left = enrichNote("---\ntags: [a, {b\n  c: d\n---\n#Omnivore\n", item(), [], tidier);
		expect(left.kind === "left" && left.reason).toMatch(/^its frontmatter is not valid YAML \(/);
		expect(enrichNote("---\nunclosed: yes\n#Omnivore\n", item(), [], tidier)).toMatchObject({ kind: "left" });
	});
});
