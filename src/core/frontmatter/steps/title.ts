// Makes `title` one trimmed line, and takes it from the first heading when the note has none.

import { mustacheUnescaped } from "../../htmlEntities";
import { oneLine, titleCutByComment } from "../../omnivore/heading";
import type { FrontmatterStep, StepContext } from "../step";

export const titleStep: FrontmatterStep = {
	id: "title",
	description:
		"The title becomes one trimmed line (from `|` and `>` blocks and titles folded over several lines), " +
		"written plain where YAML allows and quoted otherwise. A note without a title gets the article's heading (at the top, or just above the #Omnivore line), never a section heading.",
	examples: [
		{
			title: "A literal block (plugin 1.3.0, re-saved by Obsidian) becomes one line",
			before: "title: |\n  逼近 GPT-4 的新模型发布！| 爱范儿\nauthor: x\n",
			after: "title: 逼近 GPT-4 的新模型发布！| 爱范儿\nauthor: x\n",
		},
		{
			title: "A title Obsidian folded over two lines is joined",
			before: "title: A very long title that Obsidian folded at about eighty\n  columns for us\n",
			after: "title: A very long title that Obsidian folded at about eighty columns for us\n",
		},
		{
			title: "A title that needs quotes gets them",
			before: "title: >\n  Rust: what comes next\n",
			after: 'title: "Rust: what comes next"\n',
		},
		{
			title: "A missing title comes from the article heading",
			before: "id: 1\n",
			body: "# How SQLite Scales Read Concurrency\n#Omnivore\n",
			after: "id: 1\ntitle: How SQLite Scales Read Concurrency\n",
		},
		{
			title: "...the article's heading, never a section heading",
			before: "id: 1\n",
			body: "## Highlights\n\n> a quote\n\n# On Slow Reading\n#Omnivore\n",
			after: "id: 1\ntitle: On Slow Reading\n",
		},
		{
			title: "...as Obsidian shows it, when the template HTML-escaped it",
			before: "id: 1\n",
			body: "# Tools &amp; Habits: Dan&#39;s List\n#Omnivore\n",
			after: "id: 1\ntitle: \"Tools & Habits: Dan's List\"\n",
		},
		{
			title: "A title a template HTML-escaped (`{{title}}`) is written as the text it stands for",
			before: "title: \"&quot;Yes to Life&quot; by Viktor Frankl: Leon&#39;s notes\"\n",
			after: "title: \"\\\"Yes to Life\\\" by Viktor Frankl: Leon's notes\"\n",
		},
		{
			title: "A title cut short by a # is made whole from the heading",
			before: "title: The Weekly Dispatch #112\n",
			body: "# The Weekly Dispatch #112\n#Omnivore\n",
			after: 'title: "The Weekly Dispatch #112"\n',
		},
		{
			title: "A clean quoted title is left as written",
			before: "title: 'Already: fine'\n",
			after: "title: 'Already: fine'\n",
		},
	],
	apply(context: StepContext): void {
		const key = context.keys.title;
		const { frontmatter } = context;
		const current = context.text(key);
		if (current !== undefined) {
			const uncut = titleCutByComment(frontmatter, key, context.body.articleHeading);
			if (uncut) {
				// The "comment" is part of the title: it goes into the value and not after it.
				context.set(key, uncut, "the part after # had been read as a YAML comment", false);
				return;
			}
			const written = String(frontmatter.get(key));
			const line = oneLine(written);
			const text = mustacheUnescaped(line);
			const shape = frontmatter.shapeOf(key);
			if (text !== line) context.set(key, text, "written as the text a template HTML-escaped (`&quot;` is `\"`)");
			else if (line !== written || shape === "block-scalar" || frontmatter.spansLines(key)) {
				context.set(key, line, "made one trimmed line");
			}
			return;
		}
		const heading = context.body.articleHeading;
		if (context.options.recover.title && heading && context.isMissing(key)) {
			context.fill(key, oneLine(heading), "taken from the article heading");
		}
	},
};
