// Whether an image arrived whole, by what its format says of its end.
import { arrivedWhole } from "../../../src/core/images/imageEnd";
import { sniffImageKind } from "../../../src/core/images/imageKind";

const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? Array.from(Buffer.from(part, "latin1")) : part)));
const whole = (image: Uint8Array) => arrivedWhole(image, sniffImageKind(image)!);

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR", new Array(17).fill(1), [0, 0, 0, 4], "IDAT", [1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0], "IEND", [0xae, 0x42, 0x60, 0x82]);
// A JPEG with an EXIF thumbnail: the thumbnail's scan and end come first, then the image's own scan.
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe1, 0, 20], "Exif", [0, 0, 0xff, 0xd8, 0xff, 0xda, 9, 9, 0xff, 0xd9, 0, 0], [0xff, 0xdb, 0, 4, 1, 1], [0xff, 0xda, 0, 2], [5, 0xff, 0x00, 6, 0xff, 0xd0, 7, 8, 9], [0xff, 0xd9]);
const GIF = bytes("GIF89a", [1, 0, 1, 0, 0, 0, 0], [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0], [0x3b]);
const webp = (size: number, length: number) => bytes("RIFF", [size & 0xff, (size >> 8) & 0xff, 0, 0], "WEBPVP8 ", new Array(length - 16).fill(7));

describe("an image arrived whole", () => {
	it.each([
		["a PNG", PNG],
		["a PNG with bytes after its end", bytes(Array.from(PNG), [0, 0])],
		["a JPEG", JPEG],
		["a JPEG with padding after its end", bytes(Array.from(JPEG), [0, 0, 0])],
		["a GIF", GIF],
		["a GIF padded after its trailer", bytes(Array.from(GIF), [0, 0, 0, 0])],
		["a WebP", webp(292, 300)],
		["an SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
	])("is %s", (_, image) => {
		expect(whole(image)).toBe(true);
	});

	it.each([
		["a PNG", PNG.subarray(0, 40)],
		["a PNG cut inside its end", PNG.subarray(0, PNG.length - 6)],
		// Cut in its scan: only the thumbnail's end stands before the image's scan.
		["a JPEG", JPEG.subarray(0, JPEG.length - 4)],
		["a GIF", GIF.subarray(0, GIF.length - 3)],
		["a WebP", webp(292, 200)],
	])("is not %s cut short", (_, image) => {
		expect(whole(image)).toBe(false);
	});
});
