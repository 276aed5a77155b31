// Readable, safe and unique file names for downloaded images: from the URL's last segment, else the note.

import { avoidReservedName } from "../reservedNames";
import { HIDDEN_IN_NAMES } from "../hiddenCharacters";
import { fitUtf8 } from "../utf8";

/** Characters no file name of ours holds: path separators, what Obsidian links or the OS refuse, `%`, `&`, what cannot be seen. */
const UNSAFE = new RegExp(`[\\\\/:*?"<>|#^[\\]%&{}\`\\p{Cc}${HIDDEN_IN_NAMES}]`, "gu");
const MAX_STEM = 60;
// In UTF-8 bytes: a name is at most 255 bytes on most file systems (143 on eCryptfs), and the file is
// first written under a longer temporary name beside it. Sixty emoji are 240 bytes.
const MAX_STEM_BYTES = 96;

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** A file name stem from free text: no separators, no leading dots, no extension, short. */
export function sanitizeStem(text: string): string {
	const cleaned = text
		.replace(UNSAFE, " ")
		.replace(/\s+/g, " ")
		.replace(/^[.\s-]+/, "")
		.replace(/[.\s]+$/, "");
	// Cut on a character boundary (not inside a surrogate pair), to so many characters and bytes.
	const stem = fitUtf8(Array.from(cleaned).slice(0, MAX_STEM), MAX_STEM_BYTES).text.trim();
	return avoidReservedName(stem, "-image");
}

/** The stem a downloaded image is named after: its URL's file name, or the note's name when the URL has none. */
export function imageStem(url: string, noteName: string): string {
	let path = "";
	try {
		path = new URL(url).pathname;
	} catch {
		// Not a URL we can read: the note's name it is.
	}
	// Decoded once per segment, so `..%2F` becomes a name, never a step out of the folder.
	const last = decodeSegment(path.split("/").filter((s) => s !== "").pop() ?? "");
	const withoutExtension = last.replace(/\.[A-Za-z0-9]{1,5}$/, "");
	const fromUrl = sanitizeStem(withoutExtension);
	// Hashes and numbers alone say nothing; but they are still better than nothing when the note has no name.
	if (/\p{L}/u.test(fromUrl)) return fromUrl;
	const fromNote = sanitizeStem(noteName);
	// The two together are cut again: each alone fits, not both.
	if (fromNote !== "") return fromUrl !== "" ? sanitizeStem(`${fromNote} ${fromUrl}`) : fromNote;
	return fromUrl !== "" ? fromUrl : "image";
}

/**
 * The first of `stem.ext`, `stem 1.ext`, `stem 2.ext`... in `folder` that `isTaken` does not claim,
 * compared without case (two names differing only in case are one file on macOS and Windows).
 */
export function uniqueFileName(folder: string, stem: string, extension: string, isTaken: (path: string) => boolean): string {
	const prefix = folder === "" ? "" : `${folder}/`;
	for (let n = 0; ; n++) {
		const path = `${prefix}${n === 0 ? stem : `${stem} ${n}`}.${extension}`;
		if (!isTaken(path)) return path;
	}
}
