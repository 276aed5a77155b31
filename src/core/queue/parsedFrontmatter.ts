// Frontmatter values an index has already parsed (Obsidian's metadata cache), or that the engine's
// reader of the plain shape gives, used in place of the yaml library's parse where they cannot
// differ from what the engine would read.

import { isTooDeeplyNested } from "../frontmatter/nesting";
import { parseFrontmatter, type ParseOutcome } from "../frontmatter/parseFrontmatter";
import { readFrontmatterBlock, toLf, type FrontmatterState } from "../frontmatter/readBlock";
import { readSimpleBlock } from "../frontmatter/simpleBlock";
import { tooLargeFrontmatter } from "../frontmatter/size";
import { FrontmatterEditor } from "../frontmatter/yamlEditor";
import type { NoteParts } from "../note";

// What the engine reads otherwise than a plain parse, each found by where it may start (erring on the
// side of parsing): comments after a value (a title cut by `#`), anchors, aliases and tags, directives, explicit
// keys, a flow collection over several lines or as the whole block. The engine takes these for
// warnings or refuses them; another parser may read values from them.
const READ_OTHERWISE = /[^ \t\n][ \t]+#|(?:^|[ \t,[{:])[&*!]|^%|^[ \t]*(?:\?(?:[ \t]|$)|[[{])|[[{][^\n\]}]*\n/m;

/** Strings, numbers, booleans, null, lists and plain objects of them: what a YAML 1.2 parse gives (no dates). */
function isPlainData(value: unknown): boolean {
	if (value === null || typeof value !== "object") return typeof value !== "function" && typeof value !== "bigint" && typeof value !== "symbol";
	if (Array.isArray(value)) return value.every(isPlainData);
	const prototype = Object.getPrototypeOf(value) as unknown;
	return (prototype === Object.prototype || prototype === null) && Object.values(value).every(isPlainData);
}

/**
 * The note's frontmatter from values parsed elsewhere, as the engine would read the block; null when
 * the block must be parsed (no values for a block, a block the engine refuses or reads otherwise).
 * The values are trusted to be those of a YAML 1.2 parse of the block, as Obsidian's are; values
 * of another kind (a date, as a YAML 1.1 parser makes) send the block to the engine's parse.
 */
export function frontmatterFromValues(parts: NoteParts, values: Record<string, unknown> | undefined): FrontmatterState | null {
	if (parts.unclosedFrontmatter || parts.commentedOpening) return null;
	if (!parts.frontmatter) return { kind: "none" };
	const yaml = toLf(parts.frontmatter.yaml);
	// The text's checks first: values nested as deep as a refused block would exhaust `isPlainData`'s stack.
	if (values === undefined || isTooDeeplyNested(yaml) || tooLargeFrontmatter(yaml) !== null || READ_OTHERWISE.test(yaml) || !isPlainData(values)) return null;
	// Over the values alone, without the CST: it only reads.
	return { kind: "mapping", editor: FrontmatterEditor.reading(yaml, values), repairedKeys: [] };
}

/**
 * The engine's parse for a reader: a block of the plain shape (one `key: value` a line, lists of such
 * values) is read by the engine's reader of that shape without the CST the engine keeps for editing.
 */
function parseForReading(yaml: string): ParseOutcome {
	const values = readSimpleBlock(yaml);
	// The CST is wanted only for a comment after a value (a title cut by `#`), which that reader never
	// accepts (it refuses ` #` in a value): the pattern's check is belt and braces, and a fast path.
	// Stryker disable next-line ConditionalExpression,BooleanLiteral: see above
	return values && !READ_OTHERWISE.test(yaml) ? { kind: "mapping", editor: FrontmatterEditor.reading(yaml, values) } : parseFrontmatter(yaml);
}

/**
 * The note's frontmatter as the engine reads it (repaired if need be), for the queue, which only
 * reads: a plain block, repaired or not, is read without the CST.
 */
export function frontmatterForReading(parts: NoteParts): FrontmatterState {
	return readFrontmatterBlock(parts, parseForReading);
}
