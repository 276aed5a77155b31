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
	// After the colon first: with the value on a line of its own, a comment on the value's line is not the key line's.
	for (const tokens of [afterColon, end, header]) {
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

/** Every comment token in a part of the CST, in the order of the text. */
function commentsIn(part: unknown): CST.SourceToken[] {
	if (Array.isArray(part)) return part.flatMap(commentsIn);
	if (typeof part !== "object" || part === null) return [];
	const token = part as Partial<CST.SourceToken> & Record<string, unknown>;
	if (token.type === "comment") return [token as CST.SourceToken];
	// Where a CST token keeps others: a block scalar's header, an item's start (comment lines above it),
	// its separator, value and items, and the end of its line.
	return ["props", "start", "sep", "value", "items", "end"].flatMap((field) => commentsIn(token[field]));
}

/** Every comment of an entry after its key, in the order of the text: on its lines, within its value, under it. */
export function commentsOfEntry(item: MapItem): CST.SourceToken[] {
	return commentsIn([item.sep, item.value]);
}

/** The comment on a one-line value's line (`title: Issue #112` holds "#112"), if any. */
export function valueLineComment(item: MapItem): CST.SourceToken | undefined {
	// Stryker disable next-line ArrayDeclaration: a value's end always holds its line break; the default is for the types
	return firstLine(oneLineScalar(item.value)?.end ?? []).find((t) => t.type === "comment");
}

/** Comments as lines of their own, without indentation (see `commentLinesAfter`). */
export function asCommentLines(comments: CST.SourceToken[]): CST.SourceToken[] {
	// Stryker disable next-line StringLiteral: only a token's source is written (see entryText.ts)
	return comments.flatMap((comment) => [comment, { type: "newline", offset: 0, indent: 0, source: "\n" }]);
}

/**
 * A list item's text as a tidy of tags rewrites it (`"#Read Later"` became `Read_Later`): without its
 * quotes and `#`, spaces as `_`, in any case. `read-later` stays another tag.
 */
function looseText(source: string): string {
	const text = /^(["']).*\1$/s.test(source) ? source.slice(1, -1) : source;
	// Stryker disable next-line MethodExpression: either case serves, both sides being read alike
	return text.trim().replace(/^#+/, "").trim().replace(/\s+/g, "_").toLowerCase();
}

/** A value written on one line, plain or quoted (what a list of tags holds). */
function oneLineScalar(token: CST.Token | undefined): CST.FlowScalar | null {
	return token?.type === "scalar" || token?.type === "single-quoted-scalar" || token?.type === "double-quoted-scalar" ? token : null;
}

/**
 * A block list rewritten: each old item's comment on its line (`- rust  # mine`) goes to the first new
 * item of the same loose text. Returns the comments it carried; the others (of a tag merged into
 * another) are for the caller to keep.
 */
export function carryItemComments(old: MapItem, fresh: MapItem): CST.SourceToken[] {
	// Stryker disable next-line ArrayDeclaration,OptionalChaining: what is carried is only looked up; a new entry always has its value
	if (old.value?.type !== "block-seq" || fresh.value?.type !== "block-seq") return [];
	// The new items not yet given a comment.
	const targets = fresh.value.items.map((item) => oneLineScalar(item.value));
	// Stryker disable next-line ArrayDeclaration: see above
	const carried: CST.SourceToken[] = [];
	for (const item of old.value.items) {
		const value = oneLineScalar(item.value);
		// Stryker disable next-line MethodExpression,ArrayDeclaration: a comment line under an item is the next item's (or an item of its own)
		const comment = value ? upToComment(firstLine(value.end ?? []).filter(isTrailing)) : [];
		// Stryker disable next-line ConditionalExpression,LogicalOperator: without a comment there is nothing to carry, to the same text
		if (!value || comment.length === 0) continue;
		const index = targets.findIndex((target) => target !== null && looseText(target.source) === looseText(value.source));
		const target = targets[index];
		if (!target) continue;
		targets[index] = null;
		// A new item's line holds its text and then its line break alone: the comment goes between them.
		// Stryker disable next-line ArrayDeclaration: see above
		target.end = [...comment, ...(target.end ?? [])];
		carried.push(...comment);
	}
	return carried;
}
