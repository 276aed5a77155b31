// Edits that reach a note's old file after it was checked and replaced (a writer that opened it just
// before the rename): the old file is kept open for a while and looked at again, and after that it is
// still reached through a link in the state folder until the run ends. Such an edit is put back for
// the run to tidy it anew, joined with any append the new file got meanwhile; when the two cannot be
// joined, the late edit is saved aside and the note reported, never dropped.

import { closeSync, fstatSync, readFileSync, readSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { writeFileAtomic, type AtomicWriteOptions } from "./atomicWrite";
import { lateBytes, linkOldFile, putBackOverOurs, removeWatchFolder, unlinkQuietly, type LinkedOldFile, type OurFile } from "./oldFileLinks";
import { saveLateEdit, type LateEditSaved } from "./lateEditsSaved";
import { openFilesLimit } from "./workerCount";

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
	/** A second name of the old file (`linkOld`) and the file that replaced it, looked at again at the end of the run. */
	link?: string | null;
	ours?: OurFile;
}

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
	/** Old files no longer held open, still reachable by their link until the end of the run. */
	private readonly linked: LinkedOldFile[] = [];
	private readonly roots = new Set<string>();
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
		openFiles: number | null = openFilesLimit(),
	) {
		// At most half the files the process may open, the rest left for the notes and the journal:
		// under `ulimit -n 200`, two workers holding 128 each left the journal none.
		const held = Math.min(HELD, Math.floor((openFiles ?? Infinity) / 2));
		this.capacity = Math.max(HELD_AT_LEAST, Math.floor(held / sharedBy));
	}

	/**
	 * Call just before the rename, after the last look: a second name for the old file, so it can be looked
	 * at again until the run ends; null where none can be made (the descriptor alone watches it then).
	 */
	linkOld(path: string, absolute: string): string | null {
		const root = this.rootOf(path, absolute);
		this.roots.add(root);
		return linkOldFile(root, absolute);
	}

	private rootOf(path: string, absolute: string): string {
		return this.vault ?? path.split("/").reduce((folder) => dirname(folder), absolute);
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
			let watchOn = false;
			try {
				const now = fstatSync(replaced.fd);
				const edited = now.size === replaced.checked.size && now.mtimeMs === replaced.checked.mtimeMs ? null : readBytes(replaced.fd, now.size);
				if (edited === null || edited.equals(replaced.read)) {
					// Unchanged so far: its link watches it to the end of the run.
					watchOn = this.watchByLink(replaced, now);
					continue;
				}
				if (this.tryPutBack(replaced, edited)) this.putBack.push(replaced.path);
				else this.saved.push(saveLateEdit(this.rootOf(replaced.path, replaced.absolute), replaced, edited));
			} catch {
				// The old file could not be read again: nothing more can be done for it.
			} finally {
				closeSync(replaced.fd);
				if (replaced.link && !watchOn) unlinkQuietly(replaced.link);
			}
		}
	}

	private watchByLink({ path, absolute, link, ours, keep }: Replaced, now: Stats): boolean {
		if (!link || !ours) return false;
		this.linked.push({ path, absolute, link, ours, keep, checked: { size: now.size, mtimeMs: now.mtimeMs } });
		return true;
	}

	/** The last look at the old files no longer held open, through their links, which are then removed. */
	private sweepLinked(): void {
		for (const linked of this.linked.splice(0)) {
			try {
				const edited = lateBytes(linked);
				if (edited === null) continue;
				if (putBackOverOurs(linked, edited)) this.putBack.push(linked.path);
				else this.saved.push(saveLateEdit(this.rootOf(linked.path, linked.absolute), linked, edited));
			} catch {
				// The link could not be read: nothing more can be done for it.
			} finally {
				unlinkQuietly(linked.link);
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

	/** At the end of a run: the last look, and the notes whose late edit was put back. */
	async settle(): Promise<string[]> {
		if (this.held.length > 0 || this.linked.length > 0) await sleep(SETTLE_MS);
		this.sweep();
		this.sweepLinked();
		for (const root of this.roots) removeWatchFolder(root);
		return this.putBack.splice(0);
	}

	/** Late edits that could not be put back since the last call (after `settle`). */
	takeSaved(): LateEditSaved[] {
		return this.saved.splice(0);
	}
}

function startsWith(bytes: Buffer, start: Buffer): boolean {
	return bytes.length >= start.length && bytes.subarray(0, start.length).equals(start);
}
