// Estimates reading time from a note's body: words at 230 a minute, CJK characters at 400 a minute.

import { decodeHtmlEntities, isHtmlEscaped } from "../htmlEntities";
import type { TextRange } from "../markdown/codeRanges";
import { withoutHtmlTags, withoutImages, withoutLinkTargets } from "./markupSpans";
import { nextIndexOf } from "./nextIndexOf";
import { isWhitespace } from "../markdown/whitespace";
import { ASCII_CONTINUES, ASCII_STARTS, CJK_CHARACTER, classify, classOf, isLowSurrogate, WORD_PART, WORD_START } from "./characterClasses";
import { UnreadRanges } from "./unreadRanges";

export const WORDS_PER_MINUTE = 230;
export const CJK_CHARACTERS_PER_MINUTE = 400;


// The Markdown that is not read, removed in this order. Each needs a literal the text must hold
// (removals only ever put a space in), so a text without it is not searched at all.
const FENCE_LINE = /^(?:```|~~~).*/gm;
// Images (`/!\[[^\]]*\]\([^)]*\)/`), link targets (`/\]\([^)]*\)/`, read as `] `) and HTML tags
// (`/<[A-Za-z/!][^>]*>/`: not `x < 5`, whose `<` a later `>` would close lines further) are replaced
// as those patterns would be, without their scans (markupSpans.ts).
const REFERENCE_DEFINITION = /^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*/gm;
// These two are not removed as patterns: `countReading` skips them as it counts (same result, no copy).
const URL = /\b(?:https?|ftp|mailto|data):[^\s)>\]]+/gi;
// Stryker disable next-line Regex: a run of markup read as one space or as several, the words are the same
const MARKUP = /[#*_>`~=|[\]()^-]+/g;

/** The body without fence lines, images, link targets, reference definitions and HTML tags. */
function withoutMarkupBlocks(body: string): string {
	let text = body;
	// Each literal is held by every match: a search without it (Stryker: `true`, or the empty string)
	// would find nothing. Fence lines and definitions are whole lines: read as a space or as nothing.
	// Stryker disable next-line ConditionalExpression,StringLiteral: see above
	if (text.includes("```") || text.includes("~~~")) text = text.replace(FENCE_LINE, " ");
	// Stryker disable next-line ConditionalExpression,StringLiteral: see above
	if (text.includes("![")) text = withoutImages(text);
	// Stryker disable next-line ConditionalExpression,StringLiteral: see above
	if (text.includes("](")) text = withoutLinkTargets(text);
	// Stryker disable next-line ConditionalExpression,StringLiteral: see above
	if (text.includes("]:")) text = text.replace(REFERENCE_DEFINITION, " ");
	// Stryker disable next-line ConditionalExpression,StringLiteral: see above
	if (text.includes("<")) text = withoutHtmlTags(text);
	return text;
}

/**
 * The body as a reader sees it: a template that HTML-escaped the article (`{{content}}`) wrote
 * `don&#39;t` for "don't" and `&lt;b&gt;` for a tag, which read as the characters they stand for.
 * (A body of one's own with `&lt;` but no numeric reference is read as written.)
 */
function decoded(body: string): string {
	// A `<` (in text, code or math: `i &lt; n`) would open a tag that the next `>` closes, lines later.
	return isHtmlEscaped(body) ? decodeHtmlEntities(body.replace(LESS_THAN, " ")) : body;
}

const LESS_THAN = /&(?:lt|#0*60|#x0*3c);/gi;

/**
 * The readable text of a Markdown body: character references decoded, then no images, link targets,
 * URLs, HTML tags, code fences or markup. The definition `countReading` counts; it counts without
 * building this text.
 */
export function readableText(body: string): string {
	// Stryker disable next-line StringLiteral: a URL ends at a space or at markup, so nothing after it joins a word before it
	return withoutMarkupBlocks(decoded(body)).replace(URL, " ").replace(MARKUP, " ");
}

function isWordCharacter(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isUrlStop(code: number): boolean {
	// `)`, `>`, `]` and what `\s` matches.
	return code === 41 || code === 62 || code === 93 || isWhitespace(code);
}

const SCHEMES = ["https", "http", "ftp", "mailto", "data"];

/** Whether `scheme` (lower case) is written, in any case, just before `end`. */
function endsWithScheme(text: string, end: number, scheme: string): boolean {
	// Before the text's start `charCodeAt` reads NaN, which matches no letter.
	const start = end - scheme.length;
	for (let i = 0; i < scheme.length; i++) {
		if ((text.charCodeAt(start + i) | 0x20) !== scheme.charCodeAt(i)) return false;
	}
	return true;
}

/**
 * The next match of `URL` in `text` from `from` to `end`, found from the colons (a scheme is letters
 * only, so at most one scheme ends at a colon), or null. `start` is where the segment of readable
 * text begins: a space (or the text's start) stands before it, so a scheme there starts a word.
 */
function nextUrl(text: string, colons: Colons, from: number, segment: { start: number; end: number }): { start: number; end: number } | null {
	// Stryker disable next-line EqualityOperator: a colon at the segment's end has no URL after it
	for (let colon = colons(from); colon !== -1 && colon < segment.end; colon = colons(colon + 1)) {
		const scheme = SCHEMES.find((name) => endsWithScheme(text, colon, name));
		if (scheme === undefined) continue;
		const start = colon - scheme.length;
		// Every unread range ends with `)`, `>`, a backtick or before a line break, and a URL with a stop
		// (`)`, `>`, `]` or a space): no scheme starts before `from`, no word character stands before a segment.
		// Stryker disable next-line ConditionalExpression,EqualityOperator: see above
		if (start < from || (start > segment.start && isWordCharacter(text.charCodeAt(start - 1)))) continue;
		// Stryker disable next-line ArithmeticOperator: starting at the scheme's last letter, the loop steps over it and the colon
		let end = colon + 1;
		while (end < segment.end && !isUrlStop(text.charCodeAt(end))) end++;
		if (end > colon + 1) return { start, end };
	}
	return null;
}

/** The colons of a text, looked for once each however many segments ask (each from where the last left off). */
type Colons = (from: number) => number;

interface Counts {
	words: number;
	cjk: number;
}

/** Adds the words and CJK characters of `text` from `segment.start` to `segment.end` (a space before and after). */
function countSegment(text: string, colons: Colons, segment: { start: number; end: number }, counts: Counts): void {
	const length = segment.end;
	let words = 0;
	let cjk = 0;
	// 1 inside a word, else 0: the ASCII loop below counts without branches.
	let inWord = 0;
	let url = nextUrl(text, colons, segment.start, segment);
	let at = segment.start;
	for (;;) {
		const stop = url === null ? length : url.start;
		while (at < stop) {
			const code = text.charCodeAt(at);
			// Stryker disable next-line EqualityOperator: U+0080, a control character, neither starts nor continues a word in either table
			if (code < 0x80) {
				const starts = ASCII_STARTS[code];
				words += starts & (inWord ^ 1);
				inWord = ASCII_CONTINUES[code] & (starts | inWord);
				at++;
				continue;
			}
			let kind: number;
			// A pair never straddles a segment's end (unread ranges start at ASCII characters), and past the
			// text's end `charCodeAt` reads NaN. Two lone surrogates read together or apart are no word or CJK.
			// Stryker disable next-line ConditionalExpression,EqualityOperator: see above
			if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1))) {
				kind = classify(text.slice(at, at + 2));
				at += 2;
			} else {
				kind = classOf(code);
				at++;
			}
			if (kind === CJK_CHARACTER) {
				cjk++;
				inWord = 0;
			} else if (kind === WORD_START) {
				if (inWord === 0) words++;
				inWord = 1;
			} else if (kind !== WORD_PART) inWord = 0;
		}
		if (url === null) break;
		inWord = 0;
		at = url.end;
		url = nextUrl(text, colons, url.end, segment);
	}
	counts.words += words;
	counts.cjk += cjk;
}

/**
 * CJK characters (each read on its own, and ending a word), and words of the rest: a letter or
 * digit followed by letters, digits and apostrophes. One pass over `readableText`'s definition that
 * builds no strings or lists: URLs are skipped and markup read as spaces where they stand.
 */
export function countReading(body: string): Counts {
	const text = withoutMarkupBlocks(decoded(body));
	const counts = { words: 0, cjk: 0 };
	countSegment(text, nextIndexOf(text, ":"), { start: 0, end: text.length }, counts);
	return counts;
}

/** The body with each code range replaced by a space: what reading time is counted over. */
export function withoutCode(body: string, code: TextRange[]): string {
	let text = "";
	let at = 0;
	for (const range of code) {
		text += body.slice(at, range.start) + " ";
		at = Math.max(at, range.end);
	}
	return text + body.slice(at);
}

/**
 * `countReading(withoutCode(body, code))`, counted between the parts left out (code, images, link
 * targets, HTML tags) where they stand, with no copy of the body. Fence lines and reference
 * definitions outside code (rare: their patterns depend on line starts) are counted over the copy.
 */
export function countReadingOutside(body: string, code: TextRange[]): Counts {
	const inCode = UnreadRanges.ofCode(body, code);
	// Stryker disable next-line ConditionalExpression,StringLiteral,LogicalOperator: counting over the copy gives the same counts
	// Character references (an escaped body) are decoded over the copy too.
	if (inCode.hasUncovered("```") || inCode.hasUncovered("~~~") || inCode.hasUncovered("]:") || isHtmlEscaped(body)) return countReading(withoutCode(body, code));
	const unread = inCode.withImages().withLinkTargets().withHtmlTags().ranges;
	const counts = { words: 0, cjk: 0 };
	const colons = nextIndexOf(body, ":");
	let at = 0;
	for (const range of unread) {
		countSegment(body, colons, { start: at, end: range.start }, counts);
		at = range.end;
	}
	countSegment(body, colons, { start: at, end: body.length }, counts);
	return counts;
}

/** Minutes to read, at least 1. */
export function readingMinutes(body: string): number {
	return minutesFor(countReading(body));
}

/** Minutes to read the body outside its code, at least 1. */
export function readingMinutesOutside(body: string, code: TextRange[]): number {
	return minutesFor(countReadingOutside(body, code));
}

function minutesFor({ words, cjk }: Counts): number {
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE));
}
