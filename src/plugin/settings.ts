// The plugin's settings: the engine's options plus where to look and how automatic cleanup behaves.

import { checkDateFormat, DEFAULT_OPTIONS, EMPTY_FILTER, QUEUE_SORTS, resolveOptions, upgradeSavedFormat, type QueueSort, type TidyOptions } from "../core";
import { normalizeFolders } from "./notes/folderScope";
import type { SavedFilter } from "./queue/queueView";

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
}

export const DEFAULT_SETTINGS: OmnivoreQueueSettings = {
	...DEFAULT_OPTIONS,
	settingsVersion: SETTINGS_VERSION,
	includeFolders: [],
	excludeFolders: [],
	autoTidy: true,
	autoTidyDelaySeconds: 3,
	savedFilters: [],
};

function stringList(value: unknown, fallback: string[]): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [...fallback];
}

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
		dateTimeFormat: dateFormat(data.dateTimeFormat, version, "dateTimeFormat"),
		dateFormat: dateFormat(data.dateFormat, version, "dateFormat"),
	});
	const delay = Number(data.autoTidyDelaySeconds);
	return {
		...engine,
		settingsVersion: SETTINGS_VERSION,
		includeFolders: normalizeFolders(stringList(data.includeFolders, DEFAULT_SETTINGS.includeFolders)),
		excludeFolders: normalizeFolders(stringList(data.excludeFolders, DEFAULT_SETTINGS.excludeFolders)),
		autoTidy: typeof data.autoTidy === "boolean" ? data.autoTidy : DEFAULT_SETTINGS.autoTidy,
		autoTidyDelaySeconds: Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_SETTINGS.autoTidyDelaySeconds,
		savedFilters: Array.isArray(data.savedFilters) ? data.savedFilters.filter(isSavedFilter).map(withDefaults) : [],
	};
}

function isSavedFilter(value: unknown): value is SavedFilter {
	const saved = value as Partial<SavedFilter> | null;
	return typeof saved?.name === "string" && typeof saved.filter === "object" && saved.filter !== null;
}

function withDefaults(saved: SavedFilter): SavedFilter {
	const sort: QueueSort = QUEUE_SORTS.includes(saved.sort) ? saved.sort : "saved-newest";
	return { name: saved.name, filter: { ...EMPTY_FILTER, ...saved.filter }, sort };
}
