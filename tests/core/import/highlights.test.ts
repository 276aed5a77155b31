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
