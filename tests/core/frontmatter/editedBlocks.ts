// Helpers of the editor's tests: a block parsed for editing, and the text an edit writes, which must
// read back as the editor says it holds (the engine's read-back check).

import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";
import { verifyFrontmatter } from "../../../src/core/frontmatter/verifyFrontmatter";
import type { FrontmatterEditor } from "../../../src/core/frontmatter/yamlEditor";

export function editor(yaml: string): FrontmatterEditor {
	const outcome = parseFrontmatter(yaml);
	if (outcome.kind !== "mapping") throw new Error(`not a mapping: ${outcome.kind}`);
	return outcome.editor;
}

export function written(e: FrontmatterEditor): string {
	const text = e.toString();
	expect(verifyFrontmatter(text, e.expectedValues())).toBeNull();
	return text;
}
