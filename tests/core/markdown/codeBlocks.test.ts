// Where code starts and ends in the shapes notes really hold: tabs, ordered and nested lists, fences
// that are not fences, quotes; and the lookups the engine uses to skip code.

import { findCodeRanges, firstOutsideCode, isInside } from "../../../src/core/markdown/codeRanges";

function codeTexts(text: string): string[] {
	return findCodeRanges(text).map((r) => text.slice(r.start, r.end));
}

describe("indented code", () => {
	it("is four columns in, a tab counting to the next multiple of four", () => {
		expect(codeTexts("Text.\n\n\tcode\n")).toEqual(["\tcode"]);
		expect(codeTexts("Text.\n\n  \tcode\n")).toEqual(["  \tcode"]);
		expect(codeTexts("Text.\n\n   not code\n")).toEqual([]);
	});

	it("runs over blank lines between its lines, and ends at a paragraph", () => {
		expect(codeTexts("Text.\n\n    a = 1\n\n    b = 2\nAfter.\n    lazy\n")).toEqual(["    a = 1", "    b = 2"]);
	});

	it("does not start right under paragraph text, only after a blank line", () => {
		expect(codeTexts("Rust is a language\n    not code\n")).toEqual([]);
		expect(codeTexts("Rust is a language\n\n    code\n")).toEqual(["    code"]);
	});

	// A heading, a thematic break or a closing fence is a block of its own, not paragraph text (CommonMark).
	it.each([
		["a heading", "# Rust\n    code\n", ["    code"]],
		["a heading in a quote", "> ## Setup\n>     code\n", [">     code"]],
		["a closing fence", "```\nx\n```\n    code\n", ["```\nx\n```", "    code"]],
		["a thematic break", "Text.\n\n---\n    code\n", ["    code"]],
		["a break of stars with spaces", "* * *\n    code\n", ["    code"]],
		["a break of underscores", "___\n    code\n", ["    code"]],
		["an underline of =", "Title\n=====\n    code\n", ["    code"]],
		["an underline of -", "Title\n-----\n    code\n", ["    code"]],
	])("starts right under %s", (_block, text, code) => {
		expect(codeTexts(text)).toEqual(code);
	});

	it("does not take a line of = on its own for an underline", () => {
		expect(codeTexts("\n===\n    not code\n")).toEqual([]);
	});
});

describe("lists", () => {
	it.each([
		["a numbered item", "1. Step\n\n   still the step\n\n       code in the step\n", ["       code in the step"]],
		["an item closed by a parenthesis", "10) Step\n\n    still the step\n", []],
		["a plus item", "+ item\n\n    still the item\n", []],
		["a star item", "* item\n\n    still the item\n", []],
		["an item written with a tab", "-\titem\n\n    still the item\n", []],
	])("keep the content of %s out of code", (_name, text, code) => {
		expect(codeTexts(text)).toEqual(code);
	});

	// CommonMark: five columns or more after the marker open the item with indented code.
	it.each([
		["spaces", "- item\n-     code in the item\n      more of it\n  text of the item\n", ["-     code in the item", "      more of it"]],
		["a numbered item", "1.      code\n", ["1.      code"]],
		["tabs", "-\t\tcode\n", ["-\t\tcode"]],
	])("may start with indented code (%s)", (_name, text, code) => {
		expect(codeTexts(text)).toEqual(code);
	});

	it("do not start with code when four columns follow the marker, or only spaces", () => {
		expect(codeTexts("-    text of the item\n")).toEqual([]);
		expect(codeTexts("-      \n  still the item\n")).toEqual([]);
	});

	it("take an empty item's content from one column after the marker", () => {
		expect(codeTexts("-\n\n  still the item\n\n      code\n")).toEqual(["      code"]);
	});

	it("end at text written left of the item's content after a blank line", () => {
		expect(codeTexts("- item\n\nparagraph\n\n    code\n")).toEqual(["    code"]);
		expect(codeTexts("   - item\n\n > quote\n\n    code\n")).toEqual(["    code"]);
	});

	it("are not a number too long to be an item's", () => {
		expect(codeTexts("1234567890. not an item\n\n    code\n")).toEqual(["    code"]);
	});
});

describe("fences", () => {
	it("open with three or more backticks or tildes, at most three spaces in", () => {
		expect(codeTexts("   ```\ncode\n   ```\n")).toEqual(["   ```\ncode\n   ```"]);
		expect(codeTexts("Text.\n\n    ```\n    not a fence\n")).toEqual(["    ```", "    not a fence"]);
		expect(codeTexts("``\nnot a fence\n``\n")).toEqual(["``\nnot a fence\n``"]);
	});

	it("are not a backtick fence whose info holds a backtick, but may be a tilde fence's", () => {
		expect(codeTexts("``` a`b\ntext\n")).toEqual([]);
		expect(codeTexts("~~~ a`b\ncode\n~~~\n")).toEqual(["~~~ a`b\ncode\n~~~"]);
	});

	it("close only on a run of their own character at least as long, with nothing but spaces after", () => {
		expect(codeTexts("````\ncode\n```\n~~~~\n```` \t\nafter\n")).toEqual(["````\ncode\n```\n~~~~\n```` \t"]);
		expect(codeTexts("```\ncode\n``` not the end\n```\n")).toEqual(["```\ncode\n``` not the end\n```"]);
		expect(codeTexts("~~~\ncode\n    ~~~\n~~~\n")).toEqual(["~~~\ncode\n    ~~~\n~~~"]);
	});

	it("keep `-`, `+`, `*`, `>`, digits and plain text inside them as code", () => {
		const text = "```\n- a\n+ b\n* c\n> d\n1. e\nplain\n```\nafter `x`\n";
		expect(codeTexts(text)).toEqual(["```\n- a\n+ b\n* c\n> d\n1. e\nplain\n```", "`x`"]);
	});

	it("end with the quote they opened in, closed or not (CommonMark)", () => {
		expect(codeTexts("> ```\n> x\n\n![a](https://proxy.example/p.png)\n")).toEqual(["> ```\n> x"]);
		expect(codeTexts("> ```\nnot quoted, not code\n")).toEqual(["> ```"]);
		expect(codeTexts(">> ```\n>> x\n> y\nz\n")).toEqual([">> ```\n>> x"]);
		expect(codeTexts("> ```\r\n> x\r\n\r\ntext\r\n")).toEqual(["> ```\r\n> x"]);
		// A fence at the margin holds quote markers as code.
		expect(codeTexts("```\n> x\n\ny\n```\n")).toEqual(["```\n> x\n\ny\n```"]);
	});

	it("close in a quote the way they opened", () => {
		expect(codeTexts("> ~~~\n> code\n> ~~~\n> after\n")).toEqual(["> ~~~\n> code\n> ~~~"]);
		expect(codeTexts(">> ```\n>> code\n>> ```\n")).toEqual([">> ```\n>> code\n>> ```"]);
	});
});

describe("inline code", () => {
	it("is never found inside a block, nor closed inside one", () => {
		expect(codeTexts("```\n`a\n```\nb` c\n")).toEqual(["```\n`a\n```"]);
		expect(codeTexts("a `b\n```\nc` d\n```\n")).toEqual(["```\nc` d\n```"]);
	});

	it("skips runs of another length and starts after an even number of backslashes", () => {
		expect(codeTexts("a `b `` c` d")).toEqual(["`b `` c`"]);
		expect(codeTexts("a \\\\`code` b")).toEqual(["`code`"]);
	});

	it("may start at the backticks after an escaped one", () => {
		expect(codeTexts("a \\``code` b")).toEqual(["`code`"]);
		expect(codeTexts("a \\```x`` b")).toEqual(["``x``"]);
		expect(codeTexts("a \\`` b")).toEqual([]);
	});

	it("may end the text", () => {
		expect(codeTexts("`x`")).toEqual(["`x`"]);
	});
});

describe("looking up code", () => {
	it("tells each position in or out of many ranges", () => {
		const ranges = [1, 5, 9, 13, 17].map((start) => ({ start, end: start + 2 }));
		const inside = Array.from({ length: 20 }, (_, i) => isInside(ranges, i));
		expect(inside.map((x) => (x ? 1 : 0)).join("")).toBe("01100110011001100110");
		expect(isInside([], 0)).toBe(false);
	});

	it("finds the first match outside code, and moves past empty matches", () => {
		const text = "`#Omnivore` then #Omnivore";
		const ranges = findCodeRanges(text);
		expect(firstOutsideCode(/#Omnivore/g, text, ranges)?.index).toBe(17);
		expect(firstOutsideCode(/#Omnivore/g, "`#Omnivore`", findCodeRanges("`#Omnivore`"))).toBeUndefined();
		expect(firstOutsideCode(/(?=#)/g, text, ranges)?.index).toBe(17);
	});
});

describe("code blocks in the shapes that decide them", () => {
	it.each([
		["CRLF line ends, the carriage return left out of the range", "Text.\r\n\r\n    code\r\nAfter.\r\n", ["    code"]],
		["a tab inside a list item counting to the next multiple of four", "- item\n\n  \tstill the item\n", []],
		["a line of spaces as a blank line", "Text.\n   \n    code\n", ["    code"]],
		["an item numbered 0", "0. Step\n\n    still the step\n", []],
		["an item numbered 9", "9. Step\n\n    still the step\n", []],
		["a lazy line of an item, which keeps the list", "- item\nlazy text\n\n    still the item\n", []],
		["a paragraph after a blank line, which ends the list", "- item\n\nParagraph.\n\n    code\n", ["    code"]],
		["an empty item, whose content starts two columns in", "-\n\n  still\n\n     five in\n", []],
		["an item with three spaces after its marker", "-   item\n\n      six in\n", []],
		["a less indented line after a blank, which ends the list", "- item\n\n x\n\n    code\n", ["    code"]],
		["a less indented lazy line, which keeps the list", "- item\n lazy\n\n    y\n", []],
		["a quote whose content is indented three after `> `", "> Quote\n>\n>    not code\n", []],
		["a quote whose content is indented four after `> `", "> Quote\n>\n>     code\n", [">     code"]],
	])("%s", (_shape, text, code) => {
		expect(codeTexts(text)).toEqual(code);
	});
});

describe("inline code after backslashes", () => {
	it("is not opened by a backtick escaped at the very start", () => {
		expect(codeTexts("\\`not code` here")).toEqual([]);
	});

	it("is opened by a backtick after other characters", () => {
		expect(codeTexts("ab `code` here")).toEqual(["`code`"]);
		expect(codeTexts("a\\\\`code` here")).toEqual(["`code`"]);
	});
});

describe("firstOutsideCode", () => {
	it("finds a match that starts where a match in code ended", () => {
		expect(firstOutsideCode(/a/g, "aa", [{ start: 0, end: 1 }])?.index).toBe(1);
	});
});
