// Whether a link stands on its line as a template writes it (`[Read on Omnivore](…)` alone, as a
// list item, after a label, beside the note's other links, with a date or a site after it), not
// inside a sentence that quotes it: a post about Omnivore shows its link in prose ("its plugin wrote
// [Read on Omnivore](…) under each title").

// A template's line is short: a link further from its line's ends stands in prose. Also bounds the
// work per link on a note of one long line.
const REACH = 1000;

// A template's words beside its link: a label (`Read it on Omnivore:`), a site, `5 min read`.
const MOST_WORDS = 4;

// Links (their text may hold brackets, their address parentheses: `[[2305.10601] Tree](…)`,
// `…/Rust_(programming_language)`), wikilinks and HTML tags hold no words of the line.
const LINK = /\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\((?:[^()\n]|\([^()\n]*\))*\)|\[\[[^[\]\n]*\]\]|<[^<>\n]*>/g;

// The link's own opening before its address (`[label](`, `[label](<`, `<` of an autolink, an HTML
// anchor's `<a href="`), and its closing after (the rest of the address, a title, `)`, `">label</a>`).
const OPENING = /(?:\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\(<?|<a\s[^<>\n]*?href=["']?|<|\[)$/i;
const CLOSING = /^[^\s)>"']*(?:["']?[^<>\n]*>[^<\n]*<\/a>|>?(?:[ \t]+"[^"\n]*")?\)?)/i;

/** Whitespace-separated runs holding a letter: words, not dates, markers or symbols. */
function wordsIn(text: string): number {
	let words = 0;
	for (const run of text.replace(LINK, " ").split(/\s+/)) if (/\p{L}/u.test(run)) words++;
	return words;
}

/** Whether the address at `start` to `end` of `body` stands on its line as a template's link. */
export function standsOnItsLine(body: string, start: number, end: number): boolean {
	// Only the text within reach is searched for the line's ends.
	const from = Math.max(0, start - REACH);
	const before = body.slice(from, start);
	const lineStart = before.lastIndexOf("\n");
	if (lineStart === -1 && from > 0) return false;
	const after = body.slice(end, end + REACH + 1);
	const lineEnd = after.indexOf("\n");
	if (lineEnd === -1 && end + after.length < body.length) return false;
	const wordsBefore = wordsIn(before.slice(lineStart + 1).replace(OPENING, ""));
	const wordsAfter = wordsIn((lineEnd === -1 ? after : after.slice(0, lineEnd)).replace(CLOSING, ""));
	// In a sentence: words on both sides, or more than a label's.
	const inSentence = (wordsBefore >= 1 && wordsAfter >= 2) || (wordsBefore >= 2 && wordsAfter >= 1);
	return !inSentence && wordsBefore + wordsAfter <= MOST_WORDS;
}
