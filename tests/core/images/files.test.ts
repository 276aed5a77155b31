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
