// Rewrites date properties as ISO date-times (or dates) that Obsidian shows as date properties.

import { dateFromOmnivoreUrl, formatDate, readDate } from "../../dates";
import { omnivoreLinkOf } from "./recover";
import { quoteForMessage } from "../../report";
import type { FrontmatterStep, StepContext } from "../step";

export function dateKeys(context: StepContext): string[] {
	const { keys, extraDateKeys } = context.options;
	return [keys.dateSaved, keys.datePublished, keys.dateRead, keys.dateArchived, ...extraDateKeys];
}

export const datesStep: FrontmatterStep = {
	id: "dates",
	description:
		"Date properties are rewritten as `YYYY-MM-DDTHH:mm:ss` in local time (`YYYY-MM-DD` when the value has no time). " +
		"Values with `Z` or an offset are converted. Ambiguous (`03/04/2024`) or unreadable values stay and are reported.",
	examples: [
		{
			title: "Omnivore's default format",
			before: "date_saved: 2024-02-27 01:30:06\n",
			after: "date_saved: 2024-02-27T01:30:06\n",
		},
		{
			title: "A date without time stays a date",
			before: "date_published: March 1, 2024\n",
			after: "date_published: 2024-03-01\n",
		},
		{
			title: "Day-first is read when it cannot be anything else",
			before: "date_saved: 30/07/2024 14:05\n",
			after: "date_saved: 2024-07-30T14:05:00\n",
		},
		{
			title: "The plugin's dotted formats",
			before: "date_saved: 2023.02.02\ndate_published: 30.07.2024 14:05\n",
			after: "date_saved: 2023-02-02\ndate_published: 2024-07-30T14:05:00\n",
		},
		{
			title: "A placeholder that is no date gives way to the Omnivore link's timestamp",
			before: "date_saved: Y.02.02\n",
			body: "[Read on Omnivore](https://omnivore.app/me/gpt-4-open-ai-18de9d85b43)\n",
			after: "date_saved: 2024-02-27T10:14:46\n",
		},
		{
			title: "An ambiguous day and month is left as written",
			before: "date_saved: 03/04/2024\n",
			after: "date_saved: 03/04/2024\n",
		},
		{
			title: "...unless the settings say which comes first",
			before: "date_saved: 03/04/2024\n",
			after: "date_saved: 2024-04-03\n",
			options: { dayMonthOrder: "day-first" },
		},
	],
	apply(context: StepContext): void {
		const { frontmatter, options } = context;
		for (const key of dateKeys(context)) {
			const text = context.text(key);
			if (text === undefined) continue;
			const reading = readDate(text, options);
			if (reading.kind === "unparseable" && key === context.keys.dateSaved && replaceFromLink(context, key, text)) continue;
			if (reading.kind !== "date") {
				context.report.problem({
					code: reading.kind === "ambiguous" ? "ambiguous-date" : "unparseable-date",
					key,
					message:
						reading.kind === "ambiguous"
							? `${key} ${quoteForMessage(text)} could be day-first or month-first; it was left as written until you choose whether the day or the month comes first.`
							: `${key} ${quoteForMessage(frontmatter.writtenText(key) ?? text)} is not a date the engine can read; it was left as written.`,
				});
				continue;
			}
			const formatted = formatDate(reading, options);
			const shape = frontmatter.shapeOf(key);
			if (formatted !== String(frontmatter.get(key)) || (shape !== "plain" && shape !== "quoted")) {
				context.set(key, formatted, "written as an ISO date");
			}
		}
	},
};

/** A save date that is no date (an unfilled template placeholder) is replaced from the Omnivore link's timestamp. */
function replaceFromLink(context: StepContext, key: string, text: string): boolean {
	const { options } = context;
	const link = omnivoreLinkOf(context);
	const saved = link ? dateFromOmnivoreUrl(link) : null;
	if (!saved || !options.recover.dateSaved) return false;
	context.set(key, formatDate({ date: saved, hasTime: true }, options), `${quoteForMessage(text)} is not a date; read from the Omnivore link's timestamp`);
	return true;
}
