// Items kept between runs (the plugin's saved index, the CLI's queue cache) are read back from a file
// that a sync conflict, a hand edit or a disk may have damaged: each is checked to have the shape of an
// item, and one that has not is read from its note again rather than break every later listing.

import { QUEUE_STATUSES, type QueueItem } from "./queueItem";

const isText = (value: unknown): value is string => typeof value === "string";
const isTextOrNull = (value: unknown): boolean => value === null || isText(value);
// A date as an item holds it: a calendar date, or a UTC date-time as `toISOString` writes it.
const ITEM_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/;
const isDateOrNull = (value: unknown): boolean => value === null || (isText(value) && ITEM_DATE.test(value) && !Number.isNaN(Date.parse(value)));

/** Whether `value` has every field of a `QueueItem`, each of its type. */
function isQueueItem(value: unknown): value is QueueItem {
	if (typeof value !== "object" || value === null) return false;
	const item = value as Record<string, unknown>;
	return (
		isText(item.path) &&
		isText(item.title) &&
		isTextOrNull(item.author) &&
		isTextOrNull(item.site) &&
		isTextOrNull(item.url) &&
		Array.isArray(item.tags) &&
		item.tags.every(isText) &&
		(QUEUE_STATUSES as readonly unknown[]).includes(item.status) &&
		isDateOrNull(item.savedAt) &&
		isDateOrNull(item.publishedAt) &&
		typeof item.readingMinutes === "number" &&
		Number.isFinite(item.readingMinutes) &&
		item.readingMinutes >= 0 &&
		typeof item.hasImageProblems === "boolean" &&
		(item.articles === undefined || (typeof item.articles === "number" && Number.isInteger(item.articles)))
	);
}

/**
 * An item as a file keeps it: its fields in the order of `QueueItem`, without its path (the key it is
 * kept under). Rows parse in half the time of objects (no key repeated 50,000 times), which is most
 * of a start of the plugin with its saved index.
 */
export type ItemRow = [
	title: string,
	author: string | null,
	site: string | null,
	url: string | null,
	tags: string[],
	status: QueueItem["status"],
	savedAt: string | null,
	publishedAt: string | null,
	readingMinutes: number,
	hasImageProblems: boolean,
	articles?: number,
];

/** The row that keeps `item` (null, a note that is no Omnivore note, stays null). */
export function itemRow(item: QueueItem | null): ItemRow | null {
	if (item === null) return null;
	const row: ItemRow = [item.title, item.author, item.site, item.url, item.tags, item.status, item.savedAt, item.publishedAt, item.readingMinutes, item.hasImageProblems];
	if (item.articles !== undefined) row.push(item.articles);
	return row;
}

/** The item a kept row stands for under `path` (null for none), or undefined when the row was damaged. */
export function itemOfRow(path: string, row: unknown): QueueItem | null | undefined {
	if (row === null) return null;
	if (!Array.isArray(row) || row.length < 10 || row.length > 11) return undefined;
	const [title, author, site, url, tags, status, savedAt, publishedAt, readingMinutes, hasImageProblems] = row as unknown[];
	// In the order a build gives, so a listing from kept items prints the same bytes.
	const item = { path, title, author, site, url, tags, status, savedAt, publishedAt, readingMinutes, hasImageProblems, ...(row.length === 11 ? { articles: row[10] as unknown } : {}) };
	return isQueueItem(item) ? item : undefined;
}
