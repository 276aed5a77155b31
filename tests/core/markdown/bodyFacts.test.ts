import { readBodyFacts } from "../../../src/core/markdown/bodyFacts";
import { linksFor } from "../../../src/core/omnivore/urls";

// The body the Omnivore plugin's later default template writes, with a site banner above the article.
const SAVED_ARTICLE = [
	"Some intro text from the site banner",
	"",
	"## Why Rust",
	"#Omnivore",
	"",
	"[Read on Omnivore](https://omnivore.app/me/why-rust-18b2c3d4e5f)",
	"[Read Original](https://blog.example.com/why-rust)",
	"",
	"## Highlights",
	"",
	"> Memory safety without a garbage collector [⤴️](https://omnivore.app/me/why-rust-18b2c3d4e5f#0a1b2c3d-0000-4000-8000-000000000000)",
].join("\n");

/** The facts, the state tags read: what the steps and the queue see once they ask. */
function factsRead(...args: Parameters<typeof readBodyFacts>) {
	const { tagsUnderOmnivore, ...facts } = readBodyFacts(...args);
	return { ...facts, tagsUnderOmnivore: tagsUnderOmnivore?.() };
}

describe("readBodyFacts", () => {
	it("reads the heading above the tag line, the two links and the library address", () => {
		expect(factsRead(SAVED_ARTICLE)).toEqual({
			articleHeading: "Why Rust",
			readOnOmnivoreUrl: "https://omnivore.app/me/why-rust-18b2c3d4e5f",
			readOriginalUrl: "https://blog.example.com/why-rust",
			omnivoreArticleUrl: "https://omnivore.app/me/why-rust-18b2c3d4e5f",
			tagsUnderOmnivore: [],
		});
	});

	it("reads the tags under the Omnivore tag, outside code, when asked", () => {
		const body = "# State\n#Omnivore/completed #omnivore/Later #Other/inbox\n\n```\n#Omnivore/reading\n```\n";
		expect(readBodyFacts(body).tagsUnderOmnivore?.()).toEqual(["Omnivore/completed", "omnivore/Later"]);
		expect(readBodyFacts(body, undefined, "Saved").tagsUnderOmnivore?.()).toEqual([]);
	});

	it("finds the heading by the tag it is told, and by #Omnivore when told nothing", () => {
		const body = "# Site name\n\nText.\n\n## The article\n#Saved\n\nBody.\n\n## Other\n#Omnivore\n";
		expect(readBodyFacts(body).articleHeading).toBe("Other");
		expect(readBodyFacts(body, undefined, "Saved").articleHeading).toBe("The article");
	});

	it("leaves out what the body does not hold", () => {
		expect(factsRead("Just a paragraph of my own.\n")).toEqual({ readOriginalUrl: undefined, readOnOmnivoreUrl: undefined, tagsUnderOmnivore: [] });
	});

	it("takes link texts with any spacing between their words, in any case", () => {
		const body = "[read  original](https://a.example/x)\n[Read\ton   OMNIVORE](https://omnivore.app/me/x-1)\n";
		expect(readBodyFacts(body)).toMatchObject({ readOriginalUrl: "https://a.example/x", readOnOmnivoreUrl: "https://omnivore.app/me/x-1" });
	});

	it("decodes the HTML entities an escaping template wrote, and trims the destination", () => {
		const body = "[Read Original](<  https:&#x2F;&#x2F;a.example&#x2F;x  >)\n";
		expect(readBodyFacts(body).readOriginalUrl).toBe("https://a.example/x");
	});

	it("reads no link from an empty or broken destination", () => {
		expect(readBodyFacts("[Read Original](<   >)\n").readOriginalUrl).toBeUndefined();
		expect(readBodyFacts("[Read Original]( https://a.example/x)\n").readOriginalUrl).toBeUndefined();
	});

	it("takes the library address of a highlight back-link without its highlight", () => {
		const body = "> quote [⤴️](https://omnivore.app/me/slug-1#0a1b2c3d-0000-4000-8000-000000000000)\n";
		expect(readBodyFacts(body).omnivoreArticleUrl).toBe("https://omnivore.app/me/slug-1");
	});

	it("ignores links and headings inside code, finding code itself when not given it", () => {
		const body = "```\n# Not a title\n[Read Original](https://in.code/x)\nhttps://omnivore.app/me/in-code\n```\n\n# Real title\n";
		expect(factsRead(body)).toEqual({ articleHeading: "Real title", readOriginalUrl: undefined, readOnOmnivoreUrl: undefined, tagsUnderOmnivore: [] });
	});

	it("reads the library address of a self-hosted Omnivore", () => {
		const body = "[Read on Omnivore](https://read.example.org/me/my-article-1)\n";
		expect(readBodyFacts(body, undefined, "Omnivore", linksFor(["read.example.org"])).omnivoreArticleUrl).toBe("https://read.example.org/me/my-article-1");
	});
});

const LIBRARY = "https://omnivore.app/me/notes-on-tide-tables-18c35d0e1f2";

describe("readBodyFacts: an original beside the library link", () => {
	it("takes the original from a [Web] link beside the library link, as a **Links** template wrote it", () => {
		const body = `# Notes on Tide Tables\n\n**Links**: [Omnivore](${LIBRARY}) |  [Web](https://papers.example.org/tides.pdf)\nStatus: #FILE\n`;
		expect(readBodyFacts(body)).toMatchObject({ readOriginalUrl: "https://papers.example.org/tides.pdf", omnivoreArticleUrl: LIBRARY });
	});

	it("looks past lines with labels but no library link", () => {
		const body = `[Web](https://elsewhere.example.org/) and [Source](https://other.example.org/)\n**Links**: [Omnivore](${LIBRARY}) | [Web](https://papers.example.org/tides.pdf)\n`;
		expect(readBodyFacts(body).readOriginalUrl).toBe("https://papers.example.org/tides.pdf");
	});

	it("prefers the Read Original link", () => {
		const body = `[Read Original](https://tides.example.org/a)\n**Links**: [Omnivore](${LIBRARY}) | [Web](https://papers.example.org/tides.pdf)\n`;
		expect(readBodyFacts(body).readOriginalUrl).toBe("https://tides.example.org/a");
	});

	it.each([
		["before the library link", `## Highlights\n\n> Tides.\n\n---\n\n- [Source](https://tides.example.org/a)\n- [Read on Omnivore](${LIBRARY})`],
		["after the library link, with CRLF", `- [Read on Omnivore](${LIBRARY})\r\n* [Original](https://tides.example.org/a)\r\n`],
		["at the body's second line", `\n- [Web](https://tides.example.org/a)\n- [Omnivore](${LIBRARY})\n`],
	])("takes the original from a list item right beside the library link's item: %s", (_name, body) => {
		expect(readBodyFacts(body).readOriginalUrl).toBe("https://tides.example.org/a");
	});

	it.each([
		["on another line than the library link", `[Omnivore](${LIBRARY})\n\n[Web](https://papers.example.org/tides.pdf)\n`],
		["in a list item a blank line away from the library link's", `- [Source](https://moon.example.org/)\n\n- [Read on Omnivore](${LIBRARY})\n`],
		["in a list item beside a line that is no list item", `- [Source](https://moon.example.org/)\n[Read on Omnivore](${LIBRARY})\n`],
		["that is an image's alt text", `- ![Source](https://moon.example.org/pic.png)\n- [Read on Omnivore](${LIBRARY})\n`],
		["that is escaped", `- \\[Source](https://moon.example.org/)\n- [Read on Omnivore](${LIBRARY})\n`],
		["in an item holding more than the link", `- a quote [Source](https://moon.example.org/cited)\n- [Read on Omnivore](${LIBRARY})\n`],
		["beside another article's library link", `[Read on Omnivore](${LIBRARY})\n\n## Related\n\n- [Source](https://moon.example.org/)\n- [Omnivore](https://omnivore.app/me/another-article-18d1f3a2b4c)\n`],
		["beside a library link in code", `    - [Read on Omnivore](${LIBRARY})\n- [Source](https://moon.example.org/)\n`],
		["in a list item beside a highlight's back-link", `- [Source](https://moon.example.org/)\n- Tides. [⤴️](${LIBRARY}#0a1b2c3d)\n`],
		["beside a highlight's back-link", `> Tides follow the moon. [Source](https://moon.example.org/) [⤴️](${LIBRARY}#0a1b2c3d)\n`],
		["in code", "```\n" + `**Links**: [Omnivore](${LIBRARY}) | [Web](https://papers.example.org/tides.pdf)\n` + "```\n"],
		["under another label", `**Links**: [Omnivore](${LIBRARY}) | [Discussion](https://forum.example.org/t/1)\n`],
	])("takes no original from a link %s", (_name, body) => {
		expect(readBodyFacts(body).readOriginalUrl).toBeUndefined();
	});
});
