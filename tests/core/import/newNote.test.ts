// The note the import writes for an article the vault does not have yet.

import { NoteTidier } from "../../../src/core";
import type { ExportItem } from "../../../src/core/import/exportItem";
import { renderNewNote } from "../../../src/core/import/newNote";
import { findCodeRanges, isInside } from "../../../src/core/markdown/codeRanges";

const options = new NoteTidier().options;
const item: ExportItem = { id: "0a1b2c3d", slug: "rust-18d1f3a2b4c", title: "Rust in\n 2023:   What Comes Next", labels: [], readingProgress: 0, url: "https://blog.rust-lang.org/a (draft)" };

describe("renderNewNote", () => {
	it("writes the title on one line, the tag without a doubled #, and the original as a link Markdown reads whole", () => {
		const note = renderNewNote({ item, highlights: [] }, { ...options, tagName: "#Omnivore" });
		expect(note).toContain("\n# Rust in 2023: What Comes Next\n#Omnivore\n\n[Read Original](https://blog.rust-lang.org/a%20%28draft%29)\n");
		expect(note.startsWith("---\nid: 0a1b2c3d\ntitle: \"Rust in 2023: What Comes Next\"\n")).toBe(true);
	});

	it("has a Highlights section only when there are highlights, and the content trimmed under its heading", () => {
		const note = renderNewNote({ item, highlights: [], content: "\n\nThe article.\n\n\n" }, options);
		expect(note).not.toContain("## Highlights");
		expect(note.endsWith("\n## Content\n\nThe article.\n")).toBe(true);
		const withHighlights = renderNewNote({ item, highlights: [{ quote: "Rust is fast.", labels: [] }] }, options);
		expect(withHighlights).toContain("\n## Highlights\n\n> Rust is fast.\n");
	});

	it.each(["```js", "  ```js"])("closes a code fence (%j) a highlight's note leaves open, so the next highlight and the content are not code", (opening) => {
		const highlights = [
			{ quote: "First.", labels: [], note: `${opening}\nconst mine = 1;` },
			{ quote: "Second.", labels: [] },
		];
		const note = renderNewNote({ item, highlights, content: "The article." }, options);
		const code = findCodeRanges(note);
		expect(isInside(code, note.indexOf("const mine"))).toBe(true);
		for (const text of ["> Second.", "## Content", "The article."]) expect(isInside(code, note.indexOf(text))).toBe(false);
		// A note whose fences close is written as it is.
		const closed = renderNewNote({ item, highlights: [{ quote: "Q.", labels: [], note: "```\nx\n```" }] }, options);
		expect(closed).toContain("\n\n```\nx\n```\n");
	});

	it("links an uploaded file's PDF in place of the content", () => {
		const note = renderNewNote({ item: { ...item, url: undefined }, highlights: [], pdfPath: "Omnivore/Paper.pdf", content: "ignored" }, options);
		expect(note.endsWith("## Content\n\n![[Omnivore/Paper.pdf]]\n")).toBe(true);
		expect(note).not.toContain("Read Original");
	});
});
