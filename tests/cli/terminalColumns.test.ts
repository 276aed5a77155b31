import { columnsOf, fitColumns, graphemes } from "../../src/cli/terminalColumns";

/** Columns of a fitted cell, counted as a terminal draws it. */
const width = (text: string) => graphemes(text).reduce((sum, grapheme) => sum + columnsOf(grapheme), 0);

describe("columns on a terminal", () => {
	it.each([
		["a", 1],
		["é", 1],
		["e\u0301", 1],
		["中", 2],
		["한", 2],
		["\u{20BB7}", 2],
		["Ａ", 2],
		["🚀", 2],
		["❤️", 2],
		["❤", 1],
		["1️⃣", 2],
		["🇯🇵", 2],
		["👨‍👩‍👧", 2],
		["\u200b", 0],
		["\u0301", 0],
	])("%s takes %i", (grapheme, columns) => {
		expect(graphemes(grapheme)).toEqual([grapheme]);
		expect(columnsOf(grapheme)).toBe(columns);
	});

	it.each([
		"🚀 Launching our new rocket engine: what we learned from three years of testing",
		"👨‍👩‍👧 Family travel: a guide for parents who want to see the world with small children",
		"🇯🇵🇰🇷🇨🇳 East Asia by train, ferry and bus over three weeks in the spring",
		"Cafe\u0301 culture in Paris, and why the cafe\u0301s of the Left Bank still matter today",
		"中文标题：人工智能如何改变我们的阅读习惯以及未来的出版业发展趋势分析",
	])("fits %s to 56 columns without cutting a grapheme", (title) => {
		const cell = fitColumns(title, 56);
		expect(width(cell)).toBe(56);
		expect(cell.trimEnd().endsWith("…")).toBe(true);
		// Every grapheme of the cell but the ellipsis and the padding is one of the title's.
		const kept = graphemes(cell.trimEnd().slice(0, -1));
		expect(graphemes(title).slice(0, kept.length)).toEqual(kept);
	});

	it("pads a short title to the column, an emoji counted as two", () => {
		expect(fitColumns("🚀 Go", 8)).toBe("🚀 Go   ");
		expect(fitColumns("Status", 9)).toBe("Status   ");
	});

	it("keeps a cell on one line", () => {
		expect(fitColumns("a\tb\u2028c\nd", 10)).toBe("a b c d   ");
	});
});
