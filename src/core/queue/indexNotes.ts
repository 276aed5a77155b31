// The queue items of a batch of notes, in plain data that crosses a `postMessage`: the unit of work the
// plugin's queue index hands to a worker thread (decision 0028). Each note is built on its own, so one
// that fails costs only its own item.

import type { TidyOptions } from "../options";
import { buildProxyMatcher, type ProxyMatcher } from "../proxyUrls";
import { buildQueueItemFromValues, type QueueItem } from "./queueItem";

export interface NoteToIndex {
	path: string;
	text: string;
	/** The frontmatter values Obsidian's metadata cache holds for the note, if any. */
	frontmatter?: Record<string, unknown>;
}

/** A note's item (null: not an Omnivore note), or the message of the error that building it threw. */
export type IndexedNote = { item: QueueItem | null } | { error: string };

/** What a worker is sent: options already resolved (`NoteTidier.options`), so every thread reads notes alike. */
export interface IndexRequest {
	id: number;
	options: TidyOptions;
	notes: NoteToIndex[];
}

export interface IndexResponse {
	id: number;
	notes: IndexedNote[];
}

/** Each note's item, as `buildQueueItemFromValues` gives it. */
export function indexNotes(notes: readonly NoteToIndex[], options: TidyOptions, proxy: ProxyMatcher): IndexedNote[] {
	return notes.map((note) => {
		try {
			return { item: buildQueueItemFromValues(note.path, note.text, note.frontmatter, options, proxy) };
		} catch (error) {
			return { error: error instanceof Error ? error.message : String(error) };
		}
	});
}

/**
 * A worker's side: answers each request, with the proxy matcher of the last options kept (a scan
 * sends the same options with every batch).
 */
export function indexRequestHandler(): (request: IndexRequest) => IndexResponse {
	let kept: { bases: string; proxy: ProxyMatcher } | null = null;
	return (request) => {
		const bases = JSON.stringify(request.options.extraProxyBases);
		// Stryker disable next-line ConditionalExpression,EqualityOperator: a cache; a matcher built again reads the same
		if (kept?.bases !== bases) kept = { bases, proxy: buildProxyMatcher(request.options.extraProxyBases) };
		return { id: request.id, notes: indexNotes(request.notes, request.options, kept.proxy) };
	};
}
