// Reads a frontmatter block into an editor (yamlEditor.ts), or says why it cannot be edited key by key.

import { CST, Parser, isMap, isScalar, type Document } from "yaml";
import { readSimpleBlock } from "./simpleBlock";
import { FrontmatterEditor } from "./yamlEditor";
import { anchorsOf, firstProblem, parseTokens, toValues } from "./yamlDocument";

export type ParseOutcome =
	| { kind: "mapping"; editor: FrontmatterEditor }
	| { kind: "invalid"; error: string }
	| { kind: "not-mapping"; found: string }
	/** Valid YAML that uses anchors or aliases: editing it key by key could change what they mean. */
	| { kind: "anchored"; names: string[]; values: Record<string, unknown> };

const UNREADABLE = "its values cannot be read (an alias to no anchor, or too many aliases)";

/** Parse a frontmatter block; any YAML error or warning (an unknown `!tag`, say) counts as invalid. */
export function parseFrontmatter(yaml: string): ParseOutcome {
	const simple = parseSimpleFrontmatter(yaml);
	// Stryker disable next-line ConditionalExpression: a fast path; the library reads a simple block to the same outcome.
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
// Stryker disable all: a fast path; whenever it gives up, parseFrontmatter reads the block with the library to the
// same outcome. A simple block is always one block mapping: the check stays should yaml's CST change.
function parseSimpleFrontmatter(yaml: string): ParseOutcome | null {
	const values = readSimpleBlock(yaml);
	if (!values) return null;
	const tokens = Array.from(new Parser().parse(yaml));
	const documents = tokens.filter((t): t is CST.Document => t.type === "document");
	if (documents.length !== 1 || documents[0].value?.type !== "block-map") return null;
	// Stryker restore all
	return { kind: "mapping", editor: new FrontmatterEditor(yaml, tokens, documents[0], values) };
}

function describeContents(doc: Document.Parsed): string {
	if (isMap(doc.contents)) return "a mapping written in flow style";
	if (isScalar(doc.contents)) return "a single value";
	return "a list";
}

/** An editor over an empty block: for a note that has no frontmatter yet. */
export function emptyFrontmatter(): FrontmatterEditor {
	const outcome = parseFrontmatter("");
	if (outcome.kind !== "mapping") throw new Error("An empty block always parses");
	return outcome.editor;
}

