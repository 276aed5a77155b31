// Recovers values the frontmatter lacks from the body: original URL, Omnivore URL, save date, site name.

import { dateFromOmnivoreUrl, formatDate } from "../../dates";
import { isArticleUrl, isAttachmentUrl, isOmnivoreAppPage, isWebUrl, siteFromUrl } from "../../omnivore/urls";
import { unwrapProxyUrl } from "../../proxyUrls";
import { quoteForMessage } from "../../report";
import { showValue, type FrontmatterStep, type StepContext } from "../step";

/**
 * Some templates wrote the Omnivore address as the original: the Read Original link knows better.
 * The article's address that takes the place of `current` in original_url, if it does: only where
 * Omnivore's address is kept, moved to an empty omnivore_url or already there, never dropped.
 */
export function articleInPlaceOfLibraryLink(context: StepContext, current: string | undefined): string | undefined {
	if (!libraryLinkInPlaceOfArticle(context, current)) return undefined;
	const { keys, recover } = context.options;
	const kept = (context.isMissing(keys.omnivoreUrl) && recover.omnivoreUrl) || context.text(keys.omnivoreUrl) === current?.trim();
	return kept ? context.body.readOriginalUrl : undefined;
}

/** original_url holds Omnivore's address where the Read Original link has the article's. */
function libraryLinkInPlaceOfArticle(context: StepContext, current: string | undefined): boolean {
	const original = context.body.readOriginalUrl;
	return current !== undefined && context.links.isLibraryLink(current.trim()) && original !== undefined && isArticleUrl(original, context.links);
}

/**
 * The Omnivore link a save date is read from: omnivore_url, else the one original_url holds and gives
 * up to it (above), else the body's. The same whether the dates step asks before that move or after.
 */
export function omnivoreLinkOf(context: StepContext): string | undefined {
	const { keys, recover } = context.options;
	const current = context.text(keys.originalUrl);
	const moving = recover.omnivoreUrl && articleInPlaceOfLibraryLink(context, current) !== undefined ? current : undefined;
	return context.text(keys.omnivoreUrl) ?? moving ?? context.body.readOnOmnivoreUrl ?? context.body.omnivoreArticleUrl;
}

export const recoverStep: FrontmatterStep = {
	id: "recover",
	description:
		"Missing values are recovered from the body: `original_url` from the `[Read Original](...)` link (not " +
		"Omnivore's placeholder for newsletters, nor its copy of an uploaded file), `omnivore_url` from `[Read on Omnivore](...)`, " +
		"`date_saved` from the timestamp at the end of the Omnivore link, `site_name` from the original URL's host. " +
		"An `original_url` that holds the Omnivore link gives way to the Read Original address, and moves to `omnivore_url`.",
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
			title: "An original_url holding the Omnivore link",
			before: "original_url: https://omnivore.app/me/on-reading-18de9d85b43\n",
			body: "[Read Original](https://example.com/on-reading)\n",
			after:
				"original_url: https://example.com/on-reading\ndate_saved: 2024-02-27T10:14:46\n" +
				"omnivore_url: https://omnivore.app/me/on-reading-18de9d85b43\nsite_name: example.com\n",
		},
		{
			title: "A newsletter's placeholder link is not an original URL",
			before: "id: 1\n",
			body: "[Read Original](https://omnivore.app/no_url?q=7f3e)\n",
			after: "id: 1\n",
		},
		{
			title: "A Read on Omnivore link to the app itself leads to no article",
			before: "id: 1\n",
			body: "[Read on Omnivore](https://omnivore.app/me)\n[Read Original](https://example.com/on-reading)\n",
			after: "id: 1\noriginal_url: https://example.com/on-reading\nsite_name: example.com\n",
		},
		{
			title: "An uploaded PDF has no original URL",
			before: "id: 1\n",
			body: "[Read Original](https://omnivore.app/attachments/u/2f1c/paper.pdf)\n",
			after: "id: 1\n",
		},
		{
			title: "...nor one kept in Omnivore's cloud bucket",
			before: "id: 1\n",
			body: "[Read Original](https://storage.googleapis.com/omnivore/u%2Fb90f41ce%2FPaper.pdf)\n",
			after: "id: 1\n",
		},
		{
			title: "omnivore.app is never the site (its blog and docs are sites of their own)",
			before: "id: 1\noriginal_url: https://omnivore.app/home\n",
			after: "id: 1\noriginal_url: https://omnivore.app/home\n",
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
		const current = context.text(keys.originalUrl);
		const replacement = articleInPlaceOfLibraryLink(context, current);
		if (current !== undefined && replacement !== undefined) {
			if (context.isMissing(keys.omnivoreUrl)) context.fill(keys.omnivoreUrl, current, `moved from ${keys.originalUrl}`);
			context.set(keys.originalUrl, replacement, `it held Omnivore's address; the Read Original link has the article's`);
		} else if (libraryLinkInPlaceOfArticle(context, current) && !context.isMissing(keys.omnivoreUrl)) {
			context.report.problem({
				code: "alias-conflict",
				key: keys.originalUrl,
				message: `${keys.originalUrl} holds Omnivore's address (${quoteForMessage(current ?? "", 80)}) and ${keys.omnivoreUrl} another value (${showValue(context.frontmatter.get(keys.omnivoreUrl))}); both were kept.`,
			});
		}
		// Templates wrote the upload's address in the Read Original link, in original_url, or both.
		const upload = [original, current].find((url) => url !== undefined && isAttachmentUrl(url));
		if (upload) {
			context.report.problem({
				code: "uploaded-file",
				message: `The note is a file uploaded to Omnivore (${quoteForMessage(upload, 80)}); it has no original web address, and the upload is gone with Omnivore.`,
			});
		}
		if (recover.originalUrl && context.isMissing(keys.originalUrl) && original && isArticleUrl(original, context.links)) {
			context.fill(keys.originalUrl, original, "taken from the note's link to the original (Read Original)");
		}
		// The Read on Omnivore link, or else the article's link under another text (`[Omnivore](…)`).
		const omnivore = body.readOnOmnivoreUrl ?? body.omnivoreArticleUrl;
		if (recover.omnivoreUrl && context.isMissing(keys.omnivoreUrl) && omnivore && isWebUrl(omnivore) && !isOmnivoreAppPage(omnivore)) {
			context.fill(keys.omnivoreUrl, omnivore, "taken from the Read on Omnivore link");
		}
		if (recover.dateSaved && context.isMissing(keys.dateSaved)) {
			const link = omnivoreLinkOf(context);
			const saved = link ? dateFromOmnivoreUrl(link) : null;
			if (saved) context.fill(keys.dateSaved, formatDate({ date: saved, hasTime: true }, context.options), "read from the Omnivore link's timestamp");
		}
		// An address that is a proxied image is unwrapped by the images step, after this one: its site is the original's.
		const written = context.text(keys.originalUrl);
		const unwrapped = written === undefined ? null : unwrapProxyUrl(written, context.proxy);
		const url = unwrapped?.ok ? unwrapped.url : written;
		const site = url ? siteFromUrl(url, context.links) : undefined;
		if (recover.siteName && context.isMissing(keys.siteName) && site) {
			context.fill(keys.siteName, site, "taken from the original URL");
		}
	},
};
