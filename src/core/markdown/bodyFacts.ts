// Facts the frontmatter steps recover from a note's body: first H1, the Omnivore and original links,
// the tags a template nested under the Omnivore tag.

import { decodeHtmlEntities } from "../htmlEntities";
import { articleHeading } from "../omnivore/heading";
import { bodyTagsUnder } from "../omnivore/tags";
import { OMNIVORE_APP_LINKS, READ_ON_OMNIVORE, READ_ORIGINAL, type OmnivoreLinks } from "../omnivore/urls";
import { findCodeRanges, firstOutsideCode, isInside, type TextRange } from "./codeRanges";
import { readLinkDestination } from "./linkDestination";

export interface BodyFacts {
	/** The article's heading (see `articleHeading`), outside code. */
	articleHeading?: string;
	/** Destination of the `[Read Original](...)` link, or of a `[Web](...)` beside the library link (see below). */
	readOriginalUrl?: string;
	/** Destination of the `[Read on Omnivore](...)` link. */
	readOnOmnivoreUrl?: string;
	/** First article address of an Omnivore library anywhere in the body, highlight links included (without their `#id`). */
	omnivoreArticleUrl?: string;
	/**
	 * Tags under the Omnivore tag (`Omnivore/completed`, without `#`), outside code: where a template
	 * put the state. Looked for when first asked (most notes say their status in the frontmatter).
	 */
	tagsUnderOmnivore?: () => string[];
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
	const article = firstOutsideCode(links.pattern, body, codeRanges)?.[0];
	// A template that HTML-escaped the article wrote `&#x2F;` for `/`.
	if (article) facts.omnivoreArticleUrl = libraryAddress(article);
	facts.readOriginalUrl = linkByText(body, READ_ORIGINAL, codeRanges) ?? originalBesideLibraryLink(body, codeRanges, links, facts.omnivoreArticleUrl);
	facts.readOnOmnivoreUrl = linkByText(body, READ_ON_OMNIVORE, codeRanges);
	let nested: string[] | undefined;
	facts.tagsUnderOmnivore = () => (nested ??= bodyTagsUnder(body, codeRanges, tagName));
	return facts;
}

/** The destination of the first link whose text `pattern` finds outside code (`[Read Original](`), entities decoded. */
export function linkByText(body: string, pattern: RegExp, codeRanges: TextRange[]): string | undefined {
	const match = firstOutsideCode(pattern, body, codeRanges);
	if (!match) return undefined;
	const destination = readLinkDestination(body, match.index + match[0].length);
	// Markdown reads entities in a destination: an escaping template wrote `&#x2F;` for `/`.
	return destination ? decodeHtmlEntities(destination.url).trim() || undefined : undefined;
}

// Custom templates put the original beside the library link, on its line:
// `**Links**: [Omnivore](https://omnivore.app/me/…) | [Web](https://…)`, or as the next or previous
// item of a list: `- [Source](https://…)` over `- [Read on Omnivore](https://omnivore.app/me/…)`.
const ORIGINAL_LABEL = /\[(?:Web|Original|Source|Original article)\]\(/gi;
// A list item that is one link and nothing else, as a template's footer writes it.
const LINK_ITEM = /^[ \t]*[-*+][ \t]+\[[^\]\n]*\]\([^()\s]+\)[ \t]*$/;

/** A library address as the note's facts hold it: entities decoded, no empty fragment. */
function libraryAddress(match: string): string {
	return decodeHtmlEntities(match).replace(/#$/, "");
}

/** Where the line holding `index` starts. */
function startOfLine(body: string, index: number): number {
	return index <= 0 ? 0 : body.lastIndexOf("\n", index - 1) + 1;
}

/** The first link into the library on a line that is an article's (not a highlight's `#…` link), or null. */
function firstArticleLink(line: string, links: OmnivoreLinks): RegExpExecArray | null {
	const pattern = links.pattern;
	pattern.lastIndex = 0;
	for (let link = pattern.exec(line); link !== null; link = pattern.exec(line)) if (link[2] !== "#") return link;
	return null;
}

/** The line from `start` (a line's start) to its end, without the line break; "" past either end of the body. */
function lineAt(body: string, start: number): string {
	if (start < 0 || start > body.length) return "";
	const end = body.indexOf("\n", start);
	return body.slice(start, end === -1 ? undefined : end).replace(/\r$/, "");
}

/**
 * Whether the label on the line starting at `start` is beside the article's link: on that line, or a
 * list item of that one link right above or below the list item of the note's own article link.
 */
function isBesideLibraryLink(body: string, start: number, label: number, codeRanges: TextRange[], links: OmnivoreLinks, article: string | undefined): boolean {
	const line = lineAt(body, start);
	if (firstArticleLink(line, links) !== null) return true;
	if (article === undefined || !LINK_ITEM.test(line) || line.indexOf("[") !== label - start) return false;
	const nextStart = start + line.length + (body[start + line.length] === "\r" ? 2 : 1);
	const previousStart = start === 0 ? -1 : startOfLine(body, start - 1);
	return [previousStart, nextStart].some((at) => {
		const neighbour = lineAt(body, at);
		if (!LINK_ITEM.test(neighbour) || isInside(codeRanges, at)) return false;
		const link = firstArticleLink(neighbour, links);
		return link !== null && libraryAddress(link[0]) === article;
	});
}

/** A link labelled as the original beside a link to the article in the library (not a highlight's). */
function originalBesideLibraryLink(body: string, codeRanges: TextRange[], links: OmnivoreLinks, article: string | undefined): string | undefined {
	ORIGINAL_LABEL.lastIndex = 0;
	for (let label = ORIGINAL_LABEL.exec(body); label !== null; label = ORIGINAL_LABEL.exec(body)) {
		if (isInside(codeRanges, label.index)) continue;
		const lineEnd = body.indexOf("\n", label.index);
		if (!isBesideLibraryLink(body, startOfLine(body, label.index), label.index, codeRanges, links, article)) {
			// The rest of this line has no other answer: a line of thousands of labels is read once.
			if (lineEnd === -1) break;
			ORIGINAL_LABEL.lastIndex = lineEnd;
			continue;
		}
		const destination = readLinkDestination(body, label.index + label[0].length);
		const url = destination ? decodeHtmlEntities(destination.url).trim() : "";
		if (url !== "") return url;
	}
	return undefined;
}
