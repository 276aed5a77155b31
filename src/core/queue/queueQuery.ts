// Filters and sorts the queue fast enough to run on every keystroke over 50,000 articles: each sort
// order is computed once per change of the items, and filtering walks the sorted positions, reading
// flat columns (status, search scores) rather than each item. A search ranks what it finds (title
// matches first) and keeps the chosen order among equals.

import { cleanTag } from "../omnivore/tags";
import { QUEUE_STATUSES, type QueueItem, type QueueStatus } from "./queueItem";
import { inReadingBucket, savedWindow, type QueueFilter } from "./queueFilter";
import { compareCodeUnits, sortedPositions, sortKeys, type QueueSort, type SortKeys } from "./queueOrder";
import { maxSearchScore, SearchColumn, searchWords, wordScores } from "./queueSearch";


export interface QueueResult {
	items: QueueItem[];
	/** Items per status for the current filter, status aside: the numbers on the status tabs. */
	counts: Record<QueueStatus, number>;
}

/** Words whose scores are kept: a search typed on grows by a word at a time. */
const KEPT_WORDS = 64;

export class QueueQuery {
	private items: readonly QueueItem[] = [];
	private keys: SortKeys[] = [];
	/** Each item's status as its place in QUEUE_STATUSES. */
	private statuses = new Uint8Array(0);
	/** Made on first use, as most refreshes of the items come with no search and no tag filter. */
	private tagSets: Array<Set<string>> | null = null;
	private searchColumns: { titles: SearchColumn; others: SearchColumn } | null = null;
	private readonly sorted = new Map<string, Int32Array>();
	private readonly scoresOfWord = new Map<string, Uint8Array>();

	setItems(items: readonly QueueItem[]): void {
		this.items = [...items];
		this.keys = this.items.map(sortKeys);
		this.statuses = Uint8Array.from(this.items, (item) => QUEUE_STATUSES.indexOf(item.status));
		this.tagSets = null;
		this.searchColumns = null;
		this.sorted.clear();
		this.scoresOfWord.clear();
	}

	get size(): number {
		return this.items.length;
	}

	private order(sort: QueueSort, seed: number): Int32Array {
		const cacheKey = sort === "shuffle" ? `shuffle:${seed}` : sort;
		let order = this.sorted.get(cacheKey);
		// Stryker disable next-line ConditionalExpression: the cache only saves time; sorting again gives the same order
		if (!order) this.sorted.set(cacheKey, (order = sortedPositions(this.keys, sort, seed)));
		return order;
	}

	private tags(): Array<Set<string>> {
		return (this.tagSets ??= this.items.map((item) => new Set(item.tags.map((t) => t.toLowerCase()))));
	}

	private columns(): { titles: SearchColumn; others: SearchColumn } {
		return (this.searchColumns ??= {
			titles: new SearchColumn(this.keys.map((keys) => keys.titleKey)),
			// Author, site and tags, lowercased, joined by U+0000 so that no match spans two of them.
			others: new SearchColumn(this.items.map((item) => [item.author ?? "", item.site ?? "", ...item.tags].join("\u0000").toLowerCase())),
		});
	}

	/** Each item's score for the whole query: the sum of its words' scores, 0 when one is missing. */
	private searchScores(words: readonly string[]): ArrayLike<number> {
		let total: Uint8Array | Uint32Array | null = null;
		for (const word of words) {
			let scores = this.scoresOfWord.get(word);
			// Stryker disable next-line ConditionalExpression: the kept scores only save time; counted again they are the same
			if (!scores) {
				// Stryker disable next-line ConditionalExpression,EqualityOperator: a bound on memory; any bound gives the same results
				if (this.scoresOfWord.size >= KEPT_WORDS) this.scoresOfWord.clear();
				const { titles, others } = this.columns();
				this.scoresOfWord.set(word, (scores = wordScores(word, titles, others)));
			}
			if (total === null) {
				// A copy to add to: the kept scores of the first word must stay as they are.
				// Stryker disable next-line ConditionalExpression: copying one word's scores as well only costs time
				total = words.length === 1 ? scores : Uint32Array.from(scores);
				continue;
			}
			// Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
			for (let i = 0; i < total.length; i++) total[i] = total[i] === 0 || scores[i] === 0 ? 0 : total[i] + scores[i];
		}
		return total ?? new Uint8Array(this.items.length);
	}

	run(filter: QueueFilter, sort: QueueSort, now = Date.now(), seed = 1): QueueResult {
		const window = savedWindow(filter.saved, now);
		// `#rust` and `Read Later` are the tags `rust` and `Read_Later`.
		const tags = filter.tags.map((t) => cleanTag(t).toLowerCase());
		const author = filter.author?.toLowerCase() ?? null;
		const site = filter.site?.toLowerCase() ?? null;
		const words = searchWords(filter.search);
		const scores = words.length > 0 ? this.searchScores(words) : null;
		// Matches are dropped into one bucket per score, best first: linear, whatever the count.
		const ranked: QueueItem[][] | null = scores ? Array.from({ length: maxSearchScore(words.length) + 1 }, () => []) : null;
		const wanted = new Uint8Array(QUEUE_STATUSES.length);
		for (const status of filter.statuses) wanted[QUEUE_STATUSES.indexOf(status)] = 1;
		const everyStatus = filter.statuses.length === 0;
		const perStatus = new Uint32Array(QUEUE_STATUSES.length);
		const items: QueueItem[] = [];
		// Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: the sets are read only when there are tags to look for
		const tagSets = tags.length > 0 ? this.tags() : [];
		const order = this.order(sort, seed);
		for (let k = 0; k < order.length; k++) {
			const i = order[k];
			const score = scores ? scores[i] : 0;
			if (scores && score === 0) continue;
			if (author !== null && this.keys[i].author !== author) continue;
			if (site !== null && this.keys[i].site !== site) continue;
			if (filter.imageProblems && !this.items[i].hasImageProblems) continue;
			if (filter.readingTime && !inReadingBucket(this.items[i].readingMinutes, filter.readingTime)) continue;
			if (window && !(this.keys[i].saved >= window[0] && this.keys[i].saved < window[1])) continue;
			if (tags.length > 0) {
				const hit = filter.tagMode === "all" ? tags.every((t) => tagSets[i].has(t)) : tags.some((t) => tagSets[i].has(t));
				if (!hit) continue;
			}
			const status = this.statuses[i];
			perStatus[status]++;
			if (everyStatus || wanted[status] === 1) (ranked ? ranked[score] : items).push(this.items[i]);
		}
		// Stryker disable next-line EqualityOperator: bucket 0 stays empty (a match scores at least 1)
		if (ranked) for (let score = ranked.length - 1; score > 0; score--) for (const item of ranked[score]) items.push(item);
		const counts = Object.fromEntries(QUEUE_STATUSES.map((status, i) => [status, perStatus[i]])) as Record<QueueStatus, number>;
		return { items, counts };
	}

	/** Distinct values for the filter menus, most common first. */
	facets(): { tags: string[]; authors: string[]; sites: string[] } {
		// Counted without regard to case; shown as most often written (ties: capitals first, as names are
		// written), so the menus do not depend on the order the notes were read in.
		const count = (values: Array<string | null>) => {
			const counts = new Map<string, { count: number; spellings: Map<string, number> }>();
			for (const value of values) {
				if (!value) continue;
				// Stryker disable next-line MethodExpression: folded to upper case, the same values meet
				const key = value.toLowerCase();
				const entry = counts.get(key) ?? { count: 0, spellings: new Map<string, number>() };
				entry.count++;
				entry.spellings.set(value, (entry.spellings.get(value) ?? 0) + 1);
				counts.set(key, entry);
			}
			// Code units last: values the collator takes for equal (a soft hyphen, NFC and NFD) still keep one order.
			const shown = (spellings: Map<string, number>) => [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], undefined, { caseFirst: "upper" }) || compareCodeUnits(a[0], b[0]))[0][0];
			return [...counts.values()]
				.map((entry) => ({ count: entry.count, shown: shown(entry.spellings) }))
				.sort((a, b) => b.count - a.count || a.shown.localeCompare(b.shown) || compareCodeUnits(a.shown, b.shown))
				.map((e) => e.shown);
		};
		return {
			tags: count(this.items.flatMap((item) => item.tags)),
			authors: count(this.items.map((item) => item.author)),
			sites: count(this.items.map((item) => item.site)),
		};
	}
}
