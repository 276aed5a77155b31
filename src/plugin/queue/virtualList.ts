// A list that keeps only the rows in view (plus a few) in the DOM, so 50,000 items scroll smoothly.

export interface VirtualListOptions<T> {
	rowHeight: number;
	/** Rows rendered above and below the visible ones. */
	overscan: number;
	renderRow(item: T, index: number, el: HTMLElement): void;
	/** A key that identifies an item across renders. */
	key(item: T): string;
}

export class VirtualList<T> {
	readonly scrollEl: HTMLElement;
	private readonly spacerEl: HTMLElement;
	private readonly rowsEl: HTMLElement;
	private items: readonly T[] = [];
	private rendered = { start: -1, end: -1, version: -1 };
	private version = 0;

	constructor(
		parent: HTMLElement,
		private readonly options: VirtualListOptions<T>,
	) {
		this.scrollEl = parent.createDiv({ cls: "omnivore-queue-scroll" });
		this.spacerEl = this.scrollEl.createDiv({ cls: "omnivore-queue-spacer" });
		this.rowsEl = this.spacerEl.createDiv({ cls: "omnivore-queue-rows", attr: { role: "listbox" } });
		this.scrollEl.addEventListener("scroll", () => this.render(), { passive: true });
	}

	setItems(items: readonly T[]): void {
		this.items = items;
		this.version++;
		this.spacerEl.setCssProps({ "--omnivore-queue-total-height": `${items.length * this.options.rowHeight}px` });
		this.render();
	}

	/** Re-render the visible rows (after an item changed in place). */
	refresh(): void {
		this.version++;
		this.render();
	}

	get length(): number {
		return this.items.length;
	}

	/** Scroll so that a row is visible. */
	reveal(index: number): void {
		const top = index * this.options.rowHeight;
		const bottom = top + this.options.rowHeight;
		const viewTop = this.scrollEl.scrollTop;
		const viewBottom = viewTop + this.viewportHeight();
		if (top < viewTop) this.scrollEl.scrollTop = top;
		else if (bottom > viewBottom) this.scrollEl.scrollTop = bottom - this.viewportHeight();
		this.render();
	}

	private viewportHeight(): number {
		// Before the view is laid out (or in a test DOM), assume a tall panel.
		return this.scrollEl.clientHeight || 20 * this.options.rowHeight;
	}

	render(): void {
		const { rowHeight, overscan } = this.options;
		const first = Math.floor(this.scrollEl.scrollTop / rowHeight);
		const visible = Math.ceil(this.viewportHeight() / rowHeight);
		const start = Math.max(0, first - overscan);
		const end = Math.min(this.items.length, first + visible + overscan);
		if (start === this.rendered.start && end === this.rendered.end && this.version === this.rendered.version) return;
		this.rendered = { start, end, version: this.version };
		this.rowsEl.setCssProps({ "--omnivore-queue-offset": `${start * rowHeight}px` });
		this.rowsEl.empty();
		for (let index = start; index < end; index++) {
			const el = this.rowsEl.createDiv({ cls: "omnivore-queue-row", attr: { role: "option", "data-index": index, "data-key": this.options.key(this.items[index]) } });
			this.options.renderRow(this.items[index], index, el);
		}
	}

	/** The DOM row of an index, when rendered. */
	rowEl(index: number): HTMLElement | null {
		return this.rowsEl.querySelector(`[data-index="${index}"]`);
	}
}
