// Whether an image arrived whole. A server that sends no length and closes the connection (or a
// compressed stream cut before its end) gives no sign of a cut; the image's own format does: a PNG
// ends with its IEND chunk, a WebP holds as many bytes as its header says, a GIF ends with its
// trailer, a JPEG's last scan is followed by its end marker. Other kinds are taken as they come.

import type { ImageKind } from "./imageKind";

/** Where `pattern` last starts in `bytes`, or -1. */
function lastIndexOf(bytes: Uint8Array, pattern: readonly number[], from = bytes.length - pattern.length): number {
	for (let at = from; at >= 0; at--) {
		let i = 0;
		while (i < pattern.length && bytes[at + i] === pattern[i]) i++;
		if (i === pattern.length) return at;
	}
	return -1;
}

// A chunk of length 0 named IEND.
const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44];
const JPEG_SCAN = [0xff, 0xda];
const JPEG_END = [0xff, 0xd9];
// A GIF's trailer, looked for among its last bytes (some writers pad after it).
const GIF_TAIL = 16;

/** False when the bytes stop before the end their format marks. */
export function arrivedWhole(bytes: Uint8Array, kind: ImageKind): boolean {
	switch (kind.extension) {
		case "png":
			return lastIndexOf(bytes, PNG_END) > 8;
		case "webp": {
			const size = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
			return bytes.length >= size + 8;
		}
		case "gif":
			return bytes.subarray(Math.max(0, bytes.length - GIF_TAIL)).includes(0x3b);
		case "jpg": {
			// Inside a scan's data 0xFF is always followed by 0 or a restart marker: an end after the last scan's start is the image's.
			const scan = lastIndexOf(bytes, JPEG_SCAN);
			return scan === -1 || lastIndexOf(bytes, JPEG_END) > scan;
		}
		default:
			return true;
	}
}
