// Edits that reach a note's old file after it was checked and replaced (a writer that opened it just
// before the rename): the old file is kept open for a while and looked at again. Such an edit is put
// back for the run to tidy it anew, joined with any append the new file got meanwhile; when the two
// cannot be joined, the late edit is saved aside and the note reported, never dropped.

import { closeSync, fchownSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Problem } from "../core";
import { fittedName, writeFileAtomic, type AtomicWriteOptions } from "./atomicWrite";
import { describeFsError } from "./vaultFiles";
import { STATE_FOLDER } from "./vaultLock";

interface Replaced {
	path: string;
	absolute: string;
	/** Descriptor of the replaced (old) file. */
	fd: number;
	/** Its stat when it was checked, just before the rename. */
	checked: Stats;
	/** Its bytes then (what was tidied). */
	read: Buffer;
	/** What replaced it. */
	written: string;
	keep: AtomicWriteOptions;
}

/** A late edit that could not be put back: where it was saved (vault-relative), or why it could not be. */
export interface LateEditSaved {
	path: string;
	savedAs: string | null;
	reason?: string;
}

export const LATE_EDITS_FOLDER = `${STATE_FOLDER}/late-edits`;

// Enough to look again long after the rename, few enough to stay below the open-files limit, which
// the threads of a run share (Node raises it to the hard limit, but `ulimit -n 1024` sets that too).
const HELD = 256;
const HELD_AT_LEAST = 8;
// Before the last look: a writer that opened the old file just before the rename has written by then.
// No old file is looked at again sooner, unless the process is out of open files.
const SETTLE_MS = 50;
// Tries at joining a late edit with a note that keeps growing, before it is saved aside.
const JOIN_TRIES = 3;

/** The whole file behind a descriptor, from its start. */
export function readBytes(fd: number, size: number): Buffer {
	const buffer = Buffer.alloc(size);
	let offset = 0;
	while (offset < size) {
		const read = readSync(fd, buffer, offset, size - offset, offset);
		if (read === 0) break;
		offset += read;
	}
	return buffer.subarray(0, offset);
}

function readCurrent(absolute: string): Buffer | null {
	try {
		return readFileSync(absolute);
	} catch {
		return null;
	}
}

export class LateEditWatch {
	private readonly held: Array<Replaced & { since: number }> = [];
	private readonly putBack: string[] = [];
	private readonly saved: LateEditSaved[] = [];

	private readonly capacity: number;

	/**
	 * `vault`: where `.omnivore-queue/late-edits/` is; without it, found from the note's path.
	 * `sharedBy`: how many watches of this process share its open files (one per thread of a run).
	 */
	constructor(
		private readonly vault?: string,
		sharedBy = 1,
	) {
		this.capacity = Math.max(HELD_AT_LEAST, Math.floor(HELD / sharedBy));
	}

	hold(replaced: Replaced): void {
		const now = Date.now();
		this.held.push({ ...replaced, since: now });
		if (this.held.length < this.capacity) return;
		// The older half, held long enough: a file replaced a moment ago keeps its watch (swept at once,
		// an edit that reached it a millisecond after the rename was lost).
		const ripe = this.held.findIndex(({ since }) => now - since < SETTLE_MS);
		this.sweep(this.held.splice(0, Math.min(Math.ceil(this.held.length / 2), ripe === -1 ? this.held.length : ripe)));
	}

	/** Out of open files: the last look at the older half of the old files now, and they are closed. False: none was held. */
	release(): boolean {
		if (this.held.length === 0) return false;
		this.sweep(this.held.splice(0, Math.ceil(this.held.length / 2)));
		return true;
	}

	/** Look at old files again; returns nothing, the paths put back accumulate for `settle`. */
	private sweep(replacedFiles = this.held.splice(0)): void {
		for (const replaced of replacedFiles) {
			try {
				const now = fstatSync(replaced.fd);
				if (now.size === replaced.checked.size && now.mtimeMs === replaced.checked.mtimeMs) continue;
				const edited = readBytes(replaced.fd, now.size);
				if (edited.equals(replaced.read)) continue;
				if (this.tryPutBack(replaced, edited)) this.putBack.push(replaced.path);
				else this.saved.push(this.saveAside(replaced, edited));
			} catch {
				// The old file could not be read again: nothing more can be done for it.
			} finally {
				closeSync(replaced.fd);
			}
		}
	}

	/** Puts the late edit back, or false: a write that fails (a full disk) leaves it to be saved aside, never dropped. */
	private tryPutBack(replaced: Replaced, edited: Buffer): boolean {
		try {
			return this.putBackJoined(replaced, edited);
		} catch {
			return false;
		}
	}

	/**
	 * Puts the late edit back: over our own text as it is, or, when both the old file and the note only
	 * grew (appends to each), as the late text followed by what the note gained since. False: it could not.
	 */
	private putBackJoined({ absolute, written, read, keep }: Replaced, edited: Buffer): boolean {
		const ours = Buffer.from(written, "utf8");
		for (let attempt = 0; attempt < JOIN_TRIES; attempt++) {
			const current = readCurrent(absolute);
			if (current === null) return false;
			let text: Buffer;
			if (current.equals(ours)) text = edited;
			else if (startsWith(edited, read) && startsWith(current, ours)) text = Buffer.concat([edited, current.subarray(ours.length)]);
			else return false;
			// Only over the note as just read: a write in between is looked at again.
			if (writeFileAtomic(absolute, text, { ...keep, stillCurrent: () => readCurrent(absolute)?.equals(current) === true })) return true;
		}
		return false;
	}

	/** Saves a late edit under `.omnivore-queue/late-edits/`, beside nothing it could overwrite. */
	private saveAside({ path, absolute, keep }: Replaced, edited: Buffer): LateEditSaved {
		const stamp = new Date().toISOString().replace(/[:.]/g, "-");
		const root = this.vault ?? path.split("/").reduce((folder) => dirname(folder), absolute);
		try {
			for (let n = 0; ; n++) {
				const name = fittedName(path.slice(path.lastIndexOf("/") + 1), `.${stamp}-${process.pid}${n > 0 ? `-${n}` : ""}`);
				const savedAs = `${LATE_EDITS_FOLDER}/${path.slice(0, path.lastIndexOf("/") + 1)}${name}`;
				const target = join(root, ...savedAs.split("/"));
				mkdirSync(dirname(target), { recursive: true });
				let fd: number;
				try {
					fd = openSync(target, "wx", keep.mode ?? 0o644);
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
					throw error;
				}
				try {
					writeSync(fd, edited);
					if (keep.owner) chownQuietly(fd, keep.owner);
				} finally {
					closeSync(fd);
				}
				return { path, savedAs };
			}
		} catch (error) {
			return { path, savedAs: null, reason: describeFsError(error) };
		}
	}

	/** At the end of a run: the last look, and the notes whose late edit was put back. */
	async settle(): Promise<string[]> {
		if (this.held.length > 0) await sleep(SETTLE_MS);
		this.sweep();
		return this.putBack.splice(0);
	}

	/** Late edits that could not be put back since the last call (after `settle`). */
	takeSaved(): LateEditSaved[] {
		return this.saved.splice(0);
	}
}

/** A late edit that reached the old file while the note was edited again: never dropped, never silent. */
export function lateEditProblem(late: LateEditSaved): Problem {
	const what = "An edit reached the note's old file just as it was replaced, and the note was edited again since, so the two could not be joined";
	const message = late.savedAs
		? `${what}; the note keeps its newer text and the late edit was saved in ${late.savedAs} (copy what you need from it).`
		: `${what}, and the late edit could not be saved: ${late.reason ?? "unknown error"}.`;
	return { code: "unwritable-file", message };
}

function startsWith(bytes: Buffer, start: Buffer): boolean {
	return bytes.length >= start.length && bytes.subarray(0, start.length).equals(start);
}

function chownQuietly(fd: number, owner: { uid: number; gid: number }): void {
	try {
		fchownSync(fd, owner.uid, owner.gid);
	} catch {
		// A copy in our own folder: it stays this run's user's.
	}
}
