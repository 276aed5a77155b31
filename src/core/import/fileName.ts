// A note's file name from an article's title: characters no system or Obsidian link accepts are removed,
// and a long title is cut (the title itself stays whole in the note).

import { avoidReservedName } from "../reservedNames";
import { fitUtf8 } from "../utf8";

// Obsidian refuses `# ^ [ ] |` in names; Windows and Android refuse `\ / : * ? " < >`. Direction
// marks and overrides (U+200E, U+202E...) show a name in another order than it has (`gnp.exe`).
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const FORBIDDEN = /[\\/:*?"<>|#^[\]\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Most file systems allow 255 bytes; room is left for " (12)" and ".md".
const MAX_BYTES = 200;

/** A name without what no file name may hold, nor a leading dot (Obsidian hides such files) or space. */
function cleanName(text: string): string {
	return text.replace(FORBIDDEN, " ").replace(/\s+/g, " ").replace(/^[. ]+|[. ]+$/g, "");
}

export function noteBaseName(title: string, fallback: string): string {
	const name = avoidReservedName(cleanName(title) || cleanName(fallback) || "Untitled", " (note)");
	if (fitUtf8(name, MAX_BYTES).whole) return name;
	// Whole characters, then an ellipsis.
	return `${fitUtf8(name, MAX_BYTES - 1).text.trim()}…`;
}

/** `folder/name.ext`, then `folder/name (2).ext`, ... for n = 1, 2, ... */
export function numberedPath(folder: string, name: string, n: number, extension: string): string {
	return `${folder === "" ? "" : `${folder}/`}${n === 1 ? name : `${name} (${n})`}.${extension}`;
}

/** Where new notes go unless the user says otherwise. */
export const DEFAULT_IMPORT_FOLDER = "Omnivore";

/**
 * A vault-relative folder written with `/`, without slashes or spaces at the ends of its parts (`""` is
 * the vault's root), or why it cannot be used (outside the vault, hidden from Obsidian), to follow
 * "The folder ...". A leading slash means the vault's root, as in Obsidian.
 */
export function importFolder(folder: string): { ok: true; folder: string } | { ok: false; reason: string } {
	// Empty parts (a slash at either end, two in a row) are dropped.
	const clean = folder
		.trim()
		.replace(/\\/g, "/")
		.replace(/^\.\//, "")
		.split("/")
		.map((part) => part.trim())
		.filter((part) => part !== "")
		.join("/");
	if (clean.split("/").some((part) => part === ".." || part === ".") || /^[a-z]:/i.test(clean)) {
		return { ok: false, reason: `must be a folder inside the vault, such as Omnivore or Reading/Omnivore, not "${folder}"` };
	}
	if (clean.split("/").some((part) => part.startsWith("."))) return { ok: false, reason: `cannot be a hidden folder ("${folder}"): Obsidian would not show its notes` };
	return { ok: true, folder: clean };
}
