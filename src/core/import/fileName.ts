// A note's file name from an article's title: characters no system or Obsidian link accepts are removed,
// and a long title is cut (the title itself stays whole in the note).

import { HIDDEN_IN_NAMES } from "../hiddenCharacters";
import { avoidReservedName } from "../reservedNames";
import { fitUtf8 } from "../utf8";

// Obsidian refuses `# ^ [ ] |` in names; Windows and Android refuse `\ / : * ? " < >`; control
// characters and characters that cannot be seen (hiddenCharacters.ts) are no part of a name.
const FORBIDDEN = new RegExp(`[\\\\/:*?"<>|#^[\\]\\p{Cc}${HIDDEN_IN_NAMES}]`, "gu");
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
	// Obsidian refuses these in names, as in a note's (FORBIDDEN): a PDF embedded as `![[a#b/Paper.pdf]]` would name a heading of a note "a".
	if (/[#^[\]|]/.test(clean)) return { ok: false, reason: `cannot hold # ^ [ ] | (Obsidian's links to its notes and PDFs would break): "${folder}"` };
	if (/\p{Cc}/u.test(clean)) return { ok: false, reason: `cannot hold a control character (a tab, a line break): ${JSON.stringify(folder)}` };
	return { ok: true, folder: clean };
}
