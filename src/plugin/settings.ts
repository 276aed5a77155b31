// The plugin's settings: the engine's options plus where to look and how automatic cleanup behaves.

import { DEFAULT_ARCHIVE, DEFAULT_OPTIONS, optionsFromSaved, QUEUE_SORTS, QUEUE_STATUSES, resolveSavedFilters, SETTINGS_VERSION, stringList, type QueueSort, type QueueStatus, type SavedFilter, type TidyOptions } from "../core";
import { normalizeFolders } from "./notes/folderScope";

/** The tab a new queue opens on: one status, or all. */
export type QueueTab = QueueStatus | "all";

export interface OmnivoreQueueSettings extends TidyOptions {
	/** The shape of the saved settings, for upgrades. */
	settingsVersion: number;
	/** Folders to search; empty means the whole vault. */
	includeFolders: string[];
	/** Folders never touched, even inside an included one. */
	excludeFolders: string[];
	/** Tidy Omnivore notes that appear after start-up (sync, import, by hand). */
	autoTidy: boolean;
	/** How long a new note must stay unchanged before it is tidied, in seconds. */
	autoTidyDelaySeconds: number;
	/** Filter sets saved from the queue view. */
	savedFilters: SavedFilter[];
	/** Where a newly opened queue starts. */
	queueTab: QueueTab;
	queueSort: QueueSort;
	/** A plain click on an article opens it in a new tab (Ctrl/Cmd-click then opens it in place). */
	queueOpenInNewTab: boolean;
	/** URL template with `{url}` asked for images gone from their site; "" for none. */
	imageArchive: string;
}

export const DEFAULT_SETTINGS: OmnivoreQueueSettings = {
	...DEFAULT_OPTIONS,
	settingsVersion: SETTINGS_VERSION,
	includeFolders: [],
	excludeFolders: [],
	autoTidy: true,
	autoTidyDelaySeconds: 3,
	savedFilters: [],
	queueTab: "unread",
	queueSort: "saved-newest",
	queueOpenInNewTab: false,
	imageArchive: DEFAULT_ARCHIVE,
};

/**
 * Saved data merged over the defaults, so settings added in a later version get their default;
 * older shapes are upgraded and folders normalized, so every setting in use is valid. A file edited
 * by hand may hold anything: each value is checked on its own (the engine's in the core, which the
 * CLI shares), so one wrong value gets its default and the user's other settings are kept.
 */
export function resolveSettings(saved: unknown): OmnivoreQueueSettings {
	const data = (typeof saved === "object" && saved !== null ? saved : {}) as Partial<OmnivoreQueueSettings>;
	const engine = optionsFromSaved(saved, (message) => console.warn(`Omnivore Queue: ${message}`));
	// `Number(null)` and `Number("")` are 0: only a number (or a number written as text) is a delay.
	const delay = typeof data.autoTidyDelaySeconds === "number" || typeof data.autoTidyDelaySeconds === "string" ? Number(data.autoTidyDelaySeconds) : NaN;
	return {
		...engine,
		settingsVersion: SETTINGS_VERSION,
		includeFolders: normalizeFolders(stringList(data.includeFolders, DEFAULT_SETTINGS.includeFolders)),
		excludeFolders: normalizeFolders(stringList(data.excludeFolders, DEFAULT_SETTINGS.excludeFolders)),
		autoTidy: typeof data.autoTidy === "boolean" ? data.autoTidy : DEFAULT_SETTINGS.autoTidy,
		autoTidyDelaySeconds: Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_SETTINGS.autoTidyDelaySeconds,
		savedFilters: resolveSavedFilters(data.savedFilters),
		queueTab: data.queueTab === "all" || QUEUE_STATUSES.includes(data.queueTab as QueueStatus) ? (data.queueTab as QueueTab) : DEFAULT_SETTINGS.queueTab,
		queueSort: QUEUE_SORTS.includes(data.queueSort as QueueSort) ? (data.queueSort as QueueSort) : DEFAULT_SETTINGS.queueSort,
		queueOpenInNewTab: typeof data.queueOpenInNewTab === "boolean" ? data.queueOpenInNewTab : DEFAULT_SETTINGS.queueOpenInNewTab,
		imageArchive: typeof data.imageArchive === "string" ? data.imageArchive : DEFAULT_SETTINGS.imageArchive,
	};
}
