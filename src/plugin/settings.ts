// The plugin's settings: the engine's options plus where to look and how automatic cleanup behaves.

import { DEFAULT_OPTIONS, resolveOptions, type TidyOptions } from "../core";

export interface OmnivoreQueueSettings extends TidyOptions {
	/** Folders to search; empty means the whole vault. */
	includeFolders: string[];
	/** Folders never touched, even inside an included one. */
	excludeFolders: string[];
	/** Tidy Omnivore notes that appear after start-up (sync, import, by hand). */
	autoTidy: boolean;
	/** How long a new note must stay unchanged before it is tidied, in seconds. */
	autoTidyDelaySeconds: number;
}

export const DEFAULT_SETTINGS: OmnivoreQueueSettings = {
	...DEFAULT_OPTIONS,
	includeFolders: [],
	excludeFolders: [],
	autoTidy: true,
	autoTidyDelaySeconds: 3,
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
	};
}
