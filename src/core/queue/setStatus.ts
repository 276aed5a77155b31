// Changes only a note's status property, leaving every other byte as it was.

import { joinNote, splitNote, withFrontmatterYaml } from "../note";
import { stringifyEntry } from "../frontmatter/entryText";
import { readFrontmatterBlock, wasRepaired } from "../frontmatter/readBlock";
import { verifyFrontmatter } from "../frontmatter/verifyFrontmatter";
import type { TidyOptions } from "../options";
import { findKey } from "../omnivore/keys";
import type { ReadingStatus } from "../omnivore/status";

/** The note with its status set, or null when its frontmatter cannot be edited safely. */
export function setNoteStatus(note: string, status: ReadingStatus, options: Pick<TidyOptions, "keys" | "statusValues">): string | null {
	const parts = splitNote(note);
	const value = options.statusValues[status];
	const key = options.keys.status;
	if (!parts.frontmatter) {
		// A block that never closes is not frontmatter; a new one above it would bury it.
		if (parts.unclosedFrontmatter || parts.commentedOpening) return null;
		return joinNote(withFrontmatterYaml(parts, stringifyEntry(key, value)));
	}
	const block = readFrontmatterBlock(parts);
	// A block that only reads after repair is left for a tidy: the status write must not change anything else.
	if (block.kind !== "mapping" || wasRepaired(block)) return null;
	// The key as written (`Status`), which the queue reads: a second one in another case would hide it.
	const written = findKey(block.editor.keys(), key) ?? key;
	if (block.editor.getText(written) === value) return note;
	block.editor.set(written, value);
	const yaml = block.editor.toString();
	if (verifyFrontmatter(yaml, block.editor.expectedValues()) !== null) return null;
	return joinNote(withFrontmatterYaml(parts, yaml));
}
