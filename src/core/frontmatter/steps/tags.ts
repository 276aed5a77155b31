// Tidies `tags` into a block list: no `#`, no spaces, no duplicates, `tag` merged in.

import { readTagList, uniqueTags } from "../../omnivore/tags";
import type { FrontmatterStep, StepContext } from "../step";

export const tagsStep: FrontmatterStep = {
	id: "tags",
	description:
		"Tags become a block list: `#` stripped, spaces in a comma-separated tag turned into `_`, a `tag` key merged in, " +
		"repeated tags (in any case) dropped keeping the first, order kept.",
	examples: [
		{
			title: "A flow list becomes a block list",
			before: 'tags: [Omnivore, distributed-systems, "papers to read"]\n',
			after: "tags:\n  - Omnivore\n  - distributed-systems\n  - papers_to_read\n",
		},
		{
			title: "`#`, duplicates and a `tag` key",
			before: "tags:\n  - \"#rust\"\n  - Rust\n  - programming\ntag: reading\n",
			after: "tags:\n  - rust\n  - programming\n  - reading\n",
		},
		{
			title: "A comma-separated string",
			before: "tags: Read Later, ai\n",
			after: "tags:\n  - Read_Later\n  - ai\n",
		},
		{
			title: "A string without commas is split at spaces, as Obsidian reads it (the Omnivore tag stays a tag)",
			before: "tags: Omnivore newsletter\n",
			after: "tags:\n  - Omnivore\n  - newsletter\n",
		},
		{
			title: "A string that looks like a list is that list, never tags named `[alpha` and `beta]`",
			before: 'tags: "[alpha, beta]"\n',
			after: "tags:\n  - alpha\n  - beta\n",
		},
		{
			title: "...also when it lost its `[`",
			before: "tags: alpha, beta]\n",
			after: "tags:\n  - alpha\n  - beta\n",
		},
		{
			title: "A lone `tag` key becomes `tags`",
			before: "tag: omnivore\nid: 1\n",
			after: "tags:\n  - omnivore\nid: 1\n",
		},
		{
			title: "A tidy list is left as written",
			before: "tags:\n  - RSS\n",
			after: "tags:\n  - RSS\n",
		},
	],
	apply(context: StepContext): void {
		const { frontmatter } = context;
		const key = context.keys.tags;
		const hasTags = frontmatter.has(key);
		const hasTag = key !== "tag" && frontmatter.has("tag");
		// A fast path: a missing key reads as no list either.
		if (!hasTags && !hasTag) return;
		const main = readTagList(frontmatter.get(key));
		const extra = hasTag ? readTagList(frontmatter.get("tag")) : [];
		if (main === null || extra === null) return;
		const tags = uniqueTags([...main, ...extra]);
		if (tags.length === 0) return;
		if (!hasTags) {
			context.rename("tag", key, `the list of tags is ${key}`);
		} else if (hasTag) {
			context.remove("tag", `merged into ${key}`);
		}
		const current = frontmatter.get(key);
		const sameTags = Array.isArray(current) && current.length === tags.length && current.every((item, i) => item === tags[i]);
		if (sameTags && frontmatter.shapeOf(key) === "block-seq") return;
		context.set(key, tags, sameTags ? "written as a block list" : "tidied into a list");
	},
};
