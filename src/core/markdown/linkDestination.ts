// Reads a Markdown inline link destination: `<...>` or a run without spaces whose parentheses balance.

export interface Destination {
	/** The destination as written, without angle brackets. */
	url: string;
	/** Offset just after the destination. */
	end: number;
	angle: boolean;
}

/** `start` is the offset just after the `(` of `](`. Returns null when there is no valid destination. */
export function readLinkDestination(text: string, start: number): Destination | null {
	if (text[start] === "<") {
		const close = text.indexOf(">", start + 1);
		const newline = text.indexOf("\n", start + 1);
		if (close === -1 || (newline !== -1 && newline < close)) return null;
		return { url: text.slice(start + 1, close), end: close + 1, angle: true };
	}
	const end = endOfParenthesizedRun(text, start);
	return end === start ? null : { url: text.slice(start, end), end, angle: false };
}

/** End of a run without whitespace in which parentheses balance; stops at the first unbalanced `)`. */
export function endOfParenthesizedRun(text: string, start: number): number {
	let depth = 0;
	let i = start;
	for (; i < text.length; i++) {
		const ch = text[i];
		if (ch === "\\" && i + 1 < text.length && text[i + 1] !== "\n") {
			i++;
		} else if (ch === "(") {
			depth++;
		} else if (ch === ")") {
			if (depth === 0) break;
			depth--;
		} else if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
			break;
		}
	}
	return i;
}
