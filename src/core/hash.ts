// A fast, synchronous 53-bit hash (cyrb53): of a note's text, to tell whether it still holds what we
// wrote; of an image's bytes, to store the same image once.

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

export function hashText(text: string, seed = 0): string {
	// The loop of cyrb53 written out over the text: a call per character costs twice the hash (every note is hashed twice a tidy).
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
