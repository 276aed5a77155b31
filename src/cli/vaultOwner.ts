// Run with sudo, what a command creates in the vault would be root's, and the vault's owner could then
// neither edit it nor undo the run: new files and folders are given the vault's owner, as the notes a
// command changes keep theirs.

import { chownSync, lchownSync, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/** The vault's owner when this process is root (only root gives files away); else null. */
function ownerToGive(vault: string): { uid: number; gid: number } | null {
	if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
	try {
		const { uid, gid } = statSync(vault);
		return uid === 0 ? null : { uid, gid };
	} catch {
		return null;
	}
}

function chownQuietly(path: string, owner: { uid: number; gid: number }): void {
	try {
		chownSync(path, owner.uid, owner.gid);
	} catch {
		// The file is there and usable; only its owner differs.
	}
}

/** A file this run created, given the vault's owner. */
export function giveToVaultOwner(vault: string, path: string): void {
	const owner = ownerToGive(vault);
	if (owner) chownQuietly(path, owner);
}

/** `folder` and the folders above it that it lacks, made and given the vault's owner. */
export function makeFolders(vault: string, folder: string): void {
	const first = mkdirSync(folder, { recursive: true });
	const owner = first === undefined ? null : ownerToGive(vault);
	if (!first || !owner) return;
	for (let at = folder; ; at = dirname(at)) {
		chownQuietly(at, owner);
		if (at === first || dirname(at) === at) return;
	}
}

/**
 * `folder` and everything in it, given the vault's owner (links themselves, never what they lead to):
 * the state folder after a run under sudo, whose later runs wrote files there as root.
 */
export function giveTreeToVaultOwner(vault: string, folder: string): void {
	const owner = ownerToGive(vault);
	if (!owner) return;
	const walk = (path: string): void => {
		try {
			lchownSync(path, owner.uid, owner.gid);
			if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
		} catch {
			// Best effort: the run itself is done.
		}
	};
	walk(folder);
}
