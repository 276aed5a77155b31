// The parts of a body reading time leaves out, as ranges: code ranges may come in any order and overlap
// (an inline span inside a fenced block, a comment around code), and each run of them reads as one space.
import fc from "fast-check";
import { findCodeRanges, type TextRange } from "../../../src/core/markdown/codeRanges";
import { countReading, countReadingOutside, withoutCode } from "../../../src/core/queue/readingTime";
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

describe("reading time where images, links, tags and code stand side by side", () => {
	/** The count outside code, checked against its definition (the patterns over the body with its code as spaces). */
	function wordsOutsideCode(body: string): number {
		const code = findCodeRanges(body);
		const counts = countReadingOutside(body, code);
		expect(counts).toEqual(countReading(withoutCode(body, code)));
		return counts.words;
	}

	it.each([
		["an exclamation mark before a link is no image", "Wow! See [the docs](https://example.com/docs) now.\n", 5],
		["an image just after a wikilink", "Backlinks: [[Growth]] ![chart](https://example.com/chart.png) shows it.\n", 4],
		["an image whose alt text ends in a parenthesis and a digit", "![Plot of f(x)²](https://example.com/plot.png) and more.\n", 2],
		["an image whose alt text holds code", "![Output of `ls -la`](https://example.com/ls.png) lists the files.\n", 3],
		["an HTML tag right after inline code", "Run `make`<br>then `make install`.\n", 2],
		["an image right after inline code", "Install `omnivore-queue`![npm](https://img.shields.io/npm/v/x.svg) today.\n", 2],
		["inline code holding a tag, at the body's start, before real tags", "`<kbd>` marks a key: <kbd>Ctrl</kbd>.\n", 4],
		["a link in a fenced block and after it", "```\n[a](https://a.example)\n```\nSee [b](https://b.example) too.\n", 3],
	])("%s", (_name, body, words) => {
		expect(wordsOutsideCode(body)).toBe(words);
	});

	it("reads `<>` as no tag (`<[^>]+>` needs a character between), and the tags after it as tags", () => {
		const body = "Filter rows WHERE status <> 'done' and <b>flagged</b>.\n";
		const tags = UnreadRanges.ofCode(body, []).withHtmlTags().ranges.map((range) => body.slice(range.start, range.end));
		expect(tags).toEqual(["<b>", "</b>"]);
	});

	it("reads every range as a space, however short, empty or placed: the same count as the body with its ranges replaced", () => {
		// Code found in a note is never this small (a span has two backticks); any sorted list of ranges keeps the definition.
		const piece = fc.constantFrom("word", "it's", " ", "\n", "![", "](", "]", "]]", "[", "(", ")", "<", ">", "<>", "<b>", "`", "!", "x", "²", "https://a.example/p", ":");
		const rangeIn = (length: number) =>
			fc.array(fc.record({ start: fc.nat({ max: length }), size: fc.nat({ max: 6 }) }), { maxLength: 4 }).map((ranges) =>
				ranges.map(({ start, size }): TextRange => ({ start, end: Math.min(length, start + size) })),
			);
		const bodyAndRanges = fc
			.array(piece, { maxLength: 30 })
			.map((pieces) => pieces.join(""))
			.chain((body) => fc.tuple(fc.constant(body), rangeIn(body.length)));
		fc.assert(
			fc.property(bodyAndRanges, ([body, ranges]) => {
				// Sorted, as `findCodeRanges` gives them (`withoutCode` reads them in order); overlapping, touching or empty.
				const sorted = [...ranges].sort((a, b) => a.start - b.start);
				expect(countReadingOutside(body, sorted)).toEqual(countReading(withoutCode(body, sorted)));
			}),
			{ numRuns: 3000 },
		);
	});
});
