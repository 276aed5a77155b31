// The values an export item gives each schema property, as tidy would write them.

import { formatDate } from "../dates";
import { isPlaceholder } from "../omnivore/keys";
import { cleanTag, uniqueTags } from "../omnivore/tags";
import { isArticleUrl, linksFor, siteFromUrl } from "../omnivore/urls";
import type { FrontmatterValue } from "../frontmatter/yamlEditor";
import type { SchemaKeys, TidyOptions } from "../options";
import { exportStatus, type ExportItem } from "./exportItem";

/** The article's address, unless it is one of Omnivore's own (the `no_url` placeholder, an upload, a library page). */
export function articleUrl(item: ExportItem, options?: Pick<TidyOptions, "omnivoreHosts">): string | undefined {
	const url = item.url?.trim();
	return url && isArticleUrl(url, options && linksFor(options.omnivoreHosts)) ? url : undefined;
}

/**
 * Whether `iso` starts as the export's dates do: a four-digit year and a day its month has. Date reads
 * more (the 30th of February as the 1st of March, a bare number as a year, years past 9999), which
 * would write another day, or a date tidy cannot read back.
 */
function isCalendarDate(iso: string): boolean {
	const parts = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T ])/.exec(iso);
	if (!parts) return false;
	const [year, month, day] = parts.slice(1).map(Number);
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateOf(iso: string | undefined, options: TidyOptions): string | undefined {
	// Stryker disable next-line ConditionalExpression: a fast path; no date reads from nothing.
	if (!iso || !isCalendarDate(iso)) return undefined;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? undefined : formatDate({ date, hasTime: true }, options);
}

/** Labels as tags: spaces become `_`, repeats (any case) dropped. */
export function labelTags(labels: readonly string[]): string[] {
	return uniqueTags(labels.map(cleanTag).filter((tag) => tag !== ""));
}

/** Each schema property the item knows, in the order a new note lists them. */
export function itemValues(item: ExportItem, options: TidyOptions): Array<[keyof SchemaKeys, FrontmatterValue]> {
	const url = articleUrl(item, options);
	const author = item.author && !isPlaceholder("author", item.author) ? item.author : undefined;
	const values: Array<[keyof SchemaKeys, FrontmatterValue | undefined]> = [
		// The title was trimmed when read (readMetadataBatch): only its inner breaks and runs of spaces are left.
		["title", item.title.replace(/\s+/g, " ")],
		["author", author],
		["tags", item.labels.length > 0 ? labelTags(item.labels) : undefined],
		["dateSaved", dateOf(item.savedAt, options)],
		["datePublished", dateOf(item.publishedAt, options)],
		["originalUrl", url],
		["siteName", url ? siteFromUrl(url, linksFor(options.omnivoreHosts)) : undefined],
		["status", options.statusValues[exportStatus(item)]],
	];
	return values.filter((entry): entry is [keyof SchemaKeys, FrontmatterValue] => entry[1] !== undefined && entry[1] !== "");
}
