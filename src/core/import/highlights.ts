// Reads Omnivore's `highlights/{slug}.md` and writes highlights back as Markdown that keeps each quote whole.

import { findCodeRanges } from "../markdown/codeRanges";
import { cleanTag } from "../omnivore/tags";

export interface ExportHighlight {
	/** The highlighted text, paragraphs separated by blank lines; absent for a note on the whole article. */
	quote?: string;
	labels: string[];
	note?: string;
}

// A blank line (spaces allowed) separates the parts of a highlight and the highlights themselves.
const BLANK_LINE = /\n[ \t]*\n/;
const LABELS_LINE = /^#[^\s#]\S*(?:[^\S\n]+\S+)*$/;

/**
 * Each highlight is `> {quote} `, then `\n\n#label #label` and `\n\n{note}` when present, joined by
 * blank lines; a note on the article is its text alone. Omnivore turned a quote's empty lines into
 * `> ` lines and left its other lines without `>`, so every line up to the next blank line is quote.
 */
export function parseHighlights(markdown: string): ExportHighlight[] {
	const chunks = markdown
		.replace(/^\uFEFF/, "")
		.replace(/\r\n?/g, "\n")
		.split(BLANK_LINE)
		// A split leaves at most one line break at a chunk's start (three in a row).
		.map((chunk) => chunk.replace(/^\n|\s+$/g, ""))
		.filter((chunk) => chunk !== "");
	const highlights: ExportHighlight[] = [];
	let current: ExportHighlight | null = null;
	for (const chunk of chunks) {
		if (chunk.startsWith(">")) {
			current = { quote: quoteOf(chunk), labels: [] };
			highlights.push(current);
		} else if (current && current.labels.length === 0 && current.note === undefined && LABELS_LINE.test(chunk)) {
			// Labels come right after the quote; a line of hashtags after them or after the note is note.
			current.labels = labelsOf(chunk);
		} else if (current) {
			current.note = current.note === undefined ? chunk : `${current.note}\n\n${chunk}`;
		} else {
			// A note on the article before any highlight; later text belongs to the highlight above it.
			highlights.push({ labels: [], note: chunk });
		}
	}
	return highlights.filter((h) => h.quote !== "" || h.note !== undefined);
}

function quoteOf(chunk: string): string {
	return chunk
		.split("\n")
		.map((line) => line.replace(/^>[ \t]?/, "").replace(/\s+$/, ""))
		.join("\n")
		.replace(/\n{3,}/g, "\n\n")
		.trim();
}

/** `#To Read #work`: a label may hold spaces, so labels are split where the next `#` starts. */
function labelsOf(line: string): string[] {
	return line
		.split(/\s+(?=#)/)
		.map((label) => label.slice(1))
		.filter((label) => label !== "");
}

/** A label as a body tag: Obsidian's tags hold no spaces. */
export function labelTag(label: string): string {
	return `#${cleanTag(label)}`;
}

/**
 * `text` with the code fence it leaves open closed on a line of its own (an article's broken code
 * block, a fence in a highlight's note): what follows would be code. Closing it where the note ends changes nothing above.
 */
export function closeOpenFence(text: string, eol: string): string {
	const probe = `${text}\n\n.`;
	const code = findCodeRanges(probe).find((range) => range.end >= probe.length);
	// Only a fence at the margin (indented up to three spaces): one in a quote or a list item ends with
	// it, and a fence written below would open one.
	const fence = code === undefined ? undefined : /^ {0,3}(`{3,}|~{3,})/.exec(probe.slice(code.start))?.[1];
	return fence === undefined ? text : text + eol + fence;
}

/** One highlight as Markdown: every line of the quote inside the blockquote, then its labels and note. */
export function renderHighlight(highlight: ExportHighlight): string {
	const parts: string[] = [];
	if (highlight.quote !== undefined) {
		parts.push(
			highlight.quote
				.split("\n")
				.map((line) => (line === "" ? ">" : `> ${line}`))
				.join("\n"),
		);
	}
	if (highlight.labels.length > 0) parts.push(highlight.labels.map(labelTag).join(" "));
	// A fence the note leaves open would make the highlights below it, and the content, code.
	if (highlight.note !== undefined) parts.push(closeOpenFence(highlight.note, "\n"));
	return parts.join("\n\n");
}

/** Text compared without blockquote markers, list of spaces or line breaks: how a quote is found in a note. */
export function comparableText(text: string): string {
	// (`^` in multiline mode starts a line after a CR too.)
	return text
		.replace(/^[ \t]*(?:>[ \t]?)+/gm, "")
		.replace(/\s+/g, " ")
		.trim();
}

/** Whether a highlight's text (its quote, or the note on it) is in a note's text, given as `comparableText`; no text is. */
export function textIsIn(text: string | undefined, comparableNote: string): boolean {
	return text === undefined || comparableNote.includes(comparableText(text));
}
