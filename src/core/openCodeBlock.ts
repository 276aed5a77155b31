// Proxied images an article's code block left open hides: the block never closes, so Obsidian shows
// the rest of the note as code, and tidy (which never edits code) leaves its images on the dead proxy.

import { findCodeRanges, type TextRange } from "./markdown/codeRanges";
import { lineAt } from "./markdown/lineAt";
import { nextProxyUrl, type ProxyMatcher } from "./proxyUrls";
import type { Problem } from "./report";

/** The code block that runs to the end of `body` unclosed (the last of `code`): where it starts, and its line in the body. */
export function openCodeBlock(body: string, code: TextRange[]): { start: number; line: number } | null {
	const last = code.at(-1);
	// Only a block that reaches the note's end may be open (one closed on the last line reaches it too).
	if (last === undefined || last.end < body.trimEnd().length) return null;
	const probe = `${body}\n\n.`;
	if (!findCodeRanges(probe).some((range) => range.start === last.start && range.end >= probe.length)) return null;
	return { start: last.start, line: lineAt(body, last.start) };
}

/** The proxied images in a code block left open at the end of the note, and the line it opens on. */
export function imagesInOpenCode(body: string, code: TextRange[], matcher: ProxyMatcher): { count: number; line: number; start: number } | null {
	const open = openCodeBlock(body, code);
	if (open === null) return null;
	let count = 0;
	for (let found = nextProxyUrl(body, matcher, open.start); found !== null; found = nextProxyUrl(body, matcher, found.end)) count++;
	return count === 0 ? null : { count, line: open.line, start: open.start };
}

/** The problem of such images; `line` (the block's first) is the body's, which the report shifts to the note's. */
export function openCodeProblem(found: { count: number; line: number }): Problem {
	const images = found.count === 1 ? "1 proxied image was" : `${found.count} proxied images were`;
	return {
		code: "open-code-block",
		line: found.line,
		message: `${images} left on Omnivore's dead proxy: the code block that opens on this line is never closed (the article's, cut short), so Obsidian shows the rest of the note as code, which tidy never edits. Close it with a line of three backticks where its code ends, and tidy again.`,
	};
}

/** The problem of a note that is an Omnivore note only by the links such a block holds: it is left as it is. */
export function hiddenLinksProblem(line: number): Problem {
	return {
		code: "open-code-block",
		line,
		message:
			"This looks like an Omnivore note, but its Omnivore links are inside a code block that opens on this line and is never closed (the article's, cut short), so Obsidian shows them as code, and the note was left as it was. Close the block with a line of three backticks where its code ends, and tidy again.",
	};
}
