// The spans reading time leaves out, replaced as `text.replace(pattern, …)` would replace them, in
// linear time: those patterns, tried at every `<` or `](` of a text with no closing after it, scan
// to its end each time (seconds on a long escaped body).

import { nextIndexOf } from "./nextIndexOf";

/**
 * Each span that starts at an `opening` replaced by `replacement`, the search going on after it.
 * `endOf` gives the index just past the span starting at `open`, `undefined` when none starts there,
 * `null` when none can start there or later.
 */
function replaceSpans(text: string, opening: string, replacement: string, endOf: (open: number) => number | null | undefined): string {
	let out = "";
	let copied = 0;
	for (let open = text.indexOf(opening); open !== -1; ) {
		const end = endOf(open);
		if (end === null) break;
		if (end === undefined) {
			open = text.indexOf(opening, open + 1);
			continue;
		}
		out += text.slice(copied, open) + replacement;
		copied = end;
		open = text.indexOf(opening, copied);
	}
	return out + text.slice(copied);
}

/** A tag's name starts with a letter, `/` or `!` (`<b>`, `</b>`, `<!-- -->`): `x < 5` opens none. */
export function opensTag(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 47 || code === 33;
}

/** `text.replace(/<[A-Za-z/!][^>]*>/g, " ")`. */
export function withoutHtmlTags(text: string): string {
	const closing = nextIndexOf(text, ">");
	return replaceSpans(text, "<", " ", (open) => {
		// Not a tag: the search goes on from the next character.
		if (!opensTag(text.charCodeAt(open + 1))) return undefined;
		const close = closing(open + 1);
		return close === -1 ? null : close + 1;
	});
}

/** `text.replace(/!\[[^\]]*\]\([^)]*\)/g, " ")`. */
export function withoutImages(text: string): string {
	const bracket = nextIndexOf(text, "]");
	const parenthesis = nextIndexOf(text, ")");
	return replaceSpans(text, "![", " ", (open) => {
		const end = bracket(open + 2);
		if (end === -1) return null;
		// The first `]` must open the address at once; if not, no match starts here.
		if (text.charCodeAt(end + 1) !== 40) return undefined;
		const close = parenthesis(end + 2);
		return close === -1 ? null : close + 1;
	});
}

/** `text.replace(/\]\([^)]*\)/g, "] ")`. */
export function withoutLinkTargets(text: string): string {
	const parenthesis = nextIndexOf(text, ")");
	return replaceSpans(text, "](", "] ", (open) => {
		const close = parenthesis(open + 2);
		return close === -1 ? null : close + 1;
	});
}
