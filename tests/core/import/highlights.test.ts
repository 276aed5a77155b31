import fc from "fast-check";
import { comparableText, parseHighlights, renderHighlight, textIsIn } from "../../../src/core/import/highlights";
import { omnivoreHighlight } from "./exportFixture";

function file(...highlights: Array<{ quote?: string; labels?: string[]; note?: string }>): string {
	return highlights.map(omnivoreHighlight).join("\n\n");
}

describe("reading highlights/{slug}.md", () => {
	it("reads quote, labels and note of each highlight", () => {
		expect(parseHighlights(file({ quote: "First.", labels: ["a", "b"], note: "Mine." }, { quote: "Second." }))).toEqual([
			{ quote: "First.", labels: ["a", "b"], note: "Mine." },
			{ quote: "Second.", labels: [] },
		]);
	});

	it("keeps a quote of several paragraphs whole, lines without > included", () => {
		const text = file({ quote: "One.\n\nTwo,\nstill two.\n\n\nThree." });
		expect(text).toBe("> One.\n> \nTwo,\nstill two.\n> \n> \nThree. ");
		expect(parseHighlights(text)).toEqual([{ quote: "One.\n\nTwo,\nstill two.\n\nThree.", labels: [] }]);
	});

	it("reads labels with spaces and a note of several paragraphs", () => {
		expect(parseHighlights(file({ quote: "Q", labels: ["To Read", "C#"], note: "Para 1.\n\nPara 2." }))).toEqual([
			{ quote: "Q", labels: ["To Read", "C#"], note: "Para 1.\n\nPara 2." },
		]);
	});

	it("reads a note on the article, with no quote, before the highlights", () => {
		expect(parseHighlights(file({ note: "About the whole piece." }, { quote: "Q." }))).toEqual([
			{ labels: [], note: "About the whole piece." },
			{ quote: "Q.", labels: [] },
		]);
	});

	it("reads CRLF files and a BOM, and an empty file as no highlights", () => {
		expect(parseHighlights("\uFEFF> A \r\n\r\n#x\r\n\r\nnote\r\n")).toEqual([{ quote: "A", labels: ["x"], note: "note" }]);
		expect(parseHighlights("")).toEqual([]);
		expect(parseHighlights("\n\n\n")).toEqual([]);
	});

	it("writes every line of a quote inside the blockquote", () => {
		expect(renderHighlight({ quote: "One.\n\nTwo,\nstill two.", labels: ["To Read"], note: "N" })).toBe("> One.\n>\n> Two,\n> still two.\n\n#To_Read\n\nN");
	});

	it("finds a quote already in a note whatever its spacing and blockquote markers", () => {
		const note = comparableText("## Highlights\n\n> One.\n> \n> Two,   still\n> two. [⤴️](https://omnivore.app/me/x#y) ^abcd1234\n");
		expect(textIsIn("One.\n\nTwo,\nstill two.", note)).toBe(true);
		expect(textIsIn("Three.", note)).toBe(false);
	});
});

describe("reading highlights edited by hand or written by other tools", () => {
	it("reads a quote written with > on every line, with or without the space after it", () => {
		expect(parseHighlights("> One.\n> Two.\n>Three. \n\n#a")).toEqual([{ quote: "One.\nTwo.\nThree.", labels: ["a"] }]);
	});

	it("keeps a > inside a quote's line, and drops the spaces at the end of a line (a Markdown line break)", () => {
		expect(parseHighlights("> Rule one.  \nPrefer composition > inheritance.")).toEqual([{ quote: "Rule one.\nPrefer composition > inheritance.", labels: [] }]);
	});

	it("drops empty quote lines at the quote's start and end", () => {
		expect(parseHighlights(">\n> After an empty line.\n>")).toEqual([{ quote: "After an empty line.", labels: [] }]);
	});

	it("reads the labels after a quote only: a note that mentions a hashtag, or starts with one, is note", () => {
		expect(parseHighlights("> Q. \n\nSee also #rust")).toEqual([{ quote: "Q.", labels: [], note: "See also #rust" }]);
		expect(parseHighlights("> Q. \n\n#TODO\nreread this section")).toEqual([{ quote: "Q.", labels: [], note: "#TODO\nreread this section" }]);
	});

	it("reads a line of hashtags after the labels, or after the note, as note", () => {
		expect(parseHighlights("> Q. \n\n#rust\n\n#followup")).toEqual([{ quote: "Q.", labels: ["rust"], note: "#followup" }]);
		expect(parseHighlights("> Q. \n\nMy note.\n\n#followup #later")).toEqual([{ quote: "Q.", labels: [], note: "My note.\n\n#followup #later" }]);
	});

	it("reads labels separated by more than one space, with trailing spaces, and ignores a lone #", () => {
		expect(parseHighlights("> Q. \n\n#To Read  #work #  ")).toEqual([{ quote: "Q.", labels: ["To Read", "work"] }]);
	});

	it("drops a highlight with an empty quote (an image's) unless it has a note", () => {
		expect(parseHighlights("> \n\n> Kept. ")).toEqual([{ quote: "Kept.", labels: [] }]);
		expect(parseHighlights("> \n\nMy note on the picture.")).toEqual([{ quote: "", labels: [], note: "My note on the picture." }]);
	});

	it("reads old Mac line ends, and keeps a zero-width no-break space inside a quote", () => {
		expect(parseHighlights("> A \r\r#x\r\rnote\r")).toEqual([{ quote: "A", labels: ["x"], note: "note" }]);
		expect(parseHighlights("> Zero\uFEFFwidth ")).toEqual([{ quote: "Zero\uFEFFwidth", labels: [] }]);
	});
});

describe("writing highlights", () => {
	it("writes a quote alone, and a quote with its note but no labels", () => {
		expect(renderHighlight({ quote: "Slow down.", labels: [] })).toBe("> Slow down.");
		expect(renderHighlight({ quote: "Slow down.", labels: [], note: "Mine." })).toBe("> Slow down.\n\nMine.");
	});

	it("writes a note on the article as its text, and every label as a tag", () => {
		expect(renderHighlight({ labels: [], note: "About the whole piece." })).toBe("About the whole piece.");
		expect(renderHighlight({ quote: "Q.", labels: ["key idea", "wal"] })).toBe("> Q.\n\n#key_idea #wal");
	});
});

describe("comparableText", () => {
	it("drops blockquote markers however written, line breaks and runs of spaces", () => {
		expect(comparableText("> One.\r\n>Two,  still\n  > > two.\n")).toBe("One. Two, still two.");
	});

	it("keeps a > inside a line", () => {
		expect(comparableText("> Prefer composition > inheritance.")).toBe("Prefer composition > inheritance.");
	});

	it("finds a note on the article as its text, and takes no text as found", () => {
		const note = comparableText("## Highlights\n\nAbout the whole\npiece.\n");
		expect(textIsIn("About the whole piece.", note)).toBe(true);
		expect(textIsIn(undefined, note)).toBe(true);
	});
});

describe("highlights as Omnivore wrote them, read back (property)", () => {
	const word = fc.stringMatching(/^[A-Za-z0-9éà中文,.!?'"()-]{1,8}$/);
	const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(" "));
	// A quote: lines, with single or several line breaks between them.
	const quote = fc.array(fc.tuple(line, fc.constantFrom("\n", "\n\n", "\n\n\n")), { minLength: 1, maxLength: 5 }).map((parts) =>
		parts.map(([text, gap], i) => (i === parts.length - 1 ? text : text + gap)).join(""),
	);
	const label = fc.stringMatching(/^[a-z][a-z0-9 _-]{0,10}[a-z0-9]$/);
	const note = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n\n"));
	const highlight = fc.record({ quote, labels: fc.array(label, { maxLength: 3 }), note: fc.option(note, { nil: undefined }) });

	it("keeps every quote, its labels and its note, and writes the quote wholly inside its blockquote", () => {
		fc.assert(
			fc.property(fc.array(highlight, { minLength: 1, maxLength: 4 }), (list) => {
				const read = parseHighlights(file(...list));
				expect(read).toHaveLength(list.length);
				read.forEach((h, i) => {
					expect(comparableText(h.quote ?? "")).toBe(comparableText(list[i].quote));
					expect(h.labels).toEqual(list[i].labels.map((l) => l.trim()));
					expect(h.note).toBe(list[i].note);
					const written = renderHighlight(h);
					const quoteLines = written.split("\n\n#")[0].split(/\n\n(?!>)/)[0].split("\n");
					expect(quoteLines.every((l) => l.startsWith(">"))).toBe(true);
				});
			}),
			{ numRuns: 300, seed: 12 },
		);
	});
});
