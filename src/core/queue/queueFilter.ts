// What the reader asks of the queue: which statuses, tags, authors, sites, dates, lengths, words.

import { subMonths } from "date-fns";
import { QUEUE_STATUSES, type QueueStatus } from "./queueItem";

const SAVED_PRESETS = ["last-7-days", "last-30-days", "older-than-6-months"] as const;
export type SavedPreset = (typeof SAVED_PRESETS)[number];
const READING_BUCKETS = ["under-5", "5-to-15", "over-15"] as const;
export type ReadingBucket = (typeof READING_BUCKETS)[number];

export interface DateRange {
	/** ISO dates (`2024-01-31`), either may be open. */
	from: string | null;
	to: string | null;
}

export interface QueueFilter {
	/** Empty means every status. */
	statuses: QueueStatus[];
	tags: string[];
	tagMode: "any" | "all";
	author: string | null;
	site: string | null;
	saved: SavedPreset | DateRange | null;
	readingTime: ReadingBucket | null;
	search: string;
	imageProblems: boolean;
}

export const EMPTY_FILTER: QueueFilter = {
	statuses: [],
	tags: [],
	tagMode: "any",
	author: null,
	site: null,
	saved: null,
	readingTime: null,
	search: "",
	imageProblems: false,
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
	return values.find((known) => known === value) ?? null;
}

function stringOrNull(value: unknown): string | null {
	return typeof value === "string" ? value : null;
}

/** A calendar day written as `2024-01-31` that exists (not `2024-13-45`, nor `2024-02-30`), or null. */
function dayOrNull(value: unknown): string | null {
	if (typeof value !== "string" || !ISO_DAY.test(value)) return null;
	const [year, month, day] = value.split("-").map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : null;
}

function savedFrom(value: unknown): QueueFilter["saved"] {
	if (typeof value === "string") return oneOf(SAVED_PRESETS, value);
	if (typeof value !== "object" || value === null) return null;
	const range = value as Partial<Record<keyof DateRange, unknown>>;
	const from = dayOrNull(range.from);
	const to = dayOrNull(range.to);
	return from === null && to === null ? null : { from, to };
}

/**
 * A filter read back from stored data (a saved filter set, a view's state in the workspace, both
 * editable by hand): each field of the wrong shape gets its empty value, so no stored filter can
 * break the query.
 */
export function filterFromStored(value: unknown): QueueFilter {
	const stored = (typeof value === "object" && value !== null ? value : {}) as Partial<Record<keyof QueueFilter, unknown>>;
	// A list written by hand as its one value (`"tags": "rust"`) is read as that list.
	const strings = (list: unknown) => (typeof list === "string" ? [list] : Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === "string") : []);
	return {
		statuses: strings(stored.statuses).filter((status): status is QueueStatus => oneOf(QUEUE_STATUSES, status) !== null),
		tags: strings(stored.tags),
		tagMode: stored.tagMode === "all" ? "all" : "any",
		author: stringOrNull(stored.author),
		site: stringOrNull(stored.site),
		saved: savedFrom(stored.saved),
		readingTime: oneOf(READING_BUCKETS, stored.readingTime),
		search: typeof stored.search === "string" ? stored.search : "",
		imageProblems: stored.imageProblems === true,
	};
}

/** Whether a filter narrows anything beyond the status tabs. */
export function isFiltering(filter: QueueFilter): boolean {
	return (
		filter.tags.length > 0 ||
		filter.author !== null ||
		filter.site !== null ||
		filter.saved !== null ||
		filter.readingTime !== null ||
		filter.search.trim() !== "" ||
		filter.imageProblems
	);
}

const DAY = 24 * 60 * 60 * 1000;

/** The saved-date window a filter asks for, as [from, to) in epoch milliseconds. */
export function savedWindow(saved: QueueFilter["saved"], now: number): [number, number] | null {
	if (saved === null) return null;
	if (saved === "last-7-days") return [now - 7 * DAY, Infinity];
	// Months are calendar months: a month before March 31st is February 29th (or 28th), not March 2nd.
	if (saved === "last-30-days") return [subMonths(now, 1).getTime(), Infinity];
	if (saved === "older-than-6-months") return [-Infinity, subMonths(now, 6).getTime()];
	const from = saved.from ? new Date(`${saved.from}T00:00:00`).getTime() : -Infinity;
	const to = saved.to ? new Date(`${saved.to}T00:00:00`).getTime() + DAY : Infinity;
	return [from, to];
}

export function inReadingBucket(minutes: number, bucket: ReadingBucket): boolean {
	if (bucket === "under-5") return minutes < 5;
	if (bucket === "5-to-15") return minutes >= 5 && minutes <= 15;
	return minutes > 15;
}
