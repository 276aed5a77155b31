// Splits a note into BOM, frontmatter block and body, and puts it back together byte for byte.

import { hasMixedLineEndings, withOriginalLineEndings } from "./mixedLineEndings";

export type LineEnding = "\n" | "\r\n";

/**
 * The largest note in UTF-8 the tools read or make: more than any Omnivore article. The CLI skips a
 * larger file (reading it whole would only cost memory), so an import makes none, or it would not
 * find its own note again.
 */
export const MAX_NOTE_BYTES = 20 * 1024 * 1024;

export interface NoteParts {
	/** `"\uFEFF"` or `""`. */
	bom: string;
	/** Line ending used by the note (its first line break); new lines are written with it. */
	eol: LineEnding;
	/** The frontmatter block, or null when the note has none. */
	frontmatter: FrontmatterBlock | null;
	/** Everything after the closing delimiter line (or the whole note without its BOM). */
	body: string;
	/** Number of lines before the body, to turn body line numbers into note line numbers. */
	bodyLineOffset: number;
	/** The note opens a frontmatter block (`---` on its first line) that never closes. */
	unclosedFrontmatter?: boolean;
	/** The first line is `---` with a comment after it (`--- # mine`): YAML, but no properties to Obsidian. */
	commentedOpening?: boolean;
}

export interface FrontmatterBlock {
	/** The opening delimiter line with its line break, e.g. `"---\r\n"`. */
	open: string;
	/** The YAML text between the delimiter lines, with its own line breaks. */
	yaml: string;
	/** The closing delimiter line with its line break (none at the end of the file). */
	close: string;
}

const OPEN = /^---[ \t]*(\r?\n)/;
const COMMENTED_OPEN = /^---[ \t]+#/;
const CLOSE = /^---[ \t]*(?:\r?\n|$)/m;

/**
 * Whether the text breaks its lines with carriage returns alone (classic Mac OS files), more of them
 * than with `\n` (a tool may have added a final line break), or ends most lines in CR CR LF (a CRLF
 * file converted to CRLF again): the engine splits lines at `\n`, so it would read such a note as a
 * few long lines, or as lines ending in a stray `\r`, and miss its frontmatter. A stray `\r` in a note
 * of `\n` lines is a character.
 */
export function breaksLinesWithCrAlone(text: string): boolean {
	let alone = 0;
	for (let at = text.indexOf("\r"); at !== -1; at = text.indexOf("\r", at + 1)) if (text[at + 1] !== "\n") alone++;
	// Stryker disable next-line ConditionalExpression: a fast path; with no lone CR the count below says no as well
	if (alone === 0) return false;
	let breaks = 0;
	for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) breaks++;
	if (alone > breaks) return true;
	let doubled = 0;
	for (let at = text.indexOf("\r\r\n"); at !== -1; at = text.indexOf("\r\r\n", at + 3)) doubled++;
	return doubled * 2 > breaks;
}

export function detectLineEnding(text: string): LineEnding {
	// No break (-1) or a break first (0) looks before the text: undefined, so "\n".
	return text[text.indexOf("\n") - 1] === "\r" ? "\r\n" : "\n";
}

export function splitNote(text: string): NoteParts {
	const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
	const rest = text.slice(bom.length);
	const eol = detectLineEnding(rest);
	const open = OPEN.exec(rest);
	if (open) {
		const afterOpen = rest.slice(open[0].length);
		const close = CLOSE.exec(afterOpen);
		if (close) {
			const yaml = afterOpen.slice(0, close.index);
			const closeText = close[0];
			const body = afterOpen.slice(close.index + closeText.length);
			return {
				bom,
				eol,
				frontmatter: { open: open[0], yaml, close: closeText },
				body,
				bodyLineOffset: countLines(rest.slice(0, rest.length - body.length)),
			};
		}
	}
	const parts: NoteParts = { bom, eol, frontmatter: null, body: rest, bodyLineOffset: 0, unclosedFrontmatter: open !== null };
	return !open && COMMENTED_OPEN.test(rest) ? { ...parts, commentedOpening: true } : parts;
}

export function joinNote(parts: NoteParts): string {
	const fm = parts.frontmatter;
	if (!fm) return parts.bom + parts.body;
	// A closing line at the very end of a file has no line break; the body then needs one before it.
	const close = fm.close.endsWith("\n") || parts.body === "" ? fm.close : fm.close + parts.eol;
	return parts.bom + fm.open + fm.yaml + close + parts.body;
}

/**
 * The note with its frontmatter's YAML (written with `\n`) replaced, or a block added, in the note's line
 * endings; in a block of mixed line endings, each line kept as it was ends as it did.
 */
export function withFrontmatterYaml(parts: NoteParts, yaml: string): NoteParts {
	const before = parts.frontmatter?.yaml ?? "";
	// The block's own line ending first: its lines may end otherwise than the note's first line.
	const eol = before.includes("\n") ? detectLineEnding(before) : parts.eol;
	const text = hasMixedLineEndings(before) ? withOriginalLineEndings(before, yaml) : eol === "\r\n" ? yaml.replace(/\r?\n/g, "\r\n") : yaml;
	return { ...parts, frontmatter: parts.frontmatter ? { ...parts.frontmatter, yaml: text } : newFrontmatterBlock(text, parts.eol) };
}

/** A new frontmatter block for a note that had none. */
export function newFrontmatterBlock(yaml: string, eol: LineEnding): FrontmatterBlock {
	return { open: `---${eol}`, yaml, close: `---${eol}` };
}

export function countLines(text: string): number {
	let n = 0;
	for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
	return n;
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
	return countLines(text.slice(0, offset)) + 1;
}
