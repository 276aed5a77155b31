// Lists the Markdown notes of a vault folder, skipping dot-folders such as `.obsidian` and `.trash`.

import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { TEMPORARY_NAME } from "./atomicWrite";

export interface VaultFile {
	/** Absolute path on disk; for a symbolic link, the file it points to, so a write replaces that file. */
	absolute: string;
	/** Vault-relative path with `/` separators, as Obsidian writes it. */
	path: string;
	/** The file really lives outside the vault (reached through a symbolic link). */
	outside: boolean;
	/**
	 * The real path of the folder holding `absolute` when the vault was listed: a folder swapped for a
	 * link since (to outside the vault, say) has another, and the note is then left.
	 */
	folder?: string;
}

/**
 * The folder's real path (`realpath`, links resolved, as the system gives it), or undefined when it
 * cannot be read (its notes then fail to open and say why).
 */
export function realFolder(folder: string): string | undefined {
	try {
		return realpathSync.native(folder);
	} catch {
		return undefined;
	}
}

export interface VaultListing {
	files: VaultFile[];
	/** Folders that could not be listed, with the reason. */
	unreadable: Array<{ path: string; reason: string }>;
	/** `.md` names that are not files (a pipe, a socket, a device): never opened, since reading one may never end. */
	notFiles: Array<{ path: string; reason: string }>;
	/** Temporary files left by writes of runs that were killed, with the process id that wrote them. */
	leftovers: Array<{ absolute: string; pid: number }>;
}

/** Whether anything is at `path`: a file, a folder, or a link (even one to nothing). */
export function isThere(path: string): boolean {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
}

export function isWithin(folder: string, path: string): boolean {
	const rel = relative(folder, path);
	return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

const isNote = (name: string) => name.toLowerCase().endsWith(".md");

/** A note found in the walk: its real path, and whether it was reached through a link. */
type Found = VaultFile & { real: string; linked: boolean };

export function listNotes(vault: string): VaultListing {
	const found: Found[] = [];
	const unreadable: VaultListing["unreadable"] = [];
	const leftovers: VaultListing["leftovers"] = [];
	const notFiles: VaultListing["notFiles"] = [];
	const notAFile = (absolute: string) => notFiles.push({ path: toPath(absolute), reason: "it is not a file (a pipe, a socket or a device), so it was not opened" });
	const toPath = (absolute: string) => relative(vault, absolute).split(sep).join("/");
	let realVault = vault;
	try {
		realVault = realpathSync(vault);
	} catch {
		// Reported below when the folder cannot be listed.
	}
	// Folders reached through links are walked once each, so a link cycle ends.
	const visited = new Set<string>();
	const walk = (folder: string): void => {
		let real = folder;
		try {
			real = realpathSync(folder);
			if (visited.has(real)) return;
			visited.add(real);
		} catch {
			// Reported below when the folder cannot be listed.
		}
		let entries;
		const here = realFolder(folder);
		try {
			entries = readdirSync(folder, { withFileTypes: true });
		} catch (error) {
			unreadable.push({ path: toPath(folder) || ".", reason: whyUnreadable(toPath(folder), error) });
			return;
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			if (entry.name.startsWith(".")) {
				const temporary = TEMPORARY_NAME.exec(entry.name);
				if (temporary && entry.isFile()) leftovers.push({ absolute: join(folder, entry.name), pid: Number(temporary[2]) });
				continue;
			}
			const absolute = join(folder, entry.name);
			if (entry.isSymbolicLink()) {
				let target: string | null = null;
				let kind: Stats | null = null;
				try {
					target = realpathSync(absolute);
					kind = statSync(target);
				} catch {
					// A dangling link: listed as a note so the report says it could not be read.
				}
				if (kind?.isDirectory()) walk(absolute);
				else if (!isNote(entry.name)) continue;
				else if (kind && !kind.isFile()) notAFile(absolute);
				else note(absolute, target ?? absolute, target ?? absolute, target ? realFolder(dirname(target)) : undefined);
			} else if (entry.isDirectory()) walk(absolute);
			else if (!isNote(entry.name)) continue;
			else if (!entry.isFile()) notAFile(absolute);
			else note(absolute, absolute, join(real, entry.name), here);
		}
	};
	const note = (absolute: string, written: string, real: string, folder: string | undefined) => {
		const path = toPath(absolute);
		const outside = !isWithin(realVault, real);
		found.push({ absolute: written, path, outside, real, linked: outside || relative(realVault, real).split(sep).join("/") !== path, ...(folder ? { folder } : {}) });
	};
	walk(vault);
	return { files: onceEach(found), unreadable, notFiles, leftovers };
}

/** A note reached by two names (a link to a note of the vault) is listed once, by its own name: counted once, written once. */
function onceEach(found: Found[]): VaultFile[] {
	const byReal = new Map<string, Found>();
	for (const file of found) {
		const seen = byReal.get(file.real);
		if (!seen || (seen.linked && !file.linked)) byReal.set(file.real, file);
	}
	return found.filter((file) => byReal.get(file.real) === file).map(({ absolute, path, outside, folder }) => ({ absolute, path, outside, ...(folder ? { folder } : {}) }));
}

/** Why a note or folder listed in its folder could not be read: a name that is not UTF-8 is listed under another. */
export function whyUnreadable(path: string, error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === "ENOENT" && path.includes("\uFFFD")) return "its name is not valid UTF-8, so it cannot be opened by the name it is listed under";
	return describeFsError(error);
}

/** A one-line reason for a file-system error, without a stack. */

export function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case "ENOENT":
			return "it does not exist";
		case "EACCES":
			return "permission denied";
		case "EPERM":
			// Root gets EPERM, not EACCES, from a file flagged immutable or append-only (chattr, chflags).
			return "the operation was not permitted (is the file or its folder immutable or append-only?)";
		case "ENOSPC":
			return "the disk is full";
		case "EDQUOT":
			return "the disk quota is used up";
		case "EROFS":
			return "the disk is read-only";
		case "EMFILE":
		case "ENFILE":
			return "too many files are open";
		case "EISDIR":
			return "it is a folder";
		case "ENOTDIR":
			return "it is not a folder";
		case "EEXIST":
			return "a file of that name is in the way";
		case "ELOOP":
			return "it is a symbolic link that leads round in a loop";
		default:
			return error instanceof Error ? error.message : String(error);
	}
}
