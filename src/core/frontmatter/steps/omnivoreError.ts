// Reports the error Omnivore wrote into the frontmatter when a user's template did not parse.

import { quoteForMessage } from "../../report";
import type { FrontmatterStep, StepContext } from "../step";

const ERROR_KEY = "omnivore_error";

export const omnivoreErrorStep: FrontmatterStep = {
	id: "omnivore-error",
	description: "`omnivore_error` is kept and reported: the note's frontmatter template failed when Omnivore wrote it, so values may be missing.",
	examples: [
		{
			title: "Kept as written",
			before: "omnivore_error: There was an error parsing the front matter template. See console for details.\n",
			after: "omnivore_error: There was an error parsing the front matter template. See console for details.\n",
		},
	],
	apply(context: StepContext): void {
		const text = context.text(ERROR_KEY);
		if (text === undefined) return;
		context.report.problem({
			code: "omnivore-error",
			key: ERROR_KEY,
			message: `Omnivore could not fill this note's frontmatter template when it saved the article (${quoteForMessage(text, 80)}); values it would have written may be missing.`,
		});
	},
};
