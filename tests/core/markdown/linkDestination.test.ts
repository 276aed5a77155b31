import { asLinkDestination, endOfParenthesizedRun, readLinkDestination } from "../../../src/core/markdown/linkDestination";

/** The destination of the first `](` in a line of Markdown. */
function destinationOf(markdown: string) {
	return readLinkDestination(markdown, markdown.indexOf("](") + 2);
}

describe("readLinkDestination", () => {
	it("reads a destination in angle brackets, spaces and parentheses included", () => {
		const line = "[Read Original](<https://example.com/a b (draft)>) after";
		expect(destinationOf(line)).toEqual({ url: "https://example.com/a b (draft)", end: line.indexOf(">)") + 1, angle: true });
		expect(line.slice(destinationOf(line)?.end)).toBe(") after");
	});

	it("refuses angle brackets that do not close on the line", () => {
		expect(destinationOf("[Read Original](<https://example.com/a\nb>)")).toBeNull();
		expect(destinationOf("[Read Original](<https://example.com/a")).toBeNull();
	});

	it("takes angle brackets that close on the line even when a later line has a break", () => {
		expect(destinationOf("[a](<https://x.org/a>)\nnext line")?.url).toBe("https://x.org/a");
	});

	it("reads a bare destination up to its closing parenthesis, balanced ones kept", () => {
		const line = "[Read Original](https://en.wikipedia.org/wiki/Rust_(language)) more";
		expect(destinationOf(line)).toEqual({ url: "https://en.wikipedia.org/wiki/Rust_(language)", end: line.indexOf(") more"), angle: false });
	});

	it("reads nothing from an empty destination", () => {
		expect(destinationOf("[Read Original]()")).toBeNull();
		expect(destinationOf("[Read Original]( https://x.org)")).toBeNull();
	});
});

describe("endOfParenthesizedRun", () => {
	it.each([
		["stops at a space, a tab, a line feed or a carriage return", ["https://x.org/a b", "https://x.org/a\tb", "https://x.org/a\nb", "https://x.org/a\rb"], 15],
		["stops at the first unbalanced parenthesis", ["https://x.org/a)b"], 15],
		["runs to the end of the text", ["https://x.org/a"], 15],
	])("%s", (_case, texts, end) => {
		for (const text of texts) expect(endOfParenthesizedRun(text, 0)).toBe(end);
	});

	it("keeps nested parentheses that balance", () => {
		expect(endOfParenthesizedRun("a(b(c)d)e) rest", 0)).toBe(9);
	});

	it("lets a backslash escape a parenthesis, but not a line break", () => {
		expect(endOfParenthesizedRun("a\\)b) rest", 0)).toBe(4);
		expect(endOfParenthesizedRun("a\\(b) rest", 0)).toBe(4);
		expect(endOfParenthesizedRun("a\\\nb", 0)).toBe(2);
		expect(endOfParenthesizedRun("ab\\", 0)).toBe(3);
	});

	it("starts where it is told", () => {
		expect(endOfParenthesizedRun("(x) (y)", 4)).toBe(7);
	});
});

describe("asLinkDestination", () => {
	it("writes an address with spaces and parentheses so it is read back whole", () => {
		const url = "https://en.wikipedia.org/wiki/Rust (programming language)";
		const written = asLinkDestination(url);
		expect(written).toBe("https://en.wikipedia.org/wiki/Rust%20%28programming%20language%29");
		const text = `[Rust](${written}) and more`;
		expect(readLinkDestination(text, text.indexOf("](") + 2)?.url).toBe(written);
	});
});
