// How one new `key: value` entry is written: plain where YAML reads it back as the same text, quoted otherwise.

import { CST, stringify } from "yaml";
import { isPlainSafe, YAML11_SPECIAL } from "./plainScalar";
import { parseTokens } from "./yamlDocument";

export type FrontmatterValue = string | string[];

/** Text of one `key: value` entry as yaml writes it: plain where that reads back the same, quoted otherwise. */
export function stringifyEntry(key: string, value: FrontmatterValue): string {
	// Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; yaml's stringifier writes a plain-safe value the same.
	if (typeof value === "string" && isPlainSafe(key) && isPlainSafe(value)) return `${key}: ${value}\n`;
	const quoted = (v: string) => (YAML11_SPECIAL.test(v) ? `"${v}"` : null);
	if (typeof value === "string") {
		const special = quoted(value);
		if (special) return `${stringify(key)}`.trimEnd() + `: ${special}\n`;
		return stringify({ [key]: value }, { lineWidth: 0, minContentWidth: 0 });
	}
	if (value.length === 0) return stringify({ [key]: [] });
	const lines = value.map((item) => {
		const special = quoted(item);
		return `  - ${special ?? stringify(item, { lineWidth: 0, minContentWidth: 0 }).trimEnd()}`;
	});
	return `${stringify(key).trimEnd()}:\n${lines.join("\n")}\n`;
}

// CST.stringify writes each token's source whatever its type: only the value's type is ever read (the
// shape of a value), and the key's (a key is found by name again after a rename).
function sourceToken(type: CST.SourceToken["type"], source: string): CST.SourceToken {
	return { type, offset: 0, indent: 0, source };
}

/**
 * The CST of `key: value` for a one-line scalar, built directly; null when yaml must write it. A fast
 * path: when it gives up, entryItem parses what stringifyEntry wrote and builds the same entry.
 */
// Stryker disable BlockStatement,ConditionalExpression: giving up builds the same entry through the fallback.
function scalarItem(key: string, value: string): CST.BlockMap["items"][number] | null {
	if (!isPlainSafe(key)) return null;
	// Stryker restore BlockStatement,ConditionalExpression
	// Stryker disable next-line MethodExpression: without the slice the line holds the key and a break, so the fallback takes over.
	const line = stringifyEntry(key, value).slice(key.length + 2, -1);
	// Stryker disable next-line all: a value over several lines prints the same as a scalar token or through the fallback.
	if (line.includes("\n")) return null;
	// Stryker disable next-line MethodExpression: a quoted value starts and ends with its quote.
	const type = line.startsWith('"') ? "double-quoted-scalar" : line.startsWith("'") ? "single-quoted-scalar" : "scalar";
	return {
		start: [],
		key: { type: "scalar", offset: 0, indent: 0, source: key },
		// Stryker disable next-line StringLiteral: see sourceToken
		sep: [sourceToken("map-value-ind", ":"), sourceToken("space", " ")],
		// Stryker disable next-line StringLiteral: see sourceToken
		value: { type, offset: 0, indent: 0, source: line, end: [sourceToken("newline", "\n")] },
	};
}

/** The CST item of a new entry, to be placed in a block mapping. */
export function entryItem(key: string, value: FrontmatterValue): CST.BlockMap["items"][number] {
	// Stryker disable next-line ConditionalExpression,StringLiteral: skipping the fast path builds the same entry.
	const direct = typeof value === "string" ? scalarItem(key, value) : null;
	// Stryker disable next-line ConditionalExpression: skipping the fast path builds the same entry.
	if (direct) return direct;
	const { tokens } = parseTokens(stringifyEntry(key, value));
	// Stryker disable all: stringifyEntry always writes one block-map entry; the guard narrows the type.
	const doc = tokens.find((t): t is CST.Document => t.type === "document");
	if (doc?.value?.type !== "block-map") throw new Error(`Could not build a YAML entry for ${key}`);
	// Stryker restore all
	return doc.value.items[0];
}
