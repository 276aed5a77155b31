// Proxied images an article's code block left open hides: the block never closes, so Obsidian shows
// the rest of the note as code, and tidy (which never edits code) leaves its images on the dead proxy.

import { findCodeRanges, type TextRange } from "./markdown/codeRanges";
import { nextProxyUrl, type ProxyMatcher } from "./proxyUrls";
import type { Problem } from "./report";

/** Where a code block that runs to the end of `body` unclosed starts, or undefined. */
function openCodeStart(body: string, code: TextRange[]): number | undefined {
	const last = code.at(-1);
	// Only a block that reaches the note's end may be open (one closed on the last line reaches it too).
	if (last === undefined || last.end < body.trimEnd().length) return undefined;
	const probe = `${body}\n\n.`;
	return findCodeRanges(probe).some((range) => range.start === last.start && range.end >= probe.length) ? last.start : undefined;
}

/** The proxied images in a code block left open at the end of the note, and the line it opens on. */
export function imagesInOpenCode(body: string, code: TextRange[], matcher: ProxyMatcher): { count: number; line: number } | null {
	const start = openCodeStart(body, code);
	if (start === undefined) return null;
	let count = 0;
	for (let found = nextProxyUrl(body, matcher, start); found !== null; found = nextProxyUrl(body, matcher, found.end)) count++;
	if (count === 0) return null;
	let line = 1;
	for (let i = body.indexOf("\n"); i !== -1 && i < start; i = body.indexOf("\n", i + 1)) line++;
	return { count, line };
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
