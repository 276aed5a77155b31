// The spans reading time leaves out, replaced as `text.replace(pattern, …)` would replace them, in
// linear time: those patterns, tried at every `<` or `](` of a text with no closing after it, scan
// to its end each time (seconds on a long escaped body).

/** The first index of `char` at or after `from`, remembered: asked with growing `from`, the text is read once. */
function nextOf(text: string, char: string): (from: number) => number {
	let found = -2;
	return (from) => {
		if (found === -2 || (found !== -1 && found < from)) found = text.indexOf(char, from);
		return found;
	};
}

/** `text.replace(/<[^>]+>/g, " ")`. */
export function withoutHtmlTags(text: string): string {
	const closing = nextOf(text, ">");
	let out = "";
	let copied = 0;
	for (let open = text.indexOf("<"); open !== -1; ) {
		const close = closing(open + 1);
		if (close === -1) break;
		// `<>` is no tag: the search goes on from the next character.
		if (close === open + 1) {
			open = text.indexOf("<", open + 1);
			continue;
		}
		out += `${text.slice(copied, open)} `;
		copied = close + 1;
		open = text.indexOf("<", copied);
	}
	return out + text.slice(copied);
}

/** `text.replace(/!\[[^\]]*\]\([^)]*\)/g, " ")`. */
export function withoutImages(text: string): string {
	const bracket = nextOf(text, "]");
	const parenthesis = nextOf(text, ")");
	let out = "";
	let copied = 0;
	for (let open = text.indexOf("!["); open !== -1; ) {
		const end = bracket(open + 2);
		if (end === -1) break;
		// The first `]` must open the address at once; if not, no match starts here.
		if (text.charCodeAt(end + 1) !== 40) {
			open = text.indexOf("![", open + 1);
			continue;
		}
		const close = parenthesis(end + 2);
		if (close === -1) break;
		out += `${text.slice(copied, open)} `;
		copied = close + 1;
		open = text.indexOf("![", copied);
	}
	return out + text.slice(copied);
}

/** `text.replace(/\]\([^)]*\)/g, "] ")`. */
export function withoutLinkTargets(text: string): string {
	const parenthesis = nextOf(text, ")");
	let out = "";
	let copied = 0;
	for (let open = text.indexOf("]("); open !== -1; ) {
		const close = parenthesis(open + 2);
		if (close === -1) break;
		out += `${text.slice(copied, open)}] `;
		copied = close + 1;
		open = text.indexOf("](", copied);
	}
	return out + text.slice(copied);
}
