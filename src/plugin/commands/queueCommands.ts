// Commands of the reading queue: open it, move through it, change a note's status, a Bases file.

import { Notice, normalizePath, Platform, TFile } from "obsidian";
import { queueBaseFile, seededRandom, type QueueItem, type ReadingStatus } from "../../core";
import type { PluginContext } from "../context";
import { isInScope } from "../notes/folderScope";
import { changeStatus } from "../queue/statusActions";
import { tidyNoteAction } from "./tidyCurrentNote";
import { QUEUE_VIEW_TYPE, QueueView } from "../queue/queueView";

export const BASE_FILE_NAME = "Omnivore queue.base";

/** The queue view if one is open (views are found, never kept: they may be deferred or closed). */
export function findQueueView(context: PluginContext): QueueView | null {
	for (const leaf of context.app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)) {
		if (leaf.view instanceof QueueView) return leaf.view;
	}
	return null;
}

export async function openQueue(context: PluginContext): Promise<void> {
	const { workspace } = context.app;
	const leaf = workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0] ?? workspace.getRightLeaf(false);
	if (!leaf) return;
	await leaf.setViewState({ type: QUEUE_VIEW_TYPE, active: true });
	await workspace.revealLeaf(leaf);
	// From the keyboard (the command palette), the keys then work at once: type, or Down into the list.
	// Not on phones, where a focused box would raise the on-screen keyboard over the list.
	if (leaf.view instanceof QueueView && !Platform.isMobile) leaf.view.focusSearch();
}

/** Unread articles in the open queue's order, or else the oldest saved first. */
async function unreadInOrder(context: PluginContext): Promise<QueueItem[]> {
	await context.queue.ensureBuilt();
	const view = findQueueView(context);
	// In the order shown, as the index has them now: the view redraws a moment after a change (the
	// status just set, a note deleted), and the next article must not be the one just marked read.
	const visible = (view?.visibleItems() ?? []).map((shown) => context.queue.get(shown.path)).filter((item): item is QueueItem => item?.status === "unread");
	if (visible.length > 0) return visible;
	const time = (item: QueueItem) => (item.savedAt ? Date.parse(item.savedAt) : Infinity);
	return context.queue
		.all()
		.filter((item) => item.status === "unread")
		.sort((a, b) => time(a) - time(b) || a.title.localeCompare(b.title));
}

export async function openNextUnread(context: PluginContext, after?: string): Promise<void> {
	const next = (await unreadInOrder(context)).find((item) => item.path !== after);
	if (!next) {
		new Notice("Nothing left to read.");
		return;
	}
	context.openNote(next.path);
}

export async function openRandomUnread(context: PluginContext, random: () => number = seededRandom(Date.now())): Promise<void> {
	const unread = await unreadInOrder(context);
	if (unread.length === 0) {
		new Notice("Nothing left to read.");
		return;
	}
	context.openNote(unread[Math.floor(random() * unread.length)].path);
}

/** Set the current note's status; says so when it is not an Omnivore note. */
export async function markCurrent(context: PluginContext, file: TFile, status: ReadingStatus): Promise<boolean> {
	await context.queue.ensureBuilt();
	if (!context.queue.get(file.path)) {
		const { includeFolders, excludeFolders } = context.settings;
		const why = isInScope(file.path, includeFolders, excludeFolders) ? "it does not look like an Omnivore note" : "its folder is not among those the queue looks in; see the settings";
		new Notice(`${file.basename} is not in the reading queue (${why}).`);
		return false;
	}
	const changed = await changeStatus(context.app, context.queue, context.settings, file.path, status, tidyNoteAction(context));
	if (changed) new Notice(`${file.basename}: ${context.settings.statusValues[status]}.`);
	return changed;
}

export async function markReadAndOpenNext(context: PluginContext, file: TFile): Promise<void> {
	if (await markCurrent(context, file, "read")) await openNextUnread(context, file.path);
}

export async function createBasesFile(context: PluginContext): Promise<void> {
	const { vault } = context.app;
	const path = normalizePath(BASE_FILE_NAME);
	const existing = vault.getAbstractFileByPath(path);
	if (existing instanceof TFile) {
		new Notice(`${BASE_FILE_NAME} already exists; it was opened as it is.`);
	} else {
		await vault.create(path, queueBaseFile(context.settings));
		new Notice(`Created ${BASE_FILE_NAME} with Unread, Reading and Archive views.`);
	}
	context.openNote(path);
}
