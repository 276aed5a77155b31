// A named filter set the reader saved from the queue, and how saved data is read back safely.

import { filterFromStored, type QueueFilter } from "./queueFilter";
import { QUEUE_SORTS, type QueueSort } from "./queueOrder";

export interface SavedFilter {
	name: string;
	filter: QueueFilter;
	sort: QueueSort;
}

function isSavedFilter(value: unknown): value is SavedFilter {
	const saved = value as Partial<SavedFilter> | null;
	return typeof saved?.name === "string" && typeof saved.filter === "object" && saved.filter !== null;
}

/** Saved filter sets from stored data: malformed ones dropped, missing or malformed fields given their defaults. */
export function resolveSavedFilters(value: unknown): SavedFilter[] {
	if (!Array.isArray(value)) return [];
	return value.filter(isSavedFilter).map((saved) => ({
		name: saved.name,
		filter: filterFromStored(saved.filter),
		sort: QUEUE_SORTS.includes(saved.sort) ? saved.sort : "saved-newest",
	}));
}
