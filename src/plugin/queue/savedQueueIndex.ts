// The queue index kept between sessions (as Dataview keeps its index): each candidate note's item
// with the note's modification time and size. A start with it reads only the notes changed since.
// It is valid only for the same index version and the same settings; anything off, and it is ignored.

import type { DataAdapter } from "obsidian";
import { hashText, isKeptItem, QUEUE_ITEM_VERSION, type QueueItem } from "../../core";
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
	notes: Record<string, SavedNote>;
}

/** What the items depend on: every setting but those of the view and of automatic cleanup. */
export function settingsKey(settings: OmnivoreQueueSettings): string {
	const { savedFilters: _filters, autoTidy: _autoTidy, autoTidyDelaySeconds: _delay, ...relevant } = settings;
	return hashText(JSON.stringify(relevant));
}

export async function loadSavedIndex(store: SavedIndexStore | null, key: string): Promise<Map<string, SavedNote>> {
	if (!store) return new Map();
	try {
		const text = await store.read();
		if (text === null) return new Map();
		const data = JSON.parse(text) as SavedIndexFile;
		if (data.version !== QUEUE_INDEX_VERSION || data.settings !== key || typeof data.notes !== "object" || data.notes === null) return new Map();
		// A damaged entry is left out: its note is read again.
		return new Map(Object.entries(data.notes).filter(([, note]) => typeof note?.mtime === "number" && typeof note.size === "number" && isKeptItem(note.item)));
	} catch {
		// Missing, torn or from another version: the index is built from the notes.
		return new Map();
	}
}

export async function saveIndex(store: SavedIndexStore | null, key: string, notes: Map<string, SavedNote>): Promise<void> {
	if (!store) return;
	const data: SavedIndexFile = { version: QUEUE_INDEX_VERSION, settings: key, notes: Object.fromEntries(notes) };
	await store.write(JSON.stringify(data));
}

/** The saved index as a file of the plugin's folder. */
export function adapterStore(adapter: DataAdapter, path: string): SavedIndexStore {
	return {
		read: async () => ((await adapter.exists(path)) ? await adapter.read(path) : null),
		write: (text) => adapter.write(path, text),
	};
}
