// Changes only a note's status property, leaving every other byte as it was.

import { joinNote, newFrontmatterBlock, splitNote } from "../note";
import { readFrontmatterBlock } from "../frontmatter/readBlock";
import { parseFrontmatter } from "../frontmatter/yamlEditor";
import type { TidyOptions } from "../options";
import type { QueueStatus } from "./queueItem";

/** The note with its status set, or null when its frontmatter cannot be edited safely. */
export function setNoteStatus(note: string, status: QueueStatus, options: Pick<TidyOptions, "keys" | "statusValues">): string | null {
	const parts = splitNote(note);
	const value = options.statusValues[status];
	const key = options.keys.status;
	if (parts.unclosedFrontmatter) return null;
	if (!parts.frontmatter) {
		const yaml = `${key}: ${value}${parts.eol}`;
		return joinNote({ ...parts, frontmatter: newFrontmatterBlock(yaml, parts.eol) });
	}
	const block = readFrontmatterBlock(parts);
	// A block that only reads after repair is left for a tidy: the status write must not change anything else.
	if (block.kind !== "mapping" || block.repairedKeys.length > 0) return null;
	if (block.editor.getText(key) === value) return note;
	block.editor.set(key, value);
	let yaml = block.editor.toString();
	if (parseFrontmatter(yaml).kind !== "mapping") return null;
	if (parts.eol === "\r\n") yaml = yaml.replace(/\r?\n/g, "\r\n");
	return joinNote({ ...parts, frontmatter: { ...parts.frontmatter, yaml } });
}
