// The plugin's settings: the engine's options plus where to look and how automatic cleanup behaves.

import { DEFAULT_OPTIONS, EMPTY_FILTER, QUEUE_SORTS, resolveOptions, type QueueSort, type TidyOptions } from "../core";
import type { SavedFilter } from "./queue/queueView";

export interface OmnivoreQueueSettings extends TidyOptions {
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
	includeFolders: [],
	excludeFolders: [],
	autoTidy: true,
	autoTidyDelaySeconds: 3,
	savedFilters: [],
};

function stringList(value: unknown, fallback: string[]): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [...fallback];
}

/** Saved data merged over the defaults, so settings added in a later version get their default. */
export function resolveSettings(saved: unknown): OmnivoreQueueSettings {
	const data = (typeof saved === "object" && saved !== null ? saved : {}) as Partial<OmnivoreQueueSettings>;
	const engine = resolveOptions(data);
	const delay = Number(data.autoTidyDelaySeconds);
	return {
		...engine,
		includeFolders: stringList(data.includeFolders, DEFAULT_SETTINGS.includeFolders),
		excludeFolders: stringList(data.excludeFolders, DEFAULT_SETTINGS.excludeFolders),
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
