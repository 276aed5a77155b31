// Finds the notes that may be Omnivore notes: from the metadata cache, and for a whole-vault run also
// from the text of the notes the cache cannot vouch for.

import { getAllTags, type CachedMetadata, type MetadataCache, type TFile, type Vault } from "obsidian";
import { compareCodeUnits, mayBeOmnivoreByMetadata, mayBeOmnivoreByText } from "../../core";
import { Yielder, type Clock } from "../batch/yielder";
import type { OmnivoreQueueSettings } from "../settings";
import { scopeOf } from "./folderScope";

type DetectionSettings = Pick<OmnivoreQueueSettings, "tagName" | "match" | "omnivoreHosts" | "keys">;

/**
 * What the cache says: the tag, or (unless detection is by tag only) an Omnivore link in the body
 * (`cache.links`) or in a property, or an `id` property the plugin always wrote. A block Obsidian
 * could not parse has a position but no values: such a note is a candidate too. The engine then
 * reads each candidate and decides, so the queue, tidy-all and automatic cleanup agree with the CLI.
 */
export function mayBeOmnivoreNote(cache: CachedMetadata | null, settings: DetectionSettings): boolean {
	if (!cache) return false;
	if (cache.frontmatterPosition && !cache.frontmatter) return true;
	return mayBeOmnivoreByMetadata(
		{ tags: getAllTags(cache) ?? [], frontmatter: cache.frontmatter ?? {}, links: (cache.links ?? []).map((link) => link.link) },
		settings,
	);
}

type FolderSettings = Pick<OmnivoreQueueSettings, "includeFolders" | "excludeFolders">;

/**
 * The order of notes in a run: "reader" is `localeCompare`'s (through one collator: far faster over
 * 50,000 paths), for runs that report note by note; "path" compares code units, for a scan whose order
 * need only be the same each time (the queue's: its views sort themselves), at a tenth of the cost.
 */
export type NoteOrder = "reader" | "path";

/** The notes in the folders the settings choose, in path order. */
export function notesInScope(vault: Pick<Vault, "getMarkdownFiles">, settings: FolderSettings, order: NoteOrder = "reader"): TFile[] {
	const inScope = scopeOf(settings.includeFolders, settings.excludeFolders);
	const notes = vault.getMarkdownFiles().filter((file) => inScope(file.path));
	if (order === "path") return notes.sort((a, b) => compareCodeUnits(a.path, b.path));
	const collator = new Intl.Collator();
	return notes.sort((a, b) => collator.compare(a.path, b.path));
}

export function findCandidates(
	vault: Pick<Vault, "getMarkdownFiles">,
	metadataCache: Pick<MetadataCache, "getFileCache">,
	settings: DetectionSettings & FolderSettings,
	order: NoteOrder = "reader",
): TFile[] {
	return notesInScope(vault, settings, order).filter((file) => mayBeOmnivoreNote(metadataCache.getFileCache(file), settings));
}

/**
 * The candidates, plus the notes whose text holds an Omnivore link. Obsidian's cache lists internal
 * links only, so a note marked by nothing but its `[Read on Omnivore](https://omnivore.app/me/...)`
 * link (no tag, no id: an old or custom template) is found only by reading it. Reading every other
 * note costs a whole-vault run a pass over the vault; it yields to the UI as it goes.
 */
export async function findCandidatesReadingText(
	vault: Pick<Vault, "getMarkdownFiles" | "cachedRead" | "getFileByPath">,
	metadataCache: Pick<MetadataCache, "getFileCache">,
	settings: DetectionSettings & FolderSettings,
	clock: Clock,
): Promise<TFile[]> {
	if (settings.match === "tag") return findCandidates(vault, metadataCache, settings);
	const yielder = new Yielder(clock);
	const found: TFile[] = [];
	// In path order, so the result needs no sorting.
	for (const file of notesInScope(vault, settings)) {
		if (mayBeOmnivoreNote(metadataCache.getFileCache(file), settings) || (await holdsOmnivoreText(vault, file, settings))) found.push(file);
		await yielder.maybeYield();
	}
	return found;
}

/**
 * Whether the note is still where the vault listed it: a read that failed for a note deleted or moved
 * since (a sync) is no failure of the run, only of the note's own.
 */
export function isStillListed(vault: Pick<Vault, "getFileByPath">, file: TFile): boolean {
	return vault.getFileByPath(file.path) === file;
}

/**
 * Whether the note's text may hold Omnivore's marks. A note that cannot be read is kept (the preview
 * reports it, and the run goes on), unless it was deleted or moved since it was listed.
 */
async function holdsOmnivoreText(vault: Pick<Vault, "cachedRead" | "getFileByPath">, file: TFile, settings: DetectionSettings): Promise<boolean> {
	try {
		return mayBeOmnivoreByText(await vault.cachedRead(file), settings);
	} catch {
		return isStillListed(vault, file);
	}
}
