// Where a frontmatter block ends, on notes whose values hold dashes, and the line bookkeeping around it.

import { buildQueueItem, NoteTidier } from "../../src/core";
import { countLines, detectLineEnding, joinNote, lineAt, splitNote, withFrontmatterYaml } from "../../src/core/note";
import { setNoteStatus } from "../../src/core/queue/setStatus";

describe("the end of a frontmatter block", () => {
	it("is a line of its own, never `---` at the end of a value", () => {
		const note = "---\ntitle: Before and after---\ndescription: ---\nid: 1\n---\n# Before and after\n";
		const parts = splitNote(note);
		expect(parts.frontmatter?.yaml).toBe("title: Before and after---\ndescription: ---\nid: 1\n");
		expect(parts.body).toBe("# Before and after\n");
		expect(parts.bodyLineOffset).toBe(5);
	});

	it("may carry spaces or tabs after the dashes, but nothing else", () => {
		expect(splitNote("---\ntitle: x\n--- \t\nbody\n").frontmatter?.close).toBe("--- \t\n");
		expect(splitNote("---\ntitle: x\n----\nmore: y\n---\nbody\n").frontmatter?.yaml).toBe("title: x\n----\nmore: y\n");
		expect(splitNote("---\ntitle: x\n--- not the end\n---\nbody\n").frontmatter?.yaml).toBe("title: x\n--- not the end\n");
	});

	it("opens only on the very first line, spaces after the dashes allowed", () => {
		expect(splitNote("--- \r\ntitle: x\r\n---\r\n").frontmatter).toEqual({ open: "--- \r\n", yaml: "title: x\r\n", close: "---\r\n" });
		expect(splitNote("\n---\ntitle: x\n---\n").frontmatter).toBeNull();
		expect(splitNote("---title\nx\n---\n").frontmatter).toBeNull();
	});

	it("marks a block that never closes, and only that", () => {
		expect(splitNote("---\ntitle: x\n").unclosedFrontmatter).toBe(true);
		expect(splitNote("# Title\n---\n").unclosedFrontmatter).toBe(false);
		expect(splitNote("---\ntitle: x\n---\n").unclosedFrontmatter).toBeUndefined();
	});
});

describe("line endings and lines", () => {
	it("are read from the first line break", () => {
		expect(detectLineEnding("---\r\ntitle: x\n")).toBe("\r\n");
		expect(detectLineEnding("---\ntitle: x\r\n")).toBe("\n");
		expect(detectLineEnding("\r\n")).toBe("\r\n");
		expect(detectLineEnding("\n\r\n")).toBe("\n");
		expect(detectLineEnding("one line")).toBe("\n");
	});

	it("count line breaks and number lines from 1", () => {
		expect(countLines("a\nb\r\nc")).toBe(2);
		expect(countLines("")).toBe(0);
		expect(countLines("\n\n")).toBe(2);
		const note = "---\ntitle: x\n---\n# T\n![](img)\n";
		expect(lineAt(note, note.indexOf("![]"))).toBe(5);
		expect(lineAt(note, 0)).toBe(1);
	});
});

describe("withFrontmatterYaml", () => {
	it("writes new YAML in the note's CRLF line endings", () => {
		const parts = splitNote("\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n");
		expect(joinNote(withFrontmatterYaml(parts, "title: y\nstatus: unread\n"))).toBe("\uFEFF---\r\ntitle: y\r\nstatus: unread\r\n---\r\nbody\r\n");
	});

	it("adds a block above a note that had none, and a line break after a closing line at the very end", () => {
		expect(joinNote(withFrontmatterYaml(splitNote("# T\r\n#Omnivore\r\n"), "status: unread\n"))).toBe("---\r\nstatus: unread\r\n---\r\n# T\r\n#Omnivore\r\n");
		const closedAtEnd = splitNote("---\ntitle: x\n---");
		expect(joinNote({ ...closedAtEnd, body: "added body\n" })).toBe("---\ntitle: x\n---\nadded body\n");
	});
});

describe("an opening --- with a comment after it", () => {
	const note = "--- # from my template\nid: 3f1c2a\ntitle: T\ntags: [omnivore]\nstatus: read\n---\n# T\n\n[Read on Omnivore](https://omnivore.app/me/t-18c1d2e3f4a)\n";

	it("opens no frontmatter, and says so", () => {
		const parts = splitNote(note);
		expect(parts.frontmatter).toBeNull();
		expect(parts.commentedOpening).toBe(true);
		expect(splitNote("---\nid: 1\n---\n").commentedOpening).toBeUndefined();
		// A thematic break of more dashes, or dashes then words, is no such line.
		expect(splitNote("----\n# T\n").commentedOpening).toBeUndefined();
		expect(splitNote("--- notes\n").commentedOpening).toBeUndefined();
	});

	it("is left as it is by a tidy, which adds no second block above it and says why", () => {
		const result = new NoteTidier().tidy(note);
		expect(result.text).toBe(note);
		expect(result.report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The frontmatter's opening line has a comment after its ---: .*remove the comment/)]);
	});

	it("is read by the queue as Obsidian reads it, without properties, and its status is not set", () => {
		const tidier = new NoteTidier();
		expect(buildQueueItem("T.md", note, tidier.options, tidier.proxy)).toMatchObject({ status: "unread", tags: [] });
		expect(setNoteStatus(note, "archived", tidier.options)).toBeNull();
	});
});
