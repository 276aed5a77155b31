// One article of the reading queue, read from a note's frontmatter and body (aliases too, so notes
// that were never tidied still show sensibly).

import { dateFromOmnivoreUrl, readDate } from "../dates";
import { unwrapBodyImages } from "../bodyImages";
import { readFrontmatterBlock } from "../frontmatter/readBlock";
import { KEY_ALIASES } from "../frontmatter/steps/aliases";
import { isArticleUrl, siteFromUrl } from "../frontmatter/steps/recover";
import { STATE_TO_STATUS } from "../frontmatter/steps/status";
import { cleanTag } from "../frontmatter/steps/tags";
import { oneLine, titleCutByComment } from "../frontmatter/steps/title";
import type { FrontmatterEditor } from "../frontmatter/yamlEditor";
import { readBodyFacts } from "../markdown/bodyFacts";
import { findCodeRanges } from "../markdown/codeRanges";
import { splitNote } from "../note";
import { bodyHasTag, frontmatterHasTag, frontmatterTagValues, rawFrontmatterHasTag, tagMatches } from "../omnivoreTag";
import type { SchemaKeys, StatusValues, TidyOptions } from "../options";
import type { ProxyMatcher } from "../proxyUrls";
import { readingMinutes } from "./readingTime";

export const QUEUE_STATUSES = ["unread", "reading", "read", "archived"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueItem {
	path: string;
	title: string;
	author: string | null;
	site: string | null;
	url: string | null;
	tags: string[];
	status: QueueStatus;
	/** ISO 8601 (UTC) or null. */
	savedAt: string | null;
	publishedAt: string | null;
	readingMinutes: number;
	/** Proxied images remain that could not be unwrapped. */
	hasImageProblems: boolean;
}


function text(editor: FrontmatterEditor | null, key: string): string | undefined {
	return editor?.getText(key);
}

/** The value under the canonical key or, in a note never tidied, under one of its aliases. */
function withAliases(editor: FrontmatterEditor | null, keys: SchemaKeys, key: keyof SchemaKeys): string | undefined {
	const direct = text(editor, keys[key]);
	if (direct !== undefined) return direct;
	const aliases = KEY_ALIASES.find((entry) => entry.key === key)?.aliases ?? [];
	for (const alias of aliases) {
		const value = text(editor, alias);
		if (value !== undefined) return value;
	}
	return undefined;
}

function statusOf(editor: FrontmatterEditor | null, keys: SchemaKeys, values: StatusValues): QueueStatus {
	const status = text(editor, keys.status)?.toLowerCase();
	const found = QUEUE_STATUSES.find((s) => values[s].toLowerCase() === status);
	if (found) return found;
	const state = text(editor, "state")?.toUpperCase();
	return (state && STATE_TO_STATUS[state]) || "unread";
}

function dateOf(value: string | undefined, options: TidyOptions): Date | null {
	if (value === undefined) return null;
	const reading = readDate(value, options);
	return reading.kind === "date" ? reading.date : null;
}

function minutesOf(editor: FrontmatterEditor | null, body: string): number {
	const readLength = Number(text(editor, "read_length"));
	if (Number.isFinite(readLength) && readLength > 0) return Math.max(1, Math.round(readLength));
	const words = Number(text(editor, "words_count"));
	if (Number.isFinite(words) && words > 0) return Math.max(1, Math.round(words / 230));
	return readingMinutes(body);
}

function tagsOf(editor: FrontmatterEditor | null, keys: SchemaKeys, tagName: string): string[] {
	if (!editor) return [];
	const raw = [...frontmatterTagValues(editor.get(keys.tags)), ...frontmatterTagValues(editor.get("tag"))];
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const tag of raw.map(cleanTag)) {
		if (tag === "" || tagMatches(tag, tagName) || seen.has(tag.toLowerCase())) continue;
		seen.add(tag.toLowerCase());
		tags.push(tag);
	}
	return tags;
}

/**
 * A copy of a string that does not keep the note's whole text alive: engines store a substring as a
 * view into its parent, and an index of 50,000 items would otherwise hold 50,000 notes in memory.
 */
function own(text: string): string;
function own(text: string | null): string | null;
function own(text: string | null): string | null {
	return text === null ? null : (" " + text).slice(1);
}

function basename(path: string): string {
	return (path.split("/").pop() ?? path).replace(/\.md$/i, "");
}

/** The queue's view of a note, or null when it is not an Omnivore note. */
export function buildQueueItem(path: string, note: string, options: TidyOptions, proxy: ProxyMatcher): QueueItem | null {
	const parts = splitNote(note);
	const block = readFrontmatterBlock(parts);
	const editor = block.kind === "mapping" ? block.editor : null;
	const code = findCodeRanges(parts.body);
	const tagged =
		(editor !== null && frontmatterHasTag(editor.expectedValues(), options.tagName)) ||
		(block.kind === "invalid" && parts.frontmatter !== null && rawFrontmatterHasTag(parts.frontmatter.yaml, options.tagName)) ||
		bodyHasTag(parts.body, options.tagName, code);
	if (!tagged) return null;

	const { keys } = options;
	const facts = readBodyFacts(parts.body, code);
	const urlCandidate = withAliases(editor, keys, "originalUrl") ?? facts.readOriginalUrl;
	const url = urlCandidate && isArticleUrl(urlCandidate) ? urlCandidate : null;
	const author = text(editor, keys.author);
	const omnivoreLink = withAliases(editor, keys, "omnivoreUrl") ?? facts.readOnOmnivoreUrl ?? facts.omnivoreArticleUrl;
	const saved = dateOf(withAliases(editor, keys, "dateSaved"), options) ?? (omnivoreLink ? dateFromOmnivoreUrl(omnivoreLink) : null);
	const published = dateOf(withAliases(editor, keys, "datePublished"), options);
	const title = (editor && titleCutByComment(editor, keys.title, facts.firstHeading)) ?? text(editor, keys.title);

	return {
		path,
		title: own(oneLine(title ?? facts.firstHeading ?? basename(path))),
		author: own(author && author.toLowerCase() !== "unknown" ? oneLine(author) : null),
		site: own(withAliases(editor, keys, "siteName") ?? (url ? (siteFromUrl(url) ?? null) : null)),
		url: own(url),
		tags: tagsOf(editor, keys, options.tagName).map((tag) => own(tag)),
		status: statusOf(editor, keys, options.statusValues),
		savedAt: saved ? saved.toISOString() : null,
		publishedAt: published ? published.toISOString() : null,
		readingMinutes: minutesOf(editor, parts.body),
		hasImageProblems: unwrapBodyImages({ body: parts.body, matcher: proxy, baseUrl: url ?? undefined, codeRanges: code }).problems.length > 0,
	};
}
