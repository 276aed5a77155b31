// The values an export item gives each schema property, as tidy would write them.

import { formatDate } from "../dates";
import { cleanTag } from "../frontmatter/steps/tags";
import type { FrontmatterValue } from "../frontmatter/yamlEditor";
import type { SchemaKeys, TidyOptions } from "../options";
import { exportStatus, type ExportItem } from "./exportItem";

// Omnivore's own addresses: the `no_url` placeholder of newsletters, uploads, its library pages.
const OMNIVORE_ADDRESS = /^https?:\/\/(?:www\.)?omnivore\.app\/(?:no_url|attachments\/|me\/)/i;

/** The article's address, unless it is one of Omnivore's own or not a web address. */
export function articleUrl(item: ExportItem): string | undefined {
	const url = item.url?.trim();
	if (!url || OMNIVORE_ADDRESS.test(url) || !/^https?:\/\/[^\s/]+/i.test(url)) return undefined;
	return url;
}

function siteOf(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		return new URL(url).hostname.replace(/^www\./i, "") || undefined;
	} catch {
		return undefined;
	}
}

function dateOf(iso: string | undefined, options: TidyOptions): string | undefined {
	if (!iso) return undefined;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? undefined : formatDate(date, true, options);
}

/** Labels as tags: spaces become `_`, repeats (any case) dropped. */
export function labelTags(labels: readonly string[]): string[] {
	const seen = new Set<string>();
	return labels.map(cleanTag).filter((tag) => {
		const folded = tag.toLowerCase();
		if (tag === "" || seen.has(folded)) return false;
		seen.add(folded);
		return true;
	});
}

/** Each schema property the item knows, in the order a new note lists them. */
export function itemValues(item: ExportItem, options: TidyOptions): Array<[keyof SchemaKeys, FrontmatterValue]> {
	const url = articleUrl(item);
	const author = item.author && item.author.toLowerCase() !== "unknown" ? item.author : undefined;
	const values: Array<[keyof SchemaKeys, FrontmatterValue | undefined]> = [
		["title", item.title.replace(/\s+/g, " ").trim()],
		["author", author],
		["tags", item.labels.length > 0 ? labelTags(item.labels) : undefined],
		["dateSaved", dateOf(item.savedAt, options)],
		["datePublished", dateOf(item.publishedAt, options)],
		["originalUrl", url],
		["siteName", siteOf(url)],
		["status", options.statusValues[exportStatus(item)]],
	];
	return values.filter((entry): entry is [keyof SchemaKeys, FrontmatterValue] => entry[1] !== undefined && entry[1] !== "");
}
