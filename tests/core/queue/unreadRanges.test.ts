// The parts of a body reading time leaves out, as ranges: code ranges may come in any order and overlap
// (an inline span inside a fenced block, a comment around code), and each run of them reads as one space.
import { countReadingOutside } from "../../../src/core/queue/readingTime";
import { UnreadRanges } from "../../../src/core/queue/unreadRanges";

describe("UnreadRanges.ofCode", () => {
	it("sorts the code ranges and merges those that overlap or touch", () => {
		const text = "word ".repeat(10);
		const ranges = UnreadRanges.ofCode(text, [
			{ start: 30, end: 40 },
			{ start: 0, end: 5 },
			{ start: 4, end: 8 },
			{ start: 32, end: 35 },
			{ start: 8, end: 10 },
			{ start: 20, end: 22 },
		]).ranges;
		expect(ranges).toEqual([
			{ start: 0, end: 10 },
			{ start: 20, end: 22 },
			{ start: 30, end: 40 },
		]);
	});

	it("tells which characters a range covers, and where one starts", () => {
		const unread = UnreadRanges.ofCode("abcdefghij", [
			{ start: 2, end: 4 },
			{ start: 6, end: 7 },
		]);
		expect([...Array(10).keys()].map((at) => unread.covers(at))).toEqual([false, false, true, true, false, false, true, false, false, false]);
		expect([...Array(10).keys()].filter((at) => unread.startsAt(at))).toEqual([2, 6]);
		expect(unread.hasUncovered("c")).toBe(false);
		expect(unread.hasUncovered("e")).toBe(true);
	});
});

describe("reading time around code given in any order", () => {
	it("counts the words outside code once, however the ranges overlap", () => {
		const body = "Before `inline` and\n```\ncode here\n```\nafter words.\n";
		const fence = { start: body.indexOf("```"), end: body.lastIndexOf("```") + 3 };
		const inline = { start: body.indexOf("`inline`"), end: body.indexOf("`inline`") + 8 };
		expect(countReadingOutside(body, [fence, inline, { start: fence.start + 4, end: fence.start + 8 }])).toEqual({ words: 4, cjk: 0 });
	});

	it.each([
		["an image, alt text and all", "See ![a diagram of it](https://cdn.example.com/d.png) here.\n", 2],
		["a link's target but not its text", "Read [the paper](https://example.com/paper?id=1) now.\n", 4],
		["HTML tags but not the text between", "Some <b>bold</b> and <span class=\"x\">styled</span> words.\n", 5],
		["nothing after a `<` that no `>` closes", "1 < 2 holds\n", 3],
		["a link target inside code", "Text `[a](https://a.example)` more\n", 2],
	])("leaves out %s", (_name, body, words) => {
		const code = body.includes("`") ? [{ start: body.indexOf("`"), end: body.lastIndexOf("`") + 1 }] : [];
		expect(countReadingOutside(body, code)).toEqual({ words, cjk: 0 });
	});
});
