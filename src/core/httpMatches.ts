// Finds a pattern that starts with `https?:` (any case) from the colon in each match: a text holds far
// fewer colons than characters, and the pattern is tried only where `http:` or `https:` could end,
// rather than at every character as a global pattern's search does.

/** The first match of `sticky` (flags `iy`, a pattern starting with `https?:`) that starts at or after `from`, or null. */
export function nextHttpMatch(text: string, sticky: RegExp, from: number): RegExpExecArray | null {
	// Stryker disable next-line StringLiteral: stepping through every character instead finds the same, slowly
	for (let colon = text.indexOf(":", from); colon !== -1; colon = text.indexOf(":", colon + 1)) {
		// `p` or `s` in either case.
		const before = text.charCodeAt(colon - 1) | 0x20;
		// Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a fast path; the pattern finds no match there either
		if (before !== 0x70 && before !== 0x73) continue;
		const start = before === 0x73 ? colon - 5 : colon - 4;
		if (start < from) continue;
		sticky.lastIndex = start;
		const match = sticky.exec(text);
		if (match) return match;
	}
	return null;
}
