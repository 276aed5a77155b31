// A note whose lines end in both ways (edited on Windows and elsewhere, or by a tool that writes `\n`
// into a CRLF note): a tidy changes the line endings of no line it did not change.

import { NoteTidier } from "../../src/core";
import { hasMixedLineEndings, withOriginalLineEndings } from "../../src/core/mixedLineEndings";

const tidier = new NoteTidier();
const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

describe("a tidy of a note with mixed line endings", () => {
	it("keeps CRLF in a block whose opening line alone ends in LF", () => {
		const note = "---\ntitle: A\r\nauthor: Unknown\r\nmine: kept\r\n---\r\n# A\r\n\r\n[Read on Omnivore](https://omnivore.app/me/a-18a2b3c4d5e)\r\n";
		const { text } = tidier.tidy(note);
		expect(text).toContain("title: A\r\nmine: kept\r\n");
		// Only the opening line ends in LF, as it did.
		expect(lines(text).filter((line) => !line.endsWith("\r\n"))).toEqual(["---\n"]);
		expect(tidier.tidy(text).text).toBe(text);
	});

	it("keeps each line's own ending in a block of both, and ends added lines as most of its lines do", () => {
		const note = "---\r\ntitle: A\r\nauthor: Unknown\nsite_name: Example\nmine: kept\n---\n# A\n\n[Read on Omnivore](https://omnivore.app/me/a-18a2b3c4d5e)\n";
		const { text, report } = tidier.tidy(note);
		expect(report.changed).toBe(true);
		expect(text.startsWith("---\r\ntitle: A\r\nsite_name: Example\nmine: kept\n")).toBe(true);
		expect(text).toContain("\nstatus: unread\n---\n# A\n");
		expect(tidier.tidy(text).text).toBe(text);
	});

	it("leaves the line endings of a note it does not change as they are", () => {
		const note = "---\r\ntitle: A\nstatus: unread\r\n---\n# A\r\n";
		expect(tidier.tidy(note).text).toBe(note);
	});
});

describe("withOriginalLineEndings", () => {
	it.each([
		["a changed line", "a: 1\r\nb: 2\nc: 3\r\n", "a: 1\nb: two\nc: 3\n", "a: 1\r\nb: two\r\nc: 3\r\n"],
		["a removed line", "a: 1\r\nb: 2\nc: 3\n", "a: 1\nc: 3\n", "a: 1\r\nc: 3\n"],
		["lines added at the end", "a: 1\r\nb: 2\nc: 3\n", "a: 1\nb: 2\nc: 3\nd: 4\n", "a: 1\r\nb: 2\nc: 3\nd: 4\n"],
		["a repeated line", "x\r\nx\n", "x\nx\nx\n", "x\r\nx\nx\r\n"],
		["a last line without a break", "a\r\nb\nlast", "a\nb\nlast", "a\r\nb\nlast"],
		["a blank first line", "\nkey: 1\r\n", "\nkey: 2\n", "\nkey: 2\r\n"],
	])("%s", (_case, original, edited, expected) => {
		expect(hasMixedLineEndings(original)).toBe(true);
		expect(withOriginalLineEndings(original, edited)).toBe(expected);
	});

	it.each(["a\nb\n", "a\r\nb\r\n", "a", ""])("finds no mix in %p", (text) => {
		expect(hasMixedLineEndings(text)).toBe(false);
	});
});
