// Reads a note's frontmatter block as the engine understands it: a mapping (repaired if need be) or why not.

import type { NoteParts } from "../note";
import { isTooDeeplyNested } from "./nesting";
import { isPlainlyBroken, repairFrontmatter } from "./repair";
import { tooLargeFrontmatter } from "./size";
import type { FrontmatterEditor } from "./yamlEditor";
import { parseFrontmatter, type ParseOutcome } from "./parseFrontmatter";

export type FrontmatterState =
	| { kind: "none" }
	| { kind: "mapping"; editor: FrontmatterEditor; repairedKeys: string[]; closedLists?: string[]; reindentedLists?: string[] }
	| { kind: "invalid"; error: string; refused?: "too-deep" | "too-large" | "commented-opening" }
	| { kind: "not-mapping"; found: string }
	| { kind: "anchored"; names: string[]; values: Record<string, unknown> };

/** What repair did to a block so that it reads (nothing, for a block that was valid). */
export type RepairsMade = Pick<Extract<FrontmatterState, { kind: "mapping" }>, "repairedKeys" | "closedLists" | "reindentedLists">;

/** Whether the block reads only after repair. */
export function wasRepaired(block: RepairsMade): boolean {
	return block.repairedKeys.length > 0 || (block.closedLists?.length ?? 0) > 0 || (block.reindentedLists?.length ?? 0) > 0;
}

/** The block with LF line ends, as the engine parses it (CRLF is given back when the note is written). */
export function toLf(text: string): string {
	return text.replace(/\r\n/g, "\n");
}

/**
 * `parse` reads the block, and the repaired block when the first read fails: the engine's parse by
 * default, or one that gives the same values without what editing needs (the queue only reads).
 */
export function readFrontmatterBlock(parts: NoteParts, parse: (yaml: string) => ParseOutcome = parseFrontmatter): FrontmatterState {
	// A block that never closes is not frontmatter to Obsidian either; adding one above it would bury it.
	if (parts.unclosedFrontmatter) return { kind: "invalid", error: "it has no closing --- line" };
	// Adding properties above it would make two blocks, the user's read as text: it is for the user to fix.
	if (parts.commentedOpening) return { kind: "invalid", error: "its opening --- line has a comment after it", refused: "commented-opening" };
	if (!parts.frontmatter) return { kind: "none" };
	const yaml = toLf(parts.frontmatter.yaml);
	if (isTooDeeplyNested(yaml)) return tooDeep();
	const size = tooLargeFrontmatter(yaml);
	if (size) return { kind: "invalid", error: `Frontmatter too large to be an Omnivore note's: ${size}`, refused: "too-large" };
	try {
		return readChecked(yaml, parse);
	} catch (error) {
		// The scan above errs on the side of reading: text it lets through that still nests past the
		// parser's stack (a thread's stack may be smaller) is refused the same way, not a failed run.
		if (error instanceof RangeError) return tooDeep();
		throw error;
	}
}

function tooDeep(): FrontmatterState {
	return { kind: "invalid", error: "it is nested too deeply", refused: "too-deep" };
}

/** The block read, once checked to be neither too deep nor too large. */
function readChecked(yaml: string, parse: (yaml: string) => ParseOutcome): FrontmatterState {
	// A block surely invalid (plugin 1.0's `author: @name`, say) goes to the repair at once: the
	// library's parse of a broken block costs most of its reading, and is needed only for its error,
	// said when the repair fails.
	const outcome = isPlainlyBroken(yaml) ? null : parse(yaml);
	// The repair would quote anchors into text; it finds nothing to quote in a list or a single value.
	if (outcome !== null && outcome.kind !== "invalid") return asState(outcome);
	const repair = repairFrontmatter(yaml, parse);
	if (repair) return { kind: "mapping", editor: repair.editor, repairedKeys: repair.keys, closedLists: repair.closed, reindentedLists: repair.reindented };
	return outcome ?? asState(parse(yaml));
}

function asState(outcome: ParseOutcome): FrontmatterState {
	return outcome.kind === "mapping" ? { kind: "mapping", editor: outcome.editor, repairedKeys: [] } : outcome;
}
