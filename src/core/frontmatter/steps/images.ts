// Unwraps proxied image URLs held in frontmatter values (`image`, and any other key that is one).

import { quoteForMessage } from "../../report";
import { unwrapProxyUrl } from "../../proxyUrls";
import type { FrontmatterStep, StepContext } from "../step";

export const imagesStep: FrontmatterStep = {
	id: "images",
	description: "The proxied thumbnail in `image` (and any other property that is a proxied image URL) points to the original image.",
	examples: [
		{
			title: "The thumbnail",
			before:
				"image: https://proxy-prod.omnivore-image-cache.app/320x320,s6UMFxFkM_R5Kjp1vRt-1fjORS_6ilI8ihN5KXSc7Tvo/https://cdn.example.com/a.jpg?w=1200\n",
			after: "image: https://cdn.example.com/a.jpg?w=1200\n",
		},
		{
			title: "A relative original is resolved against the article",
			before:
				"original_url: https://blog.example.com/posts/1\nimage: https://proxy-prod.omnivore-image-cache.app/320x320,sAbc/images/cover.png\n",
			after: "original_url: https://blog.example.com/posts/1\nimage: https://blog.example.com/posts/images/cover.png\n",
		},
	],
	apply(context: StepContext): void {
		const base = context.text(context.keys.originalUrl);
		for (const key of context.frontmatter.keys()) {
			const value = context.frontmatter.get(key);
			if (typeof value !== "string") continue;
			const result = unwrapProxyUrl(value.trim(), context.proxy, base);
			if (!result) continue;
			if (!result.ok) {
				context.report.problem({
					code: result.code,
					key,
					message: `${key} ${quoteForMessage(value)} was left as it was: ${result.detail}.`,
				});
			} else if (result.url !== value) {
				context.set(key, result.url, "points to the original image instead of Omnivore's dead proxy");
			}
		}
	},
};
