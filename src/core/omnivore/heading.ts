// Which heading of an Omnivore note is the article's title, and how a title is written on one line.

import { isInside, type TextRange } from "../markdown/codeRanges";
import type { FrontmatterEditor } from "../frontmatter/yamlEditor";
import { decodeHtmlEntities, mustacheUnescaped } from "../htmlEntities";
import { singleFileArticles } from "./singleFile";
import { bodyTagIndex } from "./tags";

/** The lines of a value joined by single spaces, trimmed (split, not one pattern: long runs of spaces stay linear). */
export function oneLine(value: string): string {
	return value
		// Stryker disable next-line Regex: the empty lines one break at a time would leave are dropped below
		.split(/[\r\n]+/)
		.map((line) => line.trim())
		.filter((line) => line !== "")
		.join(" ");
}

// Headings templates put above the article's parts: never the article's title.
const SECTION_NAMES = new Set([
	"highlights", "highlight", "content", "contents", "full content", "article", "description", "summary", "links", "link",
	"notes", "note", "my notes", "metadata", "properties", "info", "information", "source", "sources", "tags", "annotations",
	"related", "references", "comments", "abstract",
	// A template's heading above the article's text (`# Article text`, after a list of its properties).
	"article text", "article content", "full text", "full article", "original article",
]);

export function isSectionHeading(text: string): boolean {
	let name = text.toLowerCase().trim();
	while (name.endsWith(":") || name.endsWith("：")) name = name.slice(0, -1).trimEnd();
	return SECTION_NAMES.has(name.replace(/^[^\p{L}\p{N}]+/u, ""));
}

interface Heading {
	level: number;
	text: string;
	start: number;
	end: number;
}

// Stryker disable next-line Regex: the text is trimmed, so one space or several before it read the same
const HEADING = / {0,3}(#{1,6})[ \t]+([^\n]*)/y;
const BLANK_OR_RULE = /^[ \t]*(?:(?:[-*_][ \t]*){3,})?\r?$/;

function headings(body: string, code: TextRange[]): Heading[] {
	const found: Heading[] = [];
	// From each "#" back to its line start, rather than a /^.../m pattern tried at every position.
	let end = 0;
	// Stryker disable next-line StringLiteral: looking from every position instead of each "#" finds the same headings, slower
	for (let hash = body.indexOf("#"); hash !== -1; hash = body.indexOf("#", Math.max(hash + 1, end))) {
		let start = hash;
		// Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: these only bound the walk; HEADING itself allows three spaces at most
		while (start > end && hash - start < 3 && body.charCodeAt(start - 1) === 32) start--;
		if (!isLineStart(body, start)) continue;
		HEADING.lastIndex = start;
		const match = HEADING.exec(body);
		if (!match) continue;
		end = start + match[0].length;
		const text = headingText(match[2]);
		if (text !== "" && !isInside(code, start)) found.push({ level: match[1].length, text, start, end });
	}
	return found;
}

/** Where `^` of a multiline pattern matches: the start, or after any line terminator. */
function isLineStart(text: string, at: number): boolean {
	if (at === 0) return true;
	const before = text.charCodeAt(at - 1);
	return before === 10 || before === 13 || before === 0x2028 || before === 0x2029;
}

/** A heading's text without its closing `#`s (`# Title ##`), by hand: patterns for it are quadratic on long lines. */
function headingText(raw: string): string {
	const text = raw.trim();
	let end = text.length;
	// Stryker disable next-line ConditionalExpression,EqualityOperator: before the start there is no "#" either
	while (end > 0 && text[end - 1] === "#") end--;
	// Stryker disable next-line ConditionalExpression: a fast path; the line below returns the text too
	if (end === text.length) return text;
	return end === 0 || text[end - 1] === " " || text[end - 1] === "\t" ? text.slice(0, end).trim() : text;
}

// The line that opens an article in Omnivore's single-file mode.
const ARTICLE_START_LINE = /^%%[^%\n]+_start%%[ \t]*\r?$/;

/**
 * Whether the note opens with the heading at `at`: only blank lines and thematic breaks stand above
 * it, or the start of the one article a note of single-file mode holds (of several, the first
 * article's heading is not the note's).
 */
function opensWith(body: string, at: number): boolean {
	const lines = body.slice(0, at).split("\n");
	if (lines.every((line) => BLANK_OR_RULE.test(line))) return true;
	return lines.every((line) => BLANK_OR_RULE.test(line) || ARTICLE_START_LINE.test(line)) && singleFileArticles(body).length === 0;
}

/**
 * The article's heading: the one just above the `#Omnivore` tag line, or the heading the note opens
 * with, or else its first level-1 heading above any level-1 section heading; never a section heading
 * (`## Highlights`, `# Content`).
 * As Obsidian shows it: a template that escaped the title (`# {{title}}`) wrote `&amp;` for `&`.
 */
export function articleHeading(body: string, code: TextRange[], tagName: string): string | undefined {
	const heading = headingAboveTag(body, code, tagName);
	return heading === undefined ? undefined : decodeHtmlEntities(heading);
}

function headingAboveTag(body: string, code: TextRange[], tagName: string): string | undefined {
	const found = headings(body, code);
	const all = found.filter((h) => !isSectionHeading(h.text));
	const tagAt = bodyTagIndex(body, tagName, code);
	// Stryker disable next-line ConditionalExpression,UnaryOperator: without a tag no heading ends before the start
	if (tagAt !== -1) {
		// Stryker disable next-line StringLiteral,ArithmeticOperator: a tag starts with "#", never with a line break
		const lineStart = body.lastIndexOf("\n", tagAt - 1) + 1;
		// Stryker disable next-line EqualityOperator: a heading ends before its line break, never at the next line's start
		const above = [...all].reverse().find((h) => h.end <= lineStart);
		if (above) return above.text;
	}
	const first = all[0];
	if (first && opensWith(body, first.start)) return first.text;
	// Below a template's section heading of the first level (`# Article text`, `# Highlights`) the
	// headings are the article's own or the reader's: the title stands above it.
	const section = found.find((h) => h.level === 1 && isSectionHeading(h.text));
	return all.find((h) => h.level === 1 && (section === undefined || h.start < section.start))?.text;
}

/**
 * An unquoted title such as `The Weekly Dispatch #112` reads in YAML as "The Weekly Dispatch" and a
 * comment. When the note's heading is exactly the two together, the heading is the real title.
 */
export function titleCutByComment(frontmatter: FrontmatterEditor, key: string, heading: string | undefined): string | undefined {
	const comment = frontmatter.trailingComment(key);
	const value = frontmatter.getText(key);
	if (!comment || !heading || value === undefined) return undefined;
	const full = oneLine(heading);
	// The heading as Obsidian shows it: a title a template HTML-escaped is compared decoded.
	const written = `${value} ${comment}`;
	return full === written || full === mustacheUnescaped(written) ? full : undefined;
}
