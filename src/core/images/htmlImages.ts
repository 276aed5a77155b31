// The image addresses of HTML in a Markdown body: `<img src>` and each `srcset` entry (of `<img>`, and
// of `<source>` in a `<picture>`). Tags are read attribute by attribute, as a browser reads them: a
// `src=` written inside another attribute's value (`alt="src=…"`) is no address, and a `>` inside
// a quoted value does not end the tag.

import { isEscaped, isInside, type TextRange } from "../markdown/codeRanges";

/** An address as written in an attribute value, and the quote around that value (`"`, `'` or none). */
export interface HtmlImage {
	start: number;
	end: number;
	written: string;
	quote: string;
}

interface Attribute {
	name: string;
	value: string;
	valueStart: number;
	quote: string;
}

// `<source srcset>` inside `<picture>` is what a browser shows first; its `src` (video, audio) is no image.
const IMG_START = /<(img|source)(?=[\s/>])/gi;

const isSpace = (char: string | undefined): boolean => char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\f";
/** Past the white space at `at` (a blank line included: the caller checks where the paragraph ends). */
function skipSpaces(body: string, at: number): number {
	while (isSpace(body[at])) at++;
	return at;
}
// CommonMark's attribute names: anything else (`<img` inside a sentence about HTML) makes no tag.
const NAME_START = /[A-Za-z_:]/;
const NAME_PART = /[A-Za-z0-9_.:-]/;
const BLANK_LINE = /\n[ \t]*\n/g;

/**
 * Where the paragraph holding `at` ends (a blank line, or the text's end); remembered per paragraph,
 * so a text is searched once. Asked in order (each `at` after the last), so one end is all it keeps.
 */
class Paragraphs {
	// No end found yet: every `at` is past it.
	private end = 0;

	constructor(private readonly body: string) {}

	endOf(at: number): number {
		// Stryker disable next-line EqualityOperator: from the blank line itself, the search finds the same end
		if (at < this.end) return this.end;
		BLANK_LINE.lastIndex = at;
		const blank = BLANK_LINE.exec(this.body);
		this.end = blank ? blank.index : this.body.length;
		return this.end;
	}
}

/**
 * The attributes of a tag from `from` (just after its name) and where its `>` is; -1 when it is no
 * tag: an attribute CommonMark would not read, or no `>` before the paragraph ends (raw HTML in
 * Markdown ends with its paragraph).
 */
function readAttributes(body: string, from: number, paragraphs: Paragraphs): { attributes: Attribute[]; close: number } {
	// Stryker disable next-line ArrayDeclaration: a stray entry names no attribute
	const attributes: Attribute[] = [];
	const end = paragraphs.endOf(from);
	let i = from;
	for (;;) {
		const spaced = isSpace(body[i]);
		i = skipSpaces(body, i);
		// Past the paragraph's end (a blank line, or a quoted value that closed beyond it): no tag. At the
		// text's end (`>` reads nothing there), what follows finds no tag either.
		// Stryker disable next-line ConditionalExpression,EqualityOperator: see above
		if (i >= end) return { attributes, close: -1 };
		if (body[i] === ">") return { attributes, close: i };
		// The paragraph's end is a line break: a `>` after the `/` is before it. (`close` only tells where to read on: from the `/`, no `<img` starts.)
		// Stryker disable next-line ArithmeticOperator: see above
		if (body[i] === "/") return body[i + 1] === ">" ? { attributes, close: i + 1 } : { attributes, close: -1 };
		// An attribute follows white space, and has a name.
		if (!spaced || !NAME_START.test(body[i])) return { attributes, close: -1 };
		const nameStart = i++;
		// Stryker disable next-line EqualityOperator: at the paragraph's end stands a line break, or nothing
		while (i < end && NAME_PART.test(body[i])) i++;
		const name = body.slice(nameStart, i).toLowerCase();
		let next = skipSpaces(body, i);
		// An attribute with no value holds no address.
		if (body[next] !== "=") continue;
		next = skipSpaces(body, next + 1);
		const quote = body[next] === '"' || body[next] === "'" ? body[next] : "";
		if (quote) {
			const close = body.indexOf(quote, next + 1);
			if (close === -1) return { attributes, close: -1 };
			attributes.push({ name, value: body.slice(next + 1, close), valueStart: next + 1, quote });
			i = close + 1;
		} else {
			const valueStart = next;
			// Stryker disable next-line EqualityOperator: at the paragraph's end stands a line break, or nothing
			while (next < end && !isSpace(body[next]) && !"\"'=<>`".includes(body[next])) next++;
			// An empty value leaves `next` at a character no attribute follows, or at a `>` that closes a tag with no address in it.
			// Stryker disable next-line ConditionalExpression: see above
			if (next === valueStart) return { attributes, close: -1 };
			attributes.push({ name, value: body.slice(valueStart, next), valueStart, quote: "" });
			i = next;
		}
	}
}

/** The URLs of a `srcset` value, each with its offset in the value (WHATWG's parsing: URLs end at whitespace). */
export function srcsetUrls(value: string): Array<{ offset: number; url: string }> {
	const urls: Array<{ offset: number; url: string }> = [];
	let i = 0;
	// Past the end there is no character to read; the check below ends the loop there.
	// Stryker disable next-line EqualityOperator: see above
	while (i < value.length) {
		// Stryker disable next-line ConditionalExpression,EqualityOperator: see above
		while (i < value.length && /[\s,]/.test(value[i])) i++;
		// Stryker disable next-line ConditionalExpression,EqualityOperator: at the end, the URL read would be empty, and is not kept
		if (i >= value.length) break;
		const start = i;
		while (i < value.length && !/\s/.test(value[i])) i++;
		// A URL followed directly by commas has no descriptor; the commas are not part of it. (Counted
		// back by hand: a pattern anchored at the end retries from every comma, slow on a run of them.)
		// The URL starts with neither a comma nor a space: the count back stops at its first character, so it is never empty.
		let end = i;
		while (value[end - 1] === ",") end--;
		const url = value.slice(start, end);
		if (end === i) {
			// Skip the descriptors (`2x`, `640w`), up to the comma that ends the entry: none inside
			// parentheses, which do not nest (the first `)` closes them).
			let inParentheses = false;
			// Stryker disable next-line EqualityOperator: past the end there is no character to read
			for (; i < value.length; i++) {
				if (value[i] === "(") inParentheses = true;
				else if (value[i] === ")") inParentheses = false;
				else if (value[i] === "," && !inParentheses) break;
			}
		}
		urls.push({ offset: start, url });
	}
	return urls;
}

export function findHtmlImages(body: string, code: TextRange[]): HtmlImage[] {
	const found: HtmlImage[] = [];
	const paragraphs = new Paragraphs(body);
	IMG_START.lastIndex = 0;
	let start: RegExpExecArray | null;
	while ((start = IMG_START.exec(body)) !== null) {
		// In code, or escaped (`\<img`), `<img` is text: what follows it is read on, not taken into a tag.
		if (isInside(code, start.index) || isEscaped(body, start.index)) continue;
		const { attributes, close } = readAttributes(body, start.index + start[0].length, paragraphs);
		// No tag: `<img` in a sentence, or cut short; the text after it is read on.
		if (close === -1) continue;
		// Stryker disable next-line ArithmeticOperator: no `<img` starts at a tag's last two characters
		IMG_START.lastIndex = close + 1;
		const isSource = start[1].toLowerCase() === "source";
		for (const { name, value, valueStart, quote } of attributes) {
			if (name === "src" && !isSource) {
				const trimmed = value.trim();
				const at = valueStart + value.indexOf(trimmed);
				if (trimmed !== "") found.push({ start: at, end: at + trimmed.length, written: trimmed, quote });
			} else if (name === "srcset") {
				for (const { offset, url } of srcsetUrls(value)) found.push({ start: valueStart + offset, end: valueStart + offset + url.length, written: url, quote });
			}
		}
	}
	return found;
}
