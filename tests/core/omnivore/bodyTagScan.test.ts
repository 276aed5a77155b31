// The body's tags are found from each `#`; checked against the pattern they were found with before.
import fc from "fast-check";
import { bodyTagIndex, bodyTags } from "../../../src/core/omnivore/tags";
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";
import { isInside } from "../../../src/core/markdown/codeRanges";

const BODY_TAG = /(^|\s)#([\p{L}\p{N}_\-/]+)/gu;

function tagsByPattern(body: string): Array<{ at: number; tag: string }> {
	return [...body.matchAll(BODY_TAG)].map((m) => ({ at: (m.index ?? 0) + m[1].length, tag: m[2] }));
}

describe("body tags found from each #", () => {
	it("match the tag pattern on random Markdown", () => {
		const piece = fc.constantFrom("#", "##", "Omnivore", "omnivore/article", "タグ", "日本", "a", "1", "2024", "_", "-", "/", " ", "\n", "\t", "\u3000", "\u00a0", "`", "```\n", "\ud83d\ude00", "é", ".", ",");
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
				const body = pieces.join("");
				const code = findCodeRanges(body);
				const expected = tagsByPattern(body).filter((m) => !isInside(code, m.at));
				expect(bodyTags(body, code)).toEqual(expected.map((m) => m.tag.replace(/\/+$/, "")).filter((tag) => /\D/.test(tag)));
				const omnivore = expected.find((m) => m.tag.toLowerCase().split("/").includes("omnivore"));
				expect(bodyTagIndex(body, "Omnivore", code)).toBe(omnivore?.at ?? -1);
			}),
			{ numRuns: 3000 },
		);
	});
});
