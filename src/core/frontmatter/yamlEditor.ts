// Edits top-level frontmatter keys through yaml's CST so every untouched byte of the block survives.
// (Reading a block into an editor: parseFrontmatter.ts.)

import { CST } from "yaml";
import { entryItem, stringifyEntry, type FrontmatterValue } from "./entryText";
import { asCommentLines, carryItemComments, commentLinesAfter, commentOf, commentsOfEntry, valueLineComment, withComment } from "./lineComment";

export type { FrontmatterValue } from "./entryText";

/** How a value is written in the source, so steps can tell a block scalar from a one-line one. */
export type ValueShape = "plain" | "quoted" | "block-scalar" | "block-seq" | "flow-seq" | "map" | "empty" | "other";

function keyOf(item: CST.BlockMap["items"][number]): string | null {
	// Stryker disable next-line ConditionalExpression: resolveAsScalar of a missing key is null too.
	if (!item.key) return null;
	const resolved = CST.resolveAsScalar(item.key);
	return resolved ? resolved.value : null;
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
		// Stryker disable next-line ArrayDeclaration: a reading editor never renders its tokens.
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
		// Stryker disable next-line ArrayDeclaration: without a block mapping no key is found, whatever the list holds.
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

	/** A number's text as written (`1e400`, not `Infinity`), for messages that quote it; else `getText`. */
	writtenText(key: string): string | undefined {
		const index = typeof this.values.get(key) === "number" ? this.indexOf(key) : -1;
		const value = index === -1 ? undefined : this.items[index].value;
		return value?.type === "scalar" ? value.source.trim() : this.getText(key);
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
			// The other token types (aliases, anchors...) are refused when parsing.
			// Stryker disable next-line all: see above
			default:
				// Stryker disable next-line all: see above
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
		// Told not to keep it, the comment on the value's line was part of the value (a title cut at `#`).
		const dropped = keepComment ? undefined : valueLineComment(item);
		const onKeyLine = keepComment ? commentOf(item) : [];
		withComment(fresh, onKeyLine);
		// A list item's comment stays on the line of the same item.
		const carried = carryItemComments(item, fresh);
		const under = commentLinesAfter(item);
		// Every other comment of the entry becomes a line of its own: none is lost.
		const placed = new Set([...onKeyLine, ...carried, ...under, dropped]);
		const lines = [...asCommentLines(commentsOfEntry(item).filter((comment) => !placed.has(comment))), ...under];
		item.sep = fresh.sep;
		item.value = fresh.value;
		if (lines.length > 0) this.keepLines(index, lines);
		this.values.set(key, value);
		this.edited = true;
	}

	/** Comment lines that stood under or within the entry at `index`: after its new value. */
	private keepLines(index: number, lines: CST.SourceToken[]): void {
		const value = this.items[index].value;
		// A new value is one line, or a block list of one-line items, which ends with its last item's line.
		const last = value?.type === "block-seq" ? value.items.at(-1)?.value : value;
		if (last && "end" in last) last.end = [...(last.end ?? []), ...lines];
		// Stryker disable next-line all: never reached (see above); should entryItem write another shape, the lines still stay
		else if (this.docToken) this.docToken.end = [...lines, ...(this.docToken.end ?? [])];
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

	/** Remove a key; comments and blank lines above it stay, attached to what follows, and so do its own comments. */
	remove(key: string): void {
		this.checkWritable();
		const index = this.indexOf(key);
		if (index === -1) return;
		// Stryker disable next-line ConditionalExpression: a key was found, so there is a document token; the check narrows the type.
		if (!this.docToken) return;
		const [item] = this.items.splice(index, 1);
		const own = asCommentLines(commentsOfEntry(item));
		const next = this.items[index];
		if (next) next.start = [...item.start, ...own, ...next.start];
		else this.docToken.end = [...item.start, ...own, ...(this.docToken.end ?? [])];
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
