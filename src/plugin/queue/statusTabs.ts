// The status tabs (Unread, Reading, Read, Archived, All) with their counts: a tab list that arrow
// keys move through, and Ctrl/Cmd-click to show several statuses at once.

import { Keymap, setIcon } from "obsidian";
import { QUEUE_STATUSES, type QueueStatus } from "../../core";
import { shortCount, STATUS_ICONS, STATUS_LABELS } from "./labels";
import { hiddenText } from "./hiddenLabel";
import type { QueueViewState } from "./viewState";

interface Tab {
	label: string;
	icon: string;
	statuses: QueueStatus[];
}

const TABS: Tab[] = [
	...QUEUE_STATUSES.map((status): Tab => ({ label: STATUS_LABELS[status], icon: STATUS_ICONS[status], statuses: [status] })),
	{ label: "All", icon: "layers", statuses: [] },
];

export class StatusTabs {
	readonly el: HTMLElement;
	private shownTabs: Tab[] = TABS;
	/** What the tabs last showed, so typing a search does not redraw them for nothing. */
	private drawn = "";

	constructor(
		parent: HTMLElement,
		private readonly state: QueueViewState,
		private readonly changed: () => void,
	) {
		// Ctrl/Cmd-click selects several tabs at once.
		this.el = parent.createDiv({ cls: "omnivore-queue-tabs", attr: { role: "tablist", "aria-multiselectable": "true" } });
		this.el.setAttr("aria-labelledby", hiddenText(parent, "Status"));
		this.el.addEventListener("keydown", (event) => this.onKey(event));
	}

	/** Draw the tabs for the statuses shown (none: all). */
	render(): void {
		const { result } = this.state;
		const shown = this.state.filter.statuses;
		const key = JSON.stringify([result.counts, shown]);
		if (key === this.drawn) return;
		this.drawn = key;
		const hadFocus = this.el.contains(activeDocument.activeElement);
		this.el.empty();
		const total = QUEUE_STATUSES.reduce((sum, status) => sum + result.counts[status], 0);
		const same = (statuses: QueueStatus[]) => statuses.length === shown.length && statuses.every((s) => shown.includes(s));

		// A tab for notes whose status means nothing clear, only when there are some.
		const tabs = result.counts.unknown > 0 || shown.includes("unknown") ? TABS : TABS.filter((tab) => tab.statuses[0] !== "unknown");
		this.shownTabs = tabs;
		const active = tabs.findIndex((tab) => same(tab.statuses));
		tabs.forEach((tab, index) => {
			const count = tab.statuses.length === 1 ? result.counts[tab.statuses[0]] : total;
			const selected = index === active;
			// Several statuses Ctrl-clicked together: each of them is marked, none is "the" tab.
			const included = active === -1 && tab.statuses.length === 1 && shown.includes(tab.statuses[0]);
			const button = this.el.createEl("button", {
				cls: ["omnivore-queue-tab", selected ? "is-active" : "", included ? "is-included" : ""].filter((c) => c),
				attr: {
					role: "tab",
					"aria-selected": selected || included ? "true" : "false",
					"aria-label": `${tab.label}: ${count}`,
					tabindex: selected || (active === -1 && index === 0) ? 0 : -1,
				},
			});
			const icon = button.createSpan({ cls: "omnivore-queue-tab-icon" });
			setIcon(icon, tab.icon);
			button.createSpan({ cls: "omnivore-queue-tab-label", text: tab.label });
			button.createSpan({ cls: "omnivore-queue-count", text: shortCount(count) });
			button.addEventListener("click", (event) => this.choose(tab, Keymap.isModEvent(event) !== false));
		});
		if (hadFocus) this.focused()?.focus();
	}

	private choose(tab: Tab, add: boolean): void {
		if (add && tab.statuses.length === 1) this.state.toggleStatus(tab.statuses[0]);
		else this.state.setFilter({ statuses: tab.statuses });
		this.changed();
	}

	private focused(): HTMLElement | null {
		return this.el.querySelector<HTMLElement>('[tabindex="0"]');
	}

	private onKey(event: KeyboardEvent): void {
		const buttons = Array.from(this.el.querySelectorAll<HTMLElement>(".omnivore-queue-tab"));
		const current = buttons.indexOf(event.target as HTMLElement);
		if (current === -1) return;
		const last = buttons.length - 1;
		const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
		if (next === undefined) return;
		event.preventDefault();
		// Tabs follow focus, as in Obsidian's own tab lists.
		const index = (next + buttons.length) % buttons.length;
		this.choose(this.shownTabs[index], false);
		this.el.querySelectorAll<HTMLElement>(".omnivore-queue-tab")[index]?.focus();
	}
}

