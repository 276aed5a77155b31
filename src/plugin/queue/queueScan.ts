// The first build (and each rebuild) of the queue index: every candidate note read as an item, with
// the index saved before (savedQueueIndex.ts) sparing the notes unchanged since.

import type { App, CachedMetadata, TFile } from "obsidian";
import { buildQueueItemFromValues, mayBeOmnivoreByText, type NoteTidier, type NoteToIndex, type QueueItem } from "../../core";
import { Yielder, type Clock } from "../batch/yielder";
import { reportFailures, type NoteFailure } from "../errorBoundary";
import { findCandidates, isStillListed, mayBeOmnivoreNote, notesInScope } from "../notes/candidates";
import type { OmnivoreQueueSettings } from "../settings";
import { FirstScreen } from "./firstScreen";
import { InOrder } from "./inOrder";
import { ItemWorkers, type ItemWorkerPlan } from "./workers/itemWorkers";
import { loadSavedIndex, saveIndex, settingsKey, type SavedIndexStore, type SavedNote } from "./savedQueueIndex";

export interface QueueIndexHost {
	settings(): OmnivoreQueueSettings;
	tidier(): NoteTidier;
	clock(): Clock;
	/** Where the index is kept between sessions; without it every start reads every candidate. */
	savedIndex?(): SavedIndexStore | null;
	/** Worker threads for a build that reads many notes (0028); without them every note is built here. */
	itemWorkers?(): ItemWorkerPlan | null;
}

// Notes in one message to a worker: few enough that the workers finish together and the first screen
// comes soon, enough that messages cost little.
const BATCH_NOTES = 32;
// Notes of the saved index waiting behind a batch: enough for few parts, few enough to show progress.
const BATCH_SLOTS = 512;

/** One note of a scan, in the vault's order: kept from the saved index, read and built, or failed. */
type Entry = { path: string; saved: SavedNote } | { path: string; failure: unknown };

/** A note read whose item is still to be built. */
interface ToBuild {
	path: string;
	saved: Omit<SavedNote, "item">;
	note: NoteToIndex;
}

/**
 * Every candidate note as an item, with one reading of the settings and one engine for the whole
 * run. A note whose modification time and size are those saved with its item is not read again.
 * Unless detection is by tag only, the other notes in scope are read once too (and remembered as
 * not Omnivore notes): one marked only by an Omnivore link in its text is not in the metadata cache.
 * Items are built on worker threads when the host offers them and many notes are to be read, in
 * the vault's order all the same. `progress`, on a first build, is shown the items found so far now and then.
 */
export async function scanVault(app: App, host: QueueIndexHost, progress: ((found: ReadonlyMap<string, QueueItem>) => void) | null, stop: AbortSignal): Promise<Map<string, QueueItem>> {
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
	// By tag, only the cache's candidates are read; else every note in scope, the cache's word asked
	// only of the notes read (a start with the saved index asks it of few).
	const files = settings.match === "tag" ? findCandidates(app.vault, app.metadataCache, settings, "path") : notesInScope(app.vault, settings, "path");
	const isSure = (file: TFile) => settings.match === "tag" || mayBeOmnivoreNote(app.metadataCache.getFileCache(file), settings);
	// The notes the saved index holds as they are now, under the path they were listed at (a rename
	// during the scan is applied after it, from that path); the others are read, and their bytes decide on workers.
	const fresh = new Map<TFile, Entry>();
	let toRead = 0;
	let bytesToRead = 0;
	for (const file of files) {
		const known = saved.get(file.path);
		if (known !== undefined && known.mtime === file.stat.mtime && known.size === file.stat.size) fresh.set(file, { path: file.path, saved: known });
		else {
			toRead++;
			bytesToRead += file.stat.size;
		}
	}
	const plan = host.itemWorkers?.() ?? null;
	const workers = plan && plan.size > 0 && bytesToRead >= plan.minBytes ? new ItemWorkers(plan.start, plan.size) : null;
	const entries = new InOrder<Entry>();
	let slots: Array<Entry | ToBuild> = [];
	let slotsToBuild = 0;
	const take = () => {
		for (const entry of entries.takeReady()) {
			if ("failure" in entry) failures.push({ path: entry.path, error: entry.failure });
			else {
				kept.set(entry.path, entry.saved);
				if (entry.saved.item) found.set(entry.path, entry.saved.item);
			}
		}
		firstScreen?.offer(found);
	};
	const dispatch = () => {
		if (workers) entries.addLater(builtByWorkers(slots, tidier, workers));
		else entries.add(slots.map((slot) => (isToBuild(slot) ? entryOf(slot, builtHere(tidier, slot.note)) : slot)));
		slots = [];
		slotsToBuild = 0;
	};
	// Stopped, the workers are too: the batches they had come back unbuilt, and nothing waits on them.
	const stopWorkers = () => workers?.dispose();
	stop.addEventListener("abort", stopWorkers);
	try {
		for (const file of files) {
			if (stop.aborted) return found;
			// A saved item is kept under its note's path, which is its own (savedQueueIndex.ts).
			const slot: Entry | ToBuild | null = fresh.get(file) ?? (await readNote(app, file, settings, isSure(file)));
			if (slot) slots.push(slot);
			if (slot && isToBuild(slot)) slotsToBuild++;
			// Without workers a note is built at once; notes kept from the saved index go in parts.
			if (slots.length >= BATCH_SLOTS || slotsToBuild >= (workers ? BATCH_NOTES : 1)) dispatch();
			take();
			while (workers && entries.waiting >= workers.capacity) {
				await entries.nextArrival();
				if (stop.aborted) return found;
				take();
			}
			if (yielder.due()) await yielder.yieldNow();
		}
		if (slots.length > 0) dispatch();
		while (entries.waiting > 0) {
			await entries.nextArrival();
			if (stop.aborted) return found;
			take();
		}
		take();
	} finally {
		stop.removeEventListener("abort", stopWorkers);
		workers?.dispose();
	}
	reportFailures("Reading notes into the reading queue", failures);
	if (toRead > 0 || kept.size !== saved.size) {
		// Only a speed-up for the next start: one that cannot be saved is no failure of the queue.
		await saveIndex(store, key, kept).catch(() => undefined);
	}
	return found;
}

function isToBuild(slot: Entry | ToBuild): slot is ToBuild {
	return "note" in slot;
}

/** A note read: to be built when it may be an Omnivore note, else kept as none; null when it was deleted meanwhile. */
async function readNote(app: App, file: TFile, settings: OmnivoreQueueSettings, sure: boolean): Promise<Entry | ToBuild | null> {
	const { mtime, size } = file.stat;
	try {
		const text = await app.vault.cachedRead(file);
		if (!sure && !mayBeOmnivoreByText(text, settings)) return { path: file.path, saved: { mtime, size, item: null } };
		return { path: file.path, saved: { mtime, size }, note: { path: file.path, text, frontmatter: app.metadataCache.getFileCache(file)?.frontmatter } };
	} catch (error) {
		// A note deleted during the build is not a failure: its delete is applied after the build.
		return isStillListed(app.vault, file) ? { path: file.path, failure: error } : null;
	}
}

type Built = { item: QueueItem | null } | { error: unknown };

function entryOf(slot: ToBuild, built: Built): Entry {
	return "error" in built ? { path: slot.path, failure: built.error } : { path: slot.path, saved: { ...slot.saved, item: built.item } };
}

/** The slots' entries, their notes built by the workers, or here for a batch they cannot take. */
async function builtByWorkers(slots: Array<Entry | ToBuild>, tidier: NoteTidier, workers: ItemWorkers): Promise<Entry[]> {
	const toBuild = slots.filter(isToBuild);
	const fromWorkers = toBuild.length > 0 ? await workers.build(toBuild.map((slot) => slot.note), tidier.options) : [];
	// The build stopped (the plugin unloads): nobody takes these entries, so none is built here.
	if (fromWorkers === null && workers.disposed) return [];
	return slots.map((slot) => {
		if (!isToBuild(slot)) return slot;
		const built = fromWorkers?.shift();
		// A note a worker could not build is built here: its failure (if it fails here too) is reported
		// as a build on this thread reports it, and one that failed only there (a worker's smaller stack) is not lost.
		return entryOf(slot, built && "item" in built ? built : builtHere(tidier, slot.note));
	});
}

function builtHere(tidier: NoteTidier, note: NoteToIndex): Built {
	try {
		return { item: buildQueueItemFromValues(note.path, note.text, note.frontmatter, tidier.options, tidier.proxy) };
	} catch (error) {
		return { error };
	}
}

/** The note's item, from the frontmatter Obsidian has parsed where the engine would read the same (0022). */
export function itemOf(tidier: NoteTidier, path: string, text: string, cache: CachedMetadata | null): QueueItem | null {
	return buildQueueItemFromValues(path, text, cache?.frontmatter, tidier.options, tidier.proxy);
}
