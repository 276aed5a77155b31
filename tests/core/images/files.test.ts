import { imageStem, sanitizeStem, sniffImageKind, uniqueFileName } from "../../../src/core";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("sniffImageKind", () => {
	test("the content decides, not the URL", () => {
		expect(sniffImageKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))?.extension).toBe("png");
		expect(sniffImageKind(bytes(0xff, 0xd8, 0xff, 0xe0))?.extension).toBe("jpg");
		expect(sniffImageKind(text("GIF89a..."))?.extension).toBe("gif");
		expect(sniffImageKind(text("RIFF\0\0\0\0WEBPVP8 "))?.extension).toBe("webp");
		expect(sniffImageKind(text("\0\0\0\x1cftypavif"))?.extension).toBe("avif");
	});
	test("SVG is an image, with or without an XML declaration; HTML and nothing are not", () => {
		expect(sniffImageKind(text('\uFEFF<?xml version="1.0"?>\n<!-- by hand -->\n<!DOCTYPE svg PUBLIC "x">\n<svg xmlns="http://www.w3.org/2000/svg"/>'))?.extension).toBe("svg");
		expect(sniffImageKind(text("<svg viewBox='0 0 1 1'></svg>"))?.mime).toBe("image/svg+xml");
		expect(sniffImageKind(text("<!doctype html><html><body><svg></svg></body></html>"))).toBeNull();
		expect(sniffImageKind(text('{"error": "not found"}'))).toBeNull();
		expect(sniffImageKind(new Uint8Array())).toBeNull();
	});
});

describe("file names", () => {
	test("from the URL's file name, decoded once, never a path", () => {
		expect(imageStem("https://x.test/a/..%2F..%2Fetc%2Fpasswd.png", "Note")).toBe("etc passwd");
		expect(imageStem("https://x.test/img/My%20Photo.JPG?w=2", "Note")).toBe("My Photo");
		expect(imageStem("https://x.test/img/%E5%9B%BE%E7%89%87.png", "Note")).toBe("图片");
		expect(imageStem("https://x.test/fetch/w_1456,c_limit/https%3A%2F%2Fs3.test%2Fa.png", "Note")).toBe("https s3.test a");
	});
	test("without characters that cannot be seen, which would show one name as another", () => {
		// `%E2%80%AE` (a right-to-left override) showed a name backwards from it on; `%E2%80%8B` (a
		// zero-width space) made a second `photo.png` beside the first.
		expect(imageStem("https://x.test/img/%E2%80%AEgnp.exe", "Note")).toBe("gnp");
		expect(imageStem("https://x.test/img/photo%E2%80%8B.png", "Note")).toBe("photo");
		expect(imageStem("https://x.test/img/%EF%BB%BFscan%E2%81%A7.png", "Note")).toBe("scan");
		expect(sanitizeStem("bill\u200e\u061c\u2066 2024")).toBe("bill 2024");
	});
	test("a URL without a readable name is named after the note", () => {
		expect(imageStem("https://x.test/", "Deep work: a summary")).toBe("Deep work a summary");
		expect(imageStem("https://x.test/123456", "Deep work")).toBe("Deep work 123456");
		expect(imageStem("https://x.test/", "")).toBe("image");
	});
	test("no leading dots, no reserved names, short", () => {
		expect(sanitizeStem("...hidden")).toBe("hidden");
		expect(sanitizeStem("con")).toBe("con-image");
		expect(Array.from(sanitizeStem("é".repeat(200)))).toHaveLength(48);
		expect(Array.from(sanitizeStem("a".repeat(200)))).toHaveLength(60);
		// Sixty emoji were 240 bytes: with its temporary suffix the file could not be written.
		expect(new TextEncoder().encode(sanitizeStem("😀".repeat(60))).length).toBe(96);
		// A name of digits comes after the note's: the two together are cut too.
		const both = imageStem(`https://x.test/${"1234".repeat(15)}.png`, "記事".repeat(16));
		expect(new TextEncoder().encode(both).length).toBeLessThanOrEqual(96);
		expect(both.startsWith("記事記事")).toBe(true);
	});
	test.each([
		["COM1.tar", "COM1-image.tar"],
		["aux.png", "aux-image.png"],
		["lpt¹", "lpt¹-image"],
		["Nul", "Nul-image"],
		["console", "console"],
		["com10", "com10"],
		["Con Air poster", "Con Air poster"],
	])("a name Windows reserves (%s) gets a suffix after the reserved word", (name, stem) => {
		expect(sanitizeStem(name)).toBe(stem);
	});
	test("unique names count up like Obsidian's", () => {
		const taken = new Set(["F/photo.png", "F/photo 1.png"]);
		expect(uniqueFileName("F", "photo", "png", (p) => taken.has(p))).toBe("F/photo 2.png");
	});
});

describe("sniffImageKind on the other formats a page may serve", () => {
	const withBrand = (brand: string) => text(`\0\0\0\x18ftyp${brand}\0\0\0\0`);
	test("BMP, ICO and TIFF in both byte orders", () => {
		expect(sniffImageKind(bytes(0x42, 0x4d, ...new Array<number>(20).fill(0)))).toEqual({ extension: "bmp", mime: "image/bmp" });
		expect(sniffImageKind(bytes(0x00, 0x00, 0x01, 0x00, 1, 0))).toEqual({ extension: "ico", mime: "image/x-icon" });
		expect(sniffImageKind(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0))).toEqual({ extension: "tiff", mime: "image/tiff" });
		expect(sniffImageKind(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 8))).toEqual({ extension: "tiff", mime: "image/tiff" });
		expect(sniffImageKind(text("GIF87a"))).toEqual({ extension: "gif", mime: "image/gif" });
		expect(sniffImageKind(bytes(0xff, 0xd8, 0xff, 0xdb))).toEqual({ extension: "jpg", mime: "image/jpeg" });
	});
	test("a text file that happens to start with BM is not a bitmap", () => {
		expect(sniffImageKind(text("BM"))).toBeNull();
		expect(sniffImageKind(text("BMW 3 series"))).toBeNull();
	});
	test("HEIC and AVIF by their brand; a video with the same box is not an image", () => {
		expect(sniffImageKind(withBrand("heic"))).toEqual({ extension: "heic", mime: "image/heic" });
		expect(sniffImageKind(withBrand("heix"))).toEqual({ extension: "heic", mime: "image/heic" });
		expect(sniffImageKind(withBrand("mif1"))).toEqual({ extension: "heic", mime: "image/heif" });
		expect(sniffImageKind(withBrand("avis"))).toEqual({ extension: "avif", mime: "image/avif" });
		expect(sniffImageKind(withBrand("avif"))).toEqual({ extension: "avif", mime: "image/avif" });
		expect(sniffImageKind(withBrand("isom"))).toBeNull();
		expect(sniffImageKind(withBrand("mp42"))).toBeNull();
	});
	test("a RIFF file that is not WebP (a WAV) is not an image, nor a truncated PNG signature", () => {
		expect(sniffImageKind(text("RIFF\x24\0\0\0WAVEfmt "))).toBeNull();
		expect(sniffImageKind(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
		expect(sniffImageKind(bytes(0xff, 0xd8))).toBeNull();
	});
	test("SVG after a UTF-8 BOM as bytes, comments before and after the doctype, any case", () => {
		expect(sniffImageKind(bytes(0xef, 0xbb, 0xbf, ...text("<svg/>")))?.extension).toBe("svg");
		expect(sniffImageKind(text("<!-- a --><!-- b -->\n<!DOCTYPE svg>\n<!-- c -->\n<SVG width='1'>"))?.extension).toBe("svg");
		expect(sniffImageKind(text("<svgx>"))).toBeNull();
		expect(sniffImageKind(text("<p>An article about <svg> elements</p>"))).toBeNull();
	});
	test("SVG written on Windows or indented, and a PNG with its type", () => {
		expect(sniffImageKind(text('<?xml version="1.0"?>\r\n<!-- exported -->\r\n<svg xmlns="http://www.w3.org/2000/svg"/>'))?.extension).toBe("svg");
		expect(sniffImageKind(text("\n  <svg xmlns='http://www.w3.org/2000/svg'/>"))?.extension).toBe("svg");
		expect(sniffImageKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toEqual({ extension: "png", mime: "image/png" });
	});
	test("only the start of a large text is read: an SVG tag deep inside a page does not make it an image", () => {
		expect(sniffImageKind(text(`<!--${" ".repeat(5000)}--><svg/>`))).toBeNull();
		expect(sniffImageKind(text(`<!--${" ".repeat(4000)}--><svg/>`))?.extension).toBe("svg");
	});
});

describe("file names from what URLs and notes hold", () => {
	test("characters no file may hold become spaces, runs of space one", () => {
		expect(sanitizeStem('a\\b/c:d*e?f"g<h>i|j#k^l[m]n%o&p{q}r`s')).toBe("a b c d e f g h i j k l m n o p q r s");
		expect(sanitizeStem("tab\there\u0007bell\nline   end")).toBe("tab here bell line end");
		expect(sanitizeStem("  - -.. draft")).toBe("draft");
		expect(sanitizeStem("ends with dots... ")).toBe("ends with dots");
		expect(sanitizeStem("a-b - c")).toBe("a-b - c");
	});
	test("cut at 60 characters (and 96 bytes), never inside a surrogate pair, with no space left at the end", () => {
		expect(sanitizeStem("😀".repeat(70))).toBe("😀".repeat(24));
		expect(sanitizeStem(`${"a".repeat(59)} b`)).toBe("a".repeat(59));
		expect(sanitizeStem("x".repeat(61))).toBe("x".repeat(60));
	});
	test("the extension is dropped, a dotted name that is not one kept", () => {
		expect(imageStem("https://x.test/photo.jpeg", "Note")).toBe("photo");
		expect(imageStem("https://x.test/backup.tar.gz", "Note")).toBe("backup.tar");
		expect(imageStem("https://x.test/report.final-version", "Note")).toBe("report.final-version");
		expect(imageStem("https://x.test/images/.hidden.png", "Note")).toBe("hidden");
		expect(imageStem("https://x.test/a/b/c/", "Note")).toBe("c");
	});
	test("a badly encoded segment is kept as written, then cleaned", () => {
		expect(imageStem("https://x.test/caf%E9%20menu.png", "Note")).toBe("caf E9 20menu");
	});
	test("no URL to read, or a name of digits and dashes only", () => {
		expect(imageStem("not a url", "Reading notes")).toBe("Reading notes");
		expect(imageStem("https://x.test/2024-01-05.png", "Trip")).toBe("Trip 2024-01-05");
		expect(imageStem("https://x.test/2024-01-05.png", "")).toBe("2024-01-05");
		expect(imageStem("https://x.test/nul.png", "Note")).toBe("nul-image");
	});
	test("unique names at the vault's root have no folder", () => {
		expect(uniqueFileName("", "photo", "png", () => false)).toBe("photo.png");
		expect(uniqueFileName("", "photo", "png", (p) => p === "photo.png")).toBe("photo 1.png");
	});
});
