// Edits top-level frontmatter keys through yaml's CST so every untouched byte of the block survives.

import { Composer, CST, Parser, isMap, isScalar, stringify, visit, type Document } from "yaml";
import { isPlainSafe, YAML11_SPECIAL } from "./plainScalar";
import { readSimpleBlock } from "./simpleBlock";

export { isPlainSafe } from "./plainScalar";

export type FrontmatterValue = string | string[];

export type ParseOutcome =
	| { kind: "mapping"; editor: FrontmatterEditor }
	| { kind: "invalid"; error: string }
	| { kind: "not-mapping"; found: string }
	/** Valid YAML that uses anchors or aliases: editing it key by key could change what they mean. */
	| { kind: "anchored"; names: string[]; values: Record<string, unknown> };

/** How a value is written in the source, so steps can tell a block scalar from a one-line one. */
export type ValueShape = "plain" | "quoted" | "block-scalar" | "block-seq" | "flow-seq" | "map" | "empty" | "other";

// `logLevel: "error"`: warnings are read from the document, never printed (a key such as
// `{ date: YYYY-MM-DD }` made the CLI print Node warnings on stderr).
const COMPOSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: "error" } as const;

function firstProblem(doc: Document.Parsed): string | null {
	const problem = doc.errors[0] ?? doc.warnings[0];
	return problem ? problem.message.split("\n")[0] : null;
}

/** The anchors (`&t`) and aliases (`*t`) a document uses, as written. */
function anchorsOf(doc: Document.Parsed, yaml: string): string[] {
	// Most blocks have neither character: no need to walk the document.
	if (!yaml.includes("&") && !yaml.includes("*")) return [];
	const names: string[] = [];
	visit(doc, {
		Alias(_key, node) {
			names.push(`*${node.source}`);
		},
		Node(_key, node) {
			if (typeof node.anchor === "string") names.push(`&${node.anchor}`);
		},
	});
	return [...new Set(names)];
}

/** Values as plain data; null when they cannot be (an alias to no anchor, too many aliases). */
function toValues(doc: Document.Parsed): Record<string, unknown> | null {
	try {
		return doc.toJS() as Record<string, unknown>;
	} catch {
		return null;
	}
}

function parseTokens(yaml: string): { tokens: CST.Token[]; doc: Document.Parsed | undefined } {
	const tokens = Array.from(new Parser().parse(yaml));
	const docs = Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens));
	return { tokens, doc: docs[0] };
}

const UNREADABLE = "its values cannot be read (an alias to no anchor, or too many aliases)";

/** Parse a frontmatter block; any YAML error or warning (an unknown `!tag`, say) counts as invalid. */
export function parseFrontmatter(yaml: string): ParseOutcome {
	const simple = parseSimpleFrontmatter(yaml);
	if (simple) return simple;
	const { tokens, doc } = parseTokens(yaml);
	// No document at all: an empty block, or comments only. (An empty document reads as a null scalar.)
	if (!doc) return { kind: "mapping", editor: new FrontmatterEditor(yaml, tokens, null, {}) };
	const problem = firstProblem(doc);
	if (problem) return { kind: "invalid", error: problem };
	const anchors = anchorsOf(doc, yaml);
	if (anchors.length > 0) {
		if (!isMap(doc.contents)) return { kind: "not-mapping", found: describeContents(doc) };
		const values = toValues(doc);
		// `title: *bold*` (emphasis as plugin 1.0 wrote it) is an alias to no anchor: invalid, so the repair can quote it.
		return values === null ? { kind: "invalid", error: UNREADABLE } : { kind: "anchored", names: anchors, values };
	}
	const documentCount = tokens.filter((t) => t.type === "document").length;
	if (documentCount > 1) return { kind: "invalid", error: "The block holds more than one YAML document." };
	const docToken = tokens.find((t): t is CST.Document => t.type === "document");
	// Stryker disable next-line OptionalChaining: a parsed document always has its token and value; the chain is for the types.
	if (!isMap(doc.contents) || docToken?.value?.type !== "block-map") {
		return { kind: "not-mapping", found: describeContents(doc) };
	}
	const values = toValues(doc);
	// Stryker disable next-line all: without anchors or aliases toJS does not fail; kept should yaml change.
	if (values === null) return { kind: "invalid", error: UNREADABLE };
	return { kind: "mapping", editor: new FrontmatterEditor(yaml, tokens, docToken, values) };
}

/**
 * A block of the simple shape (simpleBlock.ts) needs only yaml's CST, to be edited byte for byte: its
 * values are read directly. Null when the block is of another shape.
 */
function parseSimpleFrontmatter(yaml: string): ParseOutcome | null {
	const values = readSimpleBlock(yaml);
	if (!values) return null;
	const tokens = Array.from(new Parser().parse(yaml));
	const documents = tokens.filter((t): t is CST.Document => t.type === "document");
	// Stryker disable next-line ConditionalExpression: a simple block is always one block mapping; the check keeps it so should yaml's CST change.
	if (documents.length !== 1 || documents[0].value?.type !== "block-map") return null;
	return { kind: "mapping", editor: new FrontmatterEditor(yaml, tokens, documents[0], values) };
}

function describeContents(doc: Document.Parsed): string {
	if (isMap(doc.contents)) return "a mapping written in flow style";
	if (isScalar(doc.contents)) return "a single value";
	return "a list";
}

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

function sourceToken(type: CST.SourceToken["type"], source: string): CST.SourceToken {
	return { type, offset: 0, indent: 0, source };
}

/**
 * The CST of `key: value` for a one-line scalar, built directly; null when yaml must write it. A fast
 * path: when it gives up, entryItem parses what stringifyEntry wrote and builds the same entry.
 */
function scalarItem(key: string, value: string): CST.BlockMap["items"][number] | null {
	if (!isPlainSafe(key)) return null;
	// Stryker disable next-line MethodExpression: without the slice the line holds the key and a break, so the fallback takes over.
	const line = stringifyEntry(key, value).slice(key.length + 2, -1);
	// Stryker disable next-line all: a value over several lines prints the same as a scalar token or through the fallback.
	if (line.includes("\n")) return null;
	// Stryker disable next-line MethodExpression: a quoted value starts and ends with its quote.
	const type = line.startsWith('"') ? "double-quoted-scalar" : line.startsWith("'") ? "single-quoted-scalar" : "scalar";
	return {
		start: [],
		key: { type: "scalar", offset: 0, indent: 0, source: key },
		sep: [sourceToken("map-value-ind", ":"), sourceToken("space", " ")],
		value: { type, offset: 0, indent: 0, source: line, end: [sourceToken("newline", "\n")] },
	};
}

function entryItem(key: string, value: FrontmatterValue): CST.BlockMap["items"][number] {
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

function keyOf(item: CST.BlockMap["items"][number]): string | null {
	// Stryker disable next-line ConditionalExpression: resolveAsScalar of a missing key is null too.
	if (!item.key) return null;
	const resolved = CST.resolveAsScalar(item.key);
	return resolved ? resolved.value : null;
}

function hasComment(tokens: CST.SourceToken[] | undefined): boolean {
	return tokens?.some((t) => t.type === "comment") ?? false;
}

export class FrontmatterEditor {
	private readonly values: Map<string, unknown>;
	private readonly added: Array<[string, FrontmatterValue]> = [];
	private edited = false;
	private rendered: string | null = null;
	/** Made over values parsed elsewhere, without the CST: an edit would have nothing to keep the block's bytes by. */
	private readOnly = false;

	constructor(
		private readonly source: string,
		private readonly tokens: CST.Token[],
		private readonly docToken: CST.Document | null,
		values: Record<string, unknown>,
	) {
		this.values = new Map(Object.entries(values));
	}

	/** An editor that only reads: the values of `source` as parsed elsewhere (Obsidian's cache, the plain-shape reader). */
	static reading(source: string, values: Record<string, unknown>): FrontmatterEditor {
		const editor = new FrontmatterEditor(source, [], null, values);
		editor.readOnly = true;
		return editor;
	}

	private checkWritable(): void {
		if (this.readOnly) throw new Error("This frontmatter was read without its CST and cannot be edited");
	}

	get changed(): boolean {
		return this.edited || this.added.length > 0;
	}

	private get items(): CST.BlockMap["items"] {
		const map = this.docToken?.value;
		return map?.type === "block-map" ? map.items : [];
	}

	private indexOf(key: string): number {
		return this.items.findIndex((item) => keyOf(item) === key);
	}

	keys(): string[] {
		return [...this.values.keys()];
	}

	has(key: string): boolean {
		return this.values.has(key);
	}

	/** The value as parsed YAML (after earlier edits): string, number, list, object or null. */
	get(key: string): unknown {
		return this.values.get(key);
	}

	/** The value as a trimmed string when it is a scalar with content, else undefined. */
	getText(key: string): string | undefined {
		const value = this.values.get(key);
		if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
			const text = String(value).trim();
			return text === "" ? undefined : text;
		}
		return undefined;
	}

	shapeOf(key: string): ValueShape {
		const index = this.indexOf(key);
		if (index === -1) return this.has(key) ? "plain" : "empty";
		const value = this.items[index].value;
		if (!value) return "empty";
		switch (value.type) {
			case "scalar":
				return "plain";
			case "single-quoted-scalar":
			case "double-quoted-scalar":
				return "quoted";
			case "block-scalar":
				return "block-scalar";
			case "block-seq":
				return "block-seq";
			case "flow-collection":
				return value.start.type === "flow-seq-start" ? "flow-seq" : "map";
			case "block-map":
				return "map";
			// Stryker disable next-line all: the other token types (aliases, anchors...) are refused when parsing.
			default:
				return "other";
		}
	}

	/** A comment after the value on its line (`title: Issue #112` reads as "Issue" and a comment). */
	trailingComment(key: string): string | undefined {
		const index = this.indexOf(key);
		const value = index === -1 ? undefined : this.items[index].value;
		if (!value || value.type !== "scalar") return undefined;
		return value.end?.find((token) => token.type === "comment")?.source;
	}

	/** Whether the value's source spans more than one line (a folded plain or quoted scalar). */
	spansLines(key: string): boolean {
		const index = this.indexOf(key);
		const value = index === -1 ? undefined : this.items[index].value;
		return value !== undefined && "source" in value && /\n/.test(value.source);
	}

	/** Replace a value in place; the key keeps its position and a trailing comment survives unless dropped. */
	set(key: string, value: FrontmatterValue, keepComment = true): void {
		this.checkWritable();
		const index = this.indexOf(key);
		if (index === -1) {
			this.add(key, value);
			return;
		}
		const item = this.items[index];
		const fresh = entryItem(key, value);
		const oldValue = item.value;
		if (keepComment && fresh.value && oldValue && "end" in oldValue && hasComment(oldValue.end) && "end" in fresh.value) {
			fresh.value.end = oldValue.end;
		}
		item.sep = fresh.sep;
		item.value = fresh.value;
		this.values.set(key, value);
		this.edited = true;
	}

	/** Give a key a new name where it stands. */
	rename(from: string, to: string): void {
		this.checkWritable();
		const index = this.indexOf(from);
		if (index === -1) return;
		// Stryker disable next-line StringLiteral: only the key of this entry is used.
		this.items[index].key = entryItem(to, "x").key;
		const value = this.values.get(from);
		this.values.delete(from);
		this.values.set(to, value);
		this.edited = true;
	}

	/** Remove a key; comments and blank lines above it stay, attached to what follows. */
	remove(key: string): void {
		this.checkWritable();
		const index = this.indexOf(key);
		if (index === -1) return;
		const [item] = this.items.splice(index, 1);
		const keep = item.start;
		const next = this.items[index];
		if (next) next.start = [...keep, ...next.start];
		// Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a key was found, so there is a document token; an empty `keep` adds nothing.
		else if (this.docToken && keep.length > 0) this.docToken.end = [...keep, ...(this.docToken.end ?? [])];
		this.values.delete(key);
		this.edited = true;
	}

	/** Add a key after the existing ones (the caller decides the order of additions). */
	add(key: string, value: FrontmatterValue): void {
		this.checkWritable();
		this.added.push([key, value]);
		this.values.set(key, value);
	}

	/** Values after all edits, as a parser would read the text `toString()` returns. */
	expectedValues(): Record<string, unknown> {
		return Object.fromEntries(this.values);
	}

	/** The edited block. Call once all edits are made: additions are placed then. */
	toString(): string {
		// Stryker disable next-line ConditionalExpression: a fast path; the CST of an unedited block prints back byte for byte.
		if (!this.changed) return this.source;
		if (this.rendered === null) this.rendered = this.render();
		return this.rendered;
	}

	private render(): string {
		// The editor holds a document token only when the block is a block mapping.
		if (!this.docToken) {
			// An empty block, or comments only: the additions are written after what is there.
			const separator = this.source === "" || this.source.endsWith("\n") ? "" : "\n";
			return this.source + separator + this.added.map(([key, value]) => stringifyEntry(key, value)).join("");
		}
		this.items.push(...this.added.map(([key, value]) => entryItem(key, value)));
		return this.tokens.map((token) => CST.stringify(token)).join("");
	}
}

const DOES_NOT_READ_BACK = "the edited block does not read back as intended";

/** Re-read edited YAML and confirm it holds exactly the expected values: the last guard against damage. */
export function verifyFrontmatter(yaml: string, expected: Record<string, unknown>): string | null {
	// What the engine writes is almost always of the simple shape, read without the library.
	const simple = readSimpleBlock(yaml);
	if (simple) return deepEqual(simple, expected) ? null : DOES_NOT_READ_BACK;
	const { doc } = parseTokens(yaml);
	if (!doc) return Object.keys(expected).length === 0 ? null : "the edited block is empty";
	const problem = firstProblem(doc);
	if (problem) return problem;
	if (anchorsOf(doc, yaml).length > 0) return "the edited block holds an anchor or alias";
	const actual: unknown = toValues(doc) ?? {};
	return deepEqual(actual, expected) ? null : DOES_NOT_READ_BACK;
}

function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aKeys = Object.keys(a);
	const bKeys = Object.keys(b);
	if (aKeys.length !== bKeys.length) return false;
	const bRecord = b as Record<string, unknown>;
	const aRecord = a as Record<string, unknown>;
	return aKeys.every((key) => key in bRecord && deepEqual(aRecord[key], bRecord[key]));
}
