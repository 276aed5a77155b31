import { repairFrontmatter } from "../../../src/core/frontmatter/repair";

describe("repairFrontmatter", () => {
	it("quotes a title holding `: ` (plugin 1.0)", () => {
		expect(repairFrontmatter("title: Rust in 2023: What Comes Next\nauthor: Niko\n")).toEqual({
			yaml: 'title: "Rust in 2023: What Comes Next"\nauthor: Niko\n',
			keys: ["title"],
			closed: [],
		});
	});

	it.each(["[Draft] notes", "*Bold* claims", "*bold*", "&amp; more", "!important stuff", "%20 off", "@mention me", "`code` talk"])(
		"quotes a title starting with an indicator: %s",
		(title) => {
			expect(repairFrontmatter(`title: ${title}\n`)?.yaml).toBe(`title: ${JSON.stringify(title)}\n`);
		},
	);

	it("escapes inner double quotes (plugin 1.1 to 1.2)", () => {
		expect(repairFrontmatter('title: "Notes on "Local-First" Software"\nid: 1\n')?.yaml).toBe(
			'title: "Notes on \\"Local-First\\" Software"\nid: 1\n',
		);
	});

	it("joins a broken title folded over lines", () => {
		expect(repairFrontmatter("title: Rust: a title folded\n  over two lines\nid: 1\n")?.yaml).toBe(
			'title: "Rust: a title folded over two lines"\nid: 1\n',
		);
	});

	it("leaves lists and valid entries as they are", () => {
		const yaml = "tags:\n  - a\n  - b\ntitle: Fine: not\naliases: [x, y]\n";
		expect(repairFrontmatter(yaml)?.yaml).toBe('tags:\n  - a\n  - b\ntitle: "Fine: not"\naliases: [x, y]\n');
	});

	it("gives up on what quoting cannot fix", () => {
		expect(repairFrontmatter("a: 1\na: 2\n")).toBeNull();
		expect(repairFrontmatter("title: [unclosed\n  more: {\n")).toBeNull();
	});
});
