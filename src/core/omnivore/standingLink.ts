// Whether a link stands as a template writes it (alone on its line, as a list item or a table cell,
// after a label, beside other links, with a date, an author or a site after it), not in the middle of
// a sentence that quotes it: a post about Omnivore shows its link in prose ("its plugin wrote
// [Read on Omnivore](…) under each title"), with words right before and right after it.

// How much text either side of a link is read: its neighbours, and the lines around it when it starts
// or ends its line (a link's label or a line may be long; a note of one long line is not read whole).
const REACH = 1000;

// The link's own opening before its address (`[label](`, `[label](<`, `<` of an autolink, an HTML
// anchor's `<a href="`, `[` of a label that is the address itself), and its closing after it (the rest
// of the address, a title, `)`, `">label</a>`, `]`).
const OPENING = /(?:\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\(<?|<a\s[^<>\n]*?href=["']?|<|\[)$/i;
const CLOSING = /^[^\s)>"'\]]*(?:["']?[^<>\n]*>[^<\n]*<\/a>|>?(?:[ \t]+"[^"\n]*")?\)?)/i;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
// A line of prose a sentence may run on from or to (a hard-wrapped paragraph): three words at least,
// not a heading, a list item, a quote or a table row, which end their line.
const PROSE_LINE = /^(?![ \t]*(?:#{1,6}[ \t]|[-*+>|][ \t]|\d{1,9}[.)][ \t]))\S+(?:[ \t]+\S+){2,}/u;

/** Whether a letter or digit is the last character of `text` past spaces (one or two UTF-16 units). */
function endsWithWord(text: string): boolean {
	return WORD_CHARACTER.test(Array.from(text.trimEnd().slice(-2)).at(-1) ?? "");
}

/** Whether a letter or digit is the first character of `text` past spaces. */
function startsWithWord(text: string): boolean {
	return WORD_CHARACTER.test(Array.from(text.trimStart().slice(0, 2))[0] ?? "");
}

/** Whether the address at `start` to `end` of `body` stands as a template's link, not inside a sentence. */
export function standsAsTemplateLink(body: string, start: number, end: number): boolean {
	// Only the text within reach is read: the characters right beside the link, or the lines around
	// it when it starts or ends its line (in the same paragraph: no blank line between).
	const before = body.slice(Math.max(0, start - REACH), start).split("\n");
	const after = body.slice(end, end + REACH).split("\n");
	const head = before[before.length - 1].replace(OPENING, "");
	const tail = after[0].replace(CLOSING, "").replace(/\r$/, "");
	const above = (before.at(-2) ?? "").replace(/\r$/, "");
	const below = (after[1] ?? "").replace(/\r$/, "");
	const wordBefore = head.trim() !== "" ? endsWithWord(head) : PROSE_LINE.test(above) && endsWithWord(above);
	const wordAfter = tail.trim() !== "" ? startsWithWord(tail) : PROSE_LINE.test(below) && startsWithWord(below);
	return !(wordBefore && wordAfter);
}
