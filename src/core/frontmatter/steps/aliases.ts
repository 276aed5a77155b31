// Merges the names users gave Omnivore's variables (`saved`, `url`, `siteName`...) into the canonical key.

import { readDate, formatDate } from "../../dates";
import type { SchemaKeys, TidyOptions } from "../../options";
import { quoteForMessage } from "../../report";
import type { FrontmatterStep, StepContext } from "../step";

type ValueKind = "date" | "url" | "text";

/** Canonical key → the other names the same value was written under. */
export const KEY_ALIASES: Array<{ key: keyof SchemaKeys; kind: ValueKind; aliases: string[] }> = [
	{ key: "dateSaved", kind: "date", aliases: ["saved", "date", "dateSaved", "savedAt", "saved_at"] },
	{ key: "datePublished", kind: "date", aliases: ["published", "datePublished", "publishedAt"] },
	{ key: "originalUrl", kind: "url", aliases: ["url", "source", "link", "originalUrl"] },
	{ key: "siteName", kind: "text", aliases: ["site", "siteName"] },
	{ key: "omnivoreUrl", kind: "url", aliases: ["omnivoreUrl"] },
];

/** The value in a form where two spellings of the same thing compare equal; null when it is not of the kind. */
function comparable(value: string, kind: ValueKind, options: TidyOptions): string | null {
	switch (kind) {
		case "date": {
			const reading = readDate(value, options);
			return reading.kind === "date" ? formatDate(reading.date, reading.hasTime, options) : null;
		}
		case "url":
			return /^https?:\/\/\S+$/i.test(value) ? value : null;
		case "text":
			return value;
	}
}

export const aliasesStep: FrontmatterStep = {
	id: "aliases",
	description:
		"Values written under another name (`saved`, `url`, `siteName`...) move to the canonical key. " +
		"When both hold the same value the alias goes; when they differ both stay and the conflict is reported.",
	examples: [
		{
			title: "An alias is renamed where it stands",
			before: "saved: 2024-03-15 08:12:44\nurl: https://example.com/a\n",
			after: "date_saved: 2024-03-15 08:12:44\noriginal_url: https://example.com/a\n",
		},
		{
			title: "An alias repeating the canonical value is removed",
			before: "date_saved: 2024-03-15 08:12:44\nsavedAt: 2024-03-15T08:12:44\n",
			after: "date_saved: 2024-03-15 08:12:44\n",
		},
		{
			title: "Different values are both kept",
			before: "original_url: https://example.com/a\nurl: https://example.com/b\n",
			after: "original_url: https://example.com/a\nurl: https://example.com/b\n",
		},
		{
			title: "A value that is not of the key's kind is left alone",
			before: "source: my friend Anna\n",
			after: "source: my friend Anna\n",
		},
	],
	apply(context: StepContext): void {
		const { frontmatter, options } = context;
		for (const { key, kind, aliases } of KEY_ALIASES) {
			const canonical = options.keys[key];
			for (const alias of aliases) {
				if (alias === canonical || !frontmatter.has(alias)) continue;
				const aliasText = frontmatter.getText(alias);
				const aliasValue = aliasText === undefined ? null : comparable(aliasText, kind, options);
				if (aliasValue === null) continue;
				const existing = context.text(canonical);
				if (existing === undefined && !frontmatter.has(canonical)) {
					context.rename(alias, canonical, "the canonical name for this value");
				} else if (existing === undefined) {
					context.set(canonical, aliasText as string, `value taken from ${alias}`);
					context.remove(alias, `its value moved to ${canonical}`);
				} else if (comparable(existing, kind, options) === aliasValue) {
					context.remove(alias, `same value as ${canonical}`);
				} else {
					context.report.problem({
						code: "alias-conflict",
						key: alias,
						message: `${alias} ${quoteForMessage(aliasText as string)} differs from ${canonical} ${quoteForMessage(existing)}; both were kept.`,
					});
				}
			}
		}
	},
};
