// A list that keeps only the rows in view (plus a few) in the DOM, so 50,000 items scroll smoothly.
// It is a listbox: the scroll area takes focus and points at the active row with
// aria-activedescendant, so re-rendering rows never loses focus.

import { hiddenText } from "./hiddenLabel";

export interface VirtualListOptions<T> {
	rowHeight: number;
	/** Rows rendered above and below the visible ones. */
	overscan: number;
	renderRow(item: T, index: number, el: HTMLElement): void;
	/** A key that identifies an item across renders. */
	key(item: T): string;
	/** A prefix for row ids, unique in the document. */
	idPrefix: string;
	label: string;
	/** How to use the list from the keyboard, read after its name. */
	help?: string;
}

export class VirtualList<T> {
	readonly scrollEl: HTMLElement;
	private readonly spacerEl: HTMLElement;
	private readonly rowsEl: HTMLElement;
	private items: readonly T[] = [];
	private rendered = { start: -1, end: -1, version: -1 };
	/** The rows in the DOM by index: scrolling adds and removes only the rows that enter or leave. */
	private readonly rows = new Map<number, HTMLElement>();
	private version = 0;
	private rowHeight: number;
	/** The active row (-1: none), marked aria-selected and pointed at by aria-activedescendant. */
	private active = -1;
	private height = 0;
	private readonly resizeObserver: ResizeObserver | null;

	constructor(
		parent: HTMLElement,
		private readonly options: VirtualListOptions<T>,
	) {
		this.rowHeight = options.rowHeight;
		this.scrollEl = parent.createDiv({ cls: "omnivore-queue-scroll", attr: { role: "listbox", tabindex: 0 } });
		this.scrollEl.setAttr("aria-labelledby", hiddenText(parent, options.label));
		if (options.help) this.scrollEl.setAttr("aria-describedby", hiddenText(parent, options.help));
		this.spacerEl = this.scrollEl.createDiv({ cls: "omnivore-queue-spacer", attr: { role: "presentation" } });
		this.rowsEl = this.spacerEl.createDiv({ cls: "omnivore-queue-rows", attr: { role: "presentation" } });
		this.scrollEl.addEventListener("scroll", () => this.render(), { passive: true });
		this.resizeObserver =
			typeof ResizeObserver === "undefined"
				? null
				: new ResizeObserver(([entry]) => {
						this.height = entry.contentRect.height;
						this.render();
					});
		this.resizeObserver?.observe(this.scrollEl);
		// A listbox that takes focus shows which row the keys will act on: the first one in view (a
		// click into a scrolled list focuses it first, and must not scroll it away from the click).
		this.scrollEl.addEventListener("focus", () => {
			if (this.active < 0 && this.items.length > 0) this.setActive(Math.min(Math.ceil(this.scrollEl.scrollTop / this.rowHeight), this.items.length - 1), false);
		});
	}

	/**
	 * New items (a sync, a re-sort, a filter). The active row stays on its item wherever it now
	 * stands, so a key acts on the article the reader chose, not one that slid under the cursor; when
	 * its item left the list, the next one still listed is active (as after archiving it).
	 */
	setItems(items: readonly T[]): void {
		const before = this.items;
		const activeKey = this.active >= 0 && this.active < before.length ? this.options.key(before[this.active]) : null;
		this.items = items;
		if (activeKey !== null) {
			const at = items.findIndex((item) => this.options.key(item) === activeKey);
			this.active = at >= 0 ? at : this.nextStill(before, this.active);
		} else if (this.active >= items.length) this.active = items.length - 1;
		this.version++;
		this.updateHeight();
		this.render();
	}

	/** Where the first item after `from` in `before` that is still listed now stands; else the row at `from`'s place. */
	private nextStill(before: readonly T[], from: number): number {
		const now = new Map(this.items.map((item, index) => [this.options.key(item), index]));
		for (let i = from + 1; i < before.length; i++) {
			const at = now.get(this.options.key(before[i]));
			if (at !== undefined) return at;
		}
		return Math.min(from, this.items.length - 1);
	}

	setRowHeight(height: number): void {
		if (height === this.rowHeight) return;
		this.rowHeight = height;
		this.version++;
		this.updateHeight();
		if (this.active >= 0) this.reveal(this.active);
		this.render();
	}

	private updateHeight(): void {
		this.spacerEl.setCssProps({ "--omnivore-queue-total-height": `${this.items.length * this.rowHeight}px` });
	}

	/** Re-render the visible rows (after an item changed in place, or the layout did). */
	refresh(): void {
		this.version++;
		this.render();
	}

	get length(): number {
		return this.items.length;
	}

	get activeIndex(): number {
		return this.active;
	}

	/** Make a row the active one (or none with -1) and, unless told not to, scroll it into view. */
	setActive(index: number, reveal = true): void {
		const previous = this.active;
		this.active = index < this.items.length ? index : this.items.length - 1;
		if (previous !== this.active) {
			this.markActive(this.rows.get(previous), false);
			this.markActive(this.rows.get(this.active), true);
		}
		if (reveal && this.active >= 0) this.reveal(this.active);
		this.pointAtActive();
	}

	private markActive(el: HTMLElement | undefined, active: boolean): void {
		el?.toggleClass("is-selected", active);
		el?.setAttr("aria-selected", active ? "true" : "false");
	}

	/** Only a rendered row can be pointed at; an active row scrolled away is pointed at again on return. */
	private pointAtActive(): void {
		this.scrollEl.setAttr("aria-activedescendant", this.rows.has(this.active) ? `${this.options.idPrefix}-${this.active}` : null);
	}

	/** Scroll so that a row is visible. */
	reveal(index: number): void {
		const top = index * this.rowHeight;
		const bottom = top + this.rowHeight;
		const viewTop = this.scrollEl.scrollTop;
		const viewBottom = viewTop + this.viewportHeight();
		if (top < viewTop) this.scrollEl.scrollTop = top;
		else if (bottom > viewBottom) this.scrollEl.scrollTop = bottom - this.viewportHeight();
		this.render();
	}

	/** Back to the top, the first row active if one was (a new search, tab or order: a new list). */
	toTop(): void {
		this.scrollEl.scrollTop = 0;
		if (this.active >= 0) this.setActive(this.items.length > 0 ? 0 : -1, false);
		this.render();
	}

	/** Rows that fit in the view (for Page Up and Page Down). */
	pageSize(): number {
		return Math.max(1, Math.floor(this.viewportHeight() / this.rowHeight) - 1);
	}

	private viewportHeight(): number {
		// Kept from the resize observer, so drawing never forces a layout; before the view is laid
		// out (or in a test DOM), read it, or assume a tall panel.
		return this.height || this.scrollEl.clientHeight || 20 * this.rowHeight;
	}

	render(): void {
		const rowHeight = this.rowHeight;
		const first = Math.floor(this.scrollEl.scrollTop / rowHeight);
		const visible = Math.ceil(this.viewportHeight() / rowHeight);
		const start = Math.max(0, first - this.options.overscan);
		const end = Math.min(this.items.length, first + visible + this.options.overscan);
		if (start === this.rendered.start && end === this.rendered.end && this.version === this.rendered.version) return;
		if (this.version !== this.rendered.version) {
			this.rowsEl.empty();
			this.rows.clear();
		} else {
			for (const [index, el] of this.rows) {
				if (index >= start && index < end) continue;
				el.remove();
				this.rows.delete(index);
			}
		}
		this.rendered = { start, end, version: this.version };
		this.rowsEl.setCssProps({ "--omnivore-queue-offset": `${start * rowHeight}px` });
		// From the end, so each new row goes in before the row that follows it.
		let following: HTMLElement | null = null;
		for (let index = end - 1; index >= start; index--) {
			following = this.rows.get(index) ?? this.createRow(index, following);
		}
		this.pointAtActive();
	}

	private createRow(index: number, before: HTMLElement | null): HTMLElement {
		const active = index === this.active;
		const el = this.rowsEl.createDiv({
			cls: active ? "omnivore-queue-row is-selected" : "omnivore-queue-row",
			attr: {
				role: "option",
				id: `${this.options.idPrefix}-${index}`,
				"aria-selected": active ? "true" : "false",
				"aria-setsize": this.items.length,
				"aria-posinset": index + 1,
				"data-index": index,
				"data-key": this.options.key(this.items[index]),
			},
		});
		this.rowsEl.insertBefore(el, before);
		this.options.renderRow(this.items[index], index, el);
		this.rows.set(index, el);
		return el;
	}

	/** Stop watching the list's size (when its view closes). */
	destroy(): void {
		this.resizeObserver?.disconnect();
	}

	/** The DOM row of an index, when rendered. */
	rowEl(index: number): HTMLElement | null {
		return this.rows.get(index) ?? null;
	}
}
