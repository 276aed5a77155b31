// The first build (and each rebuild) of the queue index: every candidate note read as an item, with
// the index saved before (savedQueueIndex.ts) sparing the notes unchanged since.

import type { App, CachedMetadata } from "obsidian";
import { buildQueueItemFromValues, mayBeOmnivoreByText, type NoteTidier, type QueueItem } from "../../core";
import { Yielder, type Clock } from "../batch/yielder";
import { reportFailures, type NoteFailure } from "../errorBoundary";
import { findCandidates, notesInScope } from "../notes/candidates";
import type { OmnivoreQueueSettings } from "../settings";
import { FirstScreen } from "./firstScreen";
import { loadSavedIndex, saveIndex, settingsKey, type SavedIndexStore, type SavedNote } from "./savedQueueIndex";

export interface QueueIndexHost {
	settings(): OmnivoreQueueSettings;
	tidier(): NoteTidier;
	clock(): Clock;
	/** Where the index is kept between sessions; without it every start reads every candidate. */
	savedIndex?(): SavedIndexStore | null;
}

/**
 * Every candidate note as an item, with one reading of the settings and one engine for the whole
 * run. A note whose modification time and size are those saved with its item is not read again.
 * Unless detection is by tag only, the other notes in scope are read once too (and remembered as
 * not Omnivore notes): one marked only by an Omnivore link in its text is not in the metadata cache.
 * `progress`, on a first build, is shown the items found so far now and then.
 */
export async function scanVault(app: App, host: QueueIndexHost, progress: ((found: ReadonlyMap<string, QueueItem>) => void) | null, stopped: () => boolean): Promise<Map<string, QueueItem>> {
	const settings = host.settings();
	const tidier = host.tidier();
	const clock = host.clock();
	const yielder = new Yielder(clock);
	const firstScreen = progress ? new FirstScreen(clock, progress) : null;
	const store = host.savedIndex?.() ?? null;
	const key = settingsKey(settings);
	const saved = await loadSavedIndex(store, key);
	const kept = new Map<string, SavedNote>();
	const found = new Map<string, QueueItem>();
	const failures: NoteFailure[] = [];
	let read = 0;
	const candidates = findCandidates(app.vault, app.metadataCache, settings);
	const sure = new Set(candidates.map((file) => file.path));
	const files = settings.match === "tag" ? candidates : notesInScope(app.vault, settings);
	for (const file of files) {
		if (stopped()) return found;
		const { mtime, size } = file.stat;
		const known = saved.get(file.path);
		if (known && known.mtime === mtime && known.size === size) {
			kept.set(file.path, known);
			if (known.item) found.set(file.path, { ...known.item, path: file.path });
		} else {
			read++;
			try {
				const text = await app.vault.cachedRead(file);
				const item = sure.has(file.path) || mayBeOmnivoreByText(text, settings) ? itemOf(tidier, file.path, text, app.metadataCache.getFileCache(file)) : null;
				kept.set(file.path, { mtime, size, item });
				if (item) found.set(file.path, item);
			} catch (error) {
				// A note deleted during the build is not a failure: its delete is applied after the build.
				if (app.vault.getFileByPath(file.path) === file) failures.push({ path: file.path, error });
			}
		}
		firstScreen?.offer(found);
		await yielder.maybeYield();
	}
	reportFailures("Reading notes into the reading queue", failures);
	if (read > 0 || kept.size !== saved.size) {
		// Only a speed-up for the next start: one that cannot be saved is no failure of the queue.
		await saveIndex(store, key, kept).catch(() => undefined);
	}
	return found;
}

/** The note's item, from the frontmatter Obsidian has parsed where the engine would read the same (0022). */
export function itemOf(tidier: NoteTidier, path: string, text: string, cache: CachedMetadata | null): QueueItem | null {
	return buildQueueItemFromValues(path, text, cache?.frontmatter, tidier.options, tidier.proxy);
}
