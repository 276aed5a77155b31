// Facts the frontmatter steps recover from a note's body: first H1, the Omnivore and original links.

import { decodeHtmlEntities } from "../htmlEntities";
import { articleHeading } from "../omnivore/heading";
import { OMNIVORE_APP_LINKS, READ_ON_OMNIVORE, READ_ORIGINAL, type OmnivoreLinks } from "../omnivore/urls";
import { findCodeRanges, firstOutsideCode, type TextRange } from "./codeRanges";
import { readLinkDestination } from "./linkDestination";

export interface BodyFacts {
	/** The article's heading (see `articleHeading`), outside code. */
	articleHeading?: string;
	/** Destination of the `[Read Original](...)` link. */
	readOriginalUrl?: string;
	/** Destination of the `[Read on Omnivore](...)` link. */
	readOnOmnivoreUrl?: string;
	/** First article address of an Omnivore library anywhere in the body, highlight links included (without their `#id`). */
	omnivoreArticleUrl?: string;
}


export function readBodyFacts(
	body: string,
	codeRanges: TextRange[] = findCodeRanges(body),
	tagName = "Omnivore",
	links: OmnivoreLinks = OMNIVORE_APP_LINKS,
): BodyFacts {
	const facts: BodyFacts = {};
	const heading = articleHeading(body, codeRanges, tagName);
	if (heading) facts.articleHeading = heading;
	facts.readOriginalUrl = linkByText(body, READ_ORIGINAL, codeRanges);
	facts.readOnOmnivoreUrl = linkByText(body, READ_ON_OMNIVORE, codeRanges);
	const article = firstOutsideCode(links.pattern, body, codeRanges)?.[0];
	// A template that HTML-escaped the article wrote `&#x2F;` for `/`.
	if (article) facts.omnivoreArticleUrl = decodeHtmlEntities(article).replace(/#$/, "");
	return facts;
}


function linkByText(body: string, pattern: RegExp, codeRanges: TextRange[]): string | undefined {
	const match = firstOutsideCode(pattern, body, codeRanges);
	if (!match) return undefined;
	const destination = readLinkDestination(body, match.index + match[0].length);
	// Markdown reads entities in a destination: an escaping template wrote `&#x2F;` for `/`.
	return destination ? decodeHtmlEntities(destination.url).trim() || undefined : undefined;
}
