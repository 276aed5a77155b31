// Recovers values the frontmatter lacks from the body: original URL, Omnivore URL, save date, site name.

import { dateFromOmnivoreUrl, formatDate } from "../../dates";
import type { FrontmatterStep, StepContext } from "../step";

const FAKE_ORIGINAL = /^https?:\/\/(?:www\.)?omnivore\.app\/no_url/i;
const HTTP_URL = /^https?:\/\/[^\s/]+/i;

/** An article's web address: not Omnivore's placeholder for emailed newsletters. */
export function isArticleUrl(url: string): boolean {
	return HTTP_URL.test(url) && !FAKE_ORIGINAL.test(url);
}

/** Host of an article URL without `www.`; undefined for non-web or Omnivore's own addresses. */
export function siteFromUrl(url: string): string | undefined {
	if (!isArticleUrl(url)) return undefined;
	try {
		return new URL(url).hostname.replace(/^www\./i, "") || undefined;
	} catch {
		return undefined;
	}
}

export const recoverStep: FrontmatterStep = {
	id: "recover",
	description:
		"Missing values are recovered from the body: `original_url` from the `[Read Original](...)` link (not " +
		"Omnivore's placeholder for newsletters), `omnivore_url` from `[Read on Omnivore](...)`, `date_saved` from " +
		"the timestamp at the end of the Omnivore link, `site_name` from the original URL's host.",
	examples: [
		{
			title: "Links and the save date come back",
			before: "id: 1\n",
			body:
				"[Read on Omnivore](https://omnivore.app/me/gpt-4-open-ai-18de9d85b43)\n" +
				"[Read Original](https://www.ifanr.com/1576245)\n",
			after:
				"id: 1\ndate_saved: 2024-02-27T10:14:46\noriginal_url: https://www.ifanr.com/1576245\n" +
				"omnivore_url: https://omnivore.app/me/gpt-4-open-ai-18de9d85b43\nsite_name: ifanr.com\n",
		},
		{
			title: "A newsletter's placeholder link is not an original URL",
			before: "id: 1\n",
			body: "[Read Original](https://omnivore.app/no_url?q=7f3e)\n",
			after: "id: 1\n",
		},
		{
			title: "Values already there are kept",
			before: "site_name: The Atlantic\noriginal_url: https://www.theatlantic.com/a\n",
			body: "[Read Original](https://example.com/other)\n",
			after: "site_name: The Atlantic\noriginal_url: https://www.theatlantic.com/a\n",
		},
	],
	apply(context: StepContext): void {
		const { keys, recover } = context.options;
		const { body } = context;
		const original = body.readOriginalUrl;
		if (recover.originalUrl && context.isMissing(keys.originalUrl) && original && isArticleUrl(original)) {
			context.fill(keys.originalUrl, original, "taken from the Read Original link");
		}
		const omnivore = body.readOnOmnivoreUrl;
		if (recover.omnivoreUrl && context.isMissing(keys.omnivoreUrl) && omnivore && HTTP_URL.test(omnivore)) {
			context.fill(keys.omnivoreUrl, omnivore, "taken from the Read on Omnivore link");
		}
		if (recover.dateSaved && context.isMissing(keys.dateSaved)) {
			const link = context.text(keys.omnivoreUrl) ?? body.readOnOmnivoreUrl ?? body.omnivoreArticleUrl;
			const saved = link ? dateFromOmnivoreUrl(link) : null;
			if (saved) context.fill(keys.dateSaved, formatDate(saved, true, context.options), "read from the Omnivore link's timestamp");
		}
		const url = context.text(keys.originalUrl);
		const site = url ? siteFromUrl(url) : undefined;
		if (recover.siteName && context.isMissing(keys.siteName) && site) {
			context.fill(keys.siteName, site, "taken from the original URL");
		}
	},
};
