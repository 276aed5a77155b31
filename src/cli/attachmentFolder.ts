// Where the CLI saves downloaded images: one folder of the vault, a new file per image, never over
// a file that is there (a user's `photo.png` stays), and never half-written.

import { copyFileSync, constants, existsSync, linkSync, readdirSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { foldersDownTo, uniqueFileName, type AttachmentStore } from "../core";
import { describeFsError, isThere, isWithin } from "./vaultFiles";
import { giveToVaultOwner, makeFolders } from "./vaultOwner";

let sequence = 0;

/**
 * Why images cannot go in the folder, reached through a link (the folder or the nearest part of it
 * that exists): images are saved only in the vault's visible folders, where undo may remove them
 * again. Null when they can.
 */
export function attachmentFolderProblem(vault: string, folder: string): string | null {
	let existing = join(vault, ...folder.split("/"));
	while (!isThere(existing) && dirname(existing) !== existing) existing = dirname(existing);
	let real: string;
	let realVault: string;
	try {
		realVault = realpathSync(vault);
		real = realpathSync(existing);
	} catch {
		return "is a link to a folder that does not exist";
	}
	if (!isWithin(realVault, real)) return "is a link to a folder outside the vault";
	if (relative(realVault, real).split(sep).some((part) => part.startsWith("."))) return "is a link to a dot-folder, which Obsidian hides";
	return null;
}

/** A file name as macOS and Windows compare them (and sync services with them): without case, one Unicode form. */
function folded(path: string): string {
	return path.normalize("NFC").toLowerCase();
}

/**
 * The entries of a folder, folded, with the size of each file (-1 for anything else); none when it
 * cannot be listed. Looked at once a run: a name taken by a file of another size needs no look again.
 */
function entriesIn(folder: string, relative: string): Map<string, number> {
	const entries = new Map<string, number>();
	try {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			let size = -1;
			try {
				if (entry.isFile()) size = statSync(join(folder, entry.name)).size;
			} catch {
				// Gone or unreadable since the listing: still a name not to take.
			}
			entries.set(folded(`${relative}/${entry.name}`), size);
		}
	} catch {
		// No folder yet, or one that cannot be listed: each name is looked at on its own.
	}
	return entries;
}

export function attachmentFolder(vault: string, folder: string): AttachmentStore {
	const at = (path: string) => join(vault, ...path.split("/"));
	// Names given out in this run and names in the folder, compared folded: on macOS and Windows (and
	// synced there) `Photo.png` is `photo.png`, and `café.png` is one file however its é is written.
	const given = new Set<string>();
	let there: Map<string, number> | null = null;
	// A run killed before it saved its record left its files: one holding these very bytes is used, not
	// copied. Only a file of their size can: the others (thousands of `image 12.png` of earlier runs)
	// are passed over from the listing, not looked at once for every image.
	const isTakenByOther = (bytes: Uint8Array) => (path: string) => {
		const name = folded(path);
		if (given.has(name)) return true;
		const size = (there ??= entriesIn(at(folder), folder)).get(name);
		if (size !== undefined && size !== bytes.length) return true;
		if (existsSync(at(path))) return !holdsBytes(at(path), bytes);
		return size !== undefined;
	};
	return {
		readBytes: async (path) => {
			try {
				return statSync(at(path)).isFile() ? readFileSync(at(path)) : null;
			} catch {
				return null;
			}
		},
		linkTo: (file) => file,
		saveNew: async (stem, extension, _notePath, bytes, beforeCreate, beforeCreateFolder) => {
			const absoluteFolder = at(folder);
			try {
				// Checked at the start of the run, and again for each file: a folder made a link out of the vault meanwhile is refused.
				const problem = attachmentFolderProblem(vault, folder);
				if (problem) throw new Error(`it ${problem} now, so no image is saved there`);
				// Journaled before they are made: undo removes them once empty.
				for (const level of foldersDownTo(folder)) if (!existsSync(at(level))) await beforeCreateFolder(level);
				makeFolders(vault, absoluteFolder);
				for (;;) {
					const path = uniqueFileName(folder, stem, extension, isTakenByOther(bytes));
					if (existsSync(at(path))) return path;
					given.add(folded(path));
					await beforeCreate(path);
					if (createExclusive(at(path), absoluteFolder, bytes)) {
						giveToVaultOwner(vault, at(path));
						return path;
					}
				}
			} catch (error) {
				throw new Error(`${folder}: ${describeFsError(error)}`);
			}
		},
	};
}

function holdsBytes(path: string, bytes: Uint8Array): boolean {
	try {
		return statSync(path).size === bytes.length && Buffer.compare(readFileSync(path), bytes) === 0;
	} catch {
		return false;
	}
}

/** Written whole beside the target, then linked in place: the link fails if a file is there. False when one is. */
function createExclusive(target: string, folder: string, bytes: Uint8Array): boolean {
	const name = target.slice(folder.length + 1);
	// `.download` marks it as ours, so the next run removes it if this one is killed (see TEMPORARY_NAME).
	const temporary = join(folder, `.${name}.download.${process.pid}-${sequence++}.tmp`);
	try {
		// Inside the `try`: a write the disk cuts short (full) leaves no partial file behind.
		writeFileSync(temporary, bytes, { flag: "wx", mode: 0o644 });
		try {
			linkSync(temporary, target);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === "EEXIST") return false;
			// File systems without hard links (FAT, some network shares): an exclusive copy.
			if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw error;
			try {
				copyFileSync(temporary, target, constants.COPYFILE_EXCL);
			} catch (copyError) {
				if ((copyError as NodeJS.ErrnoException).code === "EEXIST") return false;
				throw copyError;
			}
		}
		return true;
	} finally {
		if (existsSync(temporary)) unlinkSync(temporary);
	}
}

