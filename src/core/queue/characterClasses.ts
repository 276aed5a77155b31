// What a character is to the reading-time count (readingTime.ts): a CJK character, the start or a part
// of a word, or neither. Characters outside ASCII are looked up once and remembered; ASCII has tables.

// Kana's long-vowel mark (ー) and the kanji repeat mark (々) belong to no script but are read as characters.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\u3005]/u;

const OTHER = 1;
export const CJK_CHARACTER = 2;
export const WORD_START = 3;
/** Continues a word but does not start one: apostrophes (`_` and `-` are markup, read as spaces). */
export const WORD_PART = 4;
const classes = new Uint8Array(0x10000);
const WORD_START_PATTERN = /[\p{L}\p{N}]/u;
const WORD_PART_PATTERN = /[\p{L}\p{N}'’_-]/u;

export function classify(character: string): number {
	if (CJK.test(character)) return CJK_CHARACTER;
	if (WORD_START_PATTERN.test(character)) return WORD_START;
	return WORD_PART_PATTERN.test(character) ? WORD_PART : OTHER;
}

// ASCII as 0 or 1, for the count's loop: letters and digits start a word; they and `'` continue one.
export const ASCII_STARTS = new Uint8Array(0x80);
export const ASCII_CONTINUES = new Uint8Array(0x80);
// Stryker disable next-line EqualityOperator: a write past the end of a typed array is dropped
for (let code = 0; code < 0x80; code++) {
	const ch = String.fromCharCode(code);
	ASCII_STARTS[code] = /[A-Za-z0-9]/.test(ch) ? 1 : 0;
	ASCII_CONTINUES[code] = /[A-Za-z0-9']/.test(ch) ? 1 : 0;
}

export function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

export function classOf(code: number): number {
	let found = classes[code];
	// Stryker disable next-line ConditionalExpression: a cache; classifying again gives the same class
	if (found === 0) found = classes[code] = classify(String.fromCharCode(code));
	return found;
}
