// Actions on a queue article: change its status (only that property), open it, reveal it, copy a link.

import { Notice, TFile, type App } from "obsidian";
import { setNoteStatus, type ReadingStatus } from "../../core";
import { processNote } from "../notes/editorEdit";
import { showNotice } from "../notices";
import type { OmnivoreQueueSettings } from "../settings";
import type { QueueIndex } from "./queueIndex";

/** The note an action is about; gone since the list was drawn, the action fails and says so. */
function existingNote(app: App, path: string): TFile {
	const file = app.vault.getFileByPath(path);
	if (!file) throw new Error("the note was moved or deleted");
	return file;
}

/**
 * Write a note's status (only that property), in its editor when it is being edited. A note whose properties cannot be read is left alone;
 * the notice says so and, given `tidy`, offers to tidy the note, which may repair them.
 */
export async function changeStatus(
	app: App,
	index: QueueIndex,
	settings: OmnivoreQueueSettings,
	path: string,
	status: ReadingStatus,
	tidy?: (file: TFile) => void,
): Promise<boolean> {
	const file = existingNote(app, path);
	let refused = false;
	await processNote(app, file, (text) => {
		const next = setNoteStatus(text, status, settings);
		if (next === null) refused = true;
		return next ?? text;
	});
	if (refused) {
		showNotice(
			`The properties of ${file.basename} are not valid YAML, so its status was not changed. Tidying the note may repair them.`,
			tidy ? [{ label: "Tidy note", run: () => tidy(file) }] : [],
		);
		return false;
	}
	const item = index.get(path);
	// Show the change at once; the metadata cache confirms it a moment later.
	if (item) index.update({ ...item, status });
	return true;
}

export function openOriginal(url: string | null): void {
	if (url) window.open(url, "_blank");
	else new Notice("This article has no original URL.");
}

export async function copyNoteLink(app: App, path: string): Promise<void> {
	const file = existingNote(app, path);
	await navigator.clipboard.writeText(app.fileManager.generateMarkdownLink(file, ""));
	new Notice(`Copied a link to ${file.basename}.`);
}

interface FileExplorerView {
	revealInFolder(file: TFile): void;
}

function isFileExplorerView(view: unknown): view is FileExplorerView {
	return typeof (view as Partial<FileExplorerView> | null)?.revealInFolder === "function";
}

/** The file explorer's reveal is not in the published API; it is used when present and skipped otherwise. */
export function revealInExplorer(app: App, path: string): void {
	const file = existingNote(app, path);
	const explorer = app.workspace.getLeavesOfType("file-explorer")[0];
	if (explorer && isFileExplorerView(explorer.view)) {
		void app.workspace.revealLeaf(explorer);
		explorer.view.revealInFolder(file);
	} else {
		new Notice("The file explorer is not open.");
	}
}

interface SettingsWindow {
	open(): void;
	openTabById(id: string): unknown;
}

function isSettingsWindow(value: unknown): value is SettingsWindow {
	const setting = value as Partial<SettingsWindow> | null;
	return typeof setting?.open === "function" && typeof setting.openTabById === "function";
}

/** Obsidian's settings window is not in the published API either: used when present, explained otherwise. */
export function openPluginSettings(app: App, pluginId: string): void {
	const setting = (app as unknown as { setting?: unknown }).setting;
	if (isSettingsWindow(setting)) {
		setting.open();
		setting.openTabById(pluginId);
	} else {
		new Notice("Open the settings, then this plugin's tab under community plugins.");
	}
}
