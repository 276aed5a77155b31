// What a queue view shows (filter, sort, shuffle seed) and the result of running it: the view's
// state, saved with the workspace and restored when Obsidian starts.

import { EMPTY_FILTER, filterFromStored, QUEUE_SORTS, QueueQuery, type QueueFilter, type QueueResult, type QueueSort, type QueueStatus, type SavedFilter } from "../../core";

/** Where a new view starts: the settings' queue defaults. */
export interface QueueDefaults {
	statuses: QueueStatus[];
	sort: QueueSort;
}

interface StoredState {
	filter?: unknown;
	sort?: QueueSort;
}

const EMPTY_RESULT: QueueResult = { items: [], counts: { unread: 0, reading: 0, read: 0, archived: 0, unknown: 0 } };

export class QueueViewState {
	readonly query = new QueueQuery();
	filter: QueueFilter;
	sort: QueueSort;
	private seed = 1;
	result: QueueResult = EMPTY_RESULT;

	constructor(defaults: QueueDefaults) {
		this.filter = { ...EMPTY_FILTER, statuses: [...defaults.statuses] };
		this.sort = defaults.sort;
	}

	toJSON(): Record<string, unknown> {
		return { filter: this.filter, sort: this.sort };
	}

	/** Restore a saved state; anything malformed keeps its current value. */
	restore(state: unknown): void {
		const saved = (typeof state === "object" && state !== null ? state : {}) as StoredState;
		if (saved.filter && typeof saved.filter === "object") this.filter = filterFromStored(saved.filter);
		if (saved.sort && QUEUE_SORTS.includes(saved.sort)) this.setSort(saved.sort);
	}

	setFilter(change: Partial<QueueFilter>): void {
		this.filter = { ...this.filter, ...change };
	}

	/** Clear every filter except the status tabs. */
	clearFilters(): void {
		this.filter = { ...EMPTY_FILTER, statuses: this.filter.statuses };
	}

	setSort(sort: QueueSort): void {
		// Choosing Shuffle again deals a new order.
		if (sort === "shuffle") this.seed = Math.floor(Math.random() * 2 ** 31);
		this.sort = sort;
	}

	apply(saved: SavedFilter): void {
		this.filter = filterFromStored(saved.filter);
		this.setSort(saved.sort);
	}

	/** Ctrl/Cmd-click on a tab: add or remove one status. */
	toggleStatus(status: QueueStatus): void {
		const shown = this.filter.statuses;
		this.setFilter({ statuses: shown.includes(status) ? shown.filter((s) => s !== status) : [...shown, status] });
	}

	run(now = Date.now()): QueueResult {
		this.result = this.query.run(this.filter, this.sort, now, this.seed);
		return this.result;
	}
}
