// Items kept between runs (the plugin's saved index, the CLI's queue cache) are read back from a file
// that a sync conflict, a hand edit or a disk may have damaged: each is checked to have the shape of an
// item, and one that has not is read from its note again rather than break every later listing.

import { QUEUE_STATUSES, type QueueItem } from "./queueItem";

const isText = (value: unknown): value is string => typeof value === "string";
const isTextOrNull = (value: unknown): boolean => value === null || isText(value);

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
		isTextOrNull(item.savedAt) &&
		isTextOrNull(item.publishedAt) &&
		typeof item.readingMinutes === "number" &&
		Number.isFinite(item.readingMinutes) &&
		typeof item.hasImageProblems === "boolean" &&
		(item.articles === undefined || (typeof item.articles === "number" && Number.isInteger(item.articles)))
	);
}

/** Whether a kept entry's item is an item, or null (a note that is no Omnivore note). */
export function isKeptItem(value: unknown): value is QueueItem | null {
	return value === null || isQueueItem(value);
}
