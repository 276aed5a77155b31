// Merges the names users gave Omnivore's variables (`saved`, `url`, `siteName`, `Title`...) into the canonical key.

import { formatDate, readDate } from "../../dates";
import { isPlaceholder, KEY_ALIASES, namesOf, type ValueKind } from "../../omnivore/keys";
import type { TidyOptions } from "../../options";
import { quoteForMessage } from "../../report";
import type { FrontmatterStep, StepContext } from "../step";
import type { FrontmatterValue } from "../yamlEditor";

/** The value in a form where two spellings of the same thing compare equal; null when it is not of the kind. */
function comparable(value: unknown, kind: ValueKind, options: TidyOptions): string | null {
	if (kind === "list") {
		if (Array.isArray(value)) return value.every((item) => typeof item === "string") ? JSON.stringify(value) : null;
		return typeof value === "string" && value.trim() !== "" ? JSON.stringify([value.trim()]) : null;
	}
	if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return null;
	const text = String(value).trim();
	if (text === "") return null;
	switch (kind) {
		case "date": {
			const reading = readDate(text, options);
			return reading.kind === "date" ? formatDate(reading, options) : null;
		}
		case "url":
			return /^https?:\/\/\S+$/i.test(text) ? text : null;
		case "text":
			return text;
	}
}

function asValue(value: unknown): FrontmatterValue {
	return Array.isArray(value) ? value.map(String) : String(value).trim();
}

export const aliasesStep: FrontmatterStep = {
	id: "aliases",
	description:
		"Values written under another name (`saved`, `url`, `siteName`...) or in another case (`Title`) move to the " +
		"canonical key. When both hold the same value the alias goes; when they differ both stay and the conflict is reported.",
	examples: [
		{
			title: "An alias is renamed where it stands",
			before: "saved: 2024-03-15 08:12:44\nurl: https://example.com/a\n",
			after: "date_saved: 2024-03-15 08:12:44\noriginal_url: https://example.com/a\n",
		},
		{
			title: "Another case is the same key",
			before: "ID: 1\nTitle: On reading\nAuthor: Ann\n",
			after: "ID: 1\ntitle: On reading\nauthor: Ann\n",
		},
		{
			title: "...also when it is empty, so that a value recovered later fills it in place",
			before: "ID: 1\nTitle:\nURL: \n",
			after: "ID: 1\ntitle:\nURL: \n",
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
			title: "A real value takes the place of Omnivore's placeholder",
			before: "author: unknown\nAuthor: Ann\n",
			after: "author: Ann\n",
		},
		{
			title: "A value that is not of the key's kind is left alone",
			before: "source: my friend Anna\n",
			after: "source: my friend Anna\n",
		},
	],
	apply(context: StepContext): void {
		const { frontmatter, options } = context;
		for (const { key, kind } of KEY_ALIASES) {
			const canonical = options.keys[key];
			const names = namesOf(key, options.keys);
			const aliases = frontmatter.keys().filter((name) => name !== canonical && names.includes(name.toLowerCase()));
			for (const alias of aliases) {
				const aliasRaw = frontmatter.get(alias);
				const aliasValue = comparable(aliasRaw, kind, options);
				if (aliasValue === null) {
					// An empty `Title:` is still the title: renamed, it is filled where it stands, never beside it.
					const otherCase = alias.toLowerCase() === canonical.toLowerCase();
					if (otherCase && context.isMissing(alias) && !context.has(canonical)) {
						context.rename(alias, canonical, "the canonical name for this value");
					}
					continue;
				}
				if (!context.has(canonical)) {
					context.rename(alias, canonical, "the canonical name for this value");
					continue;
				}
				const existing = frontmatter.get(canonical);
				if (isPlaceholder(key, aliasRaw)) {
					context.remove(alias, `Omnivore's placeholder for a missing ${canonical}`);
				} else if (context.isMissing(canonical) || isPlaceholder(key, existing)) {
					context.set(canonical, asValue(aliasRaw), `value taken from ${alias}`);
					context.remove(alias, `its value moved to ${canonical}`);
				} else if (comparable(existing, kind, options) === aliasValue) {
					context.remove(alias, `same value as ${canonical}`);
				} else {
					context.report.problem({
						code: "alias-conflict",
						key: alias,
						message: `${alias} ${quoteForMessage(String(asValue(aliasRaw)))} differs from ${canonical} ${quoteForMessage(String(asValue(existing)))}; both were kept.`,
					});
				}
			}
		}
	},
};
