// Finds the notes that may be Omnivore notes: from the metadata cache, and for a whole-vault run also
// from the text of the notes the cache cannot vouch for.

import { getAllTags, type CachedMetadata, type MetadataCache, type TFile, type Vault } from "obsidian";
import { mayBeOmnivoreByMetadata, mayBeOmnivoreByText } from "../../core";
import { Yielder, type Clock } from "../batch/yielder";
import type { OmnivoreQueueSettings } from "../settings";
import { isInScope } from "./folderScope";

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

export function findCandidates(
	vault: Pick<Vault, "getMarkdownFiles">,
	metadataCache: Pick<MetadataCache, "getFileCache">,
	settings: DetectionSettings & Pick<OmnivoreQueueSettings, "includeFolders" | "excludeFolders">,
): TFile[] {
	return vault
		.getMarkdownFiles()
		.filter((file) => isInScope(file.path, settings.includeFolders, settings.excludeFolders) && mayBeOmnivoreNote(metadataCache.getFileCache(file), settings))
		.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The candidates, plus the notes whose text holds an Omnivore link. Obsidian's cache lists internal
 * links only, so a note marked by nothing but its `[Read on Omnivore](https://omnivore.app/me/...)`
 * link (no tag, no id: an old or custom template) is found only by reading it. Reading every other
 * note costs a whole-vault run a pass over the vault; it yields to the UI as it goes.
 */
export async function findCandidatesReadingText(
	vault: Pick<Vault, "getMarkdownFiles" | "cachedRead">,
	metadataCache: Pick<MetadataCache, "getFileCache">,
	settings: DetectionSettings & Pick<OmnivoreQueueSettings, "includeFolders" | "excludeFolders">,
	clock: Clock,
): Promise<TFile[]> {
	const sure = findCandidates(vault, metadataCache, settings);
	if (settings.match === "tag") return sure;
	const known = new Set(sure.map((file) => file.path));
	const yielder = new Yielder(clock);
	const found = [...sure];
	for (const file of vault.getMarkdownFiles()) {
		if (known.has(file.path) || !isInScope(file.path, settings.includeFolders, settings.excludeFolders)) continue;
		if (mayBeOmnivoreByText(await vault.cachedRead(file), settings)) found.push(file);
		await yielder.maybeYield();
	}
	return found.length === sure.length ? sure : found.sort((a, b) => a.path.localeCompare(b.path));
}
