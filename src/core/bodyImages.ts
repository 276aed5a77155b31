// Rewrites every proxied image URL in a Markdown body to its original, leaving code untouched.

import { endOfParenthesizedRun } from "./markdown/linkDestination";
import { findCodeRanges, isInside, type TextRange } from "./markdown/codeRanges";
import { mustacheUnescaped } from "./htmlEntities";
import { imagesInCodeProblem } from "./imagesInCode";
import { lineAt } from "./markdown/lineAt";
import { imagesInOpenCode, openCodeProblem } from "./openCodeBlock";
import { nextProxyUrl, unwrapProxyUrl, type ProxyMatcher, type UnwrapResult } from "./proxyUrls";
import { quoteForMessage, type Change, type Problem } from "./report";

export interface BodyUnwrapResult {
	text: string;
	changes: Change[];
	problems: Problem[];
}

/** What surrounds a URL decides where it ends and which characters must be escaped in it. `bracketed`: bare, as a link's text (`[url](...)`). */
export type UrlContext = "paren" | "angle" | "double-quote" | "single-quote" | "escaped-quote" | "bare" | "bracketed";

function contextBefore(text: string, index: number): UrlContext {
	const before = text[index - 1];
	if (before === "(") return "paren";
	if (before === "<") return "angle";
	if (before === '"') return "double-quote";
	if (before === "'") return "single-quote";
	if (before === "[") return "bracketed";
	if (before === ";" && /&(?:quot|#x27|#39|#34|#x22);$/i.test(text.slice(Math.max(0, index - 6), index))) {
		return "escaped-quote";
	}
	return "bare";
}

// Where a URL ends, by context: searched from the URL's start, these find the first character after it.
const END_OF = {
	angle: /[>\r\n]/g,
	"double-quote": /["\s]/g,
	"single-quote": /['\s]/g,
	"escaped-quote": /\s|&(?:quot|#x27|#39|#34|#x22);/gi,
	bare: /[\s<>"`]/g,
	bareInBrackets: /[\s<>"`\]]/g,
};

function firstMatch(pattern: RegExp, text: string, start: number): number {
	pattern.lastIndex = start;
	const match = pattern.exec(text);
	return match ? match.index : text.length;
}

function findEnd(text: string, start: number, context: UrlContext): number {
	switch (context) {
		case "paren":
			return endOfParenthesizedRun(text, start);
		case "bare":
			return trimBareEnd(text, start, firstMatch(END_OF.bare, text, start));
		case "bracketed":
			// A URL written as a link's text ends at the bracket.
			return trimBareEnd(text, start, firstMatch(END_OF.bareInBrackets, text, start));
		default:
			return firstMatch(END_OF[context], text, start);
	}
}

/** A bare URL does not take the sentence's closing punctuation or an unbalanced `)`. */
function trimBareEnd(text: string, start: number, end: number): number {
	let stop = end;
	for (;;) {
		const last = text[stop - 1];
		// The `;` that ends an HTML entity (`&#x3D;`) is part of the escaped URL, not the sentence's.
		if (stop > start && /[.,;:!?*_~]/.test(last) && !(last === ";" && /&(?:#x?[0-9a-f]+|[a-z]+);$/i.test(text.slice(start, stop)))) {
			stop--;
		} else if (last === ")" && endOfParenthesizedRun(text.slice(start, stop), 0) < stop - start) {
			stop--;
		} else {
			return stop;
		}
	}
}

/** `%XX` for every UTF-8 byte; unlike encodeURIComponent alone this also encodes `(`, `)`, `'`, `*`, `!`, `~`. */
function percentEncode(ch: string): string {
	return encodeURIComponent(ch).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function parenthesesBalance(url: string): boolean {
	let depth = 0;
	for (const ch of url) {
		if (ch === "(") depth++;
		else if (ch === ")" && --depth < 0) return false;
	}
	return depth === 0;
}

const NEEDS_ESCAPE = /[\s<>"'`|()&\]]|[.,;:!?*_~]$/;

/** Escape what would end the URL early in its context, so the written link renders. */
export function escapeForContext(original: string, context: UrlContext): string {
	// Most URLs hold nothing that any context needs escaped.
	if (!NEEDS_ESCAPE.test(original)) return original;
	// `|` would split a table row the image sits in; `%7C` means the same to every server.
	const url = original.replace(/\|/g, "%7C");
	switch (context) {
		case "paren": {
			const escaped = url.replace(/[\s<>]/g, percentEncode);
			return parenthesesBalance(escaped) ? escaped : escaped.replace(/[()]/g, percentEncode);
		}
		case "angle":
			return url.replace(/[\s<>]/g, percentEncode);
		case "double-quote":
			return url.replace(/[\s"]/g, percentEncode);
		case "single-quote":
			return url.replace(/[\s']/g, percentEncode);
		case "escaped-quote":
			// The surrounding HTML is itself escaped text, so the URL is written escaped the same way.
			return url.replace(/\s/g, percentEncode).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
		case "bare": {
			// What ends it would be read as the sentence's: trailing punctuation (`.` and `_` too, which
			// encodeURIComponent keeps) and an unbalanced `)` are all encoded.
			let body = url.replace(/[\s<>"`]/g, percentEncode);
			let tail = "";
			for (let last = body.slice(-1); /[.,;:!?*_~]/.test(last) || (last === ")" && !parenthesesBalance(body)); last = body.slice(-1)) {
				tail = `%${last.charCodeAt(0).toString(16).toUpperCase()}${tail}`;
				body = body.slice(0, -1);
			}
			return body + tail;
		}
		case "bracketed":
			// A `]` in it would end the link's text.
			return escapeForContext(url, "bare").replace(/\]/g, "%5D");
	}
}

export interface BodyUnwrapInput {
	body: string;
	matcher: ProxyMatcher;
	/** The article's URL, for proxied images whose original is relative. */
	baseUrl?: string;
	codeRanges?: TextRange[];
}

interface ProxiedImage {
	start: number;
	end: number;
	written: string;
	context: UrlContext;
	result: UnwrapResult;
}

/** One in code: left as it is, never unwrapped. */
interface InCode {
	start: number;
	inCode: true;
}

/** Each proxied image URL: outside code with what unwrapping it gives, in code only where it starts. */
function* proxiedImages({ body, matcher, baseUrl, codeRanges }: BodyUnwrapInput): Generator<ProxiedImage | InCode> {
	const code = codeRanges ?? findCodeRanges(body);
	let found = nextProxyUrl(body, matcher, 0);
	while (found !== null) {
		const { start } = found;
		if (isInside(code, start)) {
			yield { start, inCode: true };
			found = nextProxyUrl(body, matcher, found.end);
			continue;
		}
		const context = contextBefore(body, start);
		const end = findEnd(body, start, context);
		found = nextProxyUrl(body, matcher, Math.max(end, start + 1));
		const written = body.slice(start, end);
		const result = unwrapProxyUrl(written, matcher, baseUrl);
		if (result) yield { start, end, written, context, result };
	}
}

// An image's title a template HTML-escaped with the article (`{{content}}`): ` &quot;Caption&quot;)`.
const ESCAPED_TITLE = /^([ \t]+)&quot;((?:(?!&quot;)[^\n])*)&quot;(?=[ \t]*\))/;

/**
 * The title after an image's address written as Markdown needs it (` "Caption"`), where a template
 * HTML-escaped it: a title starts with a real quote, so the image showed nowhere, even once unwrapped.
 */
function escapedTitleAfter(body: string, end: number): { text: string; end: number } | null {
	const match = ESCAPED_TITLE.exec(body.slice(end, end + 1024));
	if (!match) return null;
	const caption = mustacheUnescaped(match[2]).replace(/\\/g, "\\\\").replace(/"/g, '\\"');
	return { text: `${match[1]}"${caption}"`, end: end + match[0].length };
}

/** Whether a proxied image would be left as it is (the queue's warning), without rewriting the body. */
export function hasImageProblems(input: BodyUnwrapInput): boolean {
	// One in code, in a block closed or left open, stays on the proxy too.
	for (const image of proxiedImages(input)) if ("inCode" in image || !image.result.ok) return true;
	return false;
}

export function unwrapBodyImages(input: BodyUnwrapInput): BodyUnwrapResult {
	const { body } = input;
	const changes: Change[] = [];
	const problems: Problem[] = [];
	const pieces: string[] = [];
	let copied = 0;
	let line = 1;
	let counted = 0;
	const lineOf = (index: number): number => {
		for (let i = body.indexOf("\n", counted); i !== -1 && i < index; i = body.indexOf("\n", i + 1)) line++;
		counted = index;
		return line;
	};

	const inCode: number[] = [];
	for (const image of proxiedImages(input)) {
		if ("inCode" in image) {
			inCode.push(image.start);
			continue;
		}
		const { start, end, written, context, result } = image;
		const at = lineOf(start);
		if (!result.ok) {
			problems.push({
				code: result.code,
				line: at,
				message: `Image ${quoteForMessage(written)} was left as it was: ${result.detail}.`,
			});
			continue;
		}
		const title = context === "paren" ? escapedTitleAfter(body, end) : null;
		const replacement = escapeForContext(result.url, context) + (title?.text ?? "");
		const replaced = title ? body.slice(start, title.end) : written;
		if (replacement === replaced) continue;
		pieces.push(body.slice(copied, start), replacement);
		copied = title?.end ?? end;
		changes.push({
			kind: "url-unwrapped",
			line: at,
			bodyOffset: start,
			from: replaced,
			to: replacement,
			message: `Image now points to ${quoteForMessage(replacement)}.`,
		});
	}
	const hidden = inCode.length > 0 ? imagesInOpenCode(body, input.codeRanges ?? findCodeRanges(body), input.matcher) : null;
	// Those in a block left open are told of with it.
	const inClosedCode = hidden ? inCode.filter((start) => start < hidden.start) : inCode;
	if (inClosedCode.length > 0) problems.push(imagesInCodeProblem(inClosedCode.length, lineAt(body, inClosedCode[0])));
	if (hidden) problems.push(openCodeProblem(hidden));
	if (changes.length === 0) return { text: body, changes, problems };
	pieces.push(body.slice(copied));
	return { text: pieces.join(""), changes, problems };
}
