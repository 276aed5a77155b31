// Which heading of an Omnivore note is the article's title: templates put section headings around it,
// users moved the tag, and articles brought their own headings along.
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";
import { articleHeading, isSectionHeading, oneLine } from "../../../src/core/omnivore/heading";

const heading = (body: string, tagName = "Omnivore") => articleHeading(body, findCodeRanges(body), tagName);

describe("articleHeading", () => {
	it.each([
		["the heading just above the tag, past the article's own", "# Old\n\n## Why Rust\n\n#Omnivore\n", "Why Rust"],
		["the heading above the tag, with text between", "# Why Rust\nBy Niko\n#Omnivore\n", "Why Rust"],
		["the opening heading below a rule and blank lines", "\n---\n\n## Why Rust\nText\n# Later\n", "Why Rust"],
		["the first level-1 heading when text comes first", "Saved from the web.\n## Part one\n# Why Rust\n", "Why Rust"],
		["a heading indented by three spaces", "   # Why Rust\n#Omnivore\n", "Why Rust"],
		["closing hashes after a space", "# Why Rust #\n#Omnivore\n", "Why Rust"],
		["a heading made of hashes alone", "# ##\n", undefined],
		["no heading for a line of four spaces", "    # Not a heading\n", undefined],
		["no heading for a tag without a space", "#Omnivore\n", undefined],
		["a section heading skipped above the tag", "# Why Rust\n## Highlights\n#Omnivore\n", "Why Rust"],
		["an escaped title as Obsidian shows it", "# Knives &amp; Forks\n#Omnivore\n", "Knives & Forks"],
		["a heading after a CR line end", "Intro\r# Why Rust\n", "Why Rust"],
		["a heading after a Unicode line separator (pasted from a web page)", "Intro\u2028# Why Rust\n", "Why Rust"],
		["a heading after a Unicode paragraph separator", "Intro\u2029# Why Rust\n", "Why Rust"],
		["no heading for a hash inside a line", "Write # and a space to start a heading\n", undefined],
		["closing hashes after a tab", "# Why Rust\t##\n#Omnivore\n", "Why Rust"],
		["a heading of a CRLF note", "# Why Rust\r\n#Omnivore\r\n", "Why Rust"],
		["the first level-1 heading after a one-word line", "Saved.\n## Part one\n# Why Rust\n", "Why Rust"],
		["the opening heading below a spaced rule", "\n* * *\n\n## Why Rust\nText\n# Later\n", "Why Rust"],
	])("%s", (_name, body, expected) => {
		expect(heading(body)).toBe(expected);
	});

	it("looks above the tag it is told", () => {
		expect(heading("# First\n# Second\n#saved\n", "saved")).toBe("Second");
		expect(heading("# First\n# Second\n#saved\n")).toBe("First");
	});
});

describe("a template's section that holds the tag", () => {
	// Templates grouped the tag and links under a section of their own below the title (`## Metadata`,
	// `## 📎 Links:`): the title is the heading above that section, whatever the section is called.
	it.each([
		"Metadata", "📋 Properties", "Info:", "Information", "Source", "Sources", "Tags", "🔗 Links", "Link", "My Notes", "Notes", "Note",
		"Highlights", "Highlight", "Annotations", "Description", "Summary", "Abstract", "Content", "Contents", "Full Content:", "Article",
		"Related", "References", "Comments", "Article text", "Full text", "Article content",
	])("## %s", (section) => {
		const body = `# Rust in 2023\n\n## ${section}\n- Tags: #Omnivore\n- [Read Original](https://smallcultfollowing.com/babysteps/rust-2023/)\n`;
		expect(heading(body)).toBe("Rust in 2023");
	});

	// The "list" template: the article's properties as a list, then `# Article text` above its text.
	const listTemplate = (text: string) =>
		" - Site: sive.rs\n - [Read Original](https://sive.rs/backup)\n - [Read on Omnivore](https://omnivore.app/me/how-i-backup-18dea2377a5)\n\n" +
		`**Note:** Below is the text from the article.\n\n# Article text\n${text}`;

	it("never takes the heading above the article's text for its title", () => {
		expect(heading(listTemplate("Some people have asked.\n\n## every-day documents\n"))).toBeUndefined();
	});

	it("never takes a heading of the article's text below that section", () => {
		expect(heading(listTemplate("# Introduction\nSome people have asked.\n"))).toBeUndefined();
		expect(heading("Saved.\n\n# Highlights\n\n> a quote\n\n# My thoughts\n")).toBeUndefined();
	});

	it("takes an article's title that only reads like a template's words, and a title below a smaller section", () => {
		for (const title of ["Text", "Original", "Excerpt", "Webpage", "Table of Contents"]) expect(heading(`# ${title}\n#Omnivore\n`)).toBe(title);
		expect(heading("Saved.\n\n## Info\n- site: a.example\n\n# Real Title Here\n")).toBe("Real Title Here");
	});

	it("takes a level-1 heading above a section below text", () => {
		expect(heading("Saved from the web.\n\n# How I back up\n\n# Article text\n# Introduction\n")).toBe("How I back up");
	});

	it("takes a heading of the article's own that only starts like a section", () => {
		expect(heading("# Rust in 2023\n\n## Notes on the borrow checker\n#Omnivore\n")).toBe("Notes on the borrow checker");
	});
});

describe("isSectionHeading", () => {
	it.each([
		["Highlights", true],
		["Full Content:", true],
		["My notes ：", true],
		["📚 Highlights", true],
		["  Notes  ", true],
		["Summary of the year", false],
		["Rust in 2023", false],
	])("%p → %p", (text, expected) => {
		expect(isSectionHeading(text)).toBe(expected);
	});
});

describe("oneLine", () => {
	it("joins a folded value's lines with single spaces", () => {
		expect(oneLine("  Rust in 2023:\r\n\n   the year ahead  \n")).toBe("Rust in 2023: the year ahead");
	});
});
