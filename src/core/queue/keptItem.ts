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
export function isQueueItem(value: unknown): value is QueueItem {
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

/** Whether a kept entry's item is an item, or null (a note that is no Omnivore note). */
export function isKeptItem(value: unknown): value is QueueItem | null {
	return value === null || isQueueItem(value);
}
