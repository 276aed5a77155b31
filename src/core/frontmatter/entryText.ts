// How one new `key: value` entry is written: plain where YAML reads it back as the same text, quoted otherwise.

import { CST, Parser, stringify } from "yaml";
import { isPlainSafe, YAML11_SPECIAL } from "./plainScalar";

export type FrontmatterValue = string | string[];

type MapItem = CST.BlockMap["items"][number];

/** A scalar as yaml writes it on one line, without the line break it ends with (not `trimEnd`: U+00A0 or U+3000 ending a plain value is the value's). */
function written(value: string): string {
	const text = stringify(value, { lineWidth: 0, minContentWidth: 0 });
	// Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: yaml ends what it writes with a line break; the check stays should it not.
	return text.endsWith("\n") ? text.slice(0, -1) : text;
}

/** A list item as written after its `- `, when it is one line: quoted when YAML would read it as another value, as yaml writes it otherwise. */
function writtenListItem(item: string): string {
	return YAML11_SPECIAL.test(item) ? `"${item}"` : written(item);
}

/**
 * A list item's line under its key. An item yaml would write as a block scalar (one of many lines, or
 * one holding ` %`, which at the start of a line reads as a directive) is double-quoted with JSON's
 * escapes, which YAML reads alike: yaml's block scalar under a dash does not always read back (`" \n"`).
 */
function listItemLine(item: string): string {
	const text = writtenListItem(item);
	return `  - ${text.includes("\n") ? JSON.stringify(item) : text}\n`;
}

/** Text of one `key: value` entry as yaml writes it: plain where that reads back the same, quoted otherwise. */
export function stringifyEntry(key: string, value: FrontmatterValue): string {
	// Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; yaml's stringifier writes a plain-safe value the same.
	if (typeof value === "string" && isPlainSafe(key) && isPlainSafe(value)) return `${key}: ${value}\n`;
	if (typeof value === "string") {
		if (YAML11_SPECIAL.test(value)) return `${written(key)}: "${value}"\n`;
		return stringify({ [key]: value }, { lineWidth: 0, minContentWidth: 0 });
	}
	if (value.length === 0) return stringify({ [key]: [] });
	return `${written(key)}:\n${value.map(listItemLine).join("")}`;
}

// CST.stringify writes each token's source whatever its type: only the value's type is ever read (the
// shape of a value), and the key's (a key is found by name again after a rename).
function sourceToken(type: CST.SourceToken["type"], source: string): CST.SourceToken {
	return { type, offset: 0, indent: 0, source };
}

function keyToken(key: string): CST.FlowScalar {
	return { type: "scalar", offset: 0, indent: 0, source: key };
}

/** The token of a one-line scalar as written (`text` holds no line break), ended by a line break. */
function scalarToken(text: string): CST.FlowScalar {
	// Stryker disable next-line MethodExpression: a quoted value starts and ends with its quote.
	const type = text.startsWith('"') ? "double-quoted-scalar" : text.startsWith("'") ? "single-quoted-scalar" : "scalar";
	// Stryker disable next-line StringLiteral: see sourceToken
	return { type, offset: 0, indent: 0, source: text, end: [sourceToken("newline", "\n")] };
}

// The direct builders below are fast paths: where they give up, entryItem parses what stringifyEntry
// wrote and takes the entry the parser builds, which a test holds them to token for token.
// Stryker disable BlockStatement,ConditionalExpression,StringLiteral,MethodExpression: giving up builds the same entry through the fallback; see sourceToken.

/** `key: value` for a one-line scalar, as the parser builds it; null when yaml must write it. */
function scalarItem(key: string, value: string): MapItem | null {
	if (!isPlainSafe(key)) return null;
	const line = stringifyEntry(key, value).slice(key.length + 2, -1);
	if (line.includes("\n")) return null;
	return { start: [], key: keyToken(key), sep: [sourceToken("map-value-ind", ":"), sourceToken("space", " ")], value: scalarToken(line) };
}

/** `key:` and a block list of one-line items (tags, say), as the parser builds it; null when yaml must write it. */
function listItem(key: string, value: string[]): MapItem | null {
	if (!isPlainSafe(key) || value.length === 0) return null;
	const items: CST.BlockSequence["items"] = [];
	for (const item of value) {
		const text = writtenListItem(item);
		// Plain as given, or quoted on one line: yaml may write another item as a block scalar (`|+`).
		// (yaml writes an item plain as given, quoted on one line, or as a block scalar: the checks of the
		// second and third cases overlap, and giving up more often builds the same entry through the fallback.)
		// Stryker disable next-line EqualityOperator,LogicalOperator,Regex,BooleanLiteral: see above
		const oneLine = text === item ? isPlainSafe(item) : /^["']/.test(text) && !text.includes("\n");
		if (!oneLine) return null;
		// The parser puts a line's indentation at the start of every item but the first (it follows the key's line).
		const start = [...(items.length > 0 ? [sourceToken("space", "  ")] : []), sourceToken("seq-item-ind", "-"), sourceToken("space", " ")];
		items.push({ start, value: scalarToken(text) });
	}
	return {
		start: [],
		key: keyToken(key),
		sep: [sourceToken("map-value-ind", ":"), sourceToken("newline", "\n"), sourceToken("space", "  ")],
		value: { type: "block-seq", offset: 0, indent: 2, items },
	};
}
// Stryker restore BlockStatement,ConditionalExpression,StringLiteral,MethodExpression

/** The CST item of a new entry as the parser reads what stringifyEntry writes. */
export function parsedEntryItem(key: string, value: FrontmatterValue): MapItem {
	const tokens = new Parser().parse(stringifyEntry(key, value));
	// Stryker disable all: stringifyEntry always writes one block-map entry; the guard narrows the type.
	for (const token of tokens) if (token.type === "document" && token.value?.type === "block-map") return token.value.items[0];
	throw new Error(`Could not build a YAML entry for ${key}`);
	// Stryker restore all
}

/** The CST item of a new entry, to be placed in a block mapping. */
export function entryItem(key: string, value: FrontmatterValue): MapItem {
	// Stryker disable next-line ConditionalExpression: skipping the fast paths builds the same entry.
	return (typeof value === "string" ? scalarItem(key, value) : listItem(key, value)) ?? parsedEntryItem(key, value);
}
