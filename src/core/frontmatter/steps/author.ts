// Trims `author` to one line and drops the placeholder `unknown` that plugin 1.10 wrote.

import type { FrontmatterStep, StepContext } from "../step";
import { oneLine } from "../../omnivore/heading";
import { foldKey, isPlaceholder } from "../../omnivore/keys";

export const authorStep: FrontmatterStep = {
	id: "author",
	description: "The author is trimmed to one line; `unknown` (written when Omnivore had no author) and empty values are removed.",
	examples: [
		{ title: "A block scalar becomes one line", before: "author: |\n  莫崇宇\n", after: "author: 莫崇宇\n" },
		{ title: "The placeholder is removed", before: "title: x\nauthor: unknown\n", after: "title: x\n" },
		{ title: "So is a list of it", before: "title: x\nauthor:\n  - unknown\n", after: "title: x\n" },
		{ title: "An empty author is removed", before: "author:\ntitle: x\n", after: "title: x\n" },
		{ title: "Surrounding spaces go", before: 'author: "  Maryanne Wolf "\n', after: "author: Maryanne Wolf\n" },
	],
	apply(context: StepContext): void {
		const key = context.keys.author;
		const { frontmatter } = context;
		if (!frontmatter.has(key)) return;
		const value = frontmatter.get(key);
		if (isPlaceholder("author", value)) return removeEverySpelling(context, key, "Omnivore's placeholder for a missing author");
		if (Array.isArray(value) || (typeof value === "object" && value !== null)) return;
		const text = context.text(key);
		if (text === undefined) return removeEverySpelling(context, key, "it was empty");
		if (isPlaceholder("author", text)) return removeEverySpelling(context, key, "Omnivore's placeholder for a missing author");
		const line = oneLine(String(value));
		if (line !== String(value) || frontmatter.shapeOf(key) === "block-scalar" || frontmatter.spansLines(key)) {
			context.set(key, line, "made one trimmed line");
		}
	},
};

/** Removes the author, and another spelling left empty or `unknown` (`Author:`), which would be renamed on the next run only to go too. */
function removeEverySpelling(context: StepContext, key: string, reason: string): void {
	const { frontmatter } = context;
	context.remove(key, reason);
	for (const other of frontmatter.keys()) {
		if (foldKey(other) !== foldKey(key)) continue;
		if (context.isMissing(other)) context.remove(other, "it was empty");
		else if (isPlaceholder("author", frontmatter.get(other))) context.remove(other, "Omnivore's placeholder for a missing author");
	}
}
