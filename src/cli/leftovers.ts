// Removes the temporary files of writing runs that were killed before their rename: their text was
// never a note's, and nothing else would ever remove them.

import { readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { TEMPORARY_NAME } from "./atomicWrite";
import type { VaultListing } from "./vaultFiles";
import { isProcessAlive, STATE_FOLDER } from "./vaultLock";

/** Temporary files of earlier runs that were killed before their rename: their text was never a note's. */
export function removeLeftovers(vault: string, listing: VaultListing): void {
	const state = join(vault, STATE_FOLDER);
	const inState = (folder: string) => {
		try {
			return readdirSync(folder)
				.map((name) => ({ name, match: TEMPORARY_NAME.exec(name) }))
				.filter(({ match }) => match !== null)
				.map(({ name, match }) => ({ absolute: join(folder, name), pid: Number(match?.[2]) }));
		} catch {
			return [];
		}
	};
	for (const { absolute, pid } of [...listing.leftovers, ...inState(state), ...inState(join(state, "journal"))]) {
		if (pid === process.pid || isProcessAlive(pid)) continue;
		try {
			unlinkSync(absolute);
		} catch {
			// Gone already, or not ours to remove.
		}
	}
}

