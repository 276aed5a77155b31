// The HTML images of a note as Omnivore's clipper and hand edits write them: tags over several lines,
// attributes with no value, tags cut short where a note ends, and srcset as the HTML standard reads it.

import { findImageReferences, srcsetUrls } from "../../../src/core";

const written = (body: string) => findImageReferences(body).map((r) => r.written);

describe("HTML images", () => {
	test("a tag over several lines, CRLF or LF, with tabs or a form feed between its attributes", () => {
		const body = [
			'<img\n  src="https://x.test/lf.png"\n  alt="A chart">',
			'<img\r\n\tsrc="https://x.test/crlf.png"\r\n\talt="A chart">',
			'<img\fsrc="https://x.test/ff.png">',
			'<img\nsrc="https://x.test/unindented.png"\nalt="A chart">',
			"",
		].join("\n\n");
		expect(written(body)).toEqual(["https://x.test/lf.png", "https://x.test/crlf.png", "https://x.test/ff.png", "https://x.test/unindented.png"]);
		for (const r of findImageReferences(body)) expect(body.slice(r.start, r.end)).toBe(r.written);
	});

	test("a tag does not run across a blank line: raw HTML ends with its paragraph", () => {
		expect(written('<img alt="A chart"\n\nsrc="https://x.test/a.png">\n')).toEqual([]);
		expect(written('<img alt="A chart"\n  \t\nsrc="https://x.test/a.png">\n')).toEqual([]);
		expect(written('<img alt="A chart\n\nof sales" src="https://x.test/a.png">\n')).toEqual([]);
		expect(written('<img src="https://x.test/a.png\n\n">\n')).toEqual([]);
	});

	test("an attribute with no value, or an empty one, holds no address; the image after it is still found", () => {
		expect(written('<img src data-src="https://x.test/lazy.png" loading=lazy>\n<img srcset alt="x">\n<img src=>\n<img src="https://x.test/after.png">\n')).toEqual([
			"https://x.test/after.png",
		]);
	});

	test("a slash is only read before the tag's >", () => {
		expect(written('<img src="https://x.test/a.png" / >\n<img src="https://x.test/b.png" />\n')).toEqual(["https://x.test/b.png"]);
	});

	test("a note cut short inside a tag (a clipped article) has no image there", () => {
		for (const body of ['> A highlight\n\n<img src="https://x.test/a.png" alt', "> A highlight\n\n<img src=https://x.test/a.png", '> A highlight\n\n<img alt="never closed']) {
			expect(written(body)).toEqual([]);
		}
	});

	test("srcset: a trailing comma and space end the list; parentheses in a descriptor do not nest", () => {
		expect(srcsetUrls("https://x.test/a.png 1x, https://x.test/b.png 2x, ")).toEqual([
			{ offset: 0, url: "https://x.test/a.png" },
			{ offset: 25, url: "https://x.test/b.png" },
		]);
		// The HTML standard closes parentheses at the first `)`: the comma after it ends the entry.
		expect(srcsetUrls("a.png 1x ((w), b.png 2x").map((entry) => entry.url)).toEqual(["a.png", "b.png"]);
		expect(srcsetUrls("a.png 1x ), b.png 2x").map((entry) => entry.url)).toEqual(["a.png", "b.png"]);
	});
});
