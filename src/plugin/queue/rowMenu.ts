// A row as a file: its context menu (the queue's actions, then Obsidian's file menu so Open in new
// tab, Rename and other plugins' items appear) and dragging it into a note to link it.

import { Menu, TFile, type App, type WorkspaceLeaf } from "obsidian";
import { READING_STATUSES, type QueueItem, type ReadingStatus } from "../../core";
import { STATUS_ACTIONS, STATUS_ICONS } from "./labels";

export interface RowMenuActions {
	setStatus(item: QueueItem, status: ReadingStatus): void;
	openOriginal(item: QueueItem): void;
	copyLink(item: QueueItem): void;
	reveal(item: QueueItem): void;
}

export function showRowMenu(app: App, leaf: WorkspaceLeaf | undefined, item: QueueItem, position: MouseEvent | { x: number; y: number }, actions: RowMenuActions): void {
	const menu = new Menu();
	for (const status of READING_STATUSES) {
		if (status === item.status) continue;
		menu.addItem((entry) =>
			entry
				.setSection("action")
				.setTitle(STATUS_ACTIONS[status])
				.setIcon(STATUS_ICONS[status])
				.onClick(() => actions.setStatus(item, status)),
		);
	}
	if (item.url) menu.addItem((entry) => entry.setSection("open").setTitle("Open original").setIcon("external-link").onClick(() => actions.openOriginal(item)));
	menu.addItem((entry) => entry.setSection("info").setTitle("Copy link to note").setIcon("link").onClick(() => actions.copyLink(item)));
	menu.addItem((entry) => entry.setSection("system").setTitle("Reveal in file explorer").setIcon("folder-open").onClick(() => actions.reveal(item)));
	const file = app.vault.getFileByPath(item.path);
	if (file) app.workspace.trigger("file-menu", menu, file, "omnivore-queue", leaf);
	if (position instanceof MouseEvent) menu.showAtMouseEvent(position);
	else menu.showAtPosition(position);
}

/** The note as drag data: a Markdown link for editors, an obsidian:// address for everything else. */
export function startRowDrag(app: App, item: QueueItem, event: DragEvent): void {
	const file = app.vault.getFileByPath(item.path);
	if (!(file instanceof TFile) || !event.dataTransfer) return;
	const link = app.fileManager.generateMarkdownLink(file, "");
	const uri = `obsidian://open?vault=${encodeURIComponent(app.vault.getName())}&file=${encodeURIComponent(file.path)}`;
	event.dataTransfer.setData("text/plain", link);
	event.dataTransfer.setData("text/uri-list", uri);
	event.dataTransfer.effectAllowed = "copyLink";
}
