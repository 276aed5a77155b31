// The filters, as one wrapping row of small pills: a pill that is set shows its value and an ×
// that removes it; the others open a picker or a menu.

import { Menu, setIcon, type App } from "obsidian";
import type { QueueFilter, ReadingBucket, SavedPreset } from "../../core";
import { hiddenText } from "./hiddenLabel";
import { keepingFocus, showMenuFor } from "./keyboardFriendly";
import { LENGTH_LABELS, SAVED_LABELS } from "./labels";
import { pickValue } from "./valuePicker";
import type { QueueViewState } from "./viewState";

export class FilterBar {
	readonly el: HTMLElement;

	constructor(
		parent: HTMLElement,
		private readonly app: App,
		private readonly state: QueueViewState,
		private readonly changed: () => void,
	) {
		this.el = parent.createDiv({ cls: "omnivore-queue-filters", attr: { role: "group" } });
		this.el.setAttr("aria-labelledby", hiddenText(parent, "Filters"));
	}

	private filter(): QueueFilter {
		return this.state.filter;
	}

	private change(change: Partial<QueueFilter>): void {
		this.state.setFilter(change);
		this.changed();
	}

	render(): void {
		keepingFocus(this.el, () => this.draw());
	}

	private draw(): void {
		const el = this.el;
		el.empty();
		const filter = this.filter();
		for (const tag of filter.tags) this.setPill(`#${tag}`, `Remove tag ${tag}`, () => this.change({ tags: this.filter().tags.filter((t) => t !== tag) }));
		this.addPill("tags", filter.tags.length > 0 ? "Tag" : "Tags", "Add a tag filter", async () => {
			const chosen = this.filter().tags;
			const tag = await pickValue(this.app, "Filter by tag…", this.state.query.facets().tags.filter((t) => !chosen.includes(t)), (t) => `#${t}`);
			if (tag) this.change({ tags: [...this.filter().tags, tag] });
		});
		if (filter.tags.length > 1) {
			const all = filter.tagMode === "all";
			this.button(all ? "All tags" : "Any tag", `Match ${all ? "any" : "all"} of these tags instead`, () => this.change({ tagMode: all ? "any" : "all" }));
		}
		this.facetPill(filter.author, "Author", "user", "authors");
		this.facetPill(filter.site, "Site", "globe", "sites");
		this.menuPill(typeof filter.saved === "string" ? SAVED_LABELS[filter.saved] : null, "Saved", "calendar", SAVED_LABELS, (saved) => this.change({ saved: saved as SavedPreset | null }));
		this.menuPill(filter.readingTime ? LENGTH_LABELS[filter.readingTime] : null, "Length", "clock", LENGTH_LABELS, (length) =>
			this.change({ readingTime: length as ReadingBucket | null }),
		);
		const problems = this.button("Image problems", "Only notes with image problems", () => this.change({ imageProblems: !this.filter().imageProblems }), "image-off");
		problems.toggleClass("is-active", filter.imageProblems);
		problems.setAttr("aria-pressed", filter.imageProblems ? "true" : "false");
	}

	private button(text: string, label: string, run: () => void, icon?: string): HTMLElement {
		const button = this.el.createEl("button", { cls: "omnivore-queue-pill", attr: { "aria-label": label } });
		if (icon) setIcon(button.createSpan({ cls: "omnivore-queue-pill-icon" }), icon);
		button.createSpan({ cls: "omnivore-queue-pill-text", text });
		button.addEventListener("click", run);
		return button;
	}

	/** A filter that is on: its value and an ×; a click removes it. */
	private setPill(text: string, label: string, clear: () => void): void {
		const pill = this.button(text, label, clear);
		pill.addClass("is-active");
		setIcon(pill.createSpan({ cls: "omnivore-queue-pill-remove" }), "x");
	}

	private addPill(icon: string, text: string, label: string, run: () => Promise<void>): void {
		this.button(text, label, () => void run(), icon);
	}

	private facetPill(value: string | null, name: "Author" | "Site", icon: string, facet: "authors" | "sites"): void {
		const key = name === "Author" ? "author" : "site";
		if (value !== null) {
			this.setPill(value, `Remove ${key} filter ${value}`, () => this.change({ [key]: null }));
			return;
		}
		this.addPill(icon, name, `Filter by ${key}`, async () => {
			const chosen = await pickValue(this.app, `Filter by ${key}…`, this.state.query.facets()[facet]);
			if (chosen) this.change({ [key]: chosen });
		});
	}

	private menuPill(value: string | null, name: string, icon: string, options: Record<string, string>, set: (value: string | null) => void): void {
		if (value !== null) {
			this.setPill(value, `Remove ${name.toLowerCase()} filter ${value}`, () => set(null));
			return;
		}
		const pill = this.button(name, `Filter by ${name.toLowerCase()}`, () => undefined, icon);
		pill.addEventListener("click", (event) => {
			const menu = new Menu();
			for (const [option, label] of Object.entries(options)) menu.addItem((item) => item.setTitle(label).onClick(() => set(option)));
			showMenuFor(menu, event);
		});
	}
}
