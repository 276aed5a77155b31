// `countReading` counts in one pass what `readableText` defines with patterns. Checked here against
// the patterns themselves on realistic notes and on random Markdown.
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateVault } from "../../../bench/generateVault";
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";
import { countReading, countReadingOutside, readableText, withoutCode } from "../../../src/core/queue/readingTime";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\u3005]/u;
const WORD_START = /[\p{L}\p{N}]/u;
const WORD_PART = /[\p{L}\p{N}'’_-]/u;

/** The count as it was written first: over the readable text, one code point at a time. */
function countByPatterns(body: string): { words: number; cjk: number } {
	let words = 0;
	let cjk = 0;
	let inWord = false;
	for (const ch of readableText(body)) {
		if (CJK.test(ch)) {
			cjk++;
			inWord = false;
		} else if (inWord) inWord = WORD_PART.test(ch);
		else if (WORD_START.test(ch)) {
			words++;
			inWord = true;
		}
	}
	return { words, cjk };
}

function markdownFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith(".md") ? [path] : [];
	});
}

/** Both counts of a body: over the readable text, and outside code (each with its fast way and its patterns). */
function bothWays(body: string) {
	const code = findCodeRanges(body);
	return { fast: [countReading(body), countReadingOutside(body, code)], patterns: [countByPatterns(body), countByPatterns(withoutCode(body, code))] };
}

describe("countReading and countReadingOutside follow readableText", () => {
	it("on the generated vault's notes (CJK, images, HTML, code, escaped templates)", () => {
		for (const note of generateVault(400, { seed: 5, maxBytes: 12000 })) {
			const { fast, patterns } = bothWays(note.text);
			expect([note.path, fast]).toEqual([note.path, patterns]);
		}
	});

	it("on the fixture notes", () => {
		for (const path of markdownFiles(join(__dirname, "../../fixtures/notes"))) {
			const { fast, patterns } = bothWays(readFileSync(path, "utf8"));
			expect([path, fast]).toEqual([path, patterns]);
		}
	});

	it("on broken text: a lone surrogate beside fullwidth letters, halfwidth kana and a private-use character", () => {
		// A string decoded from a file never holds a lone surrogate, but one built elsewhere may.
		for (const body of ["Ｂｉｇ\ud800Ｂａｎｇ", "word\ud800Ｂ", "\ud800ｶﾀｶﾅ and \udbff\ue000 end", "a\udc00\udc00b", "\ud800"]) {
			const { fast, patterns } = bothWays(body);
			expect([body, fast]).toEqual([body, patterns]);
		}
	});

	it("on random Markdown made of the pieces the patterns look for", () => {
		const piece = fc.constantFrom(
			"word", "it's", "well-known", "snake_case", " ", "\n", "\r\n", "\t", "\u00a0", "\u3000", "这一", "ローカル", "ー", "々", "한국어", "😀", "\ud800", "\udc00", "é", "’",
			"https://example.com/a", "HTTP:", "mailto:x@y.z", "data:image/png", "ftp:", "xhttp://no", "sftp:", ":", "::",
			"![", "](", "]", "[", "(", ")", ")", "]:", "<", ">", "<b>", "```", "~~~", "`", "``", "    ", "\n\n", "\n```\n", "\n    code\n", "> ", "- ",
			"#", "*", "_", "-", "=", "|", "^", "!", "1", "42",
			"&#39;", "&#x2F;", "&lt;", "&gt;", "&amp;", "&quot;", "&#x60;", "&nbsp;", "&bogus;", "&", ";", "&#x3D;",
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
				const { fast, patterns } = bothWays(pieces.join(""));
				expect(fast).toEqual(patterns);
			}),
			{ numRuns: 5000 },
		);
	});
});
