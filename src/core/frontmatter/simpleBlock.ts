// Reads the values of a frontmatter block written in the plain shape most notes use (and all the
// engine writes): one `key: value` per line, values plain or quoted on one line (strings, whole and
// decimal numbers), lists of such values, and literal blocks of text (`title: |`). It accepts only text whose meaning in YAML is beyond doubt
// and returns null for anything else, which then goes through the yaml library. Parsing with the
// library cost more than the rest of a tidy together (0020); this reader is the fast path, never the
// judge of anything it does not accept.

import { isPlainSafe } from "./plainScalar";

export type SimpleScalar = string | number;
export type SimpleValue = SimpleScalar | SimpleScalar[] | null;

// A key the reader accepts: a word, maybe with spaces, dots, slashes or dashes inside (`date_saved`,
// `Date Saved`, `omnivore/url`). Keys YAML reads as anything but that string (`<<`, `2024`) are not.
// (Whatever else it lets through, `isPlainSafe` then refuses or yaml reads as the same text: its
// anchors and second class are belt and braces, and their mutants survive for that reason.)
// Stryker disable next-line Regex: see above
const SIMPLE_KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_ ./-]*$/u;
const ENTRY = /^([^:]+):(?: (.*))?$/;
const LIST_ITEM = /^( *)- (.*)/;
const UNUSUAL_CHARACTER = /[^\P{Cc}\n]|[\u2028\u2029\ufeff]/u;

/** The block's values as YAML reads them, or null when the block is not of the simple shape. */
export function readSimpleBlock(yaml: string): Record<string, SimpleValue> | null {
	// Tabs, control characters and line separators need the real parser's judgement. (Today's yaml reads
	// them as written where the checks below let them through: kept so a newer yaml cannot be misread.)
	// Stryker disable next-line ConditionalExpression: equivalent with today's yaml, as said above
	if (UNUSUAL_CHARACTER.test(yaml)) return null;
	const values = new Map<string, SimpleValue>();
	// The empty line after the final newline is a blank line like any other.
	const lines = yaml.split("\n");
	// The key whose value is empty so far, and the indentation of its list items once one is seen.
	let list: { key: string; indent: number | null; items: SimpleScalar[] } | null = null;
	for (let at = 0; at < lines.length; at++) {
		const line = lines[at];
		if (line === "" || line.startsWith("#")) {
			// A blank line or a comment may sit inside a list in YAML; here it ends it, so an item after it goes to the library.
			list = null;
			continue;
		}
		const item = LIST_ITEM.exec(line);
		if (item) {
			if (!list || (list.indent !== null && list.indent !== item[1].length)) return null;
			const value = readScalar(item[2]);
			if (value === null) return null;
			list.indent = item[1].length;
			list.items.push(value);
			values.set(list.key, list.items);
			continue;
		}
		const entry = ENTRY.exec(line);
		if (!entry) return null;
		const key = entry[1];
		if (!isSimpleKey(key) || values.has(key)) return null;
		const raw = entry[2] ?? "";
		// Only spaces: `\u00a0` or `\u3000` is a value to YAML, though String.trim takes it away.
		if (/^ *$/.test(raw)) {
			values.set(key, null);
			list = { key, indent: null, items: [] };
			continue;
		}
		list = null;
		if (raw === "|" || raw === ">") {
			const block = readBlockScalar(raw, lines, at + 1);
			if (block === null) return null;
			values.set(key, block.value);
			at = block.last;
			continue;
		}
		const value = raw.startsWith("[") ? readFlowList(raw) : readScalar(raw);
		if (value === null) return null;
		values.set(key, value);
	}
	return values.size === 0 ? null : asObject(values);
}

/** The values as an object, assigned one by one (`Object.fromEntries` took 2% of a tidy): no key is `__proto__` (`isSimpleKey`). */
function asObject(values: Map<string, SimpleValue>): Record<string, SimpleValue> {
	const object: Record<string, SimpleValue> = {};
	for (const [key, value] of values) object[key] = value;
	return object;
}

// YAML wants the `:` of an implicit key at most 1024 characters after the key's start.
const LONGEST_KEY = 1024;

function isSimpleKey(key: string): boolean {
	// Stryker disable next-line ConditionalExpression,StringLiteral: yaml gives `__proto__` as an own key too; refused so no code that assigns by key can meet it
	return key.length <= LONGEST_KEY && SIMPLE_KEY.test(key) && isPlainSafe(key) && key !== "__proto__";
}

/** A one-line scalar: plain, double- or single-quoted; null when YAML could read it as anything else. */
function readScalar(raw: string): SimpleScalar | null {
	if (raw.startsWith('"')) return readDoubleQuoted(raw);
	if (raw.startsWith("'")) return readSingleQuoted(raw);
	// Numbers as YAML's core schema reads them (`id: 569311330`, `progress: 42.5`), the way the yaml library does.
	if (WHOLE_NUMBER.test(raw)) return parseInt(raw, 10);
	if (DECIMAL_NUMBER.test(raw)) return parseFloat(raw);
	return isPlainSafe(raw) ? raw : null;
}

/**
 * The lines of a block scalar from `from`: a literal one (`|`, as Obsidian rewrote plugin 1.3.0's
 * folded titles), or a folded one (`>`) of one line, which reads the same. The value is the lines
 * without their indentation, each ending in a newline; `last` is the index of its last line. Null for
 * anything else: lines at another indentation, blank ones, or no line after it (the block's end).
 */
function readBlockScalar(indicator: string, lines: string[], from: number): { value: string; last: number } | null {
	// Past the last line, or on a line of spaces only, no character follows: -1.
	const indent = (lines[from] ?? "").search(/[^ ]/);
	if (indent < 1) return null;
	const prefix = " ".repeat(indent);
	let value = "";
	let at = from;
	for (; at < lines.length && lines[at].startsWith(prefix); at++) {
		if (/^ *$/.test(lines[at])) return null;
		value += `${lines[at].slice(indent)}\n`;
	}
	// A line must follow (the empty one after the final newline at least); a folded scalar is read here on one line only.
	if (at === lines.length || (indicator === ">" && at > from + 1)) return null;
	return { value, last: at - 1 };
}

const WHOLE_NUMBER = /^[0-9]+$/;
const DECIMAL_NUMBER = /^[0-9]+\.[0-9]+$/;

const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0", b: "\b", f: "\f" };

function readDoubleQuoted(raw: string): string | null {
	let text = "";
	// Stryker disable next-line EqualityOperator: one step past the end reads nothing and still ends in null below
	for (let i = 1; i < raw.length; i++) {
		const char = raw[i];
		if (char === '"') return i === raw.length - 1 ? text : null;
		if (char !== "\\") {
			text += char;
			continue;
		}
		const next = raw[++i];
		const hex = next === "x" ? 2 : next === "u" ? 4 : 0;
		if (hex > 0) {
			const digits = raw.slice(i + 1, i + 1 + hex);
			// Fewer digits than wanted means the line ended: no closing quote, so null below anyway.
			if (!/^[0-9a-fA-F]+$/.test(digits)) return null;
			text += String.fromCharCode(parseInt(digits, 16));
			i += hex;
			continue;
		}
		const escaped = ESCAPES[next];
		if (escaped === undefined) return null;
		text += escaped;
	}
	// No closing quote on this line: the value goes on, which the library reads.
	return null;
}

function readSingleQuoted(raw: string): string | null {
	if (raw.length < 2 || !raw.endsWith("'")) return null;
	const inner = raw.slice(1, -1);
	// Inside, a quote is written twice; a lone one would have closed the scalar early.
	if (!/^(?:[^']|'')*$/.test(inner)) return null;
	return inner.replace(/''/g, "'");
}

/** `[a, b]` of plain words (tags, aliases); null for anything quoted, nested or empty between commas. */
function readFlowList(raw: string): SimpleScalar[] | null {
	if (!raw.endsWith("]")) return null;
	const inner = raw.slice(1, -1);
	// Spaces only: a no-break space is part of an item to YAML, though String.trim takes it away.
	if (/^ *$/.test(inner)) return [];
	const items = inner.split(",").map((item) => item.replace(/^ +| +$/g, ""));
	const isWord = (item: string) => isPlainSafe(item) && !/[[\]{},:]/.test(item);
	return items.every(isWord) ? items : null;
}
