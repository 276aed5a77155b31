import { findCodeRanges } from "../../../src/core/markdown/codeRanges";

function codeTexts(text: string): string[] {
	return findCodeRanges(text).map((r) => text.slice(r.start, r.end));
}

describe("findCodeRanges", () => {
	it("finds fenced blocks with backticks and tildes, longer fences included", () => {
		const text = "a\n```js\ncode 1\n```\nb\n~~~~\ncode 2\n~~~\nstill code\n~~~~\nc\n";
		expect(codeTexts(text)).toEqual(["```js\ncode 1\n```", "~~~~\ncode 2\n~~~\nstill code\n~~~~"]);
	});

	it("runs an unclosed fence to the end", () => {
		expect(codeTexts("a\n```\nopen\nforever")).toEqual(["```\nopen\nforever"]);
	});

	it("finds fences inside blockquotes", () => {
		expect(codeTexts("> ```\n> code\n> ```\n")).toEqual(["> ```\n> code\n> ```"]);
	});

	it("finds indented code after a blank line but not a paragraph's continuation", () => {
		expect(codeTexts("para\n\n    code\n")).toEqual(["    code"]);
		expect(codeTexts("para\n    lazy continuation\n")).toEqual([]);
	});

	it("does not take list item content for indented code", () => {
		expect(codeTexts("- item\n\n    still the item\n")).toEqual([]);
		expect(codeTexts("- item\n\n      code in the item\n")).toEqual(["      code in the item"]);
	});

	it("finds inline code spans of matching backtick runs", () => {
		expect(codeTexts("a `x` b ``y ` z`` c ` unmatched")).toEqual(["`x`", "``y ` z``"]);
	});

	it("does not let a span cross a paragraph break or start at an escaped backtick", () => {
		expect(codeTexts("a `open\n\nclose` b")).toEqual([]);
		expect(codeTexts("a \\`not` code`")).toEqual(["` code`"]);
	});

	it("handles CRLF", () => {
		expect(codeTexts("a\r\n```\r\ncode\r\n```\r\nb `c`\r\n")).toEqual(["```\r\ncode\r\n```", "`c`"]);
	});
});
