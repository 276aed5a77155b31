// Finds every image reference of a Markdown body: `![alt](url)` (inside links too), reference
// definitions used by images, `<img src>` and each `srcset` entry. Code is never looked into.

import { findCodeRanges, isEscaped, isInside, type TextRange } from "../markdown/codeRanges";
import { readLinkDestination } from "../markdown/linkDestination";
import { findHtmlImages } from "./htmlImages";

/** How the URL is written, which decides how a new one must be written in its place. */
export type ReferenceForm = "markdown" | "markdown-angle" | "definition" | "definition-angle" | "html";

export interface ImageReference {
	/** Where the URL as written starts and ends in the body (without angle brackets or quotes). */
	start: number;
	end: number;
	written: string;
	form: ReferenceForm;
	/** For HTML: the quote around the attribute value (`"`, `'` or none). */
	quote?: string;
}

/**
 * For each `[`, the offset just after its closing `]` (nested brackets balanced, backslash escapes
 * skipped, none across a blank line): one pass, so a note full of `![` stays linear.
 */
function matchBrackets(text: string): Map<number, number> {
	const closing = new Map<number, number>();
	// Stryker disable next-line ArrayDeclaration: a stray opener is a key no image asks for
	const open: number[] = [];
	// Stryker disable next-line EqualityOperator: past the end there is no character to read
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 0x5c) i++;
		else if (ch === 0x5b) open.push(i);
		else if (ch === 0x5d) {
			const start = open.pop();
			// Stryker disable next-line ConditionalExpression: a `]` with no `[` is a key no image asks for
			if (start !== undefined) closing.set(start, i + 1);
		} else if (ch === 0x0a && /^[ \t]*\r?\n/.test(text.slice(i + 1, i + 40))) open.length = 0;
	}
	return closing;
}

/**
 * A reference label as CommonMark compares them: case and inner whitespace do not matter. Lower then
 * upper case, as CommonMark's parsers fold case: "Straße" is "STRASSE".
 */
// Stryker disable next-line MethodExpression: upper case alone folds the same but for a few letters (the Kelvin sign)
const labelKey = (label: string): string => label.trim().replace(/\s+/g, " ").toLowerCase().toUpperCase();

interface MarkdownImages {
	inline: ImageReference[];
	/** Labels of `![alt][label]`, `![label][]` and `![label]`. */
	labels: Set<string>;
}

function findMarkdownImages(body: string, code: TextRange[]): MarkdownImages {
	const inline: ImageReference[] = [];
	const brackets = matchBrackets(body);
	const labels = new Set<string>();
	for (let at = body.indexOf("!["); at !== -1; at = body.indexOf("![", at + 2)) {
		if (isInside(code, at) || isEscaped(body, at)) continue;
		const afterAlt = brackets.get(at + 1);
		// Stryker disable next-line ConditionalExpression: without it the empty label is taken, which no definition has
		if (afterAlt === undefined) continue;
		if (body[afterAlt] === "(") {
			let start = afterAlt + 1;
			while (body[start] === " " || body[start] === "\t") start++;
			const destination = readLinkDestination(body, start);
			if (!destination || destination.url === "") continue;
			const urlStart = destination.angle ? start + 1 : start;
			inline.push({ start: urlStart, end: urlStart + destination.url.length, written: destination.url, form: destination.angle ? "markdown-angle" : "markdown" });
		} else {
			// `![alt][label]`, `![alt][]` and `![alt]` (the alt is the label), and CommonMark's shortcut
			// `![alt]` before anything else, a `[` that never closes included.
			// Only a `[` has a closing bracket.
			const afterLabel = brackets.get(afterAlt);
			// Stryker disable next-line ConditionalExpression: a slice up to NaN is empty too
			const label = afterLabel === undefined ? "" : body.slice(afterAlt + 1, afterLabel - 1);
			labels.add(labelKey(label === "" ? body.slice(at + 2, afterAlt - 1) : label));
		}
	}
	return { inline, labels };
}

const DEFINITION = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*(?:\r?\n[ \t]*)?(<[^>\n]*>|\S+)/gm;

function findDefinitions(body: string, code: TextRange[], labels: Set<string>): ImageReference[] {
	const found: ImageReference[] = [];
	// Stryker disable next-line ConditionalExpression: a fast path; with no label no definition is taken
	if (labels.size === 0) return found;
	DEFINITION.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = DEFINITION.exec(body)) !== null) {
		if (isInside(code, match.index) || !labels.has(labelKey(match[1]))) continue;
		const destination = match[2];
		const angle = destination.startsWith("<");
		const url = angle ? destination.slice(1, -1) : destination;
		const start = match.index + match[0].length - destination.length + (angle ? 1 : 0);
		if (url !== "") found.push({ start, end: start + url.length, written: url, form: angle ? "definition-angle" : "definition" });
	}
	return found;
}

/** Every image reference of the body, in order. */
export function findImageReferences(body: string, codeRanges: TextRange[] = findCodeRanges(body)): ImageReference[] {
	const markdown = findMarkdownImages(body, codeRanges);
	const all = [...markdown.inline, ...findDefinitions(body, codeRanges, markdown.labels), ...findHtmlImages(body, codeRanges).map((found) => ({ ...found, form: "html" as const }))].sort((a, b) => a.start - b.start);
	// `![](<img src=...>)` and such odd nests: the first reference wins, none overlaps another.
	// Stryker disable next-line EqualityOperator: two addresses never touch (a quote, space or comma stands between)
	return all.filter((reference, i) => i === 0 || reference.start >= all[i - 1].end);
}
