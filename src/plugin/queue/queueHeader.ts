// The top of the queue, laid out like Obsidian's Search pane: a row of icon buttons (sort, filters,
// saved filters), a full-width search box, then the status tabs and, when open, the filters.

import { Menu, setIcon } from "obsidian";
import { isFiltering, QUEUE_SORTS, type SavedFilter } from "../../core";
import { showMenuFor } from "./keyboardFriendly";
import { SORT_LABELS } from "./labels";
import type { QueueViewState } from "./viewState";

export interface HeaderHandlers {
	/** The state changed: run the query and redraw. */
	changed(): void;
	toggleFilters(): void;
	savedFilters(): SavedFilter[];
	saveCurrent(): void;
	/** Move focus from the search to the list (Down arrow, Enter); false when the list is empty. */
	toList(): boolean;
}

const COMPOSITION_END_MS = 100;

export class QueueHeader {
	readonly el: HTMLElement;
	readonly searchEl: HTMLInputElement;
	private readonly filterButton: HTMLElement;
	private readonly clearSearchEl: HTMLElement;

	constructor(
		parent: HTMLElement,
		private readonly state: QueueViewState,
		private readonly handlers: HeaderHandlers,
	) {
		this.el = parent.createDiv({ cls: "omnivore-queue-header" });
		const buttons = this.el.createDiv({ cls: "nav-buttons-container omnivore-queue-buttons" });
		this.iconButton(buttons, "arrow-up-narrow-wide", "Change sort order", (event) => this.showSortMenu(event));
		this.filterButton = this.iconButton(buttons, "filter", "Show filters", () => handlers.toggleFilters());
		this.iconButton(buttons, "bookmark", "Saved filters", (event) => this.showSavedMenu(event));

		const box = this.el.createDiv({ cls: "search-input-container omnivore-queue-search-box" });
		this.searchEl = box.createEl("input", {
			type: "search",
			cls: "omnivore-queue-search",
			attr: { placeholder: "Search articles…", "aria-label": "Search titles, authors, sites and tags", spellcheck: "false", enterkeyhint: "search" },
		});
		// As in Obsidian's search: a click target for the mouse; the keyboard clears with Escape.
		this.clearSearchEl = box.createDiv({ cls: "search-input-clear-button", attr: { "aria-label": "Clear search (Escape)" } });
		this.clearSearchEl.addEventListener("click", () => {
			this.searchEl.value = "";
			this.change(() => state.setFilter({ search: "" }));
			this.searchEl.focus();
		});
		this.searchEl.addEventListener("input", () => this.change(() => state.setFilter({ search: this.searchEl.value })));
		// Keys that compose Chinese, Japanese or Korean text (Enter commits, arrows pick) are the input
		// method's. WebKit (Obsidian on iPhone and iPad) ends the composition just before the keydown
		// of the Enter that commits it (WebKit bug 165004): the first key within a tenth of a second
		// of a composition's end is still the input method's.
		let composing = false;
		let composedAt = -Infinity;
		this.searchEl.addEventListener("compositionstart", () => (composing = true));
		this.searchEl.addEventListener("compositionend", () => {
			composing = false;
			composedAt = performance.now();
		});
		this.searchEl.addEventListener("keydown", (event) => {
			const justComposed = performance.now() - composedAt < COMPOSITION_END_MS;
			composedAt = -Infinity;
			if (event.isComposing || composing || justComposed) return;
			if ((event.key === "ArrowDown" || event.key === "Enter") && handlers.toList()) event.preventDefault();
			else if (event.key === "Escape" && this.searchEl.value !== "") {
				event.preventDefault();
				this.searchEl.value = "";
				this.change(() => state.setFilter({ search: "" }));
			}
		});
	}

	private change(update: () => void): void {
		update();
		this.handlers.changed();
	}

	private iconButton(parent: HTMLElement, icon: string, label: string, run: (event: MouseEvent) => void): HTMLElement {
		const button = parent.createEl("button", { cls: "clickable-icon nav-action-button", attr: { "aria-label": label } });
		setIcon(button, icon);
		button.addEventListener("click", run);
		return button;
	}

	/** Put the controls in line with the state (typing, a saved filter applied, a restored view). */
	sync(filtersOpen: boolean): void {
		const { filter } = this.state;
		if (this.searchEl.value !== filter.search) this.searchEl.value = filter.search;
		this.clearSearchEl.toggleClass("is-hidden", filter.search === "");
		const narrowed = isFiltering({ ...filter, search: "" });
		this.filterButton.toggleClass("is-active", filtersOpen || narrowed);
		this.filterButton.toggleClass("has-filters", narrowed);
		this.filterButton.setAttr("aria-expanded", filtersOpen ? "true" : "false");
		this.filterButton.setAttr("aria-label", `${filtersOpen ? "Hide" : "Show"} filters${narrowed ? " (some are on)" : ""}`);
	}

	private showSortMenu(event: MouseEvent): void {
		const menu = new Menu();
		const { sort } = this.state;
		for (const option of QUEUE_SORTS) {
			menu.addItem((item) =>
				item
					.setTitle(SORT_LABELS[option])
					.setChecked(option === sort)
					.onClick(() => this.change(() => this.state.setSort(option))),
			);
		}
		showMenuFor(menu, event);
	}

	private showSavedMenu(event: MouseEvent): void {
		const menu = new Menu();
		const saved = this.handlers.savedFilters();
		const { filter, sort } = this.state;
		for (const set of saved) {
			const same = set.sort === sort && JSON.stringify(set.filter) === JSON.stringify(filter);
			menu.addItem((item) => item.setTitle(set.name).setChecked(same).onClick(() => this.change(() => this.state.apply(set))));
		}
		if (saved.length > 0) menu.addSeparator();
		menu.addItem((item) => item.setTitle("Save current filters…").setIcon("bookmark-plus").onClick(() => this.handlers.saveCurrent()));
		if (isFiltering(filter)) menu.addItem((item) => item.setTitle("Clear filters").setIcon("x").onClick(() => this.change(() => this.state.clearFilters())));
		showMenuFor(menu, event);
	}
}
