// One article of the reading queue, read from a note's frontmatter and body the way tidy reads it
// (aliases and other cases of keys too, so notes that were never tidied show the same).

import { hasImageProblems } from "../bodyImages";
import { dateFromOmnivoreUrl, readDate } from "../dates";
import { formatDateFns } from "../fastDates";
import { mustacheUnescaped } from "../htmlEntities";
import type { FrontmatterState } from "../frontmatter/readBlock";
import { FrontmatterEditor } from "../frontmatter/yamlEditor";
import { readBodyFacts } from "../markdown/bodyFacts";
import { findCodeRanges, type TextRange } from "../markdown/codeRanges";
import { breaksLinesWithCrAlone, splitNote, type NoteParts } from "../note";
import { detectOmnivoreNote, mayHoldOmnivoreMarks } from "../omnivore/detect";
import { linkSaveTime } from "../omnivore/aliasValue";
import { oneLine, titleCutByComment } from "../omnivore/heading";
import { findKey } from "../omnivore/keys";
import { singleFileArticles } from "../omnivore/singleFile";
import { readStatus, READING_STATUSES, taggedStatus, type ReadingStatus } from "../omnivore/status";
import { bodyTags, cleanTag, frontmatterTags, tagMatches, uniqueTags } from "../omnivore/tags";
import { isArticleUrl, linksFor, siteFromUrl } from "../omnivore/urls";
import type { TidyOptions } from "../options";
import type { ProxyMatcher } from "../proxyUrls";
import { frontmatterForReading, frontmatterFromValues } from "./parsedFrontmatter";
import { NoteValues } from "./noteValues";
import { readingMinutesOutside } from "./readingTime";

/**
 * Bumped whenever the same note would give a different item (what an item holds, or how a value is
 * read), so that items kept between runs (the plugin's saved index, the CLI's queue cache) are read again.
 * 3: another spelling or alias is read as tidy merges it (`Author: Ann` past `author: unknown`,
 *    `Status: []` as no status, the Omnivore link original_url gives up to omnivore_url).
 * 4: notes of one's own linking a saved article, or quoting its highlights, are no articles (detect.ts).
 * 5: a tagged note whose only mark is an `id` Omnivore did not give (a Zettelkasten's) is no article.
 * 6: no title from a heading below a template's section (`# Article text`); an author list is read;
 *    a template's placeholders and a library link quoted in a sentence make no saved article; a
 *    `date_archived` beside no status is archived; an HTML-escaped body's words are counted decoded.
 * 7: a bare `date` before the save an Omnivore link records is not the save date (aliasValue.ts); an
 *    upload in Omnivore's cloud bucket has no site; proxied images in a code block never closed are a problem.
 * 8: a link saved after 2024 gives its save date; `date_read` beside no status makes it reading.
 * 9: the one article of a single-file note gives its title; proxied images in closed code are a
 *    problem; a list of Omnivore's `unknown` author gives way to a real author.
 * 10: a state tag under the Omnivore tag (`#Omnivore/completed`) gives the status; a tagged note
 *    whose property or heading is a template's placeholder (Templater's `<% %>` too) is no article.
 * 11: minutes from Omnivore's `words_count` at Omnivore's 235 words a minute, as its `read_length`.
 */
export const QUEUE_ITEM_VERSION = 11;

/** The four statuses a note can be given, and `unknown` for a status whose meaning is unclear. */
export const QUEUE_STATUSES = [...READING_STATUSES, "unknown"] as const;
export type QueueStatus = ReadingStatus | "unknown";

export interface QueueItem {
	path: string;
	title: string;
	author: string | null;
	site: string | null;
	url: string | null;
	tags: string[];
	status: QueueStatus;
	/** ISO 8601: a UTC date-time, or a calendar date (`2019-04-01`) for a value without a time. Null when missing. */
	savedAt: string | null;
	publishedAt: string | null;
	readingMinutes: number;
	/** Proxied images remain that could not be unwrapped. */
	hasImageProblems: boolean;
	/** Articles in a note of Omnivore's single-file mode (more than one), else absent. */
	articles?: number;
}

/** As the status step reads it: `status`, else `state`, a read flag, a state tag (`frontmatterTags` and the body's), the dates. */
function statusOf(values: NoteValues, options: TidyOptions, tags: () => string[]): QueueStatus {
	const status = values.status();
	const given = status === undefined ? values.state() : status;
	if (given === undefined || given === null || given === "") {
		const flagged = readStatus(values.readFlag(options.statusValues)?.status, options.statusValues);
		if (flagged !== undefined) return flagged;
		const tagged = taggedStatus(tags(), options.tagName);
		if (tagged === "conflicting") return "unknown";
		return tagged?.status ?? values.datedStatus()?.status ?? "unread";
	}
	return readStatus(given, options.statusValues) ?? "unknown";
}

/**
 * How finely the configured format writes a time, in milliseconds (moment tokens; `[text]` is
 * literal): a tidy writes `…T17:16:37.429Z` as `…T17:16:37` by default, and the queue reads a date
 * as it will be once tidied.
 */
function writtenPrecisionMs(momentFormat: string): number {
	let ms = precisionOfFormat.get(momentFormat);
	if (ms === undefined) precisionOfFormat.set(momentFormat, (ms = precisionOf(momentFormat)));
	return ms;
}

// Formats are few (the settings'), dates many: each format is read once.
const precisionOfFormat = new Map<string, number>();

function precisionOf(momentFormat: string): number {
	const tokens = momentFormat.replace(/\[[^\]]*\]/g, "");
	if (/[Sx]/.test(tokens)) return 1;
	if (/[sX]/.test(tokens)) return 1000;
	return /m/.test(tokens) ? 60_000 : 1;
}

/** A date as the queue shows it: a calendar date stays a date, a time becomes UTC, to what the format keeps. */
function dateOf(value: string | undefined, options: TidyOptions): string | null {
	if (value === undefined) return null;
	const reading = readDate(value, options);
	if (reading.kind !== "date") return null;
	if (!reading.hasTime) return formatDateFns(reading.date, "yyyy-MM-dd");
	return atPrecision(reading.date, writtenPrecisionMs(options.dateTimeFormat)).toISOString();
}

function atPrecision(date: Date, ms: number): Date {
	return new Date(Math.floor(date.getTime() / ms) * ms);
}

/** Omnivore's own reading speed: its `read_length` is round(max(1, words_count / 235)). */
const OMNIVORE_WORDS_PER_MINUTE = 235;

function minutesOf(values: NoteValues, body: string, code: TextRange[]): number {
	const readLength = Number(values.text("read_length"));
	if (Number.isFinite(readLength) && readLength > 0) return Math.max(1, Math.round(readLength));
	const words = Number(values.text("words_count"));
	// As Omnivore made its read_length of the same count: the minutes it showed.
	if (Number.isFinite(words) && words > 0) return Math.max(1, Math.round(words / OMNIVORE_WORDS_PER_MINUTE));
	return readingMinutesOutside(body, code);
}

function tagsOf(editor: FrontmatterEditor, body: string, code: TextRange[], tagName: string): string[] {
	const raw = [...frontmatterTags(editor.expectedValues()), ...bodyTags(body, code).map(cleanTag)];
	return uniqueTags(raw.filter((tag) => tag !== "" && !tagMatches(tag, tagName)));
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
	// Tidy leaves such a note, whose lines it cannot read, and reports it.
	if (breaksLinesWithCrAlone(note)) return null;
	const parts = splitNote(note);
	// Stryker disable next-line ConditionalExpression: a fast path; the detection below finds nothing in these either
	if (!mayHoldOmnivoreMarks(note, parts.frontmatter?.yaml ?? null, options)) return null;
	return itemOf(path, parts, frontmatterForReading(parts), options, proxy);
}

/**
 * The same, from frontmatter values already parsed (Obsidian's metadata cache): the block is parsed
 * again only where the engine would read it otherwise (see `frontmatterFromValues`).
 */
export function buildQueueItemFromValues(path: string, note: string, values: Record<string, unknown> | undefined, options: TidyOptions, proxy: ProxyMatcher): QueueItem | null {
	if (breaksLinesWithCrAlone(note)) return null;
	const parts = splitNote(note);
	// Stryker disable next-line ConditionalExpression: a fast path; the detection below finds nothing in these either
	if (!mayHoldOmnivoreMarks(note, parts.frontmatter?.yaml ?? null, options)) return null;
	return itemOf(path, parts, frontmatterFromValues(parts, values) ?? frontmatterForReading(parts), options, proxy);
}

function itemOf(path: string, parts: NoteParts, block: FrontmatterState, options: TidyOptions, proxy: ProxyMatcher): QueueItem | null {
	const code = findCodeRanges(parts.body);
	const links = linksFor(options.omnivoreHosts);
	if (detectOmnivoreNote({ parts, frontmatter: block, code }, { options, links, proxy }).kind !== "article") return null;

	const editor = block.kind === "mapping" ? block.editor : FrontmatterEditor.reading("", {});
	const values = new NoteValues(editor, options, proxy);
	const facts = readBodyFacts(parts.body, code, options.tagName, links);
	const urlCandidate = values.schema("originalUrl") ?? facts.readOriginalUrl;
	const url = urlCandidate && isArticleUrl(urlCandidate, links) ? urlCandidate : facts.readOriginalUrl && isArticleUrl(facts.readOriginalUrl, links) ? facts.readOriginalUrl : null;
	const author = values.schema("author") ?? values.names("author");
	const libraryUrl = urlCandidate && links.isLibraryLink(urlCandidate) ? urlCandidate : undefined;
	// Tidy moves Omnivore's address out of original_url into omnivore_url when a Read Original link has the article's.
	const movedByTidy = libraryUrl && options.recover.omnivoreUrl && url !== null ? libraryUrl : undefined;
	const omnivoreLink = values.schema("omnivoreUrl") ?? movedByTidy ?? facts.readOnOmnivoreUrl ?? facts.omnivoreArticleUrl ?? libraryUrl;
	const linkDate = omnivoreLink ? dateFromOmnivoreUrl(omnivoreLink) : null;
	const titleKey = findKey(editor.keys(), options.keys.title);
	// Stryker disable next-line ConditionalExpression: a key that is not there has no comment either
	const written = values.schema("title");
	const title = (titleKey !== undefined && titleCutByComment(editor, titleKey, facts.articleHeading)) || (written === undefined ? undefined : mustacheUnescaped(written));
	// None, or two and more.
	const articles = singleFileArticles(parts.body).length;

	return {
		path,
		title: own(oneLine(title ?? facts.articleHeading ?? basename(path)) + (articles > 0 ? ` (${articles} articles)` : "")),
		author: own(author ? oneLine(author) : null),
		site: own(values.schema("siteName") ?? (url ? (siteFromUrl(url, links) ?? null) : null)),
		url: own(url),
		tags: tagsOf(editor, parts.body, code, options.tagName).map((tag) => own(tag)),
		status: statusOf(values, options, () => [...frontmatterTags(editor.expectedValues()), ...(facts.tagsUnderOmnivore?.() ?? [])]),
		// To the second, as tidy writes it: the queue reads the same before and after a tidy.
		savedAt: dateOf(values.saveDate(() => linkSaveTime(editor.keys().map((key) => editor.get(key)), facts, links)), options) ?? (linkDate ? atPrecision(linkDate, writtenPrecisionMs(options.dateTimeFormat)).toISOString() : null),
		publishedAt: dateOf(values.schema("datePublished"), options),
		readingMinutes: minutesOf(values, parts.body, code),
		hasImageProblems: hasImageProblems({ body: parts.body, matcher: proxy, baseUrl: url ?? undefined, codeRanges: code }),
		...(articles > 0 ? { articles } : {}),
	};
}
