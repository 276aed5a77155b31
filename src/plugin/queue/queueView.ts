// The reading queue pane: header, status tabs, filters and a virtualized list of articles (a table
// when the pane is wide). It wires those parts to the view's state and the plugin.

import { debounce, ItemView, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { searchWords, type QueueItem, type ReadingStatus } from "../../core";
import { reportFailure } from "../errorBoundary";
import { articleActions, type ArticleActions } from "./articleActions";
import { renderBuildFailure, renderEmptyState } from "./emptyState";
import { FilterBar } from "./filterBar";
import { handleListKey } from "./listKeys";
import { QueueHeader } from "./queueHeader";
import { LIST_HELP } from "./labels";
import { renderRow, type RowLayout } from "./queueRow";
import { StatusTabs } from "./statusTabs";
import { renderTableHead, watchWidth } from "./tableHead";
import type { QueueViewHost } from "./viewHost";
import { QueueViewState } from "./viewState";
import { VirtualList } from "./virtualList";

export const QUEUE_VIEW_TYPE = "omnivore-queue";

const ROW_HEIGHT: Record<RowLayout, number> = { list: 50, table: 34 };
/** Wider than this, the pane (usually in the main area) shows a table. */
const TABLE_MIN_WIDTH = 720;
let nextViewId = 0;

export class QueueView extends ItemView {
	private readonly state: QueueViewState;
	private layout: RowLayout = "list";
	private filtersOpen = false;
	/** The search's words, highlighted in the rows. */
	private words: string[] = [];
	private header!: QueueHeader;
	private tabs!: StatusTabs;
	private filters!: FilterBar;
	private tableHeadEl!: HTMLElement;
	private emptyEl!: HTMLElement;
	private list!: VirtualList<QueueItem>;
	private unsubscribe: (() => void) | null = null;
	// A redraw after a tenth of a second without changes, and at least every half second while they
	// keep coming (a sync writing note after note would otherwise put it off until it ends).
	private readonly reloadAfterPause = debounce(() => this.reload(), 100, true);
	private readonly reloadAtLatest = debounce(() => this.reload(), 500, false);
	/** What rows, their menu and the keys do with an article. */
	private readonly actions: ArticleActions;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: QueueViewHost,
	) {
		super(leaf);
		this.state = new QueueViewState(host.defaults());
		this.actions = articleActions(this.app, leaf, host, {
			setStatus: (item, status) => void this.changeStatus(item, status),
			opening: (item) => this.list.setActive(this.state.result.items.indexOf(item)),
		});
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
		return this.state.toJSON();
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		this.state.restore(state);
		// Restored before the view was built, the state is applied when it opens.
		if (this.list) this.refresh();
		await super.setState(state, result);
	}

	override async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("omnivore-queue-view");
		// The reader asked for another list (a search, a tab, a filter): it starts at its top.
		const changed = () => {
			this.refresh();
			this.list.toTop();
		};
		this.header = new QueueHeader(root, this.state, {
			changed,
			toggleFilters: () => this.toggleFilters(),
			savedFilters: () => this.host.savedFilters(),
			saveCurrent: () => void this.saveCurrent(),
			toList: () => this.focusList(),
		});
		this.tabs = new StatusTabs(this.header.el, this.state, changed);
		this.filters = new FilterBar(this.header.el, this.app, this.state, changed);
		this.tableHeadEl = root.createDiv({ cls: "omnivore-queue-table-head" });
		this.emptyEl = root.createDiv({ cls: "omnivore-queue-empty", attr: { role: "status" } });
		this.list = new VirtualList<QueueItem>(root, {
			rowHeight: ROW_HEIGHT[this.layout],
			overscan: 4,
			idPrefix: `omnivore-queue-${nextViewId++}`,
			label: "Articles",
			help: LIST_HELP,
			key: (item) => item.path,
			renderRow: (item, _index, el) => renderRow(el, item, { layout: this.layout, words: this.words, now: Date.now(), handlers: this.actions }),
		});
		this.registerDomEvent(this.list.scrollEl, "keydown", (event) => this.onListKey(event));
		watchWidth(this, this.contentEl, TABLE_MIN_WIDTH, (wide) => {
			this.layout = wide ? "table" : "list";
			this.refresh();
		});

		this.unsubscribe = this.host.index.subscribe(() => {
			this.reloadAfterPause();
			this.reloadAtLatest();
		});
		this.refresh();
		try {
			await this.host.index.ensureBuilt();
		} catch (error) {
			reportFailure("Building the reading queue", error);
			renderBuildFailure(this.emptyEl);
			return;
		}
		// The build's own notices scheduled a reload: it is this one, not a second redraw of every row later.
		this.reload();
	}

	override async onClose(): Promise<void> {
		this.cancelReload();
		this.unsubscribe?.();
		this.list.destroy();
		this.contentEl.empty();
	}

	/** Put the cursor in the search box, as Obsidian's Search pane does when its command opens it. */
	focusSearch(): void {
		this.header?.searchEl.focus();
	}

	/** The articles in the order shown (for "open next unread"). */
	visibleItems(): readonly QueueItem[] {
		return this.state.result.items;
	}

	private change(update: () => void): void {
		update();
		this.refresh();
		this.list.toTop();
	}

	/** The empty state's Clear button: its focus (it is gone now) goes to the list, or the search. */
	private clearFilters(): void {
		const hadFocus = this.emptyEl.contains(activeDocument.activeElement);
		this.change(() => this.state.clearFilters());
		if (hadFocus && !this.focusList()) this.header.searchEl.focus();
	}

	private toggleFilters(): void {
		this.filtersOpen = !this.filtersOpen;
		this.refresh();
	}

	private async saveCurrent(): Promise<void> {
		const name = await this.host.askName();
		if (name) await this.host.saveFilter({ name, filter: this.state.filter, sort: this.state.sort });
	}

	private cancelReload(): void {
		this.reloadAfterPause.cancel();
		this.reloadAtLatest.cancel();
	}

	/** Data changed: feed the query and redraw (whatever redraw was scheduled is this one). */
	private reload(): void {
		this.cancelReload();
		this.state.query.setItems(this.host.index.all());
		this.refresh();
	}

	/** Filter, sort or layout changed: run the query and redraw everything that shows it. */
	private refresh(): void {
		const result = this.state.run();
		const { filter } = this.state;
		this.words = searchWords(filter.search);
		this.contentEl.toggleClass("is-table", this.layout === "table");
		this.header.sync(this.filtersOpen);
		this.tabs.render();
		this.filters.el.toggleClass("is-hidden", !this.filtersOpen);
		if (this.filtersOpen) this.filters.render();
		if (this.layout === "table") renderTableHead(this.tableHeadEl, this.state.sort, (sort) => this.change(() => this.state.setSort(sort)));
		this.list.setRowHeight(ROW_HEIGHT[this.layout]);
		this.list.setItems(result.items);
		this.list.setActive(Math.min(this.list.activeIndex, result.items.length - 1), false);
		renderEmptyState(
			this.emptyEl,
			{ ready: this.host.index.ready, total: this.state.query.size, shown: result.items.length, filter, scope: this.host.scope() },
			{ openSettings: () => this.host.openSettings(), clearFilters: () => this.clearFilters() },
		);
	}

	/** Write the status, then redraw at once rather than after the usual pause. */
	private async changeStatus(item: QueueItem, status: ReadingStatus): Promise<void> {
		if (await this.host.setStatus(item.path, status)) this.reload();
	}

	private focusList(): boolean {
		if (this.list.length === 0) return false;
		this.list.scrollEl.focus();
		return true;
	}

	private onListKey(event: KeyboardEvent): void {
		handleListKey(event, this.list, this.state.result.items, this.actions);
	}
}
