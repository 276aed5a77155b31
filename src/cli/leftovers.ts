// Removes the temporary files of writing runs that were killed before their rename: their text was
// never a note's, and nothing else would ever remove them.

import { lstatSync, readdirSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { TEMPORARY_NAME } from "./atomicWrite";
import { WATCH_FOLDER, WATCH_NAME, watchFoldersInUse } from "./oldFileLinks";
import type { VaultListing } from "./vaultFiles";
import { isProcessAlive, STATE_FOLDER } from "./vaultLock";

/**
 * Temporary files of earlier runs that were killed before their rename: their text was never a note's.
 * With `followLinks`, also beside the notes linked from outside the vault, where such runs wrote too.
 */
export function removeLeftovers(vault: string, listing: VaultListing, followLinks = false): void {
	removeWatchLeftovers(vault);
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
	for (const { absolute, pid } of [...listing.leftovers, ...[state, join(state, "journal"), ...outsideFolders].flatMap(inFolder)]) {
		if (pid === process.pid || isProcessAlive(pid)) continue;
		try {
			unlinkSync(absolute);
		} catch {
			// Gone already, or not ours to remove.
		}
	}
}

/**
 * The links to old files a killed run kept to watch for late edits (their late edits can no longer
 * be told apart), and their folders: only real folders of the state folder, never through a link.
 */
export function removeWatchLeftovers(vault: string): void {
	const state = join(vault, STATE_FOLDER);
	let names: string[];
	try {
		names = readdirSync(state);
	} catch {
		return;
	}
	const inUse = watchFoldersInUse();
	const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
	for (const name of names) {
		const pid = Number(WATCH_FOLDER.exec(name)?.[1] ?? NaN);
		const folder = join(state, name);
		// A process of our own id is an earlier one (pid 1 in a container) unless the folder is this one's.
		if (Number.isNaN(pid) || inUse.has(folder) || (pid !== process.pid && isProcessAlive(pid))) continue;
		try {
			const info = lstatSync(folder);
			// Root never empties a folder another user owns: swapped for a link meanwhile, it would lead elsewhere.
			if (!info.isDirectory() || (asRoot && info.uid !== 0)) continue;
			for (const link of readdirSync(folder)) if (WATCH_NAME.test(link)) unlinkSync(join(folder, link));
			rmdirSync(folder);
		} catch {
			// Not ours to remove, or something else is in it: it stays.
		}
	}
}
