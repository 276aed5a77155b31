import { joinNote, splitNote } from "../../src/core/note";

describe("splitNote / joinNote", () => {
	it.each([
		["LF frontmatter", "---\ntitle: x\n---\nbody\n"],
		["CRLF", "---\r\ntitle: x\r\n---\r\nbody\r\n"],
		["BOM", "\uFEFF---\ntitle: x\n---\nbody"],
		["no frontmatter", "# Title\n#Omnivore\n"],
		["empty frontmatter", "---\n---\nbody"],
		["closing line at the end of the file", "---\ntitle: x\n---"],
		["a thematic break that is not frontmatter", "text\n---\nmore\n"],
		["an unclosed block", "---\ntitle: x\nno end\n"],
		["empty note", ""],
	])("round-trips %s byte for byte", (_name, text) => {
		expect(joinNote(splitNote(text))).toBe(text);
	});

	it("finds the parts", () => {
		const parts = splitNote("\uFEFF---\r\ntitle: x\r\n---\r\n# T\r\n");
		expect(parts.bom).toBe("\uFEFF");
		expect(parts.eol).toBe("\r\n");
		expect(parts.frontmatter?.yaml).toBe("title: x\r\n");
		expect(parts.body).toBe("# T\r\n");
		expect(parts.bodyLineOffset).toBe(3);
	});

	it("does not take a later `---` line for frontmatter", () => {
		expect(splitNote("# T\n---\na: 1\n---\n").frontmatter).toBeNull();
	});
});
