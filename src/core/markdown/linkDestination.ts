// Reads a Markdown inline link destination: `<...>` or a run without spaces whose parentheses balance.

export interface Destination {
	/** The destination as written, without angle brackets. */
	url: string;
	/** Offset just after the destination. */
	end: number;
	angle: boolean;
}

/** A URL written as a link destination that Markdown reads back whole: spaces and parentheses encoded. */
export function asLinkDestination(url: string): string {
	return url.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29");
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
		switch (text.charCodeAt(i)) {
			case 0x5c: // a backslash escapes the next character
				if (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a) i++;
				break;
			case 0x28:
				depth++;
				break;
			case 0x29:
				if (depth === 0) return i;
				depth--;
				break;
			case 0x20:
			case 0x09:
			case 0x0a:
			case 0x0d:
				return i;
		}
	}
	return i;
}
