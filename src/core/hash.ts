// A fast, synchronous 53-bit hash (cyrb53): of a note's text, to tell whether it still holds what we
// wrote (`noteHash`); of an image's bytes, to store the same image once; of the keys of our caches.

/** cyrb53 over bytes, its loop written out: through a callback per byte, a 3 MB image took seconds. */
function cyrb53Bytes(bytes: Uint8Array, seed: number): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < bytes.length; i++) {
		const unit = bytes[i];
		h1 = Math.imul(h1 ^ unit, 2654435761);
		h2 = Math.imul(h2 ^ unit, 1597334677);
	}
	return finish(h1, h2);
}

function finish(h1: number, h2: number): string {
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** cyrb53 over the text's UTF-16 code units: the keys of our caches, and the journal's hashes before `noteHash`. */
export function hashText(text: string, seed = 0): string {
	// The loop of cyrb53 written out over the text: a call per character costs twice the hash.
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ unit, 2654435761);
		h2 = Math.imul(h2 ^ unit, 1597334677);
	}
	return finish(h1, h2) + text.length.toString(16);
}

/** Two hashes with different seeds (106 bits) and the length: two images that differ never share a file in practice. */
export function hashBytes(bytes: Uint8Array): string {
	return `${cyrb53Bytes(bytes, 0)}${cyrb53Bytes(bytes, 0x9e3779b9)}-${bytes.length.toString(16)}`;
}

// The journal hashes every note a run writes twice (before and after): 8% of a tidy through
// `charCodeAt`. Encoded to UTF-8 in parts and read four bytes at a time, the same loop takes half.
const NOTE_HASH_MARK = "u";
const PART_BYTES = 1 << 16;
const encoder = new TextEncoder();
const part = new Uint8Array(PART_BYTES);
// Words as the machine orders bytes: every platform Obsidian and Node run on is little-endian, and
// elsewhere a journal is still read on the machine that wrote it.
const words = new Int32Array(part.buffer);

/**
 * The journal's hash of a note's text: cyrb53's two lanes over its UTF-8 bytes as 32-bit words, each
 * lane rotated after each word so that a bit reaches the low bits before the end; then the byte
 * length. Marked with `u`, which no `hashText` holds.
 */
export function noteHash(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	let read = 0;
	let carried = 0;
	let bytes = 0;
	do {
		const { read: more, written } = encoder.encodeInto(read === 0 ? text : text.slice(read), part.subarray(carried));
		read += more;
		bytes += written;
		const end = carried + written;
		const whole = end >>> 2;
		for (let i = 0; i < whole; i++) {
			const word = words[i];
			h1 = Math.imul(h1 ^ word, 2654435761);
			h1 = (h1 << 15) | (h1 >>> 17);
			h2 = Math.imul(h2 ^ word, 1597334677);
			h2 = (h2 << 13) | (h2 >>> 19);
		}
		// The bytes after the last whole word start the next part.
		carried = end - (whole << 2);
		part.copyWithin(0, whole << 2, end);
	} while (read < text.length);
	if (carried > 0) {
		let word = 0;
		for (let i = 0; i < carried; i++) word |= part[i] << (8 * i);
		h1 = Math.imul(h1 ^ word, 2654435761);
		h2 = Math.imul(h2 ^ word, 1597334677);
	}
	return NOTE_HASH_MARK + finish(h1, h2) + bytes.toString(16);
}

/** Whether `text` is what a journal's hash says, of either kind (`noteHash`, or `hashText` of earlier versions). */
export function holdsHash(text: string, hash: string): boolean {
	return hash.startsWith(NOTE_HASH_MARK) ? noteHash(text) === hash : hashText(text) === hash;
}

/** The journal's hash of `text` in the kind `hash` was made: to look for a text among many. */
export function hashLike(hash: string): (text: string) => string {
	return hash.startsWith(NOTE_HASH_MARK) ? noteHash : earlierNoteHash;
}

const earlierNoteHash = (text: string) => hashText(text);
