// What can be done with an article in a list (the pane's or a base's): the same for a click, a key,
// a hover button and the menu.

import type { App, WorkspaceLeaf } from "obsidian";
import type { QueueItem, ReadingStatus } from "../../core";
import type { ListOperations } from "./listKeys";
import type { RowHandlers } from "./queueRow";
import { showRowMenu, startRowDrag, type RowMenuActions } from "./rowMenu";
import type { QueueViewHost } from "./viewHost";

export type ArticleActions = RowHandlers & RowMenuActions & ListOperations;

export interface ArticleHooks {
	/** Write a status (and redraw). */
	setStatus(item: QueueItem, status: ReadingStatus): void;
	/** Told before an article opens (the pane makes its row the active one). */
	opening?(item: QueueItem): void;
}

export function articleActions(
	app: App,
	leaf: WorkspaceLeaf | undefined,
	host: Pick<QueueViewHost, "defaults" | "open" | "openOriginal" | "copyLink" | "reveal">,
	hooks: ArticleHooks,
): ArticleActions {
	const actions: ArticleActions = {
		open: (item, modifier) => {
			hooks.opening?.(item);
			// The setting picks where a plain click opens; Ctrl/Cmd picks the other.
			host.open(item.path, modifier !== host.defaults().openInNewTab);
		},
		menu: (item, position) => showRowMenu(app, leaf, item, position, actions),
		setStatus: (item, status) => hooks.setStatus(item, status),
		openOriginal: (item) => host.openOriginal(item.url),
		copyLink: (item) => void host.copyLink(item.path),
		reveal: (item) => host.reveal(item.path),
		dragStart: (item, event) => startRowDrag(app, item, event),
	};
	return actions;
}
