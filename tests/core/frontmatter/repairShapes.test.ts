// Repairs of the invalid frontmatter old plugin versions wrote, on whole blocks as they appear in vaults.

import { repairFrontmatter } from "../../../src/core/frontmatter/repair";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";

function valueOf(yaml: string, key: string): unknown {
	const outcome = parseFrontmatter(yaml);
	if (outcome.kind !== "mapping") throw new Error(`not a mapping: ${outcome.kind}`);
	return outcome.editor.get(key);
}

describe("repairFrontmatter on whole blocks", () => {
	it("takes single quotes off a value that held an apostrophe, and means what the writer meant", () => {
		const yaml = "id: 1a2b\ntitle: 'It's Time to Stop Saying Data Is the New Oil'\nauthor: 'O'Reilly Radar'\n";
		const repair = repairFrontmatter(yaml);
		expect(repair).toMatchObject({
			yaml: "id: 1a2b\ntitle: \"It's Time to Stop Saying Data Is the New Oil\"\nauthor: \"O'Reilly Radar\"\n",
			keys: ["title", "author"],
			closed: [],
		});
		expect(valueOf(repair?.yaml ?? "", "title")).toBe("It's Time to Stop Saying Data Is the New Oil");
	});

	it('keeps quotes that were escaped (\\") and escapes those that were not', () => {
		const yaml = 'title: "She said \\"no\\" to "Big Tech""\ndate_saved: 2024-02-27\n';
		const repair = repairFrontmatter(yaml);
		expect(repair?.keys).toEqual(["title"]);
		expect(valueOf(repair?.yaml ?? "", "title")).toBe('She said "no" to "Big Tech"');
	});

	it("keeps a value that only starts with a quote as written", () => {
		const repair = repairFrontmatter("title: \"Quoted\" and then: not\n");
		expect(valueOf(repair?.yaml ?? "", "title")).toBe('"Quoted" and then: not');
	});

	it("gives up when quoting fixes one entry but the block stays invalid", () => {
		// A sync conflict left the author twice; quoting the title cannot fix that.
		expect(repairFrontmatter("title: Rust in 2023: What Comes Next\nauthor: Niko\nauthor: Niko\n")).toBeNull();
	});

	it("has nothing to do in a valid block", () => {
		expect(repairFrontmatter("title: Rust\ntags:\n  - rust\n")).toBeNull();
	});

	it("repairs keys with spaces, digits and underscores, after a tab, and leaves comments alone", () => {
		const yaml = "# title: a: b\nsite name: Rust: Blog\n2nd_title:\tPart 2: More\ntitle: ok\n";
		const repair = repairFrontmatter(yaml);
		expect(repair).toMatchObject({
			yaml: '# title: a: b\nsite name: "Rust: Blog"\n2nd_title: "Part 2: More"\ntitle: ok\n',
			keys: ["site name", "2nd_title"],
			closed: [],
		});
	});

	it("leaves flow collections spread over lines to the parser, and gives up if they are broken", () => {
		const yaml = "title: Rust: next\naliases: [Rust,\n  Next]\nmeta: {a: 1,\n  b: 2}\n";
		expect(repairFrontmatter(yaml)?.yaml).toBe('title: "Rust: next"\naliases: [Rust,\n  Next]\nmeta: {a: 1,\n  b: 2}\n');
		expect(repairFrontmatter("title: Rust: next\naliases: [Rust,\n  Next\n")).toBeNull();
	});

	it("leaves a broken value's neighbours byte for byte, CR and indentation included", () => {
		const yaml = "tags:\n  - a\n  - b\ntitle: [Draft] plans\nnested:\n  key: value\n";
		expect(repairFrontmatter(yaml)?.yaml).toBe('tags:\n  - a\n  - b\ntitle: "[Draft] plans"\nnested:\n  key: value\n');
	});

	it("joins every continuation line of a folded broken value, and only those", () => {
		const yaml = "title: Rust: a title\n  folded over\n    three lines\nauthor: Niko\n";
		expect(repairFrontmatter(yaml)?.yaml).toBe('title: "Rust: a title folded over three lines"\nauthor: Niko\n');
	});

	it("refuses a value followed by a tab-indented line: it may be a key (`\\tauthor: y`), so the block is left", () => {
		expect(repairFrontmatter("title: Rust: a title\n  folded over\n\tthree lines\nauthor: Niko\n")).toBeNull();
	});
});
