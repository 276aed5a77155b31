// One writing run per vault: a lock file in `.omnivore-queue/`. A lock left by a process that is gone
// (killed, a crash) is taken over; a live one stops the second run with the holder's name.

import { chmodSync, closeSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { readStateFile } from "./stateFile";
import { giveToVaultOwner, giveTreeToVaultOwner } from "./vaultOwner";

export const STATE_FOLDER = ".omnivore-queue";
export const LOCK_NAME = "lock";
const LOCK_FILE = `${STATE_FOLDER}/${LOCK_NAME}`;

interface LockOwner {
	pid: number;
	host: string;
	command: string;
	startedAt: number;
}

export class LockHeldError extends Error {}

// A stale lock that is taken over by another run in between is looked at again, a few times.
const TAKE_OVER_TRIES = 3;

export interface VaultLock {
	/** Whether this run created `.omnivore-queue/` (so it can remove it again if it stays empty). */
	createdFolder: boolean;
	release(): void;
}

export function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

function readLock(path: string): Buffer | null {
	try {
		// Only a regular file: reading a FIFO put in its place would wait for ever.
		return readStateFile(path);
	} catch {
		return null;
	}
}

function ownerIn(bytes: Buffer | null): LockOwner | null {
	try {
		const owner = JSON.parse(bytes?.toString("utf8") ?? "") as LockOwner;
		return typeof owner.pid === "number" ? owner : null;
	} catch {
		return null;
	}
}

/**
 * Moves a stale lock out of the way, only while it is still the one found stale (`stale`, its bytes):
 * two runs may find the same dead run's lock, and the second must not remove the lock the first has
 * taken since. A rename is atomic, so only one of them moves the stale lock; a lock moved by mistake
 * is put back (a link never replaces a lock made meanwhile).
 */
function takeOver(path: string, stale: Buffer | null): void {
	const aside = `${path}.${process.pid}.stale`;
	try {
		renameSync(path, aside);
	} catch (error) {
		// Gone: another run took it over first, and the next attempt meets its lock.
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
		throw error;
	}
	try {
		if (!(readLock(aside) ?? Buffer.alloc(0)).equals(stale ?? Buffer.alloc(0))) linkSync(aside, path);
	} catch {
		// A lock was made meanwhile: that one stays.
	}
	unlinkSync(aside);
}

/** Whether a lock can be taken over: its process is gone, or it was never fully written long ago. */
function isStale(path: string, owner: LockOwner | null): boolean {
	// Our own process id from before this process started: an earlier run's (pid 1 in a container, each time).
	if (owner?.pid === process.pid && owner.host === hostname()) return owner.startedAt < Date.now() - process.uptime() * 1000 - 1000;
	if (owner) return owner.host === hostname() && !isProcessAlive(owner.pid);
	try {
		return Date.now() - statSync(path).mtimeMs > 10_000;
	} catch {
		return true;
	}
}

/**
 * The state folder, in a vault known to exist: not `recursive`, which says ENOENT for a read-only disk
 * (EROFS). Its owner's only: the journal holds the old text of notes others may not be allowed to read.
 */
function makeFolder(vault: string, folder: string): void {
	try {
		mkdirSync(folder, { mode: 0o700 });
		// At once, not only when the run ends: a run under sudo that is killed left it root's, and its
		// owner could not run the tool again until root did.
		giveToVaultOwner(vault, folder);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
	}
}

/**
 * The journal's folder, when there is one, must be a folder: a file (or a FIFO) in its place would make
 * every note of the run fail to be journaled, one report line each. Said once, before anything runs.
 */
function checkJournalFolder(folder: string): void {
	const journal = join(folder, "journal");
	let info;
	try {
		info = lstatSync(journal);
	} catch {
		return;
	}
	if (!info.isDirectory()) throw new Error(`its journal for undo, ${journal}, is not a folder; move it aside and run again`);
}

/** A state folder an older version left readable by others is made its owner's only too (when it is ours to change). */
function keepPrivate(folder: string): void {
	try {
		const { mode, uid } = statSync(folder);
		if ((mode & 0o077) !== 0 && (typeof process.getuid !== "function" || process.getuid() === uid)) chmodSync(folder, mode & 0o700);
	} catch {
		// Only privacy is at stake, not the run.
	}
}

/**
 * Creates the lock, or nothing: a lock left empty (the disk filled as it was written) would stop
 * every run for ten seconds, with a message to delete it by hand.
 */
function writeLock(path: string, owner: LockOwner): void {
	const fd = openSync(path, "wx");
	try {
		writeSync(fd, JSON.stringify(owner));
	} catch (error) {
		closeSync(fd);
		unlinkSync(path);
		throw error;
	}
	closeSync(fd);
}

export function acquireVaultLock(vault: string, command: string): VaultLock {
	const folder = join(vault, STATE_FOLDER);
	const createdFolder = !existsSync(folder);
	makeFolder(vault, folder);
	keepPrivate(folder);
	checkJournalFolder(folder);
	const path = join(vault, LOCK_FILE);
	const owner: LockOwner = { pid: process.pid, host: hostname(), command, startedAt: Date.now() };
	for (let attempt = 0; ; attempt++) {
		try {
			writeLock(path, owner);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
			const bytes = readLock(path);
			const holder = ownerIn(bytes);
			if (attempt < TAKE_OVER_TRIES && isStale(path, holder)) {
				takeOver(path, bytes);
				continue;
			}
			const who = holder
				? `omnivore-queue ${holder.command} (process ${holder.pid} on ${holder.host}, started ${new Date(holder.startedAt).toLocaleString()})`
				: "another omnivore-queue run";
			throw new LockHeldError(`${who} is working on this vault. Wait for it to finish; if that process is gone, delete ${path}.`);
		}
	}
	return {
		createdFolder,
		release: () => {
			try {
				unlinkSync(path);
				if (createdFolder) {
					rmdirSync(folder);
					return;
				}
			} catch {
				// The folder holds the journal or the record of checked notes: it stays.
			}
			// Every run, not only the one that made the folder: files a later run under sudo wrote are root's too.
			giveTreeToVaultOwner(vault, folder);
		},
	};
}
