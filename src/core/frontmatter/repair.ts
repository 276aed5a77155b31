// Re-quotes the values that made old plugin versions write invalid YAML, then lets the parser try again.

import { readSimpleBlock } from "./simpleBlock";
import type { FrontmatterEditor } from "./yamlEditor";
import { parseFrontmatter, type ParseOutcome } from "./parseFrontmatter";

export interface Repair {
	yaml: string;
	/** Keys whose values were re-quoted. */
	keys: string[];
	/** Keys whose one-line list lacked its closing bracket, now closed. */
	closed: string[];
	/** Keys whose list items were indented with tabs, now with spaces. */
	reindented: string[];
	/** The repaired block as parsed by the final check, so it is not parsed again. */
	editor: FrontmatterEditor;
}

// Keys that hold lists: `tags: [alpha, beta` lost its `]`, it is not a tag named `[alpha`.
const LIST_KEY = /^(?:tags?|aliases|cssclass(?:es)?|keywords|categories|labels)$/i;

// A comment after a list's text: ` # ` and the rest of the line. A `#` with a word after it is a
// tag (`tags: @work, #ai, rust`), never a comment.
const LIST_COMMENT = /[ \t]+#(?:[ \t].*)?$/;

function isUnclosedList(key: string, value: string): boolean {
	return LIST_KEY.test(key.trim()) && value.startsWith("[") && !value.includes("]");
}

/** `[alpha, beta` closed as `[alpha, beta]` when that reads as a list of plain values. */
function closedList(key: string, value: string): string | null {
	const closed = `${value.replace(/,$/, "")}]`;
	const outcome = parseFrontmatter(`${key}: ${closed}\n`);
	if (outcome.kind !== "mapping") return null;
	const list = outcome.editor.get(key.trim());
	return Array.isArray(list) && list.every((item) => typeof item === "string" || typeof item === "number") ? closed : null;
}

// A top-level `key: value` line with a value on it.
const ENTRY = /^([A-Za-z0-9_][^:#\n]*?):[ \t]+(\S[^\n]*)/;
const CONTINUATION = /^[ \t]+\S/;
// A continuation line that reads as an entry, list item or comment, or is indented with a tab: the
// writer meant structure there, not more words of a folded value.
const NOT_WORDS = /^(?:[ ]*\t|\s*(?:[^\s:#][^:#]*:(?:[ \t]|$)|-(?:[ \t]|$)|\?(?:[ \t]|$)|#))/;

// A key with nothing after it on its line, and a list item under it indented with a tab, which YAML
// does not allow as indentation: a template typed in an editor that indents with tabs.
const KEY_ONLY = /^([A-Za-z0-9_][^:#\n]*?):[ \t]*$/;
const TAB_ITEM = /^([ \t]*\t[ \t]*)-(?=[ \t]|$)/;

/**
 * The tab-indented items under the key on line `at` (one level, one line each, as a template writes
 * them), re-indented with two spaces; null when none follow, or the lines under them go deeper.
 */
function reindentedItems(lines: string[], at: number): string[] | null {
	// Stryker disable next-line StringLiteral: past the last line, any text that is no tab-indented item does
	const first = TAB_ITEM.exec(lines[at + 1] ?? "");
	if (!first) return null;
	const items: string[] = [];
	for (let i = at + 1; i < lines.length && lines[i].startsWith(`${first[1]}-`) && TAB_ITEM.test(lines[i]); i++) {
		items.push(`  ${lines[i].slice(first[1].length)}`);
	}
	// Stryker disable next-line StringLiteral: past the last line, any text that is not indented does
	return CONTINUATION.test(lines[at + 1 + items.length] ?? "") ? null : items;
}

/** Whether the lines after an entry are only more words of its value, as a folded title is. */
function areFoldedWords(continuation: string[]): boolean {
	return continuation.every((line) => !NOT_WORDS.test(line));
}

// An anchor (`&t`) or alias (`*t`) where YAML reads one: at the start of a value or of a flow item
// (a block starts with a key, never with either).
const ANCHOR = /[\s[{,]&([^\s[\]{},]+)/g;
const ALIAS = /[\s[{,]\*([^\s[\]{},]+)/g;

/**
 * Whether the block repeats values through anchors (`tags: &t [a, b]` … `keywords: *t`): YAML its
 * writer meant, which quoting would turn into the strings "&t [a, b]" and "*t". (A plugin 1.0 title
 * `&amp; more` or `*bold*` is an anchor no alias names, or an alias to no anchor.)
 */
function repeatsThroughAnchors(yaml: string): boolean {
	// Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a fast path; without both there is no pair to find
	if (!yaml.includes("&") || !yaml.includes("*")) return false;
	const anchors = new Set(Array.from(yaml.matchAll(ANCHOR), (m) => m[1]));
	return Array.from(yaml.matchAll(ALIAS), (m) => m[1]).some((name) => anchors.has(name));
}

// An anchor on a flow collection (`&t [a, b]`) is structure; on words (`&amp; more`) a plugin 1.0 title.
const ANCHORED_COLLECTION = /^[^:]*:[ \t]+&\S+[ \t]+[[{]/;

// An entry on one line whose plain value YAML cannot read (the library finds the same): it starts
// with a reserved character (`@`, a backtick), or holds `: ` with no `#` before it (a mapping inside
// a value on one line). Plugin 1.0's titles and authors; anything else goes to the library.
const PLAINLY_BROKEN = /^[A-Za-z0-9_][\w -]*: +(?:[@`]|[A-Za-z0-9][^#\t\r\n]*: )[^\n]*$/;

// An entry whose double-quoted value closes before more text on its line (`title: "The "Best" Day"`,
// quotes plugin 1.0 left unescaped): nothing but a comment may follow a quoted value there. A fast
// path: an entry it misses (two spaces after the colon, say) is judged by the library alike.
// Stryker disable next-line Regex: see above
const CLOSED_QUOTE_THEN_MORE = /^[A-Za-z0-9_][\w -]*: +"(?:[^"\\\r\n]|\\.)*"[ \t]*[^ \t#\r\n]/;

/** True when `key: value` on its own does not read as a single plain value. (Exported for its test.) */
export function isBroken(entry: string): boolean {
	// Stryker disable next-line ConditionalExpression: a fast path; the library finds these broken too
	if (PLAINLY_BROKEN.test(entry) || CLOSED_QUOTE_THEN_MORE.test(entry)) return true;
	const yaml = `${entry}\n`;
	// Most entries of a broken block are fine: the plain-shape reader says so without the yaml library.
	// Stryker disable next-line ConditionalExpression: a fast path; the library reads a simple entry as a mapping too
	if (readSimpleBlock(yaml) !== null) return false;
	const outcome = parseFrontmatter(yaml);
	return outcome.kind !== "mapping" && !(outcome.kind === "anchored" && ANCHORED_COLLECTION.test(entry));
}

/**
 * Whether the block cannot be valid YAML, known without the library: it has entries broken on their
 * own (PLAINLY_BROKEN, CLOSED_QUOTE_THEN_MORE), and with those values set aside every line is of the
 * plain shape, so each such entry stands as a key of the block's mapping, never inside a value over
 * several lines (a quoted title that goes on below, say), where it could be valid.
 */
export function isPlainlyBroken(yaml: string): boolean {
	const lines = yaml.split("\n");
	let broken = false;
	for (const [i, line] of lines.entries()) {
		if (!PLAINLY_BROKEN.test(line) && !CLOSED_QUOTE_THEN_MORE.test(line)) continue;
		broken = true;
		// The key stays (the reader refuses a key twice); a blank line in its place gives the same
		// verdict, as nothing the plain reader accepts runs on into the next line.
		// Stryker disable next-line StringLiteral: see above
		lines[i] = `${line.slice(0, line.indexOf(":"))}: x`;
	}
	return broken && readSimpleBlock(lines.join("\n")) !== null;
}

/**
 * What plugin 1.0 to 1.2 wrote: unquoted values holding `: ` or starting with a YAML indicator
 * (`[`, `*`, `&`, `!`, `%`, `@`, `` ` ``), and double-quoted values with unescaped quotes inside.
 * Only entries that are broken on their own are touched; returns null when that does not make the
 * block valid, and for a block whose aliases name its anchors (never rewritten into strings).
 * `parse` reads the repaired block (see `readFrontmatterBlock`).
 */
export function repairFrontmatter(yaml: string, parse: (yaml: string) => ParseOutcome = parseFrontmatter): Repair | null {
	if (repeatsThroughAnchors(yaml)) return null;
	const lines = yaml.split("\n");
	const out: string[] = [];
	const keys: string[] = [];
	const closed: string[] = [];
	const reindented = new Map<string, number>();
	const quoted = new Map<string, string>();
	for (let i = 0; i < lines.length; i++) {
		const listKey = KEY_ONLY.exec(lines[i]);
		const items = listKey ? reindentedItems(lines, i) : null;
		if (listKey && items) {
			out.push(lines[i], ...items);
			reindented.set(listKey[1].trim(), items.length);
			i += items.length;
			continue;
		}
		const entry = ENTRY.exec(lines[i]);
		if (!entry) {
			out.push(lines[i]);
			continue;
		}
		let end = i + 1;
		// Stryker disable next-line ConditionalExpression,EqualityOperator: past the last line, lines[end] is undefined and fails the test anyway
		while (end < lines.length && CONTINUATION.test(lines[end])) end++;
		// Stryker disable next-line StringLiteral: joined any other way, a wrong answer here still ends in the block's final validity check
		const block = lines.slice(i, end).join("\n");
		// Spaces and tabs only: String.trim would also take a line separator the value ends with.
		const value = entry[2].replace(/[ \t]+$/, "");
		const opensFlow = value.startsWith("{") || (value.startsWith("[") && end > i + 1);
		if (opensFlow || !isBroken(block)) {
			out.push(...lines.slice(i, end));
			i = end - 1;
			continue;
		}
		if (isUnclosedList(entry[1], value)) {
			// A list is closed, or the block is left: quoting it would make a tag named `[alpha`. (A list
			// spread over lines opens a flow collection above and is left to the parser.)
			const list = closedList(entry[1], value);
			if (list === null) return null;
			out.push(`${entry[1]}: ${list}`);
			closed.push(entry[1].trim());
			continue;
		}
		// Only a value broken on its own line is quoted, with only words folded under it: `title: x`
		// over a tab-indented `author: y` is a broken block, not a title "x author: y".
		const continuation = lines.slice(i + 1, end);
		// A value on one line is that line, found broken above: it is not parsed twice.
		// Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a fast path; the line alone is broken when the entry is
		if ((end > i + 1 && !isBroken(lines[i])) || !areFoldedWords(continuation)) return null;
		// In a list of tags, ` # …` at the end of the line is a comment: never tags.
		// (In a title, `Issue #112` is words: the title step reads it so.)
		const comment = LIST_KEY.test(entry[1].trim()) && end === i + 1 ? LIST_COMMENT.exec(value) : null;
		const meant = meantText([comment ? value.slice(0, comment.index) : value, ...continuation.map((l) => l.trim())].join(" "));
		out.push(`${entry[1]}: ${JSON.stringify(meant)}${comment ? comment[0] : ""}`);
		keys.push(entry[1].trim());
		quoted.set(entry[1].trim(), meant);
		i = end - 1;
	}
	if (keys.length === 0 && closed.length === 0 && reindented.size === 0) return null;
	// Tab-indented lines in a block broken for another reason may be inside a value that never closed
	// (`title: "A` over `tags:`): only a block whose sole fault is the tabs is re-indented.
	if (reindented.size > 0 && (keys.length > 0 || closed.length > 0)) return null;
	const repaired = out.join("\n");
	const outcome = parse(repaired);
	if (outcome.kind !== "mapping") return null;
	// Each quoted value must read back as exactly the text it was made from, never merged with more.
	for (const [key, meant] of quoted) if (outcome.editor.get(key) !== meant) return null;
	// Each re-indented list as one list of as many items. (YAML reads each one-line item at two spaces
	// as one item, or the block fails above: no block found reads back otherwise. Kept should that change.)
	// Stryker disable next-line BlockStatement: see above
	for (const [key, count] of reindented) {
		const list = outcome.editor.get(key);
		// Stryker disable next-line LogicalOperator: see above
		if (!Array.isArray(list) || list.length !== count) return null;
	}
	return { yaml: repaired, keys, closed, reindented: [...reindented.keys()], editor: outcome.editor };
}

/** The value as the writer meant it (written back double-quoted with JSON escapes, valid YAML escapes). */
function meantText(value: string): string {
	const quote = value[0];
	// Stryker disable next-line EqualityOperator: a value of just two quotes ("" or '') is valid YAML, never repaired
	return value.length >= 2 && (quote === '"' || quote === "'") && value.endsWith(quote)
		? value.slice(1, -1).replace(/\\"/g, '"')
		: value;
}
