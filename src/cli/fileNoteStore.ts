// The vault's notes as tidy-and-record and undo see them from the CLI: read with what the file system
// says about them, and replaced only when that is safe and the note is still what was read.

import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, type Stats } from "node:fs";
import { isUtf8 } from "node:buffer";
import { dirname } from "node:path";
import { MAX_NOTE_BYTES, NoteGoneError, NoteLeftError, type NoteStore } from "../core";
import { OwnerNotKeptError, writeFileAtomic } from "./atomicWrite";
import { LateEditWatch, readBytes } from "./lateEdits";
import type { LateEditSaved } from "./lateEditsSaved";
import { unlinkQuietly, type OurFile } from "./oldFileLinks";
import { describeFsError, whyUnreadable, type VaultFile } from "./vaultFiles";


interface ReadState {
	info: Stats;
	/** The bytes read, to compare with the file just before it is replaced. */
	bytes: Buffer;
	text: string;
}

export interface FileNoteStoreOptions {
	/** Edit notes that are links to files outside the vault. */
	followLinks: boolean;
	/** What, if anything, edits such notes when `followLinks` is off: said when one is left. */
	followLinksHint?: string;
	/** The vault's folder, where late edits that could not be put back are saved. */
	vault?: string;
	/** Threads of the run, each with its store: they share the process's open files. */
	threads?: number;
}

const OUT_OF_FILES = new Set(["EMFILE", "ENFILE"]);
// Nothing at the note's path (any more): moved or deleted.
const GONE = new Set(["ENOENT", "ENOTDIR"]);

// A pipe put where a note was would make a plain open wait for a writer forever.
const READ_WITHOUT_WAITING = constants.O_NONBLOCK === undefined ? "r" : constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * A note saved as UTF-16 (Windows Notepad's "Unicode") is read as what it says, so an Omnivore note
 * among such files is found and reported rather than passed over as unreadable bytes; never written.
 */
function utf16Bom(bytes: Buffer): "utf-16le" | "utf-16be" | null {
	if (bytes.length < 2) return null;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
	return bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
}

export class FileNoteStore implements NoteStore {
	private readonly states = new Map<string, ReadState>();
	private readonly lateEdits: LateEditWatch;

	constructor(
		private readonly fileOf: (path: string) => VaultFile,
		private readonly options: FileNoteStoreOptions,
	) {
		this.lateEdits = new LateEditWatch(options.vault, options.threads);
	}

	/** `open` again after the late-edit watch let go of the old files it held, when they used up the process's limit. */
	private freeingFiles<T>(open: () => T): T {
		try {
			return open();
		} catch (error) {
			if (!OUT_OF_FILES.has((error as NodeJS.ErrnoException).code ?? "") || !this.lateEdits.release()) throw error;
			return open();
		}
	}

	async read(path: string): Promise<string> {
		return this.readNow(path);
	}

	readNow(path: string): string {
		const file = this.fileOf(path);
		const { absolute } = file;
		if (!stillListed(file)) throw new NoteLeftError("unreadable-file", SWAPPED);
		let buffer: Buffer;
		let info: Stats;
		try {
			const fd = this.freeingFiles(() => openSync(absolute, READ_WITHOUT_WAITING));
			try {
				info = fstatSync(fd);
				if (!info.isFile()) throw new NoteLeftError("unreadable-file", `The note could not be read: it is ${info.isDirectory() ? "a folder now" : "not a file (a pipe, a socket or a device)"}.`);
				if (info.size > MAX_NOTE_BYTES) {
					throw new NoteLeftError("unreadable-file", `The note is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB, more than any Omnivore export; it was skipped.`);
				}
				buffer = readFileSync(fd);
			} finally {
				closeSync(fd);
			}
		} catch (error) {
			if (error instanceof NoteLeftError) throw error;
			const message = `The note could not be read: ${whyUnreadable(path, error)}.`;
			throw GONE.has((error as NodeJS.ErrnoException).code ?? "") ? new NoteGoneError(message) : new NoteLeftError("unreadable-file", message);
		}
		const utf16 = utf16Bom(buffer);
		const text = utf16 ? new TextDecoder(utf16).decode(buffer) : buffer.toString("utf8");
		this.states.set(path, { info, bytes: buffer, text });
		return text;
	}

	/** Done with a note that was not replaced: what was read of it is let go. */
	forget(path: string): void {
		this.states.delete(path);
	}

	async checkWritable(path: string): Promise<void> {
		const state = this.states.get(path);
		if (!state) throw new Error(`${path} was not read`);
		const { info } = state;
		const left = (message: string) => new NoteLeftError("unwritable-file", `${message}; it was left as it was.`);
		// Bytes that are not UTF-8 would not survive the round trip through text.
		if (utf16Bom(state.bytes)) throw new NoteLeftError("unreadable-file", "The note is saved as UTF-16 text, not the UTF-8 Obsidian reads; save it as UTF-8 to have it tidied. It was left as it was.");
		if (!isUtf8(state.bytes)) throw new NoteLeftError("unreadable-file", "The note is not valid UTF-8 text; it was left as it was.");
		if (this.fileOf(path).outside && !this.options.followLinks) {
			throw left(`The note is a link to a file outside the vault (${this.options.followLinksHint ?? "--follow-links edits such notes"})`);
		}
		if ((info.mode & 0o200) === 0) throw left("The note is read-only (make it writable first)");
		if (info.nlink > 1) throw left(`The note has ${info.nlink} hard links, and replacing it would split them`);
		const owner = ownerProblem(info);
		if (owner) throw left(owner);
	}

	async replace(path: string, expected: string, text: string): Promise<boolean> {
		const state = this.states.get(path);
		if (!state || state.text !== expected) throw new Error(`${path} was not read as expected`);
		const file = this.fileOf(path);
		const { absolute } = file;
		const { info } = state;
		const keep = { mode: info.mode & 0o7777, owner: process.platform === "win32" ? undefined : { uid: info.uid, gid: info.gid } };
		// On Windows an open file may refuse to be replaced, so there the old file is not watched.
		const watchLate = process.platform !== "win32";
		let held: number | null;
		try {
			// Held open across the rename: an edit that lands on the old file in between is still seen.
			held = this.freeingFiles(() => openSync(absolute, READ_WITHOUT_WAITING));
		} catch {
			return false;
		}
		const release = () => {
			if (held !== null) closeSync(held);
			held = null;
		};
		let link: string | null = null;
		try {
			let checked: Stats | null = null;
			let ours: OurFile | undefined;
			// Out of files, the write fails opening its temporary file, before anything is renamed: it can be tried again.
			const written = this.freeingFiles(() =>
				writeFileAtomic(absolute, text, {
					...keep,
					onWritten: ({ ino, size, mtimeMs }) => (ours = { ino, size, mtimeMs }),
					stillCurrent: () => {
						// A link put in the note's place or its folder's since it was read would be written through.
						checked = held === null || !stillListed(file) ? null : unchangedSince(held, state);
						if (!watchLate) release();
						else if (checked !== null) link = this.lateEdits.linkOld(path, absolute);
						return checked !== null;
					},
				}),
			);
			if (!written || checked === null) return false;
			this.states.delete(path);
			if (held !== null) {
				this.lateEdits.hold({ path, absolute, fd: held, checked, read: state.bytes, written: text, keep, link, ours });
				held = null;
				link = null;
			}
			return true;
		} catch (error) {
			if (error instanceof OwnerNotKeptError) {
				throw new NoteLeftError("unwritable-file", `The note's owner (user ${info.uid}, group ${info.gid}) could not be kept; it was left as it was.`);
			}
			throw new NoteLeftError("unwritable-file", `The note could not be written: ${describeFsError(error)}. It was left as it was.`);
		} finally {
			release();
			// The rename failed: the link is all that is left of it.
			if (link !== null) unlinkQuietly(link);
		}
	}

	/** At the end of a run: notes whose replacement an edit reached late; the edit was put back. */
	async settle(): Promise<string[]> {
		return this.lateEdits.settle();
	}

	/** After `settle`: late edits that could not be put back (the note was edited again), and where they were saved. */
	lateEditsSaved(): LateEditSaved[] {
		return this.lateEdits.takeSaved();
	}
}

const SWAPPED = "The note, or a folder above it, was replaced by a link while the run went on; it was left as it was.";

/**
 * The note is still in the folder the vault's listing found it in, and no link: none was put in its
 * place, or in its folder's (to a folder out of the vault, say), since. Gone, or no file any more (a
 * pipe), it is for the open to say.
 */
function stillListed(file: VaultFile): boolean {
	if (file.folder === undefined) return true;
	try {
		if (realpathSync.native(dirname(file.absolute)) !== file.folder) return false;
		return !lstatSync(file.absolute).isSymbolicLink();
	} catch (error) {
		return GONE.has((error as NodeJS.ErrnoException).code ?? "");
	}
}

// What the checks before a write looked at: a note made read-only, given away or hard-linked since is checked again.
const SAME_STAT: Array<keyof Stats> = ["size", "mtimeMs", "ctimeMs", "ino", "mode", "nlink", "uid", "gid"];

/** Just before the rename: the note still has the stat and bytes it had when read (its stat then), or null. */
function unchangedSince(fd: number, state: ReadState): Stats | null {
	const now = fstatSync(fd);
	if (SAME_STAT.some((key) => now[key] !== state.info[key])) return null;
	return readBytes(fd, now.size).equals(state.bytes) ? now : null;
}

/** Why this process could not give a rewritten note its owner and group, or null when it can. */
function ownerProblem(info: Stats): string | null {
	if (process.platform === "win32" || typeof process.getuid !== "function") return null;
	if (process.getuid() === 0) return null;
	if (info.uid !== process.getuid()) return `The note belongs to another user (uid ${info.uid}), and rewriting it would make it yours`;
	const groups = process.getgroups?.() ?? [];
	if (info.gid !== process.getgid?.() && !groups.includes(info.gid)) return `The note's group (gid ${info.gid}) is not one of yours, so rewriting it would change its group`;
	return null;
}
