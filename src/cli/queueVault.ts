// Lists the reading queue of a vault folder: the same model as the plugin's sidebar.

import { readFileSync } from "node:fs";
import { format } from "date-fns";
import { buildQueueItem, EMPTY_FILTER, NoteTidier, QueueQuery, type QueueItem, type QueueSort, type QueueStatus, type TidyOptions } from "../core";
import { listNotes } from "./vaultFiles";

export interface QueueRequest {
	statuses: QueueStatus[];
	tags: string[];
	search: string;
	sort: QueueSort;
	limit: number | null;
}

export function queueOfVault(vault: string, request: QueueRequest, engine: Partial<TidyOptions>): QueueItem[] {
	const tidier = new NoteTidier(engine);
	const items: QueueItem[] = [];
	for (const file of listNotes(vault).files) {
		let text: string;
		try {
			text = readFileSync(file.absolute, "utf8");
		} catch {
			continue;
		}
		const item = buildQueueItem(file.path, text, tidier.options, tidier.proxy);
		if (item) items.push(item);
	}
	const query = new QueueQuery();
	query.setItems(items);
	const { items: found } = query.run({ ...EMPTY_FILTER, statuses: request.statuses, tags: request.tags, search: request.search }, request.sort);
	return request.limit === null ? found : found.slice(0, request.limit);
}

/** Visible width: CJK and other wide characters take two columns in a terminal. */
function width(text: string): number {
	let columns = 0;
	for (const ch of text) columns += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
	return columns;
}

function fit(text: string, columns: number): string {
	let out = "";
	for (const ch of text) {
		if (width(out + ch) > columns - (width(text) > columns ? 1 : 0)) return `${out}…`.padEnd(columns - (width(out) + 1 - out.length - 1));
		out += ch;
	}
	return out + " ".repeat(Math.max(0, columns - width(out)));
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
