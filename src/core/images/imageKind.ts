// Tells what kind of image a response holds from its first bytes, whatever its URL or headers claim.

export interface ImageKind {
	/** The file extension to save it with, without the dot. */
	extension: string;
	mime: string;
}

// Past the end a byte reads as undefined, which matches no signature byte: no length check needed.
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...Array.from(bytes.subarray(from, to)));

// ISO media files (AVIF, HEIC) carry their brand after `ftyp`.
const ISO_BRANDS: Record<string, ImageKind> = {
	avif: { extension: "avif", mime: "image/avif" },
	avis: { extension: "avif", mime: "image/avif" },
	heic: { extension: "heic", mime: "image/heic" },
	heix: { extension: "heic", mime: "image/heic" },
	mif1: { extension: "heic", mime: "image/heif" },
};

// An SVG file: optional BOM, XML declaration, comments and doctype, then the `<svg` element.
const SVG_START = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>/]/i;

/** The image kind of `bytes`, or null when they are not an image (an HTML page, JSON, nothing). */
export function sniffImageKind(bytes: Uint8Array): ImageKind | null {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { extension: "png", mime: "image/png" };
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { extension: "jpg", mime: "image/jpeg" };
	if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { extension: "gif", mime: "image/gif" };
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 12) === "WEBP") return { extension: "webp", mime: "image/webp" };
	if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 14) return { extension: "bmp", mime: "image/bmp" };
	if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return { extension: "ico", mime: "image/x-icon" };
	if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { extension: "tiff", mime: "image/tiff" };
	if (ascii(bytes, 4, 8) === "ftyp") {
		const brand = ISO_BRANDS[ascii(bytes, 8, 12)];
		if (brand) return brand;
	}
	// SVG is text: its start only (a page of 20 MB is not decoded whole), and only ASCII matters there.
	const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
	const head = ascii(bytes, start, Math.min(bytes.length, start + 4096));
	if (SVG_START.test(head)) return { extension: "svg", mime: "image/svg+xml" };
	return null;
}
