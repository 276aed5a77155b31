// Remembers the queue item of every note (by size, modification time and inode), so `queue` run
// again reads only the notes changed since. Like the skip record of tidy (0007), valid only for the
// same version and options; kept in `.omnivore-queue/` only once tidy has made that folder.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { itemOfRow, itemRow, QUEUE_ITEM_VERSION, type ItemRow, type QueueItem } from "../core";
import { writeFileAtomic } from "./atomicWrite";
import { STATE_FOLDER } from "./vaultLock";
import { readStateText } from "./stateFile";

export const QUEUE_CACHE_FILE = `${STATE_FOLDER}/queue.json`;
/** The items' version (see QUEUE_ITEM_VERSION): items read by an older engine are read again. */
const CACHE_VERSION = QUEUE_ITEM_VERSION;

export interface CachedQueueNote {
	stamp: string;
	/** Null for a note that is not an Omnivore note. */
	item: QueueItem | null;
}

interface QueueCacheFile {
	version: number;
	fingerprint: string;
	/** Path, stamp and item of each note (rows, not objects: 0029). */
	notes: Array<[path: string, stamp: string, item: ItemRow | null]>;
}

export function readQueueCache(vault: string, print: string): Map<string, CachedQueueNote> {
	try {
		const data = JSON.parse(readStateText(join(vault, QUEUE_CACHE_FILE))) as QueueCacheFile;
		// A cache written before its notes were rows (an object) is read again from the notes.
		if (data.version !== CACHE_VERSION || data.fingerprint !== print || !Array.isArray(data.notes)) return new Map();
		const notes = new Map<string, CachedQueueNote>();
		for (const entry of data.notes as unknown[]) {
			// A damaged entry is left out: its note is read again.
			if (!Array.isArray(entry) || entry.length !== 3) continue;
			const [path, stamp, row] = entry as unknown[];
			if (typeof path !== "string" || typeof stamp !== "string") continue;
			const item = itemOfRow(path, row);
			if (item !== undefined) notes.set(path, { stamp, item });
		}
		return notes;
	} catch {
		return new Map();
	}
}

/**
 * Keeps the cache for the next run, only where tidy already keeps its state (a vault never tidied
 * gets no new folder from a listing). A cache that cannot be written is no failure: the next run reads.
 */
export function writeQueueCache(vault: string, print: string, notes: Map<string, CachedQueueNote>): void {
	if (!existsSync(join(vault, STATE_FOLDER))) return;
	const data: QueueCacheFile = { version: CACHE_VERSION, fingerprint: print, notes: [...notes].map(([path, note]) => [path, note.stamp, itemRow(note.item)]) };
	try {
		writeFileAtomic(join(vault, QUEUE_CACHE_FILE), JSON.stringify(data));
	} catch {
		// Read-only vault or full disk: the queue was listed all the same.
	}
}
