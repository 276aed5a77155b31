// A second name, in the state folder, for each old file a run replaces, made just before the rename:
// a writer that opened the note before it was replaced and writes only much later (after the old
// file's descriptor was closed) is still seen at the end of the run, without holding a file open for
// every note. Only the old file's stat and ours are kept, never their text.

import { linkSync, lstatSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { writeFileAtomic, type AtomicWriteOptions } from "./atomicWrite";
import { STATE_FOLDER } from "./vaultLock";

export const WATCH_FOLDER = `${STATE_FOLDER}/watch`;
/** `<pid>-<thread>-<n>.old`: a later run removes those of a run that is gone. */
export const WATCH_NAME = /^(\d+)-\d+-\d+\.old$/;

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
const madeFolders = new Set<string>();

/**
 * The watch folder, made when missing; never one that is a link (the old files of the notes would be
 * linked wherever it leads) nor anything but a folder. False: no links this time.
 */
function makeWatchFolder(folder: string): boolean {
	try {
		mkdirSync(folder, { recursive: true, mode: 0o700 });
		return lstatSync(folder).isDirectory();
	} catch {
		return false;
	}
}

/** A hard link to the note as it is now, or null where none can be made (another disk, a file system without them). */
export function linkOldFile(vault: string, absolute: string): string | null {
	const folder = join(vault, ...WATCH_FOLDER.split("/"));
	if (!madeFolders.has(folder)) {
		if (!makeWatchFolder(folder)) return null;
		madeFolders.add(folder);
	}
	const link = join(folder, `${process.pid}-${threadId}-${sequence++}.old`);
	try {
		linkSync(absolute, link);
		return link;
	} catch (error) {
		// The folder was removed since (the end of an earlier round): made again, once.
		if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !makeWatchFolder(folder)) return null;
	}
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

/** The watch folder once every thread's links are gone (the others' are still there: it stays). */
export function removeWatchFolder(vault: string): void {
	try {
		rmdirSync(join(vault, ...WATCH_FOLDER.split("/")));
	} catch {
		// Not empty, or never made.
	}
}
