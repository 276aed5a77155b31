// A library link counts as a template's wherever it stands (alone, in a list or a table, after a
// label, beside other links and metadata), but not in the middle of a sentence that quotes it.
import { standsAsTemplateLink } from "../../../src/core/omnivore/standingLink";

const LIBRARY = "https://omnivore.app/me/rust-in-2023-18c2f4a1b2c";

/** Whether the library address in `text` stands on its line. */
function stands(text: string): boolean {
	const start = text.indexOf(LIBRARY);
	return standsAsTemplateLink(text, start, start + LIBRARY.length);
}

describe("standsAsTemplateLink", () => {
	it.each([
		["the default template's line", `[Read on Omnivore](${LIBRARY})`],
		["a list item", ` - [Read on Omnivore](${LIBRARY})`],
		["an ordered list item with a title", `1. [Read on Omnivore](${LIBRARY} "Omnivore")`],
		["after a label", `- Omnivore: [link](${LIBRARY})`],
		["after a bold label", `**Links**: [Omnivore](<${LIBRARY}>) | [Web](https://a.example)`],
		["in bold", `**[Read on Omnivore](${LIBRARY})**`],
		["after an emoji", `🔗 [Read on Omnivore](${LIBRARY})`],
		["after the original's link", `[Read Original](https://a.example/x) | [Read on Omnivore](${LIBRARY})`],
		["before the original's link", `[Read on Omnivore](${LIBRARY}) · [Read Original](https://a.example/x)`],
		["in a table cell", `| [Omnivore](${LIBRARY}) |`],
		["in a callout", `> [!info]\n> [Read on Omnivore](${LIBRARY})\r\n> more`],
		["an autolink", `<${LIBRARY}>`],
		["a bare address", `Intro.\n${LIBRARY}?utm=x\nMore.`],
		// Shapes of custom templates (a hostile trial's).
		["a task", `- [ ] [Read on Omnivore](${LIBRARY})`],
		["a done task", `- [x] [Read on Omnivore](${LIBRARY})`],
		["a heading", `## [Read on Omnivore](${LIBRARY})`],
		["a Dataview field", `source:: [Read on Omnivore](${LIBRARY})`],
		["a table's label cell", `| Omnivore | [Read on Omnivore](${LIBRARY}) |`],
		["a callout's title", `> [!info] [Read on Omnivore](${LIBRARY})`],
		["a cell of text after", `[Read on Omnivore](${LIBRARY}) | [Read Original](https://a.example/a) | 5 min read`],
		["joined by and", `[Read on Omnivore](${LIBRARY}) and [Read Original](https://a.example/a)`],
		["a block id", `[Read on Omnivore](${LIBRARY}) ^omni`],
		["highlighted", `==[Read on Omnivore](${LIBRARY})==`],
		["a tag after", `[Read on Omnivore](${LIBRARY}) #reading`],
		["a line break after", `[Read on Omnivore](${LIBRARY})<br>`],
		["a saved date before", `Date saved: 2024-01-30 | [Read on Omnivore](${LIBRARY})`],
		["an address as its own label", `- Omnivore URL: [${LIBRARY}](${LIBRARY})`],
		["a wikilink before", `[[Omnivore]] [Read on Omnivore](${LIBRARY})`],
		["the tag before", `#Omnivore [Read on Omnivore](${LIBRARY})`],
		// A second trial's: the original's address with parentheses, text after the link, longer labels.
		["beside an address with parentheses", `[Read on Omnivore](${LIBRARY}) | [Read Original](https://en.wikipedia.org/wiki/Rust_(programming_language))`],
		["a save date after", `[Read on Omnivore](${LIBRARY}) - saved 2024-02-27`],
		["a full stop after", `[Read on Omnivore](${LIBRARY}).`],
		["a site after", `[Read on Omnivore](${LIBRARY}) - example.com`],
		["a reading time after", `[Read on Omnivore](${LIBRARY}) · 5 min read`],
		["a label of four words", `Read it on Omnivore: [link](${LIBRARY})`],
		["a label with a dot", `Orig. link: [link](${LIBRARY})`],
		["an arrow", `→ [Read on Omnivore](${LIBRARY})`],
		["a date before", `2024-02-27 [Read on Omnivore](${LIBRARY})`],
		["a Dataview field in brackets", `[omnivore:: [Read on Omnivore](${LIBRARY})]`],
		["a reference definition", `[omnivore]: ${LIBRARY}`],
		["an HTML anchor", `<a href="${LIBRARY}">Read on Omnivore</a>`],
		["a title holding brackets", `# [[2305.10601] Tree of Thoughts](${LIBRARY})`],
		// A third trial's: longer labels, metadata and authors beside it, table rows of text cells.
		["a label of many words", `Leer en la app de Omnivore: [Read on Omnivore](${LIBRARY})`],
		["metadata after it", `Source: [Read on Omnivore](${LIBRARY}) • [Web](https://a.example) • 12 min read`],
		["a save date and author after it", `Links: [A](${LIBRARY}) | [Original](https://a.example) | Saved 2024-07-30 by Lamport`],
		["authors after a dash", `[Read on Omnivore](${LIBRARY}) — Leslie Lamport, Robert Shostak, Marshall Pease`],
		["authors before a dot", `By Leslie Lamport, Robert Shostak and Marshall Pease · [Omnivore](${LIBRARY})`],
		["a table row of text cells", `| Leslie Lamport | Wikipedia | [Omnivore](${LIBRARY}) | Archived |`],
		["a time in words in parentheses", `Source:: [Omnivore](${LIBRARY}) (read in 12 minutes)`],
		["under the tag, with words after", `#Omnivore\n[Read on Omnivore](${LIBRARY}) by Leslie Lamport`],
		// Taken for a template's line too: a sentence that only starts or ends with the link.
		["a sentence ending with it", `Under each title the plugin wrote a line like this one: [Read on Omnivore](${LIBRARY})`],
		["a sentence starting with it", `[Read on Omnivore](${LIBRARY}) is what the plugin wrote`],
	])("%s", (_name, text) => {
		expect(stands(text)).toBe(true);
	});

	it.each([
		["in a sentence", `Its plugin wrote [Read on Omnivore](${LIBRARY}) under each title.`],
		["a bare address in a sentence", `See ${LIBRARY} for an example`],
		["inside a short sentence", `I saved [this](${LIBRARY}) today, then read it.`],
		["between two words", `Tried [Read on Omnivore](${LIBRARY}) yesterday.`],
		["in a hard-wrapped sentence, at a line's start", `For two years the Omnivore plugin wrote a link like\n[Read on Omnivore](${LIBRARY}) under each\ntitle it synced.`],
		["in a hard-wrapped sentence, at a line's end", `For two years the plugin wrote [Read on Omnivore](${LIBRARY})\nunder each title it synced.`],
		["in a Chinese sentence", `我用Omnivore两年了，它的插件会在每篇文章标题下面写一个[Read on Omnivore](${LIBRARY})链接。`],
		["in a Japanese sentence", `プラグインは各記事の下に[Read on Omnivore](${LIBRARY})というリンクを書きました。`],
	])("not %s", (_name, text) => {
		expect(stands(text)).toBe(false);
	});

	it("reads only what stands beside the link, however long its line", () => {
		for (const [filler, stands] of [["- ", true], ["| ", true], ["word ", false], ["[x](y) ", true], ["🔗 ", true], ["[", true], ["<a ", true], ["词语", false]] as const) {
			const line = `${filler.repeat(3000)}[A](${LIBRARY}) ${filler.repeat(3000)}`;
			const start = line.indexOf(LIBRARY);
			expect([filler, standsAsTemplateLink(line, start, start + LIBRARY.length)]).toEqual([filler, stands]);
		}
	});
});
