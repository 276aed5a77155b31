// The comments of a frontmatter entry (`tags: [a]  # mine`, and comment lines under it), kept when
// the entry's value is replaced, whatever shape the new value takes.

import type { CST } from "yaml";

function isTrailing(token: CST.SourceToken): boolean {
	return token.type === "space" || token.type === "comment" || token.type === "newline";
}

type MapItem = CST.BlockMap["items"][number];

/**
 * The comment on an entry's first line, with the space before it: after a one-line value
 * (`tags: [a]  # mine`), or after the colon of a block value (`tags: # mine` over its items).
 * None without a comment.
 */
export function commentOf(item: MapItem): CST.SourceToken[] {
	const value = item.value;
	const end = value && "end" in value ? (value.end ?? []) : [];
	// `key: | # mine`: after a block scalar's header (its props are source tokens; the cast is for the types).
	const header = value?.type === "block-scalar" ? (value.props as CST.SourceToken[]) : [];
	// After the colon (which is no trailing token, so it is left out below).
	const afterColon = item.sep ?? [];
	for (const tokens of [end, header, afterColon]) {
		const comment = upToComment(firstLine(tokens).filter(isTrailing));
		if (comment.length > 0) return comment;
	}
	return [];
}

function firstLine(tokens: CST.SourceToken[]): CST.SourceToken[] {
	const lineEnd = tokens.findIndex((t) => t.type === "newline");
	return lineEnd === -1 ? tokens : tokens.slice(0, lineEnd + 1);
}

/**
 * Comment lines under an entry's first line that the parser gave to its value (`# more thoughts`
 * under `tags: [a]  # mine`), without their indentation: put back after a block value, an indented
 * comment line could be read as the value's text.
 */
export function commentLinesAfter(item: MapItem): CST.SourceToken[] {
	const value = item.value;
	const end = value && "end" in value ? (value.end ?? []) : [];
	const lineEnd = end.findIndex((t) => t.type === "newline");
	const rest = lineEnd === -1 ? [] : end.slice(lineEnd + 1);
	return rest.some((t) => t.type === "comment") ? rest.filter((t) => t.type !== "space") : [];
}

/** The tokens up to the first comment, with it; none without a comment. */
function upToComment(tokens: CST.SourceToken[]): CST.SourceToken[] {
	return tokens.slice(0, tokens.findIndex((t) => t.type === "comment") + 1);
}

/** The new entry carrying the old one's comment: after a one-line value, or after the colon of a block value. */
export function withComment(fresh: MapItem, comment: CST.SourceToken[]): void {
	// Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; no comment rewrites a new entry's tokens to the same, and a new entry always has a value.
	if (comment.length === 0 || !fresh.value) return;
	if ("end" in fresh.value) {
		// A one-line value (a scalar, a flow list) ends with its line break, after the comment.
		// Stryker disable next-line ArrayDeclaration: a new value always ends with its line break; the default is for the types.
		const end = fresh.value.end ?? [];
		fresh.value.end = [...end.filter((t) => !isTrailing(t)), ...comment, ...end.filter((t) => t.type === "newline")];
		return;
	}
	if (fresh.value.type === "block-scalar") {
		// `key: |- # mine`: the comment follows the header, on the key's line.
		const props = fresh.value.props;
		// Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: a header always ends with its line break.
		props.splice(props.findIndex((t) => t.type === "newline"), 0, ...comment);
		return;
	}
	// A block list or mapping starts on the next line: the comment stays on the key's line, after the colon.
	// The new value's own line break and indentation stay; the space before it goes (the comment's comes).
	// Stryker disable next-line ArrayDeclaration: a new entry always has its separator; the default is for the types.
	const sep = fresh.sep ?? [];
	fresh.sep = [...sep.slice(0, sep.findIndex((t) => t.type === "map-value-ind") + 1), ...comment, ...sep.slice(sep.findIndex((t) => t.type === "newline"))];
}
