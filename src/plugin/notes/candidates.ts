// Finds the notes that may be Omnivore notes from the metadata cache, without reading any file.

import { getAllTags, type CachedMetadata, type MetadataCache, type TFile, type Vault } from "obsidian";
import { mayBeOmnivoreByMetadata } from "../../core";
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
