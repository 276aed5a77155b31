// The wide layout (the queue in the main area): when to use it, and its column heads, where a
// click sorts by that column and a second click on Saved turns the order around.

import { setIcon, type Component } from "obsidian";
import type { QueueSort } from "../../core";
import { keepingFocus } from "./keyboardFriendly";

interface Column {
	label: string;
	/** The sort a click chooses, given the current one; null for a column that does not sort. */
	sort: ((current: QueueSort) => QueueSort) | null;
	sorts: QueueSort[];
}

const COLUMNS: Column[] = [
	{ label: "Title", sort: () => "title", sorts: ["title"] },
	{ label: "Site", sort: () => "site", sorts: ["site"] },
	{ label: "Author", sort: () => "author", sorts: ["author"] },
	{ label: "Tags", sort: null, sorts: [] },
	{ label: "Saved", sort: (current) => (current === "saved-newest" ? "saved-oldest" : "saved-newest"), sorts: ["saved-newest", "saved-oldest"] },
	{ label: "Length", sort: () => "reading-time", sorts: ["reading-time"] },
];

export function renderTableHead(el: HTMLElement, current: QueueSort, choose: (sort: QueueSort) => void): void {
	keepingFocus(el, () => drawTableHead(el, current, choose));
}

function drawTableHead(el: HTMLElement, current: QueueSort, choose: (sort: QueueSort) => void): void {
	el.empty();
	el.createDiv({ cls: "omnivore-queue-row-icon" });
	for (const column of COLUMNS) {
		const sorted = column.sorts.includes(current);
		if (!column.sort) {
			el.createDiv({ cls: "omnivore-queue-head-cell", text: column.label });
			continue;
		}
		const pick = column.sort;
		const button = el.createEl("button", {
			cls: ["omnivore-queue-head-cell", sorted ? "is-active" : ""].filter((c) => c),
			text: column.label,
			attr: { "aria-label": `Sort by ${column.label.toLowerCase()}`, "aria-pressed": sorted ? "true" : "false" },
		});
		if (sorted) setIcon(button.createSpan({ cls: "omnivore-queue-head-arrow" }), current === "saved-newest" ? "arrow-down" : "arrow-up");
		button.addEventListener("click", () => choose(pick(current)));
	}
}

/** Call `onChange(wide)` whenever the element crosses `minWidth` (and once at the start). */
export function watchWidth(owner: Component, el: HTMLElement, minWidth: number, onChange: (wide: boolean) => void): void {
	if (typeof ResizeObserver === "undefined") return;
	let wide: boolean | null = null;
	const observer = new ResizeObserver(() => {
		const now = el.clientWidth >= minWidth;
		if (now === wide) return;
		wide = now;
		onChange(now);
	});
	observer.observe(el);
	owner.register(() => observer.disconnect());
}
