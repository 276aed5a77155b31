// A late edit that could not be put back is saved under `.omnivore-queue/late-edits/`, beside nothing
// it could overwrite, and reported: never dropped, never silent.

import { closeSync, fchownSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Problem } from "../core";
import { fittedName, type AtomicWriteOptions } from "./atomicWrite";
import { describeFsError } from "./vaultFiles";
import { STATE_FOLDER } from "./vaultLock";

/** A late edit that could not be put back: where it was saved (vault-relative), or why it could not be. */
export interface LateEditSaved {
	path: string;
	savedAs: string | null;
	reason?: string;
}

export const LATE_EDITS_FOLDER = `${STATE_FOLDER}/late-edits`;

/** Saves a late edit under `.omnivore-queue/late-edits/`, beside nothing it could overwrite. */
export function saveLateEdit(root: string, { path, keep }: { path: string; keep: AtomicWriteOptions }, edited: Buffer): LateEditSaved {
	const stamp = new Date().toISOString().replace(/[:.]/g, "-");
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

/** A late edit that reached the old file while the note was edited again: never dropped, never silent. */
export function lateEditProblem(late: LateEditSaved): Problem {
	const what = "An edit reached the note's old file just as it was replaced, and the note was edited again since, so the two could not be joined";
	const message = late.savedAs
		? `${what}; the note keeps its newer text and the late edit was saved in ${late.savedAs} (copy what you need from it).`
		: `${what}, and the late edit could not be saved: ${late.reason ?? "unknown error"}.`;
	return { code: "unwritable-file", message };
}

function chownQuietly(fd: number, owner: { uid: number; gid: number }): void {
	try {
		fchownSync(fd, owner.uid, owner.gid);
	} catch {
		// A copy in our own folder: it stays this run's user's.
	}
}
