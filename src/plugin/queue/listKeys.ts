// What a key does in the article list: move (arrows, j/k, Home/End, Page Up/Down), open (Enter or
// Space; Ctrl/Cmd for a new tab), R read or unread, E archive, O original, the menu key the menu.

import { Keymap } from "obsidian";
import type { QueueItem, ReadingStatus } from "../../core";
import { archiveToggle, readToggle } from "./queueRow";
import type { VirtualList } from "./virtualList";

type Move = (current: number, count: number, page: number) => number;

export type ListKeyAction =
	| { kind: "move"; to: Move }
	| { kind: "open"; modifier: boolean }
	| { kind: "toggle-read" }
	| { kind: "toggle-archive" }
	| { kind: "original" }
	| { kind: "menu" };

const clamp = (index: number, count: number) => Math.max(0, Math.min(count - 1, index));

const MOVES: Record<string, Move> = {
	ArrowDown: (current, count) => clamp(current + 1, count),
	j: (current, count) => clamp(current + 1, count),
	ArrowUp: (current, count) => clamp(current - 1, count),
	k: (current, count) => clamp(current - 1, count),
	Home: () => 0,
	End: (_current, count) => count - 1,
	PageDown: (current, count, page) => clamp(current + page, count),
	PageUp: (current, count, page) => clamp(current - page, count),
};

/** The action of a key pressed on the list itself (keys typed in its buttons are theirs). */
export function listKeyAction(event: KeyboardEvent): ListKeyAction | null {
	if (event.altKey) return null;
	if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) return { kind: "menu" };
	if (event.key === "Enter" || event.key === " ") return { kind: "open", modifier: Keymap.isModEvent(event) !== false };
	if (event.ctrlKey || event.metaKey) return null;
	const move = MOVES[event.key];
	if (move) return { kind: "move", to: move };
	const key = event.key.toLowerCase();
	if (key === "r") return { kind: "toggle-read" };
	if (key === "e") return { kind: "toggle-archive" };
	if (key === "o") return { kind: "original" };
	return null;
}

export interface ListOperations {
	open(item: QueueItem, modifier: boolean): void;
	setStatus(item: QueueItem, status: ReadingStatus): void;
	openOriginal(item: QueueItem): void;
	/** Show the article's menu (below its row). */
	menu(item: QueueItem, position: { x: number; y: number }): void;
}

/** Act on a key pressed in a list of articles: move the active row, or act on its article. */
export function handleListKey(event: KeyboardEvent, list: VirtualList<QueueItem>, items: readonly QueueItem[], run: ListOperations): void {
	// Keys typed in a control inside the list belong to that control.
	const action = event.target === list.scrollEl ? listKeyAction(event) : null;
	if (!action || items.length === 0) return;
	event.preventDefault();
	// No active row, or one past the items (the list's own are newer): the first, or the last.
	if (list.activeIndex < 0 || list.activeIndex >= items.length) list.setActive(list.activeIndex < 0 ? 0 : items.length - 1);
	const item = items[Math.min(list.activeIndex, items.length - 1)];
	// The row a key acts on is shown first: it may have been scrolled out of view.
	if (action.kind !== "move") list.reveal(list.activeIndex);
	if (action.kind === "move") list.setActive(action.to(list.activeIndex, items.length, list.pageSize()));
	else if (action.kind === "open") run.open(item, action.modifier);
	else if (action.kind === "toggle-read") run.setStatus(item, readToggle(item.status));
	else if (action.kind === "toggle-archive") run.setStatus(item, archiveToggle(item.status));
	else if (action.kind === "original") run.openOriginal(item);
	else {
		const rect = list.rowEl(list.activeIndex)?.getBoundingClientRect();
		run.menu(item, rect ? { x: rect.left + 24, y: rect.bottom } : { x: 0, y: 0 });
	}
}
