// Finds the parts of Markdown that are code (fenced, indented, inline), which the engine never edits.

export interface TextRange {
	start: number;
	end: number;
}

const QUOTE_PREFIX = /^(?: {0,3}>[ ]?)*/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)/;

// The line that closes a fence: its character, at least as many. Made once for each usual length (a
// pattern made for every fence cost 1% of a tidy); a longer run is rare, and gets its own.
const closingFences = new Map<string, RegExp>();
function closingFence(char: string, length: number): RegExp {
	const key = `${char}${length}`;
	const pattern = closingFences.get(key) ?? new RegExp(`^ {0,3}${char === "`" ? "`" : "~"}{${length},}[ \\t]*$`);
	if (length <= 16) closingFences.set(key, pattern);
	return pattern;
}

const LIST_ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])([ \t]+|$)/;
// Blocks of one line, which paragraph text cannot continue: indented code may follow them at once.
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
// Under paragraph text, a line of = or - makes that text a heading.
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Columns the leading spaces and tabs of `text` take, `text` starting at `column` (a tab runs to the next multiple of four). */
function indentWidth(text: string, column = 0): number {
	let width = column;
	for (const ch of text) {
		if (ch === " ") width++;
		else if (ch === "\t") width += 4 - (width % 4);
		else break;
	}
	return width - column;
}

/** How many quotes a line is in: the `>` of its quote prefix. */
function quoteDepth(line: string): number {
	// Stryker disable next-line OptionalChaining: the prefix pattern matches every line, if only as ""
	const prefix = QUOTE_PREFIX.exec(line)?.[0] ?? "";
	let depth = 0;
	for (const ch of prefix) if (ch === ">") depth++;
	return depth;
}

function isBlank(text: string): boolean {
	return /^[ \t]*$/.test(text);
}

/**
 * A line starting with one of these can only be paragraph text (it cannot open or close a fence,
 * be indented, quoted or a list item), so the scan below skips it without further work.
 */
function isPlainStart(code: number): boolean {
	switch (code) {
		case 0x20: // space
		case 0x09: // tab
		case 0x0a: // \n: a blank line
		case 0x0d: // \r
		case 0x3e: // >
		case 0x60: // `
		case 0x7e: // ~
		case 0x2d: // -
		case 0x2b: // +
		case 0x2a: // *
		case 0x23: // #: a heading
		case 0x5f: // _: a thematic break
		case 0x3d: // =: a heading's underline
			return false;
		default:
			// Digits may start an ordered list item.
			return !(code >= 0x30 && code <= 0x39);
	}
}

/** Fenced and indented code blocks, as ranges of whole lines. */
function findCodeBlocks(text: string): TextRange[] {
	const ranges: TextRange[] = [];
	/** The open fence: where it starts, the pattern of the line that closes it, and how many quotes it is in. */
	let fence: { start: number; close: RegExp; quotes: number } | null = null;
	let listIndent = 0;
	// Whether the line before was paragraph text: indented code cannot interrupt a paragraph.
	let afterText = false;
	let lastEnd = 0;

	for (let start = 0; start < text.length; ) {
		const newline = text.indexOf("\n", start);
		const next = newline === -1 ? text.length : newline + 1;
		let end = newline === -1 ? text.length : newline;
		if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
		const previousEnd = lastEnd;
		lastEnd = end;
		const line = { start, end };
		start = next;

		// A fence opened in a quote ends with the quote (CommonMark): a line outside it is not code.
		if (fence && fence.quotes > 0 && quoteDepth(text.slice(line.start, line.end)) < fence.quotes) {
			ranges.push({ start: fence.start, end: previousEnd });
			fence = null;
			afterText = false;
		}

		// Stryker disable next-line ConditionalExpression: a fast path; the lines it skips read the same below
		if (isPlainStart(text.charCodeAt(line.start))) {
			// Paragraph text: inside a fence it is code; outside it ends a list after a blank line.
			if (!fence) {
				if (listIndent > 0 && !afterText) listIndent = 0;
				afterText = true;
			}
			continue;
		}
		if (line.start === line.end) {
			// An empty line: blank, or more of a fence.
			if (!fence) afterText = false;
			continue;
		}
		const raw = text.slice(line.start, line.end);
		// Stryker disable next-line OptionalChaining: the prefix pattern matches every line, if only as ""
		const prefix = QUOTE_PREFIX.exec(raw)?.[0] ?? "";
		const content = raw.slice(prefix.length);
		if (fence) {
			if (fence.close.test(content)) {
				ranges.push({ start: fence.start, end: line.end });
				fence = null;
				afterText = false;
			}
			continue;
		}
		const open = FENCE_OPEN.exec(content);
		if (open && !(open[2][0] === "`" && open[3].includes("`"))) {
			const char = open[2][0];
			fence = { start: line.start, close: closingFence(char, open[2].length), quotes: quoteDepth(prefix) };
			continue;
		}
		if (isBlank(content)) {
			afterText = false;
			continue;
		}
		const indent = indentWidth(content);
		if (indent >= listIndent + 4 && !afterText) {
			ranges.push({ start: line.start, end: line.end });
			continue;
		}
		if (ATX_HEADING.test(content) || THEMATIC_BREAK.test(content) || (afterText && SETEXT_UNDERLINE.test(content))) {
			if (indent < listIndent && !afterText) listIndent = 0;
			afterText = false;
			continue;
		}
		const item = LIST_ITEM.exec(content);
		if (item) {
			const marker = item[1].length + item[2].length;
			// Five columns or more after the marker: the item starts with indented code, its content one column after the marker.
			if (indentWidth(item[3], marker) >= 5 && !isBlank(content.slice(item[0].length))) {
				listIndent = marker + 1;
				ranges.push({ start: line.start, end: line.end });
				afterText = false;
				continue;
			}
			listIndent = item[3] === "" ? item[0].length + 1 : item[0].length;
		} else if (indent < listIndent && !afterText) {
			listIndent = 0;
		}
		afterText = true;
	}
	// An unclosed fence runs to the end of the document.
	if (fence) ranges.push({ start: fence.start, end: lastEnd });
	return ranges;
}

const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/g;

/** The run of backticks starting at or after `from`, or null: what `/`+/g` finds, without a pattern tried at every position. */
function backtickRun(text: string, from: number): { start: number; length: number } | null {
	const start = text.indexOf("`", from);
	if (start === -1) return null;
	let end = start + 1;
	while (text.charCodeAt(end) === 0x60) end++;
	return { start, length: end - start };
}

/** Inline code spans outside the given blocks: a run of N backticks up to the next run of exactly N. */
function findCodeSpans(text: string, blocks: TextRange[]): TextRange[] {
	const spans: TextRange[] = [];
	for (let run = backtickRun(text, 0); run !== null; ) {
		const { start, length } = run;
		if (isInside(blocks, start)) {
			run = backtickRun(text, start + length);
			continue;
		}
		if (isEscaped(text, start)) {
			// Only the first backtick is escaped: the rest of the run may still open a span.
			run = length > 1 ? { start: start + 1, length: length - 1 } : backtickRun(text, start + 1);
			continue;
		}
		const closer = findCloser(text, start + length, length, blocks);
		if (closer !== -1) spans.push({ start, end: closer + length });
		run = backtickRun(text, closer === -1 ? start + length : closer + length);
	}
	return spans;
}

function findCloser(text: string, from: number, length: number, blocks: TextRange[]): number {
	PARAGRAPH_BREAK.lastIndex = from;
	const paragraphEnd = PARAGRAPH_BREAK.exec(text);
	const limit = paragraphEnd ? paragraphEnd.index : text.length;
	// Stryker disable next-line EqualityOperator: the limit is a line break, where no run of backticks starts
	for (let run = backtickRun(text, from); run !== null && run.start < limit; run = backtickRun(text, run.start + run.length)) {
		if (isInside(blocks, run.start)) return -1;
		if (run.length === length) return run.start;
	}
	return -1;
}

/** Whether the character at `index` follows an odd run of backslashes (a Markdown escape). */
export function isEscaped(text: string, index: number): boolean {
	let backslashes = 0;
	for (let i = index - 1; i >= 0 && text[i] === "\\"; i--) backslashes++;
	return backslashes % 2 === 1;
}

/** All code in a Markdown text, sorted by start. */
export function findCodeRanges(text: string): TextRange[] {
	const blocks = findCodeBlocks(text);
	const spans = findCodeSpans(text, blocks);
	return [...blocks, ...spans].sort((a, b) => a.start - b.start);
}

/** Whether `index` falls in one of the sorted, non-overlapping `ranges`. */
export function isInside(ranges: TextRange[], index: number): boolean {
	let low = 0;
	let high = ranges.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const range = ranges[mid];
		if (index < range.start) high = mid - 1;
		else if (index >= range.end) low = mid + 1;
		else return true;
	}
	return false;
}

/** The first match of a global pattern that does not start in code. */
export function firstOutsideCode(pattern: RegExp, text: string, ranges: TextRange[]): RegExpExecArray | undefined {
	pattern.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(text)) !== null) {
		if (match[0] === "") pattern.lastIndex++;
		if (!isInside(ranges, match.index)) return match;
	}
	return undefined;
}
