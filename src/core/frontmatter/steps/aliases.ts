// Merges the names users gave Omnivore's variables (`saved`, `url`, `siteName`, `Title`...) into the canonical key.

import { comparable, daysBeforeSave, linkSaveTime } from "../../omnivore/aliasValue";
import { foldKey, isPlaceholder, KEY_ALIASES, namesOf } from "../../omnivore/keys";
import { showValue, type FrontmatterStep, type StepContext } from "../step";
import { articleInPlaceOfLibraryLink } from "./recover";
import type { FrontmatterValue } from "../yamlEditor";

function asValue(value: unknown): FrontmatterValue {
	// An empty item (`- ` or `- #comment`) is no value: never the text "null".
	return Array.isArray(value) ? value.filter((item) => item !== null && item !== undefined).map(String) : String(value).trim();
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
			title: "A `date` before the save the Omnivore link records is not the save date",
			before: "date: 2023-11-15 07:01:00\n",
			body: "[Read on Omnivore](https://omnivore.app/me/https-mp-weixin-qq-com-s-d-7-d-yy-o-2-esc-gl-1-d-wbki-flq-18c0b0b7d25)\n",
			after: "date: 2023-11-15 07:01:00\n",
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
			const aliases = frontmatter.keys().filter((name) => name !== canonical && names.includes(foldKey(name)));
			for (const alias of aliases) {
				const aliasRaw = frontmatter.get(alias);
				if (key === "dateSaved" && notTheSaveDate(context, alias, aliasRaw)) continue;
				const aliasValue = comparable(aliasRaw, kind, options);
				// A list of the placeholder (`Author: [unknown]`) is no value to compare, but gives way all the same.
				if (aliasValue === null && !isPlaceholder(key, aliasRaw)) {
					// An empty `Title:` is still the title: renamed, it is filled where it stands, never beside it.
					const otherCase = foldKey(alias) === foldKey(canonical);
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
				} else if (isPlaceholder(key, existing)) {
					// The alias takes the placeholder's place in the note order of its own line, and keeps its comment.
					context.remove(canonical, `Omnivore's placeholder for a missing ${canonical}; ${alias} holds it`);
					context.rename(alias, canonical, "the canonical name for this value");
				} else if (context.isMissing(canonical)) {
					context.set(canonical, asValue(aliasRaw), `value taken from ${alias}`);
					context.remove(alias, `its value moved to ${canonical}`);
				} else if (comparable(existing, kind, options) === aliasValue) {
					context.remove(alias, `same value as ${canonical}`);
				} else if (key === "originalUrl" && aliasValue === articleInPlaceOfLibraryLink(context, typeof existing === "string" ? existing : undefined)) {
					// The recovery step puts the Read Original address in place of Omnivore's: this alias repeats it.
					context.remove(alias, `same value as the Read Original link, which takes the place of Omnivore's address in ${canonical}`);
				} else {
					context.report.problem({
						code: "alias-conflict",
						key: alias,
						// As written: a list in brackets, a mapping as such, never "[object Object]".
						message: `${alias} ${showValue(aliasRaw)} differs from ${canonical} ${showValue(existing)}; both were kept.`,
					});
				}
			}
		}
	},
};

/** A bare `date` earlier than the Omnivore link's save (`daysBeforeSave`) stays, reported: likely the publish date. */
function notTheSaveDate(context: StepContext, alias: string, value: unknown): boolean {
	const { frontmatter } = context;
	const saved = () => linkSaveTime(frontmatter.keys().map((key) => frontmatter.get(key)), context.body, context.links);
	const days = daysBeforeSave(alias, value, saved, context.options);
	if (days === null) return false;
	context.report.problem({
		code: "alias-conflict",
		key: alias,
		message: `${alias} ${showValue(value)} is ${days === 1 ? "a day" : `${days} days`} before the save the Omnivore link records, so it is not taken as ${context.keys.dateSaved} (it may be the publish date); it was left as written.`,
	});
	return true;
}
