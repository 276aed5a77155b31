// Estimates reading time from a note's body: words at 230 a minute, CJK characters at 400 a minute.

export const WORDS_PER_MINUTE = 230;
export const CJK_CHARACTERS_PER_MINUTE = 400;

// Kana's long-vowel mark (ー) and the kanji repeat mark (々) belong to no script but are read as characters.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\u3005]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

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

export function countReading(body: string): { words: number; cjk: number } {
	const text = readableText(body);
	const cjk = text.match(CJK)?.length ?? 0;
	const words = text.replace(CJK, " ").match(WORD)?.length ?? 0;
	return { words, cjk };
}

/** Minutes to read, at least 1. */
export function readingMinutes(body: string): number {
	const { words, cjk } = countReading(body);
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE));
}
