// Filters and sorts the queue fast enough to run on every keystroke over 50,000 articles: each sort
// order is computed once per change of the items, and filtering walks the sorted list. A search
// ranks what it finds (title matches first) and keeps the chosen order among equals.

import { cleanTag } from "../omnivore/tags";
import type { QueueItem, QueueStatus } from "./queueItem";
import { inReadingBucket, savedWindow, type QueueFilter } from "./queueFilter";
import { maxSearchScore, searchScore, searchWords } from "./queueSearch";

export type QueueSort = "saved-newest" | "saved-oldest" | "published-newest" | "title" | "site" | "author" | "reading-time" | "shuffle";

export const QUEUE_SORTS: readonly QueueSort[] = ["saved-newest", "saved-oldest", "published-newest", "title", "site", "author", "reading-time", "shuffle"];

export interface QueueResult {
	items: QueueItem[];
	/** Items per status for the current filter, status aside: the numbers on the status tabs. */
	counts: Record<QueueStatus, number>;
}

interface Entry {
	item: QueueItem;
	saved: number;
	published: number;
	/** Author, site and tags, lowercased, for the search (the title is titleKey). */
	others: string;
	tags: Set<string>;
	author: string;
	site: string;
	titleKey: string;
}

function toEntry(item: QueueItem): Entry {
	return {
		item,
		saved: instant(item.savedAt),
		published: instant(item.publishedAt),
		others: [item.author ?? "", item.site ?? "", ...item.tags].join("\u0000").toLowerCase(),
		tags: new Set(item.tags.map((t) => t.toLowerCase())),
		author: (item.author ?? "").toLowerCase(),
		site: (item.site ?? "").toLowerCase(),
		titleKey: item.title.toLowerCase(),
	};
}

/** A calendar date (`2019-04-01`) counts from local midnight, a date-time as written. */
function instant(iso: string | null): number {
	// Stryker disable next-line ConditionalExpression: a fast path; `Date.parse` of nothing is NaN too
	if (!iso) return NaN;
	// Stryker disable next-line Regex: the item holds a calendar date or a full ISO date-time, never text before a date
	return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
}

/** Newest first with undated items last, or oldest first; ties by title so the order is stable. */
function byNumber(key: "saved" | "published" | "minutes", descending: boolean) {
	return (a: Entry, b: Entry): number => {
		const x = key === "minutes" ? a.item.readingMinutes : a[key];
		const y = key === "minutes" ? b.item.readingMinutes : b[key];
		const xMissing = Number.isNaN(x);
		const yMissing = Number.isNaN(y);
		if (xMissing !== yMissing) return xMissing ? 1 : -1;
		if (!xMissing && x !== y) return descending ? y - x : x - y;
		return byTitle(a, b);
	};
}

/** A to Z by site or author, articles without one last. */
function byText(key: "site" | "author") {
	return (a: Entry, b: Entry): number => {
		const x = a[key];
		const y = b[key];
		if ((x === "") !== (y === "")) return x === "" ? 1 : -1;
		// Stryker disable next-line EqualityOperator: x and y differ here
		if (x !== y) return x < y ? -1 : 1;
		return byTitle(a, b);
	};
}

function byTitle(a: Entry, b: Entry): number {
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

export class QueueQuery {
	private entries: Entry[] = [];
	private readonly sorted = new Map<string, Entry[]>();

	setItems(items: readonly QueueItem[]): void {
		this.entries = items.map(toEntry);
		this.sorted.clear();
	}

	get size(): number {
		return this.entries.length;
	}

	private order(sort: QueueSort, seed: number): Entry[] {
		const cacheKey = sort === "shuffle" ? `shuffle:${seed}` : sort;
		const cached = this.sorted.get(cacheKey);
		// Stryker disable next-line ConditionalExpression: the cache only saves time; sorting again gives the same order
		if (cached) return cached;
		let order: Entry[];
		if (sort === "shuffle") {
			order = [...this.entries].sort(byTitle);
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
			order = [...this.entries].sort(compare);
		}
		this.sorted.set(cacheKey, order);
		return order;
	}

	run(filter: QueueFilter, sort: QueueSort, now = Date.now(), seed = 1): QueueResult {
		const window = savedWindow(filter.saved, now);
		// `#rust` and `Read Later` are the tags `rust` and `Read_Later`.
		const tags = filter.tags.map((t) => cleanTag(t).toLowerCase());
		const author = filter.author?.toLowerCase() ?? null;
		const site = filter.site?.toLowerCase() ?? null;
		const words = searchWords(filter.search);
		// Matches are dropped into one bucket per score, best first: linear, whatever the count.
		const ranked: QueueItem[][] | null = words.length > 0 ? Array.from({ length: maxSearchScore(words.length) + 1 }, () => []) : null;
		const statuses = new Set(filter.statuses);
		const counts: Record<QueueStatus, number> = { unread: 0, reading: 0, read: 0, archived: 0, unknown: 0 };
		const items: QueueItem[] = [];
		for (const entry of this.order(sort, seed)) {
			if (author !== null && entry.author !== author) continue;
			if (site !== null && entry.site !== site) continue;
			if (filter.imageProblems && !entry.item.hasImageProblems) continue;
			if (filter.readingTime && !inReadingBucket(entry.item.readingMinutes, filter.readingTime)) continue;
			if (window && !(entry.saved >= window[0] && entry.saved < window[1])) continue;
			if (tags.length > 0) {
				const hit = filter.tagMode === "all" ? tags.every((t) => entry.tags.has(t)) : tags.some((t) => entry.tags.has(t));
				if (!hit) continue;
			}
			const score = ranked ? searchScore(words, entry.titleKey, entry.others) : 0;
			if (ranked && score === 0) continue;
			counts[entry.item.status]++;
			if (statuses.size === 0 || statuses.has(entry.item.status)) (ranked ? ranked[score] : items).push(entry.item);
		}
		// Stryker disable next-line EqualityOperator: bucket 0 stays empty (a match scores at least 1)
		if (ranked) for (let score = ranked.length - 1; score > 0; score--) for (const item of ranked[score]) items.push(item);
		return { items, counts };
	}

	/** Distinct values for the filter menus, most common first. */
	facets(): { tags: string[]; authors: string[]; sites: string[] } {
		// Counted without regard to case; shown as first written.
		const count = (values: Array<string | null>) => {
			const counts = new Map<string, { shown: string; count: number }>();
			for (const value of values) {
				if (!value) continue;
				const key = value.toLowerCase();
				const entry = counts.get(key) ?? { shown: value, count: 0 };
				entry.count++;
				counts.set(key, entry);
			}
			return [...counts.values()].sort((a, b) => b.count - a.count || a.shown.localeCompare(b.shown)).map((e) => e.shown);
		};
		return {
			tags: count(this.entries.flatMap((e) => e.item.tags)),
			authors: count(this.entries.map((e) => e.item.author)),
			sites: count(this.entries.map((e) => e.item.site)),
		};
	}
}
