// One article in the list: a status icon, the title, and a meta line (source left, length and date
// right); in the wide layout the same facts as table cells. Hover actions take their own space.

import { Keymap, renderMatches, setIcon, setTooltip } from "obsidian";
import { searchMatches, type QueueItem, type QueueStatus, type ReadingStatus } from "../../core";
import { fullDate, relativeDate, SHORTCUTS, shortRelativeDate, STATUS_ACTIONS, STATUS_ICONS, STATUS_LABELS } from "./labels";

export type RowLayout = "list" | "table";

/** What a row does when used; the view decides how. */
export interface RowHandlers {
	/** Open the note; `modifier` when Ctrl/Cmd was held. */
	open(item: QueueItem, modifier: boolean): void;
	menu(item: QueueItem, position: MouseEvent | { x: number; y: number }): void;
	setStatus(item: QueueItem, status: ReadingStatus): void;
	openOriginal(item: QueueItem): void;
	dragStart(item: QueueItem, event: DragEvent): void;
}

export interface RowContext {
	layout: RowLayout;
	/** The search's words, to highlight. */
	words: readonly string[];
	now: number;
	handlers: RowHandlers;
}

/** The status a read/unread toggle moves an article to. */
export function readToggle(status: QueueStatus): ReadingStatus {
	return status === "read" || status === "archived" ? "unread" : "read";
}

/** The status an archive toggle moves an article to. */
export function archiveToggle(status: QueueStatus): ReadingStatus {
	return status === "archived" ? "unread" : "archived";
}

function text(parent: HTMLElement, cls: string, value: string, words: readonly string[]): HTMLElement {
	const el = parent.createSpan({ cls, attr: { dir: "auto" } });
	renderMatches(el, value, words.length > 0 ? searchMatches(value, words) : null);
	return el;
}

function separator(parent: HTMLElement): void {
	parent.createSpan({ cls: "omnivore-queue-row-separator", text: "·", attr: { "aria-hidden": "true" } });
}

function dateSpan(parent: HTMLElement, iso: string | null, now: number, cls: string): void {
	if (!iso) return;
	const el = parent.createSpan({ cls });
	// Both forms; the style sheet shows the short one when the pane is narrow.
	el.createSpan({ cls: "omnivore-queue-date-long", text: relativeDate(iso, now) });
	el.createSpan({ cls: "omnivore-queue-date-short", text: shortRelativeDate(iso, now) });
	setTooltip(el, `Saved ${fullDate(iso)}`);
}

function renderActions(parent: HTMLElement, item: QueueItem, handlers: RowHandlers): void {
	// Mouse shortcuts for what the keyboard does with R, E and O: out of the tab order and hidden
	// from screen readers, whose users have those keys and the menu.
	const actions = parent.createDiv({ cls: "omnivore-queue-row-actions", attr: { "aria-hidden": "true" } });
	const action = (icon: string, label: string, run: (event: MouseEvent) => void) => {
		const button = actions.createEl("button", { cls: "clickable-icon", attr: { tabindex: -1, "aria-label": label } });
		setIcon(button, icon);
		// Never focused by the click: the row is redrawn after the action, and focus would go with it.
		button.addEventListener("mousedown", (event) => event.preventDefault());
		button.addEventListener("click", (event) => {
			event.stopPropagation();
			run(event);
		});
		return button;
	};
	const read = readToggle(item.status);
	action(STATUS_ICONS[read], `${STATUS_ACTIONS[read]} (${SHORTCUTS.read})`, () => handlers.setStatus(item, read));
	const archive = archiveToggle(item.status);
	if (archive !== read) action(STATUS_ICONS[archive], `${STATUS_ACTIONS[archive]} (${SHORTCUTS.archive})`, () => handlers.setStatus(item, archive));
	else action(STATUS_ICONS.read, STATUS_ACTIONS.read, () => handlers.setStatus(item, "read"));
	if (item.url) action("external-link", `Open original (${SHORTCUTS.original})`, () => handlers.openOriginal(item));
	// On phones, where nothing hovers and a long press is the system's, this is the way to the menu.
	action("more-horizontal", "More actions", (event) => handlers.menu(item, event)).addClass("omnivore-queue-row-more");
}

function renderListRow(el: HTMLElement, item: QueueItem, context: RowContext): void {
	const { words, now } = context;
	const main = el.createDiv({ cls: "omnivore-queue-row-main" });
	const top = main.createDiv({ cls: "omnivore-queue-row-line" });
	text(top, "omnivore-queue-row-title", item.title, words);
	renderActions(top, item, context.handlers);
	const meta = main.createDiv({ cls: "omnivore-queue-row-meta" });
	const source = meta.createSpan({ cls: "omnivore-queue-row-source" });
	[item.site, item.author].filter((part): part is string => !!part).forEach((part, index) => {
		// The dot sits between the parts, outside them, so a right-to-left name cannot carry it away.
		if (index > 0) separator(source);
		text(source, "omnivore-queue-row-part", part, words);
	});
	for (const tag of item.tags) text(source, "omnivore-queue-row-tag", `#${tag}`, words);
	if (item.hasImageProblems) source.createSpan({ cls: "omnivore-queue-row-warning", text: "Image problems" });
	const when = meta.createSpan({ cls: "omnivore-queue-row-when" });
	when.createSpan({ cls: "omnivore-queue-row-part", text: `${item.readingMinutes} min` });
	if (item.savedAt) separator(when);
	dateSpan(when, item.savedAt, now, "omnivore-queue-row-part");
}

function renderTableRow(el: HTMLElement, item: QueueItem, context: RowContext): void {
	const { words, now } = context;
	const title = el.createDiv({ cls: "omnivore-queue-cell omnivore-queue-cell-title" });
	text(title, "omnivore-queue-row-title", item.title, words);
	renderActions(title, item, context.handlers);
	text(el.createDiv({ cls: "omnivore-queue-cell" }), "omnivore-queue-cell-text", item.site ?? "", words);
	text(el.createDiv({ cls: "omnivore-queue-cell" }), "omnivore-queue-cell-text", item.author ?? "", words);
	const tags = el.createDiv({ cls: "omnivore-queue-cell" });
	for (const tag of item.tags) text(tags, "omnivore-queue-row-tag", `#${tag}`, words);
	dateSpan(el.createDiv({ cls: "omnivore-queue-cell" }), item.savedAt, now, "omnivore-queue-cell-text");
	el.createDiv({ cls: "omnivore-queue-cell omnivore-queue-cell-number", text: `${item.readingMinutes} min` });
}

/** Fill a row element (created by the virtual list) for an article. */
export function renderRow(el: HTMLElement, item: QueueItem, context: RowContext): void {
	el.addClass(`is-${item.status}`);
	el.setAttr("draggable", "true");
	// The row's content is its accessible name (no aria-label: Obsidian would show it as a tooltip).
	const icon = el.createDiv({ cls: "omnivore-queue-row-icon" });
	setIcon(icon, STATUS_ICONS[item.status]);
	icon.createSpan({ cls: "omnivore-queue-sr-only", text: `${STATUS_LABELS[item.status]}: ` });
	if (context.layout === "table") renderTableRow(el, item, context);
	else renderListRow(el, item, context);

	const { handlers } = context;
	el.addEventListener("click", (event) => handlers.open(item, Keymap.isModEvent(event) !== false));
	el.addEventListener("contextmenu", (event) => {
		event.preventDefault();
		handlers.menu(item, event);
	});
	el.addEventListener("dragstart", (event) => handlers.dragStart(item, event));
}

