import fc from "fast-check";
import { comparableText, highlightIsIn, parseHighlights, renderHighlight } from "../../../src/core/import/highlights";
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
		expect(highlightIsIn({ quote: "One.\n\nTwo,\nstill two.", labels: [] }, note)).toBe(true);
		expect(highlightIsIn({ quote: "Three.", labels: [] }, note)).toBe(false);
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
