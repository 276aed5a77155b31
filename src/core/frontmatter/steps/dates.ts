// Rewrites date properties as ISO date-times (or dates) that Obsidian shows as date properties.

import { formatDate, readDate } from "../../dates";
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
			if (reading.kind !== "date") {
				context.report.problem({
					code: reading.kind === "ambiguous" ? "ambiguous-date" : "unparseable-date",
					key,
					message:
						reading.kind === "ambiguous"
							? `${key} ${quoteForMessage(text)} could be day-first or month-first; it was left as written. Set the day/month order (a setting, or --date-order in the CLI) to convert it.`
							: `${key} ${quoteForMessage(text)} is not a date the engine can read; it was left as written.`,
				});
				continue;
			}
			const formatted = formatDate(reading.date, reading.hasTime, options);
			const shape = frontmatter.shapeOf(key);
			if (formatted !== String(frontmatter.get(key)) || (shape !== "plain" && shape !== "quoted")) {
				context.set(key, formatted, "written as an ISO date");
			}
		}
	},
};
