// Finds the notes that may be Omnivore notes from the metadata cache, without reading any file.

import { getAllTags, type CachedMetadata, type MetadataCache, type TFile, type Vault } from "obsidian";
import { tagMatches } from "../../core";
import type { OmnivoreQueueSettings } from "../settings";
import { isInScope } from "./folderScope";

/**
 * Tagged in the body or frontmatter, per the cache. A block Obsidian could not parse has a position
 * but no values: such a note may be tagged inside it, so it is a candidate the engine then checks.
 */
export function mayBeOmnivoreNote(cache: CachedMetadata | null, tagName: string): boolean {
	if (!cache) return false;
	if (cache.frontmatterPosition && !cache.frontmatter) return true;
	return (getAllTags(cache) ?? []).some((tag) => tagMatches(tag, tagName));
}

export function findCandidates(
	vault: Pick<Vault, "getMarkdownFiles">,
	metadataCache: Pick<MetadataCache, "getFileCache">,
	settings: Pick<OmnivoreQueueSettings, "tagName" | "includeFolders" | "excludeFolders">,
): TFile[] {
	return vault
		.getMarkdownFiles()
		.filter(
			(file) =>
				isInScope(file.path, settings.includeFolders, settings.excludeFolders) &&
				mayBeOmnivoreNote(metadataCache.getFileCache(file), settings.tagName),
		)
		.sort((a, b) => a.path.localeCompare(b.path));
}
