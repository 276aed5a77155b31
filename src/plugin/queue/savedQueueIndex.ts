// The queue index kept between sessions (as Dataview keeps its index): each candidate note's item
// with the note's modification time and size. A start with it reads only the notes changed since.
// It is valid only for the same index version and the same settings; anything off, and it is ignored.

import type { DataAdapter } from "obsidian";
import { DEFAULT_OPTIONS, hashText, itemOfRow, itemRow, QUEUE_ITEM_VERSION, timeZoneKey, type ItemRow, type QueueItem, type TidyOptions } from "../../core";
import type { OmnivoreQueueSettings } from "../settings";

/** The items' version (bumped in the core when an item would be read differently): older saved items are not used. */
export const QUEUE_INDEX_VERSION = QUEUE_ITEM_VERSION;

export interface SavedNote {
	mtime: number;
	size: number;
	/** Null for a candidate that turned out not to be an Omnivore note. */
	item: QueueItem | null;
}

export interface SavedIndexStore {
	read(): Promise<string | null>;
	write(text: string): Promise<void>;
}

interface SavedIndexFile {
	version: number;
	settings: string;
	/** Path, modification time, size and item of each note (rows, not objects: 0029). */
	notes: Array<[path: string, mtime: number, size: number, item: ItemRow | null]>;
}

/**
 * What the items depend on: the engine's settings (tag, matching, property names, status values,
 * dates...), not those of the view, the folders or automatic cleanup; and the time zone (a date
 * without one is read in it; the index travels with the vault and the laptop).
 */
export function settingsKey(settings: OmnivoreQueueSettings): string {
	const relevant = Object.fromEntries(Object.keys(DEFAULT_OPTIONS).map((name) => [name, settings[name as keyof TidyOptions]]));
	return hashText(`${timeZoneKey()}\n${JSON.stringify(relevant)}`);
}

/** What a build of the index reads the vault with: the items' settings and the folders it looks in. */
export function indexInputs(settings: OmnivoreQueueSettings): string {
	return `${settingsKey(settings)}\n${JSON.stringify([settings.includeFolders, settings.excludeFolders])}`;
}

export async function loadSavedIndex(store: SavedIndexStore | null, key: string): Promise<Map<string, SavedNote>> {
	if (!store) return new Map();
	try {
		const text = await store.read();
		if (text === null) return new Map();
		const data = JSON.parse(text) as SavedIndexFile;
		// An index saved before its notes were rows (an object) is read again from the notes.
		if (data.version !== QUEUE_INDEX_VERSION || data.settings !== key || !Array.isArray(data.notes)) return new Map();
		const notes = new Map<string, SavedNote>();
		for (const entry of data.notes as unknown[]) {
			// A damaged entry is left out: its note is read again.
			if (!Array.isArray(entry) || entry.length !== 4) continue;
			const [path, mtime, size, row] = entry as unknown[];
			if (typeof path !== "string" || typeof mtime !== "number" || typeof size !== "number") continue;
			const item = itemOfRow(path, row);
			if (item !== undefined) notes.set(path, { mtime, size, item });
		}
		return notes;
	} catch {
		// Missing, torn or from another version: the index is built from the notes.
		return new Map();
	}
}

export async function saveIndex(store: SavedIndexStore | null, key: string, notes: Map<string, SavedNote>): Promise<void> {
	if (!store) return;
	const data: SavedIndexFile = { version: QUEUE_INDEX_VERSION, settings: key, notes: [...notes].map(([path, note]) => [path, note.mtime, note.size, itemRow(note.item)]) };
	await store.write(JSON.stringify(data));
}

/** The saved index as a file of the plugin's folder. */
export function adapterStore(adapter: DataAdapter, path: string): SavedIndexStore {
	return {
		read: async () => ((await adapter.exists(path)) ? await adapter.read(path) : null),
		write: (text) => adapter.write(path, text),
	};
}
