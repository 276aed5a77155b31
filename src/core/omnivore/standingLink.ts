// Whether a link stands on its line as a template writes it (`[Read on Omnivore](…)` alone, as a
// list item, after a label, beside the note's other links), not inside a sentence that quotes it: a
// post about Omnivore shows its link in prose ("its plugin wrote [Read on Omnivore](…) under each title").

// A template's line is short: a link further from its line's ends stands in prose. Also bounds the
// work per link on a note of one long line.
const REACH = 1000;

// Markers, separators and decoration around a template's links: indentation, list, quote and table
// markers, bold, dashes, bullets, symbols and emoji (with their joiners and variation selectors).
const AROUND = String.raw`[\s>*+|•·_~,/\-\p{Pd}\p{So}\p{Sk}\p{Mn}\p{Cf}]`;
const LINK = String.raw`\[[^\]\n]*\]\([^)\n]*\)`;
// A label before the link (`Omnivore:`, `**Link**:`): a few words ending with a colon.
const LABEL = String.raw`[^\s[\](){}.!?:：][^[\](){}.!?:：\n]{0,40}[:：]`;

// From the line's start to the link's address: markers, an ordered list's number, a label, other links,
// then the link's own opening (`[label](`, `[label](<`, or `<` of an autolink).
const BEFORE = new RegExp(String.raw`^${AROUND}*(?:\d{1,9}[.)]${AROUND}*)?(?:${LABEL}${AROUND}*)?(?:${LINK}${AROUND}*)*(?:\[[^\]\n]*\]\(<?|<)?$`, "u");
// From the address to the line's end: the rest of the address, a title, the closing, then other links.
const AFTER = new RegExp(String.raw`^[^\s)>]*>?(?:[ \t]+"[^"\n]*")?\)?${AROUND}*(?:${LINK}${AROUND}*)*$`, "u");

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
	return BEFORE.test(before.slice(lineStart + 1)) && AFTER.test(lineEnd === -1 ? after : after.slice(0, lineEnd));
}
