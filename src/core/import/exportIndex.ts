// The first pass over an export: its items, their highlights and which contents it holds. Small enough
// to keep whole (a few kilobytes per item); the contents themselves are read in a second pass.

import { classifyEntry, entryLimit, metadataOrder } from "./exportEntries";
import { EntryTooLarge, ExportError, type ExportArchive } from "./exportArchive";
import { readMetadataBatch, type ExportItem } from "./exportItem";
import { parseHighlights, type ExportHighlight } from "./highlights";

export interface ExportIndex {
	/** Items in the export's order, each once. */
	items: ExportItem[];
	highlights: Map<string, ExportHighlight[]>;
	/** Slugs with a content file, and its kind. */
	contents: Map<string, "html" | "pdf">;
	/** What was skipped, as sentences. */
	problems: string[];
	/** Whole files of the export that could not be read (a metadata file that is not JSON, say): their articles are missing. */
	filesSkipped: number;
}

let decoder: TextDecoder | null = null;

export function decodeText(bytes: Uint8Array): string {
	decoder ??= new TextDecoder("utf-8");
	return decoder.decode(bytes);
}

export async function readExportIndex(archive: ExportArchive): Promise<ExportIndex> {
	const batches: Array<{ name: string; text: string }> = [];
	const highlights = new Map<string, ExportHighlight[]>();
	const contents = new Map<string, "html" | "pdf">();
	const problems: string[] = [];
	let filesSkipped = 0;
	await archive.read(
		(name) => {
			const entry = classifyEntry(name);
			if (entry.kind === "other") return null;
			if (entry.kind === "content" && !contents.has(entry.slug)) contents.set(entry.slug, entry.format);
			// Contents are only checked now (read in the second pass): a damaged zip is refused before anything is written.
			return { maxBytes: entryLimit(entry), checkOnly: entry.kind === "content" };
		},
		(name, data) => {
			const entry = classifyEntry(name);
			if (data instanceof EntryTooLarge) {
				if (entry.kind === "metadata") throw new ExportError(`${name} in it is not an Omnivore metadata file (${data.message})`);
				// A content that is too large is reported with its item, in the second pass.
				if (entry.kind === "highlights") {
					problems.push(`${name} is not an Omnivore highlights file (${data.message}); it was skipped.`);
					filesSkipped++;
				}
				return;
			}
			if (data instanceof Error) {
				throw new ExportError(`${name} in it cannot be read: ${data.message}`);
			}
			// A content arrives empty (only checked): it is read in the second pass.
			if (entry.kind === "metadata") batches.push({ name: entry.name, text: decodeText(data) });
			// A file the export appended twice holds the same text: the first copy is kept.
			else if (entry.kind === "highlights" && !highlights.has(entry.slug)) highlights.set(entry.slug, parseHighlights(decodeText(data)));
		},
	);
	if (batches.length === 0) throw new ExportError("it holds no metadata_*.json file, so it is not an Omnivore export");
	const items: ExportItem[] = [];
	/** Where each id stands in `items`. */
	const seen = new Map<string, number>();
	let anyReadable = false;
	for (const batch of batches.sort((a, b) => metadataOrder(a.name, b.name))) {
		const read = readMetadataBatch(batch.text, batch.name);
		problems.push(...read.problems);
		if (read.problems.length > 0 && read.items.length === 0) filesSkipped++;
		if (read.problems.length === 0 || read.items.length > 0) anyReadable = true;
		for (const item of read.items) {
			const at = seen.get(item.id);
			if (at === undefined) {
				seen.set(item.id, items.length);
				items.push(item);
			} else if (updatedLater(item, items[at])) items[at] = item;
		}
	}
	if (!anyReadable) throw new ExportError("none of its metadata files can be read");
	return { items, highlights, contents, problems, filesSkipped };
}

/**
 * An item written twice (the export pages through a library that changes while it runs): the copy
 * updated last is its state when the export ended; the first stands when neither says.
 */
function updatedLater(item: ExportItem, kept: ExportItem): boolean {
	const time = (at: string | undefined) => (at === undefined ? NaN : Date.parse(at));
	return time(item.updatedAt) > time(kept.updatedAt);
}
