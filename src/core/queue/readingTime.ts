// Estimates reading time from a note's body: words at 230 a minute, CJK characters at 400 a minute.

export const WORDS_PER_MINUTE = 230;
export const CJK_CHARACTERS_PER_MINUTE = 400;

// Kana's long-vowel mark (ー) and the kanji repeat mark (々) belong to no script but are read as characters.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\u3005]/gu;

/** The readable text of a Markdown body: no images, link targets, URLs, HTML tags, code fences or markup. */
export function readableText(body: string): string {
	return body
		.replace(/^(`{3,}|~{3,}).*$/gm, " ")
		.replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
		.replace(/\]\([^)]*\)/g, "] ")
		.replace(/^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$/gm, " ")
		.replace(/<[^>]+>/g, " ")
		.replace(/\b(?:https?|ftp|mailto|data):[^\s)>\]]+/gi, " ")
		.replace(/[#*_>`~=|[\]()^-]+/g, " ");
}

// One character at a given place, for the counting loop below (sticky: no copies of the text). A
// word is a letter or digit followed by letters, digits, apostrophes, underscores and hyphens.
const CJK_AT = new RegExp(CJK.source, "uy");
const WORD_START_AT = /[\p{L}\p{N}]/uy;
const WORD_PART_AT = /[\p{L}\p{N}'’_-]/uy;

function isAt(pattern: RegExp, text: string, at: number): boolean {
	pattern.lastIndex = at;
	return pattern.test(text);
}

/**
 * CJK characters (each read on its own, and ending a word), and words of the rest, in one pass
 * that builds no strings or lists.
 */
export function countReading(body: string): { words: number; cjk: number } {
	const text = readableText(body);
	let words = 0;
	let cjk = 0;
	let inWord = false;
	for (let at = 0; at < text.length; ) {
		const code = text.charCodeAt(at);
		const next = text.charCodeAt(at + 1);
		const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
		if (code < 0x80) {
			const alphanumeric = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
			if (alphanumeric) {
				if (!inWord) words++;
				inWord = true;
			} else inWord = inWord && (code === 39 || code === 95 || code === 45);
		} else if (isAt(CJK_AT, text, at)) {
			cjk++;
			inWord = false;
		} else if (inWord) inWord = isAt(WORD_PART_AT, text, at);
		else if (isAt(WORD_START_AT, text, at)) {
			words++;
			inWord = true;
		}
		at += width;
	}
	return { words, cjk };
}

/** Minutes to read, at least 1. */
export function readingMinutes(body: string): number {
	const { words, cjk } = countReading(body);
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE));
}
