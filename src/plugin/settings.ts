// The plugin's settings: the engine's options plus where to look and how automatic cleanup behaves.

import { checkDateFormat, DEFAULT_ARCHIVE, DEFAULT_OPTIONS, QUEUE_SORTS, QUEUE_STATUSES, resolveOptions, resolveSavedFilters, upgradeSavedFormat, type QueueSort, type QueueStatus, type DayMonthOrder, type SavedFilter, type TidyOptions } from "../core";
import { normalizeFolders } from "./notes/folderScope";

/** The tab a new queue opens on: one status, or all. */
export type QueueTab = QueueStatus | "all";

/** Version 2: date formats in Moment's syntax (before: date-fns patterns). */
export const SETTINGS_VERSION = 2;

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

// A settings file edited by hand (or by another version) may hold anything: each value is checked
// on its own, so one wrong value gets its default and the user's other settings are kept.

function stringList(value: unknown, fallback: string[]): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [...fallback];
}

function text(value: unknown, fallback: string): string {
	return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

/** Each field of a group of names (property names, status values): a name, or else its default. */
function names<T extends object>(saved: unknown, defaults: T): T {
	const values = (typeof saved === "object" && saved !== null ? saved : {}) as Record<string, unknown>;
	return Object.fromEntries(Object.entries(defaults).map(([key, fallback]) => [key, text(values[key], fallback as string)])) as T;
}

function switches<T extends object>(saved: unknown, defaults: T): T {
	const values = (typeof saved === "object" && saved !== null ? saved : {}) as Record<string, unknown>;
	return Object.fromEntries(Object.entries(defaults).map(([key, fallback]) => [key, typeof values[key] === "boolean" ? values[key] : fallback])) as T;
}

const DAY_MONTH_ORDERS: readonly DayMonthOrder[] = ["auto", "day-first", "month-first"];

/** A saved date format in Moment's syntax, upgraded from an older version; the default when unusable. */
function dateFormat(saved: unknown, version: number, key: "dateTimeFormat" | "dateFormat"): string {
	const hasTime = key === "dateTimeFormat";
	if (typeof saved !== "string" || saved.trim() === "") return DEFAULT_SETTINGS[key];
	const format = version < 2 ? upgradeSavedFormat(saved, hasTime) : checkDateFormat(saved, hasTime).ok ? saved : null;
	if (format !== null) return format;
	console.warn(`Omnivore Queue: the saved date format "${saved}" cannot be used; the default ${DEFAULT_SETTINGS[key]} applies.`);
	return DEFAULT_SETTINGS[key];
}

/**
 * Saved data merged over the defaults, so settings added in a later version get their default;
 * older shapes are upgraded and folders normalized, so every setting in use is valid.
 */
export function resolveSettings(saved: unknown): OmnivoreQueueSettings {
	const data = (typeof saved === "object" && saved !== null ? saved : {}) as Partial<OmnivoreQueueSettings>;
	const version = typeof data.settingsVersion === "number" ? data.settingsVersion : 1;
	const engine = resolveOptions({
		...data,
		tagName: text(data.tagName, DEFAULT_SETTINGS.tagName),
		keys: names(data.keys, DEFAULT_SETTINGS.keys),
		statusValues: names(data.statusValues, DEFAULT_SETTINGS.statusValues),
		recover: switches(data.recover, DEFAULT_SETTINGS.recover),
		extraDateKeys: stringList(data.extraDateKeys, DEFAULT_SETTINGS.extraDateKeys),
		extraProxyBases: stringList(data.extraProxyBases, DEFAULT_SETTINGS.extraProxyBases),
		dayMonthOrder: DAY_MONTH_ORDERS.includes(data.dayMonthOrder as DayMonthOrder) ? data.dayMonthOrder : DEFAULT_SETTINGS.dayMonthOrder,
		dateTimeFormat: dateFormat(data.dateTimeFormat, version, "dateTimeFormat"),
		dateFormat: dateFormat(data.dateFormat, version, "dateFormat"),
	});
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
