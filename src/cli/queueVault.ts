// Lists the reading queue of a vault folder: the same model as the plugin's sidebar.

import { statSync } from "node:fs";
import { format } from "date-fns";
import { EMPTY_FILTER, NoteTidier, QueueQuery, type QueueItem, type QueueSort, type QueueStatus, type TidyOptions } from "../core";
import { fileStamp, fingerprint } from "./checkedNotes";
import { readQueueCache, writeQueueCache, type CachedQueueNote } from "./queueCache";
import { readQueueItems } from "./queuePool";
import { listNotes, type VaultFile } from "./vaultFiles";

export interface QueueRequest {
	statuses: QueueStatus[];
	tags: string[];
	search: string;
	sort: QueueSort;
	limit: number | null;
}

export async function queueOfVault(
	vault: string,
	request: QueueRequest,
	engine: Partial<TidyOptions>,
	version = "dev",
	workers?: { script: string; jobs: number },
): Promise<QueueItem[]> {
	const tidier = new NoteTidier(engine);
	const print = fingerprint(version, tidier.options);
	const earlier = readQueueCache(vault, print);
	// The vault's notes in order, each with its item from the cache or a place for the one read now.
	const notes: Array<{ file: VaultFile; stamp: string; cached?: CachedQueueNote }> = [];
	const toRead: VaultFile[] = [];
	for (const file of listNotes(vault).files) {
		let stamp: string;
		try {
			stamp = fileStamp(statSync(file.absolute));
		} catch {
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
			if (cached.item) items.push({ ...cached.item, path: file.path });
			continue;
		}
		const listed = read[next++];
		if (!listed) continue;
		// Stamped before the read: a note written meanwhile has a new stamp and is read next time.
		cache.set(file.path, { stamp, item: listed.item });
		if (listed.item) items.push(listed.item);
	}
	if (read.some((listed) => listed !== null) || cache.size !== earlier.size) writeQueueCache(vault, print, cache);
	const query = new QueueQuery();
	query.setItems(items);
	const { items: found } = query.run({ ...EMPTY_FILTER, statuses: request.statuses, tags: request.tags, search: request.search }, request.sort);
	return request.limit === null ? found : found.slice(0, request.limit);
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Columns a character takes in a terminal: CJK and other wide characters take two. */
function columnsOf(ch: string): number {
	return WIDE.test(ch) ? 2 : 1;
}

/** The text cut (with …) or padded to exactly `columns` terminal columns. */
function fit(text: string, columns: number): string {
	const chars = Array.from(text);
	const total = chars.reduce((sum, ch) => sum + columnsOf(ch), 0);
	let out = text;
	let used = total;
	if (total > columns) {
		out = "";
		used = 1;
		for (const ch of chars) {
			if (used + columnsOf(ch) > columns) break;
			out += ch;
			used += columnsOf(ch);
		}
		out += "…";
	}
	return out + " ".repeat(Math.max(0, columns - used));
}

export function formatQueueTable(items: QueueItem[]): string {
	if (items.length === 0) return "No articles match.\n";
	const header = `${fit("Status", 9)} ${fit("Saved", 10)} ${fit("Min", 4)} ${fit("Title", 56)} Site`;
	const rows = items.map((item) =>
		[
			fit(item.status, 9),
			fit(item.savedAt ? format(new Date(item.savedAt), "yyyy-MM-dd") : "", 10),
			fit(String(item.readingMinutes).padStart(3), 4),
			fit(item.title, 56),
			item.site ?? "",
		].join(" "),
	);
	return `${[header, ...rows].join("\n")}\n${items.length} ${items.length === 1 ? "article" : "articles"}.\n`;
}
