// What the reader asks of the queue: which statuses, tags, authors, sites, dates, lengths, words.

import { subMonths } from "date-fns";
import type { QueueStatus } from "./queueItem";

export type SavedPreset = "last-7-days" | "last-30-days" | "older-than-6-months";
export type ReadingBucket = "under-5" | "5-to-15" | "over-15";

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
