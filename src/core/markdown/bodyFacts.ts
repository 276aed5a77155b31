// Facts the frontmatter steps recover from a note's body: first H1, the Omnivore and original links.

import { findCodeRanges, isInside, type TextRange } from "./codeRanges";
import { readLinkDestination } from "./linkDestination";

export interface BodyFacts {
	/** Text of the first level-1 heading outside code. */
	firstHeading?: string;
	/** Destination of the `[Read Original](...)` link. */
	readOriginalUrl?: string;
	/** Destination of the `[Read on Omnivore](...)` link. */
	readOnOmnivoreUrl?: string;
	/** First `https://omnivore.app/me/...` address anywhere in the body (highlight links included). */
	omnivoreArticleUrl?: string;
}

const HEADING = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\r?$/gm;
const OMNIVORE_ARTICLE = /https?:\/\/(?:www\.)?omnivore\.app\/me\/[^\s)#"'<>\]]+/g;

export function readBodyFacts(body: string, codeRanges: TextRange[] = findCodeRanges(body)): BodyFacts {
	const facts: BodyFacts = {};
	const heading = firstOutsideCode(HEADING, body, codeRanges, (m) => m[1].trim() !== "");
	if (heading) facts.firstHeading = heading[1].trim();
	facts.readOriginalUrl = linkByText(body, READ_ORIGINAL, codeRanges);
	facts.readOnOmnivoreUrl = linkByText(body, READ_ON_OMNIVORE, codeRanges);
	facts.omnivoreArticleUrl = firstOutsideCode(OMNIVORE_ARTICLE, body, codeRanges)?.[0];
	return facts;
}

// The links the Omnivore template writes under the title.
const READ_ORIGINAL = /\[Read\s+Original\]\(/gi;
const READ_ON_OMNIVORE = /\[Read\s+on\s+Omnivore\]\(/gi;

function linkByText(body: string, pattern: RegExp, codeRanges: TextRange[]): string | undefined {
	const match = firstOutsideCode(pattern, body, codeRanges);
	if (!match) return undefined;
	const destination = readLinkDestination(body, match.index + match[0].length);
	return destination?.url.trim() || undefined;
}

function firstOutsideCode(
	pattern: RegExp,
	text: string,
	codeRanges: TextRange[],
	accept: (match: RegExpExecArray) => boolean = () => true,
): RegExpExecArray | undefined {
	pattern.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(text)) !== null) {
		if (match[0] === "") pattern.lastIndex++;
		if (!isInside(codeRanges, match.index) && accept(match)) return match;
	}
	return undefined;
}
