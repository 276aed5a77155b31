// Remembers the queue item of every note (by size, modification time and inode), so `queue` run
// again reads only the notes changed since. Like the skip record of tidy (0007), valid only for the
// same version and options; kept in `.omnivore-queue/` only once tidy has made that folder.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { isKeptItem, QUEUE_ITEM_VERSION, type QueueItem } from "../core";
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
	notes: Record<string, CachedQueueNote>;
}

export function readQueueCache(vault: string, print: string): Map<string, CachedQueueNote> {
	try {
		const data = JSON.parse(readStateText(join(vault, QUEUE_CACHE_FILE))) as QueueCacheFile;
		if (data.version !== CACHE_VERSION || data.fingerprint !== print || typeof data.notes !== "object" || data.notes === null) return new Map();
		// A damaged entry is left out: its note is read again.
		return new Map(Object.entries(data.notes).filter(([, note]) => typeof note?.stamp === "string" && isKeptItem(note.item)));
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
	const data: QueueCacheFile = { version: CACHE_VERSION, fingerprint: print, notes: Object.fromEntries(notes) };
	try {
		writeFileAtomic(join(vault, QUEUE_CACHE_FILE), JSON.stringify(data));
	} catch {
		// Read-only vault or full disk: the queue was listed all the same.
	}
}
