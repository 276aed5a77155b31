// The spans reading time leaves out are replaced exactly as the patterns that define them would, in
// one pass: a text of many openings and no closing is read once, not once per opening.
import fc from "fast-check";
import { withoutHtmlTags, withoutImages, withoutLinkTargets } from "../../../src/core/queue/markupSpans";

const PATTERNS: Array<[string, (text: string) => string, RegExp, string]> = [
	["HTML tags", withoutHtmlTags, /<[A-Za-z/!][^>]*>/g, " "],
	["images", withoutImages, /!\[[^\]]*\]\([^)]*\)/g, " "],
	["link targets", withoutLinkTargets, /\]\([^)]*\)/g, "] "],
];

describe.each(PATTERNS)("without %s", (_name, without, pattern, replacement) => {
	it("replaces what the pattern replaces, on random text made of the pieces it looks for", () => {
		const piece = fc.constantFrom("<", ">", "<>", "<b>", "</", "<!", "< ", "<5", "!", "[", "]", "(", ")", "![", "](", "![a](b)", "a", "Z", " ", "\n", "é", "😀");
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
				const text = pieces.join("");
				expect(without(text)).toBe(text.replace(pattern, replacement));
			}),
			{ numRuns: 3000 },
		);
	});

	it("reads a long text of openings that never close once (the pattern, scanning to the end from each, takes minutes)", () => {
		for (const opening of ["< ", "![a] ", "![a](", "]( "]) {
			const text = `${opening.repeat(100_000)}end`;
			// Nothing closes, so nothing is replaced.
			expect(without(text)).toBe(text);
		}
	});
});
