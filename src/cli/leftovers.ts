// Removes the temporary files of writing runs that were killed before their rename: their text was
// never a note's, and nothing else would ever remove them.

import { readdirSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { TEMPORARY_NAME } from "./atomicWrite";
import { WATCH_FOLDER, WATCH_NAME } from "./oldFileLinks";
import type { VaultListing } from "./vaultFiles";
import { isProcessAlive, STATE_FOLDER } from "./vaultLock";

/**
 * Temporary files of earlier runs that were killed before their rename: their text was never a note's.
 * With `followLinks`, also beside the notes linked from outside the vault, where such runs wrote too.
 */
export function removeLeftovers(vault: string, listing: VaultListing, followLinks = false): void {
	const state = join(vault, STATE_FOLDER);
	const outsideFolders = followLinks ? [...new Set(listing.files.filter((file) => file.outside).map((file) => dirname(file.absolute)))] : [];
	const inFolder = (folder: string) => {
		try {
			return readdirSync(folder)
				.map((name) => ({ name, match: TEMPORARY_NAME.exec(name) }))
				.filter(({ match }) => match !== null)
				.map(({ name, match }) => ({ absolute: join(folder, name), pid: Number(match?.[2]) }));
		} catch {
			return [];
		}
	};
	// Links to the old files of notes a killed run replaced: their late edits can no longer be told apart.
	const watch = join(vault, ...WATCH_FOLDER.split("/"));
	const oldFiles = (() => {
		try {
			return readdirSync(watch).flatMap((name) => {
				const match = WATCH_NAME.exec(name);
				return match ? [{ absolute: join(watch, name), pid: Number(match[1]) }] : [];
			});
		} catch {
			return [];
		}
	})();
	for (const { absolute, pid } of [...listing.leftovers, ...[state, join(state, "journal"), ...outsideFolders].flatMap(inFolder), ...oldFiles]) {
		if (pid === process.pid || isProcessAlive(pid)) continue;
		try {
			unlinkSync(absolute);
		} catch {
			// Gone already, or not ours to remove.
		}
	}
}

