// What the image-run test needs from the core, in one import.
import { splitNote } from "../../../src/core/note";

export * from "../../../src/core";

/** The frontmatter block (with BOM) and the body. */
export function splitNoteForTest(text: string): { head: string; body: string } {
	const { body } = splitNote(text);
	return { head: text.slice(0, text.length - body.length), body };
}
