// Lists the reading queue of a vault folder: the same model as the plugin's sidebar.

import { statSync } from "node:fs";
import { format } from "date-fns";
import { compareCodeUnits, EMPTY_FILTER, instant, NoteTidier, QueueQuery, type QueueItem, type QueueSort, type QueueStatus, type TidyOptions } from "../core";
import { fileStamp, fingerprint } from "./checkedNotes";
import { readQueueCache, writeQueueCache, type CachedQueueNote } from "./queueCache";
import { readQueueItems } from "./queuePool";
import { fitColumns } from "./terminalColumns";
import { listNotes, whyUnreadable, type VaultFile } from "./vaultFiles";

export interface QueueRequest {
	statuses: QueueStatus[];
	tags: string[];
	search: string;
	sort: QueueSort;
	limit: number | null;
}

/** The articles listed, and the notes and folders that could not be read (so are not). */
export interface QueueListing {
	items: QueueItem[];
	unreadable: Array<{ path: string; reason: string }>;
}

export async function queueOfVault(
	vault: string,
	request: QueueRequest,
	engine: Partial<TidyOptions>,
	version = "dev",
	workers?: { script: string; jobs: number },
): Promise<QueueListing> {
	const tidier = new NoteTidier(engine);
	const print = fingerprint(version, tidier.options);
	const earlier = readQueueCache(vault, print);
	const listing = listNotes(vault);
	const unreadable = [...listing.unreadable.map(({ path, reason }) => ({ path, reason: `the folder could not be read: ${reason}` })), ...listing.notFiles];
	// The vault's notes in order, each with its item from the cache or a place for the one read now.
	const notes: Array<{ file: VaultFile; stamp: string; cached?: CachedQueueNote }> = [];
	const toRead: VaultFile[] = [];
	for (const file of listing.files) {
		let stamp: string;
		try {
			stamp = fileStamp(statSync(file.absolute));
		} catch (error) {
			unreadable.push({ path: file.path, reason: whyUnreadable(file.path, error) });
			continue;
		}
		const known = earlier.get(file.path);
		if (known?.stamp === stamp) notes.push({ file, stamp, cached: known });
		else {
			notes.push({ file, stamp });
			toRead.push(file);
		}
	}
	const read = await readQueueItems(toRead, engine, tidier, workers);
	const cache = new Map<string, CachedQueueNote>();
	const items: QueueItem[] = [];
	let next = 0;
	for (const { file, stamp, cached } of notes) {
		if (cached) {
			cache.set(file.path, cached);
			// Kept under its path: the item's path is that key.
			if (cached.item) items.push(cached.item);
			continue;
		}
		const listed = read[next++];
		if ("unreadable" in listed) {
			unreadable.push({ path: file.path, reason: listed.unreadable });
			continue;
		}
		// Stamped before the read: a note written meanwhile has a new stamp and is read next time.
		cache.set(file.path, { stamp, item: listed.item });
		if (listed.item) items.push(listed.item);
	}
	if (read.some((listed) => "item" in listed) || cache.size !== earlier.size) writeQueueCache(vault, print, cache);
	const query = new QueueQuery();
	query.setItems(items);
	const { items: found } = query.run({ ...EMPTY_FILTER, statuses: request.statuses, tags: request.tags, search: request.search }, request.sort);
	unreadable.sort((a, b) => compareCodeUnits(a.path, b.path));
	return { items: request.limit === null ? found : found.slice(0, request.limit), unreadable };
}

/** For stderr: the notes that are not listed because they could not be read. */
export function formatUnreadable(unreadable: QueueListing["unreadable"]): string {
	const count = unreadable.length === 1 ? "1 note or folder" : `${unreadable.length} notes or folders`;
	return `omnivore-queue: ${count} could not be read, so their articles are not listed:\n${unreadable.map(({ path, reason }) => `  ${path}: ${reason}\n`).join("")}`;
}

export function formatQueueTable(items: QueueItem[]): string {
	if (items.length === 0) return "No articles match.\n";
	const header = `${fitColumns("Status", 9)} ${fitColumns("Saved", 10)} ${fitColumns("Min", 4)} ${fitColumns("Title", 56)} Site`;
	const rows = items.map((item) =>
		[
			fitColumns(item.status, 9),
			// A calendar date is the day written (read as UTC, it showed the day before west of Greenwich).
			fitColumns(item.savedAt ? format(instant(item.savedAt), "yyyy-MM-dd") : "", 10),
			fitColumns(String(item.readingMinutes).padStart(3), 4),
			fitColumns(item.title, 56),
			item.site ?? "",
		].join(" "),
	);
	return `${[header, ...rows].join("\n")}\n${items.length} ${items.length === 1 ? "article" : "articles"}.\n`;
}
