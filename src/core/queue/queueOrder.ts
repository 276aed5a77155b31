// The queue's sort orders. Each is computed once per change of the items (see QueueQuery) as a list
// of item positions; ties are broken by title, then path, so an order never shifts between keystrokes.

import type { QueueItem } from "./queueItem";

export type QueueSort = "saved-newest" | "saved-oldest" | "published-newest" | "title" | "site" | "author" | "reading-time" | "shuffle";

export const QUEUE_SORTS: readonly QueueSort[] = ["saved-newest", "saved-oldest", "published-newest", "title", "site", "author", "reading-time", "shuffle"];

/** What the orders compare, read once per item. */
export interface SortKeys {
	item: QueueItem;
	/** The item's position in the list given to QueueQuery. */
	index: number;
	saved: number;
	published: number;
	author: string;
	site: string;
	titleKey: string;
}

export function sortKeys(item: QueueItem, index: number): SortKeys {
	return {
		item,
		index,
		saved: instant(item.savedAt),
		published: instant(item.publishedAt),
		author: (item.author ?? "").toLowerCase(),
		site: (item.site ?? "").toLowerCase(),
		titleKey: item.title.toLowerCase(),
	};
}

/** A calendar date (`2019-04-01`) counts from local midnight, a date-time as written. */
export function instant(iso: string | null): number {
	// Stryker disable next-line ConditionalExpression: a fast path; `Date.parse` of nothing is NaN too
	if (!iso) return NaN;
	// Stryker disable next-line Regex: the item holds a calendar date or a full ISO date-time, never text before a date
	return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
}

/** Newest first with undated items last, or oldest first; ties by title so the order is stable. */
function byNumber(key: "saved" | "published" | "minutes", descending: boolean) {
	return (a: SortKeys, b: SortKeys): number => {
		const x = key === "minutes" ? a.item.readingMinutes : a[key];
		const y = key === "minutes" ? b.item.readingMinutes : b[key];
		const xMissing = Number.isNaN(x);
		const yMissing = Number.isNaN(y);
		if (xMissing !== yMissing) return xMissing ? 1 : -1;
		if (!xMissing && x !== y) return descending ? y - x : x - y;
		return byTitle(a, b);
	};
}

/** Two texts by their UTF-16 code units: an order that is the same everywhere, where a collator's may not be. */
export function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A to Z by site or author, articles without one last. */
function byText(key: "site" | "author") {
	return (a: SortKeys, b: SortKeys): number => {
		const x = a[key];
		const y = b[key];
		if ((x === "") !== (y === "")) return x === "" ? 1 : -1;
		// Stryker disable next-line EqualityOperator: x and y differ here
		if (x !== y) return x < y ? -1 : 1;
		return byTitle(a, b);
	};
}

function byTitle(a: SortKeys, b: SortKeys): number {
	// Stryker disable next-line EqualityOperator: the keys differ here; and two notes never share a path
	if (a.titleKey !== b.titleKey) return a.titleKey < b.titleKey ? -1 : 1;
	// Stryker disable next-line EqualityOperator,ConditionalExpression: see above; and a stable sort keeps two items in place alike for 0 and 1
	return a.item.path < b.item.path ? -1 : a.item.path > b.item.path ? 1 : 0;
}

/** A small seeded generator (mulberry32), so a shuffle stays put until the reader asks for a new one. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The items' positions in the given order. */
export function sortedPositions(keys: readonly SortKeys[], sort: QueueSort, seed: number): Int32Array {
	let order: SortKeys[];
	if (sort === "shuffle") {
		order = [...keys].sort(byTitle);
		const random = seededRandom(seed);
		// Stryker disable next-line EqualityOperator: at 0 the last step would swap the first item with itself
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
	} else {
		const compare = {
			"saved-newest": byNumber("saved", true),
			"saved-oldest": byNumber("saved", false),
			"published-newest": byNumber("published", true),
			title: byTitle,
			site: byText("site"),
			author: byText("author"),
			"reading-time": byNumber("minutes", false),
		}[sort];
		order = [...keys].sort(compare);
	}
	return Int32Array.from(order, (entry) => entry.index);
}
