// The reading queue in the sidebar: status tabs, search, filters, sort, and a virtualized list.

import { format } from "date-fns";
import { debounce, ItemView, Keymap, Menu, setIcon, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import {
	EMPTY_FILTER,
	isFiltering,
	QUEUE_SORTS,
	QUEUE_STATUSES,
	QueueQuery,
	type QueueFilter,
	type QueueItem,
	type QueueResult,
	type QueueSort,
	type QueueStatus,
	READING_STATUSES,
	type ReadingStatus,
	type ReadingBucket,
	type SavedPreset,
} from "../../core";
import { reportFailure } from "../errorBoundary";
import type { QueueIndex } from "./queueIndex";
import { VirtualList } from "./virtualList";

export const QUEUE_VIEW_TYPE = "omnivore-queue";

const ROW_HEIGHT = 76;

const STATUS_LABELS: Record<QueueStatus, string> = { unread: "Unread", reading: "Reading", read: "Read", archived: "Archived", unknown: "Unknown status" };
const SORT_LABELS: Record<QueueSort, string> = {
	"saved-newest": "Saved, newest first",
	"saved-oldest": "Saved, oldest first",
	"published-newest": "Published, newest first",
	title: "Title",
	"reading-time": "Reading time, shortest first",
	shuffle: "Shuffle",
};
const SAVED_LABELS: Record<SavedPreset, string> = {
	"last-7-days": "Saved in the last 7 days",
	"last-30-days": "Saved in the last month",
	"older-than-6-months": "Saved over 6 months ago",
};
const LENGTH_LABELS: Record<ReadingBucket, string> = { "under-5": "Under 5 minutes", "5-to-15": "5 to 15 minutes", "over-15": "Over 15 minutes" };

export interface SavedFilter {
	name: string;
	filter: QueueFilter;
	sort: QueueSort;
}

/** What the view needs from the plugin. */
export interface QueueViewHost {
	index: QueueIndex;
	tagName(): string;
	savedFilters(): SavedFilter[];
	saveFilter(saved: SavedFilter): Promise<void>;
	open(path: string, newTab: boolean): void;
	setStatus(path: string, status: ReadingStatus): Promise<boolean>;
	openOriginal(url: string | null): void;
	copyLink(path: string): Promise<void>;
	reveal(path: string): void;
	tidyAll(): void;
	/** Asks for a name for a filter set; null when cancelled. */
	askName(): Promise<string | null>;
	matcher?: ConstructorParameters<typeof QueueQuery>[0];
}

interface QueueViewState {
	filter: QueueFilter;
	sort: QueueSort;
}

/** A calendar date as written; a date-time on the reader's own calendar. */
function shownDate(iso: string): string {
	return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : format(new Date(iso), "yyyy-MM-dd");
}

export class QueueView extends ItemView {
	private readonly query: QueueQuery;
	private filter: QueueFilter = { ...EMPTY_FILTER, statuses: ["unread"] };
	private sort: QueueSort = "saved-newest";
	private seed = 1;
	private result: QueueResult = { items: [], counts: { unread: 0, reading: 0, read: 0, archived: 0, unknown: 0 } };
	private selected = -1;
	private list!: VirtualList<QueueItem>;
	private tabsEl!: HTMLElement;
	private searchEl!: HTMLInputElement;
	private sortEl!: HTMLSelectElement;
	private filtersEl!: HTMLElement;
	private emptyEl!: HTMLElement;
	private clearEl!: HTMLButtonElement;
	private unsubscribe: (() => void) | null = null;
	private readonly scheduleReload = debounce(() => this.reload(), 100, true);

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: QueueViewHost,
	) {
		super(leaf);
		this.query = new QueueQuery(host.matcher);
	}

	getViewType(): string {
		return QUEUE_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Reading queue";
	}

	override getIcon(): string {
		return "book-open";
	}

	override getState(): Record<string, unknown> {
		return { filter: this.filter, sort: this.sort };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const saved = state as Partial<QueueViewState> | null;
		if (saved?.filter) this.filter = { ...EMPTY_FILTER, ...saved.filter };
		if (saved?.sort && QUEUE_SORTS.includes(saved.sort)) this.sort = saved.sort;
		// Restored before the view was built, the state is applied when it opens.
		if (this.list) {
			this.syncControls();
			this.refresh();
		}
		await super.setState(state, result);
	}

	override async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("omnivore-queue-view");
		const header = root.createDiv({ cls: "omnivore-queue-header" });
		this.tabsEl = header.createDiv({ cls: "omnivore-queue-tabs", attr: { role: "tablist", "aria-label": "Status" } });
		this.buildToolbar(header);
		this.filtersEl = header.createDiv({ cls: "omnivore-queue-filters is-hidden" });
		this.emptyEl = root.createDiv({ cls: "omnivore-queue-empty" });
		this.list = new VirtualList<QueueItem>(root, {
			rowHeight: ROW_HEIGHT,
			overscan: 6,
			key: (item) => item.path,
			renderRow: (item, index, el) => this.renderRow(item, index, el),
		});
		this.list.scrollEl.tabIndex = 0;
		this.list.scrollEl.setAttr("aria-label", "Articles");
		this.registerDomEvent(this.list.scrollEl, "keydown", (event) => this.onKey(event));

		this.searchEl.value = this.filter.search;
		this.sortEl.value = this.sort;
		this.unsubscribe = this.host.index.subscribe(() => this.scheduleReload());
		this.emptyEl.setText("Reading your Omnivore notes…");
		try {
			await this.host.index.ensureBuilt();
		} catch (error) {
			reportFailure("Building the reading queue", error);
			this.emptyEl.setText("The reading queue could not be built. Close it and open it again to try again.");
			return;
		}
		this.reload();
	}

	override async onClose(): Promise<void> {
		this.scheduleReload.cancel();
		this.unsubscribe?.();
		this.contentEl.empty();
	}

	/** The articles in the order shown (for "open next unread"). */
	visibleItems(): readonly QueueItem[] {
		return this.result.items;
	}

	private buildToolbar(header: HTMLElement): void {
		const toolbar = header.createDiv({ cls: "omnivore-queue-toolbar" });
		this.searchEl = toolbar.createEl("input", {
			type: "search",
			cls: "omnivore-queue-search",
			attr: { placeholder: "Search title, author, site", "aria-label": "Search title, author and site" },
		});
		this.registerDomEvent(this.searchEl, "input", () => this.setFilter({ search: this.searchEl.value }));

		this.sortEl = toolbar.createEl("select", { cls: "dropdown", attr: { "aria-label": "Sort" } });
		for (const sort of QUEUE_SORTS) this.sortEl.createEl("option", { value: sort, text: SORT_LABELS[sort] });
		this.registerDomEvent(this.sortEl, "change", () => {
			this.sort = this.sortEl.value as QueueSort;
			if (this.sort === "shuffle") this.seed = Math.floor(Math.random() * 2 ** 31);
			this.refresh();
		});

		const filtersButton = toolbar.createEl("button", { cls: "clickable-icon", attr: { "aria-label": "Show filters" } });
		setIcon(filtersButton, "filter");
		this.registerDomEvent(filtersButton, "click", () => {
			const hidden = this.filtersEl.hasClass("is-hidden");
			this.filtersEl.toggleClass("is-hidden", !hidden);
			filtersButton.setAttr("aria-label", hidden ? "Hide filters" : "Show filters");
			filtersButton.setAttr("aria-expanded", hidden ? "true" : "false");
		});

		this.clearEl = toolbar.createEl("button", { text: "Clear filters", cls: "omnivore-queue-clear" });
		this.registerDomEvent(this.clearEl, "click", () => this.clearFilters());
	}

	private clearFilters(): void {
		this.filter = { ...EMPTY_FILTER, statuses: this.filter.statuses };
		this.syncControls();
		this.refresh();
	}

	private setFilter(change: Partial<QueueFilter>): void {
		this.filter = { ...this.filter, ...change };
		this.selected = -1;
		this.refresh();
	}

	/** Data changed: feed the query and redraw. */
	private reload(): void {
		this.query.setItems(this.host.index.all());
		this.renderFilters();
		this.refresh();
	}

	/** Filter or sort changed: run the query and redraw. */
	private refresh(): void {
		this.result = this.query.run(this.filter, this.sort, Date.now(), this.seed);
		this.renderTabs();
		this.clearEl.toggleClass("is-hidden", !isFiltering(this.filter));
		this.list.setItems(this.result.items);
		if (this.selected >= this.result.items.length) this.selected = this.result.items.length - 1;
		this.renderEmpty();
	}

	private renderTabs(): void {
		this.tabsEl.empty();
		const { counts } = this.result;
		const total = QUEUE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
		const tab = (label: string, count: number, statuses: QueueStatus[]) => {
			const active = statuses.length === this.filter.statuses.length && statuses.every((s) => this.filter.statuses.includes(s));
			const button = this.tabsEl.createEl("button", {
				cls: `omnivore-queue-tab${active ? " is-active" : ""}`,
				attr: { role: "tab", "aria-selected": active ? "true" : "false", "aria-label": `${label}: ${count}` },
			});
			button.createSpan({ text: label });
			button.createSpan({ cls: "omnivore-queue-count", text: String(count) });
			button.addEventListener("click", (event) => {
				// Ctrl/Cmd-click adds or removes a status; a plain click shows just that one.
				if (Keymap.isModEvent(event) && statuses.length === 1) {
					const [status] = statuses;
					const current = this.filter.statuses;
					this.setFilter({ statuses: current.includes(status) ? current.filter((s) => s !== status) : [...current, status] });
				} else {
					this.setFilter({ statuses });
				}
			});
		};
		// Notes whose status means nothing clear get their own tab, shown only when there are some.
		for (const status of QUEUE_STATUSES) if (status !== "unknown" || counts.unknown > 0) tab(STATUS_LABELS[status], counts[status], [status]);
		tab("All", total, []);
	}

	private select(el: HTMLElement, label: string, options: Array<[string, string]>, value: string, onChange: (value: string) => void): void {
		const select = el.createEl("select", { cls: "dropdown", attr: { "aria-label": label } });
		for (const [optionValue, text] of options) select.createEl("option", { value: optionValue, text });
		select.value = value;
		select.addEventListener("change", () => onChange(select.value));
	}

	private renderFilters(): void {
		const el = this.filtersEl;
		el.empty();
		const facets = this.query.facets();

		const tagRow = el.createDiv({ cls: "omnivore-queue-filter-row" });
		this.select(tagRow, "Add a tag", [["", "Add a tag…"], ...facets.tags.map((t): [string, string] => [t, `#${t}`])], "", (tag) => {
			if (tag && !this.filter.tags.includes(tag)) this.setFilter({ tags: [...this.filter.tags, tag] });
			this.renderFilters();
		});
		this.select(tagRow, "Match tags", [["any", "Any of these tags"], ["all", "All of these tags"]], this.filter.tagMode, (mode) =>
			this.setFilter({ tagMode: mode === "all" ? "all" : "any" }),
		);
		const chips = el.createDiv({ cls: "omnivore-queue-chips" });
		for (const tag of this.filter.tags) {
			const chip = chips.createEl("button", { cls: "omnivore-queue-chip", text: `#${tag}`, attr: { "aria-label": `Remove tag ${tag}` } });
			chip.addEventListener("click", () => {
				this.setFilter({ tags: this.filter.tags.filter((t) => t !== tag) });
				this.renderFilters();
			});
		}

		const row = el.createDiv({ cls: "omnivore-queue-filter-row" });
		this.select(row, "Author", [["", "Any author"], ...facets.authors.map((a): [string, string] => [a, a])], this.filter.author ?? "", (v) =>
			this.setFilter({ author: v || null }),
		);
		this.select(row, "Site", [["", "Any site"], ...facets.sites.map((s): [string, string] => [s, s])], this.filter.site ?? "", (v) =>
			this.setFilter({ site: v || null }),
		);
		const saved = typeof this.filter.saved === "string" ? this.filter.saved : "";
		this.select(row, "Saved", [["", "Saved any time"], ...Object.entries<string>(SAVED_LABELS)], saved, (v) =>
			this.setFilter({ saved: (v || null) as SavedPreset | null }),
		);
		this.select(row, "Reading time", [["", "Any length"], ...Object.entries<string>(LENGTH_LABELS)], this.filter.readingTime ?? "", (v) =>
			this.setFilter({ readingTime: (v || null) as ReadingBucket | null }),
		);

		const problems = el.createEl("label", { cls: "omnivore-queue-filter-row" });
		const checkbox = problems.createEl("input", { type: "checkbox" });
		checkbox.checked = this.filter.imageProblems;
		problems.createSpan({ text: "Only notes with image problems" });
		checkbox.addEventListener("change", () => this.setFilter({ imageProblems: checkbox.checked }));

		const savedRow = el.createDiv({ cls: "omnivore-queue-filter-row" });
		const sets = this.host.savedFilters();
		this.select(savedRow, "Saved filters", [["", "Saved filters…"], ...sets.map((s, i): [string, string] => [String(i), s.name])], "", (v) => {
			const set = sets[Number(v)];
			if (!set) return;
			this.filter = { ...EMPTY_FILTER, ...set.filter };
			this.sort = set.sort;
			this.syncControls();
			this.refresh();
		});
		const save = savedRow.createEl("button", { text: "Save filters" });
		save.addEventListener("click", () => {
			void this.host.askName().then(async (name) => {
				if (!name) return;
				await this.host.saveFilter({ name, filter: this.filter, sort: this.sort });
				this.renderFilters();
			});
		});
	}

	/** Put the controls in line with the state (after a saved filter or a restored view). */
	private syncControls(): void {
		this.searchEl.value = this.filter.search;
		this.sortEl.value = this.sort;
		this.renderFilters();
	}

	private renderEmpty(): void {
		const el = this.emptyEl;
		el.empty();
		const hasItems = this.query.size > 0;
		el.toggleClass("is-hidden", this.result.items.length > 0 || !this.host.index.ready);
		if (!this.host.index.ready) return;
		if (!hasItems) {
			el.createEl("p", { text: "No Omnivore notes found." });
			el.createEl("p", {
				cls: "omnivore-queue-muted",
				text: `The queue lists notes tagged #${this.host.tagName()} in the folders chosen in the settings. Notes that still carry Omnivore's old frontmatter may need tidying first.`,
			});
			const tidy = el.createEl("button", { text: "Tidy all Omnivore notes…", cls: "mod-cta" });
			tidy.addEventListener("click", () => this.host.tidyAll());
		} else if (this.result.items.length === 0) {
			el.createEl("p", { text: isFiltering(this.filter) ? "No articles match these filters." : "No articles with this status." });
			if (isFiltering(this.filter)) {
				const clear = el.createEl("button", { text: "Clear filters" });
				clear.addEventListener("click", () => this.clearFilters());
			}
		}
	}

	private renderRow(item: QueueItem, index: number, el: HTMLElement): void {
		el.toggleClass("is-selected", index === this.selected);
		el.setAttr("aria-selected", index === this.selected ? "true" : "false");
		el.setAttr("aria-label", item.title);
		el.createDiv({ cls: "omnivore-queue-row-title", text: item.title });
		const meta = [item.site, item.author, `${item.readingMinutes} min`, item.savedAt ? shownDate(item.savedAt) : null];
		el.createDiv({ cls: "omnivore-queue-row-meta", text: meta.filter((part) => part).join(" · ") });
		const tags = el.createDiv({ cls: "omnivore-queue-row-tags" });
		for (const tag of item.tags) tags.createSpan({ cls: "tag", text: `#${tag}` });
		if (item.hasImageProblems) tags.createSpan({ cls: "omnivore-queue-warning", text: "Image problems" });

		const actions = el.createDiv({ cls: "omnivore-queue-row-actions" });
		const action = (icon: string, label: string, run: () => void) => {
			const button = actions.createEl("button", { cls: "clickable-icon", attr: { "aria-label": label } });
			setIcon(button, icon);
			button.addEventListener("click", (event) => {
				event.stopPropagation();
				run();
			});
		};
		if (item.status !== "read") action("check", "Mark as read", () => void this.changeStatus(item.path, "read"));
		if (item.status !== "reading") action("book-open", "Mark as reading", () => void this.changeStatus(item.path, "reading"));
		if (item.status !== "archived") action("archive", "Archive", () => void this.changeStatus(item.path, "archived"));
		if (item.url) action("external-link", "Open original", () => this.host.openOriginal(item.url));

		el.addEventListener("click", (event) => {
			this.selected = index;
			this.host.open(item.path, Keymap.isModEvent(event) !== false);
		});
		el.addEventListener("contextmenu", (event) => {
			event.preventDefault();
			this.showMenu(item, event);
		});
	}

	/** Write the status, then redraw at once rather than after the usual pause. */
	private async changeStatus(path: string, status: ReadingStatus): Promise<void> {
		if (await this.host.setStatus(path, status)) this.scheduleReload.run();
	}

	private showMenu(item: QueueItem, event: MouseEvent): void {
		const menu = new Menu();
		for (const status of READING_STATUSES) {
			if (status === item.status) continue;
			menu.addItem((entry) =>
				entry
					.setTitle(`Mark as ${STATUS_LABELS[status].toLowerCase()}`)
					.setIcon(status === "read" ? "check" : status === "archived" ? "archive" : status === "reading" ? "book-open" : "circle")
					.onClick(() => void this.changeStatus(item.path, status)),
			);
		}
		menu.addSeparator();
		if (item.url) menu.addItem((entry) => entry.setTitle("Open original").setIcon("external-link").onClick(() => this.host.openOriginal(item.url)));
		menu.addItem((entry) => entry.setTitle("Copy link to note").setIcon("link").onClick(() => void this.host.copyLink(item.path)));
		menu.addItem((entry) => entry.setTitle("Reveal in file explorer").setIcon("folder-open").onClick(() => this.host.reveal(item.path)));
		menu.showAtMouseEvent(event);
	}

	private onKey(event: KeyboardEvent): void {
		const count = this.result.items.length;
		if (count === 0) return;
		let next = this.selected;
		if (event.key === "ArrowDown") next = Math.min(count - 1, this.selected + 1);
		else if (event.key === "ArrowUp") next = Math.max(0, this.selected - 1);
		else if (event.key === "Home") next = 0;
		else if (event.key === "End") next = count - 1;
		else if (event.key === "Enter" && this.selected >= 0) {
			event.preventDefault();
			this.host.open(this.result.items[this.selected].path, Keymap.isModEvent(event) !== false);
			return;
		} else return;
		event.preventDefault();
		this.selected = next;
		this.list.reveal(next);
		this.list.refresh();
	}
}
