// A second name, in the state folder, for each old file a run replaces, made just before the rename:
// a writer that opened the note before it was replaced and writes only much later (after the old
// file's descriptor was closed) is still seen at the end of the run, without holding a file open for
// every note. Only the old file's stat and ours are kept, never their text.

import { linkSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { writeFileAtomic, type AtomicWriteOptions } from "./atomicWrite";
import { STATE_FOLDER } from "./vaultLock";
import { giveToVaultOwner, makeFolders } from "./vaultOwner";

/** `watch-<pid>-<thread>[-<n>]`: each thread's own folder of links, made new; a later run removes those of a run that is gone. */
export const WATCH_FOLDER = /^watch-(\d+)-\d+(?:-\d+)?$/;
export const WATCH_NAME = /^\d+\.old$/;

/** The file that replaced a note, known by inode, size and modification time (a rename keeps them). */
export interface OurFile {
	ino: number;
	size: number;
	mtimeMs: number;
}

export interface LinkedOldFile {
	path: string;
	absolute: string;
	link: string;
	/** The old file's size and modification time when it was last seen unchanged. */
	checked: { size: number; mtimeMs: number };
	ours: OurFile;
	keep: AtomicWriteOptions;
}

let sequence = 0;
const folders = new Map<string, string | null>();

/**
 * This thread's watch folder in the vault's state folder: a new folder of its own (made exclusively,
 * so never one found there, be it a file, a link elsewhere or a folder it may not write in), given
 * the vault's owner under sudo. Null when none can be made.
 */
function watchFolder(vault: string): string | null {
	const known = folders.get(vault);
	if (known !== undefined) return known;
	let made: string | null = null;
	for (let n = 0; n < 64 && made === null; n++) {
		const folder = join(vault, STATE_FOLDER, `watch-${process.pid}-${threadId}${n > 0 ? `-${n}` : ""}`);
		try {
			// The state folder is there in a run (its lock is in it); made here for a store used alone.
			makeFolders(vault, join(vault, STATE_FOLDER));
			mkdirSync(folder, { mode: 0o700 });
			giveToVaultOwner(vault, folder);
			made = folder;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "EEXIST") break;
		}
	}
	folders.set(vault, made);
	return made;
}

/** The watch folders this process has made and not yet removed: never a leftover, whatever its process id. */
export function watchFoldersInUse(): Set<string> {
	return new Set([...folders.values()].filter((folder): folder is string => folder !== null));
}

/** A hard link to the note as it is now, or null where none can be made (another disk, a file system without them). */
export function linkOldFile(vault: string, absolute: string): string | null {
	const folder = watchFolder(vault);
	if (folder === null) return null;
	const link = join(folder, `${sequence++}.old`);
	try {
		linkSync(absolute, link);
		return link;
	} catch {
		return null;
	}
}

/** The old file's bytes when a write reached it since it was seen, else null. */
export function lateBytes(linked: LinkedOldFile): Buffer | null {
	const now = statSync(linked.link);
	if (now.size === linked.checked.size && now.mtimeMs === linked.checked.mtimeMs) return null;
	return readFileSync(linked.link);
}

function isOurs(absolute: string, ours: OurFile): boolean {
	try {
		const now = statSync(absolute);
		return now.ino === ours.ino && now.size === ours.size && now.mtimeMs === ours.mtimeMs;
	} catch {
		return false;
	}
}

/**
 * Puts the late text back, only over the note while it is still the file this run wrote; false when
 * the note changed since (the caller saves the late text aside) or the write failed.
 */
export function putBackOverOurs({ absolute, ours, keep }: LinkedOldFile, edited: Buffer): boolean {
	if (!isOurs(absolute, ours)) return false;
	try {
		return writeFileAtomic(absolute, edited, { ...keep, stillCurrent: () => isOurs(absolute, ours) });
	} catch {
		return false;
	}
}

export function unlinkQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {
		// Gone already.
	}
}

/** At the end of a run: this thread's watch folder, once its links are gone; a later run makes a new one. */
export function removeWatchFolder(vault: string): void {
	const folder = folders.get(vault);
	folders.delete(vault);
	if (!folder) return;
	try {
		rmdirSync(folder);
	} catch {
		// A link that could not be removed: a later run removes the folder.
	}
}
