// Whether a link stands on its line as a template writes it (`[Read on Omnivore](…)` alone, as a
// list item or a heading, after a label, in a table or a callout, beside the note's other links),
// not inside a sentence that quotes it: a post about Omnivore shows its link in prose ("its plugin
// wrote [Read on Omnivore](…) under each title").

// A template's line is short: a link further from its line's ends stands in prose. Also bounds the
// work per link on a note of one long line.
const REACH = 1000;

// What a template's line holds besides the link, each read where the last one ended (sticky, tried
// in order, never taken back: a line is read in one pass, whatever it holds).
const TOKEN = {
	// Indentation, list, quote and table markers, bold, dashes, bullets, symbols and emoji (with their joiners and variation selectors).
	around: /[\s>*+|•·_~,/\-\p{Pd}\p{So}\p{Sk}\p{Mn}\p{Cf}]+/uy,
	link: /\[[^\]\n]*\]\([^)\n]*\)/y,
	wikilink: /\[\[[^\]\n]*\]\]/y,
	numbered: /\d{1,9}[.)](?=\s)/y,
	heading: /#{1,6}(?=\s)/y,
	task: /\[[ xX]\](?=\s)/y,
	callout: /\[![^\]\n]*\][+-]?/y,
	tag: /#[^\s#[\]()]+/y,
	highlight: /==/y,
	// A label (`Omnivore:`, `**Link**:`, a Dataview field's `source::`): three words at most, ending with
	// a colon (a sentence ending with one, "its plugin wrote this:", introduces a quoted link).
	label: /[^\s[\](){}.!?:：|]{1,24}(?:[ \t]+[^\s[\](){}.!?:：|]{1,24}){0,2}[ \t]*(?:::?|：)/uy,
	// A table's cell of text beside the link's (`| Omnivore | [link](…) |`, `| 5 min read |`).
	cellBefore: /[^|\n[\]]{1,40}\|/y,
	cellAfter: /[ \t]*\|[^|\n[\]]{1,40}(?=\||$)/y,
	blockId: /[ \t]*\^[\w-]+$/y,
	lineBreak: /<br\s*\/?>|\\$/y,
	joiner: /(?:and|or|&)(?=\s)/y,
};

const BEFORE_TOKENS = [TOKEN.around, TOKEN.link, TOKEN.wikilink, TOKEN.numbered, TOKEN.heading, TOKEN.task, TOKEN.callout, TOKEN.tag, TOKEN.highlight, TOKEN.label, TOKEN.cellBefore];
const AFTER_TOKENS = [TOKEN.blockId, TOKEN.cellAfter, TOKEN.around, TOKEN.link, TOKEN.wikilink, TOKEN.tag, TOKEN.highlight, TOKEN.lineBreak, TOKEN.joiner];

// The link's own opening before its address (`[label](`, `[label](<`, `<` of an autolink, `[` of a
// label that is the address itself), and its closing after (the rest of the address, a title, `)`).
const OPENING = /(?:\[[^\]\n]*\]\(<?|<|\[)$/;
const CLOSING = /^[^\s)>]*>?(?:[ \t]+"[^"\n]*")?\)?/;

/** Whether `text` is made of the tokens alone. */
function onlyTokens(text: string, tokens: readonly RegExp[]): boolean {
	let at = 0;
	while (at < text.length) {
		const from = at;
		for (const token of tokens) {
			token.lastIndex = at;
			if (token.test(text)) {
				at = token.lastIndex;
				break;
			}
		}
		if (at === from) return false;
	}
	return true;
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
	const head = before.slice(lineStart + 1).replace(OPENING, "");
	const tail = (lineEnd === -1 ? after : after.slice(0, lineEnd)).replace(CLOSING, "").replace(/\r$/, "");
	return onlyTokens(head, BEFORE_TOKENS) && onlyTokens(tail, AFTER_TOKENS);
}
