// Writes a file so that a crash leaves either the old or the new text, never a partial file, and the
// file keeps its owner, group and mode.

import { closeSync, fchmodSync, fchownSync, fstatSync, lstatSync, openSync, renameSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, extname, join } from "node:path";

export interface AtomicWriteOptions {
	/** Permission bits of the new file (default: those of the file replaced, or 0644). */
	mode?: number;
	/** Owner and group to give the new file; when that is not allowed the write fails with `OwnerNotKeptError`. */
	owner?: { uid: number; gid: number };
	/** Called once the new text is on disk, just before the rename: false cancels the write. */
	stillCurrent?: () => boolean;
	/** Given the new file's stat once it is written, owner and mode set (before the rename). */
	onWritten?: (info: Stats) => void;
}

// Synchronous on purpose: a batch tool gains nothing from overlapping writes, and sync calls avoid
// waiting on the event loop between files.
let sequence = 0;

/** `.<name>.<pid>-<n>.tmp`: a run can recognise (and remove) the leftovers of a killed run. */
// Only the kinds of files this tool writes (notes, its records, its journal, and images, as `<name>.download`),
// so no one else's file matches.
export const TEMPORARY_NAME = /^\.(.+\.(?:md|json|jsonl|download))\.(\d+)-\d+\.tmp$/i;

// Most file systems allow 255 bytes in a name (ext4, APFS, tmpfs); Windows 255 UTF-16 units, never fewer bytes.
const MAX_NAME_BYTES = 255;

/** `name` then `suffix`, the end of the name's stem (never its extension) cut so that the whole fits in a file name. */
export function fittedName(name: string, suffix: string): string {
	const extension = extname(name);
	const stem = [...name.slice(0, name.length - extension.length)];
	while (stem.length > 1 && Buffer.byteLength(stem.join("") + extension + suffix) > MAX_NAME_BYTES) stem.pop();
	return stem.join("") + extension + suffix;
}

/** A new temporary file's path beside `path`, named as TEMPORARY_NAME says (a note of 250 bytes' name gets one too). */
export function temporaryPath(path: string): string {
	return join(dirname(path), fittedName(`.${basename(path)}`, `.${process.pid}-${sequence++}.tmp`));
}

/**
 * Write to a temporary file beside the target (same folder, same file system), give it the target's
 * owner and mode, then rename it over the target. Returns false when `stillCurrent` said no.
 */
export function writeFileAtomic(path: string, text: string | Uint8Array, options: AtomicWriteOptions = {}): boolean {
	const mode = options.mode ?? currentMode(path);
	// Unique per process and write; `wx` refuses a name that exists.
	const temporary = temporaryPath(path);
	let renamed = false;
	try {
		const fd = openSync(temporary, "wx", 0o600);
		try {
			writeFileSync(fd, text, typeof text === "string" ? "utf8" : undefined);
			// Owner first: changing the owner may clear set-id bits, and the umask narrowed the mode.
			if (options.owner) giveOwner(fd, options.owner);
			fchmodSync(fd, mode);
			options.onWritten?.(fstatSync(fd));
		} finally {
			closeSync(fd);
		}
		if (options.stillCurrent && !options.stillCurrent()) return false;
		renameRetrying(temporary, path);
		renamed = true;
		return true;
	} finally {
		if (!renamed) removeQuietly(temporary);
	}
}

/** The new file could not be given the owner asked for (a run that is not root, NFS with root squashed). */
export class OwnerNotKeptError extends Error {
	constructor(readonly reason: unknown) {
		super(reason instanceof Error ? reason.message : String(reason));
		this.name = "OwnerNotKeptError";
	}
}

function giveOwner(fd: number, owner: { uid: number; gid: number }): void {
	try {
		fchownSync(fd, owner.uid, owner.gid);
	} catch (error) {
		// Told apart from the other EPERMs of a write (an immutable or append-only note or folder).
		throw new OwnerNotKeptError(error);
	}
}

// Windows refuses a rename for a moment while an antivirus, indexer or sync client holds the file open.
const RETRY_CODES = new Set(["EPERM", "EBUSY", "EACCES"]);
const RETRY_DELAYS_MS = [10, 30, 100, 300];

export function renameRetrying(from: string, to: string, retry = process.platform === "win32"): void {
	for (let attempt = 0; ; attempt++) {
		try {
			renameSync(from, to);
			return;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? "";
			if (!retry || !RETRY_CODES.has(code) || attempt >= RETRY_DELAYS_MS.length) throw error;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_DELAYS_MS[attempt]);
		}
	}
}

function removeQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {
		// Never created.
	}
}

/** The mode of the file replaced; a link's target's is not it (a state file linked to `/dev/zero` would come back world-writable). */
function currentMode(path: string): number {
	try {
		const info = lstatSync(path);
		return info.isFile() ? info.mode & 0o7777 : 0o644;
	} catch {
		return 0o644;
	}
}
