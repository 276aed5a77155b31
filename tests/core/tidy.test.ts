import { buildQueueItem, NoteTidier, tidyNote } from "../../src/core";
import { breaksLinesWithCrAlone, splitNote } from "../../src/core/note";

const tidier = new NoteTidier();
const P = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";

function tidy(text: string) {
	return tidier.tidy(text);
}

describe("tidyNote on whole notes", () => {
	it("leaves a note that is not an Omnivore note exactly as it is", () => {
		const text = `# Scratch\n\n![](${P}/https://example.org/diagram.png)\n`;
		const result = tidy(text);
		expect(result.text).toBe(text);
		expect(result.report).toEqual({ isOmnivoreNote: false, changed: false, changes: [], problems: [] });
	});

	it("keeps CRLF line endings in frontmatter and body, new lines included", () => {
		const text = "---\r\ntitle: x\r\n---\r\n# x\r\n#Omnivore\r\n\r\n[Read Original](https://a.example/post)\r\n";
		const result = tidy(text);
		expect(result.text).toBe(
			"---\r\ntitle: x\r\noriginal_url: https://a.example/post\r\nsite_name: a.example\r\nstatus: unread\r\n---\r\n# x\r\n#Omnivore\r\n\r\n[Read Original](https://a.example/post)\r\n",
		);
		expect(result.text.replace(/\r\n/g, "")).not.toContain("\n");
	});

	it("keeps a BOM", () => {
		const result = tidy("\uFEFF---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstatus: read\n---\n#Omnivore\n");
		expect(result.text).toBe("\uFEFF---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstatus: read\n---\n#Omnivore\n");
		expect(tidy(`\uFEFF#Omnivore\n![](${P}/https://a.example/x.png)\n`).text).toBe("\uFEFF---\nstatus: unread\n---\n#Omnivore\n![](https://a.example/x.png)\n");
	});

	it("keeps comments, unknown keys, quoting and flow lists it does not own", () => {
		const fm = [
			"# my template v2",
			"id: 42",
			"aliases: [Slow reading, 'The case']",
			"cssclasses: [wide]   # layout",
			"rating: '5'",
			"",
			"date_saved: 2024-03-15 08:12:44  # synced from laptop",
			"status: read",
			"nested:",
			"  a: [1, 2]",
		].join("\n");
		const text = `---\n${fm}\n---\n#Omnivore\n`;
		const result = tidy(text);
		expect(result.text).toBe(text.replace("2024-03-15 08:12:44  #", "2024-03-15T08:12:44  #"));
	});

	it("creates frontmatter only when there is something to write", () => {
		const note = "# T\n#Omnivore\n[Read Original](https://omnivore.app/no_url?q=1a2b)\n";
		expect(tidy(note).text).toBe(`---\ntitle: T\nstatus: unread\n---\n${note}`);
		const noRecovery = new NoteTidier({ recover: { title: false, dateSaved: false, originalUrl: false, omnivoreUrl: false, siteName: false, status: false } });
		expect(noRecovery.tidy(note).text).toBe(note);
	});

	it("fills an empty frontmatter block", () => {
		expect(tidy("---\n---\n# T\n#Omnivore\n[Read Original](https://omnivore.app/no_url?q=1a2b)\n").text).toBe("---\ntitle: T\nstatus: unread\n---\n# T\n#Omnivore\n[Read Original](https://omnivore.app/no_url?q=1a2b)\n");
	});

	it("repairs plugin 1.0 frontmatter and reports it", () => {
		const result = tidy("---\ntitle: Rust in 2023: What Comes Next\nstatus: read\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n");
		expect(result.text).toBe('---\ntitle: "Rust in 2023: What Comes Next"\nstatus: read\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n');
		expect(result.report.changes.map((c) => c.kind)).toEqual(["frontmatter-repaired"]);
	});

	it("leaves frontmatter it cannot understand byte for byte, reports why, and still unwraps the body", () => {
		const fm = "title: [unclosed\n  more: {\ntags:\n  - Omnivore\n";
		const text = `---\n${fm}---\n[Read Original](https://a.example/post)\n\n![](${P}/https://a.example/x.png)\n`;
		const result = tidy(text);
		expect(result.report.isOmnivoreNote).toBe(true);
		expect(result.text).toBe(`---\n${fm}---\n[Read Original](https://a.example/post)\n\n![](https://a.example/x.png)\n`);
		expect(result.report.problems.map((p) => p.code)).toEqual(["invalid-frontmatter"]);
		expect(result.report.problems[0].message).toMatch(/not valid YAML .* left as it was/);
	});

	it("does not add a block above a frontmatter block that never closes", () => {
		const text = `---\ntitle: Half a block\n#Omnivore\n[Read Original](https://a.example/post)\n![](${P}/https://a.example/x.png)\n`;
		const result = tidy(text);
		expect(result.text).toBe(text.replace(`${P}/https://a.example/x.png`, "https://a.example/x.png"));
		expect(result.report.problems.map((p) => p.message)).toEqual([
			"The frontmatter is not valid YAML (it has no closing --- line) and could not be repaired; it was left as it was. Images in the body were still unwrapped (1).",
		]);
	});

	it("leaves single-file mode's list frontmatter alone", () => {
		const text = `---\n- id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n  title: A\n- id: 2\n  title: B\n---\n%%1_start%%\n#Omnivore\n![](${P}/https://a.example/a.png)\n%%1_end%%\n`;
		const result = tidy(text);
		expect(result.text).toBe(text.replace(`${P}/https://a.example/a.png`, "https://a.example/a.png"));
		expect(result.report.problems.map((p) => p.code)).toEqual(["frontmatter-not-mapping"]);
	});

	it("reports problems with line numbers of the whole note", () => {
		const text = `---\nstatus: read\ndate_saved: 03/04/2024\n---\n#Omnivore\n\n![](${P}//relative.png)\n`;
		const result = tidy(text);
		expect(result.report.problems.map((p) => [p.code, p.line])).toEqual([
			["ambiguous-date", undefined],
			["relative-image-url", 7],
		]);
		expect(result.text).toBe(text);
	});

	it.each([
		["the placeholder first", "author: unknown\nAuthor: Bob\n"],
		["the placeholder second", "Author: Bob\nauthor: Unknown\n"],
		["the placeholder under the other case", "author: Bob\nAuthor: unknown\n"],
	])("lets a real author take the place of Omnivore's placeholder in one run (%s)", (_, authors) => {
		const text = `---\ntitle: A test\n${authors}status: read\n---\n#Omnivore\n`;
		const result = tidy(text);
		expect(result.text).toBe("---\ntitle: A test\nauthor: Bob\nstatus: read\n---\n#Omnivore\n");
		expect(result.report.problems).toEqual([]);
		expect(tidy(result.text).text).toBe(result.text);
	});

	it("settles every pair of spellings of the author in one run", () => {
		const values = ["unknown", "Unknown", "", "~", "null", "Bob", "Ann # mine"];
		const spellings = ["author", "Author", "AUTHOR"];
		for (const [first, second] of [[0, 1], [1, 0], [1, 2]]) {
			for (const a of values) {
				for (const b of values) {
					const text = `---\ntitle: A test\n${spellings[first]}: ${a}\n${spellings[second]}: ${b}\nstatus: read\n---\n#Omnivore\n`;
					const once = tidy(text).text;
					expect([text, tidy(once).text]).toEqual([text, once]);
				}
			}
		}
	});

	it("keeps the comments of the placeholder and of the author that takes its place with their own lines", () => {
		const result = tidy("---\ntitle: A test\nauthor: unknown # placeholder\nAuthor: Bob # real\nstatus: read\n---\n#Omnivore\n");
		expect(result.text).toBe("---\ntitle: A test\n# placeholder\nauthor: Bob # real\nstatus: read\n---\n#Omnivore\n");
	});

	it("reads Omnivore's state from the spelling that holds one, not from an empty one above it", () => {
		const result = tidy("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstate:\nState: read\n---\n#Omnivore\n");
		expect(result.text).toBe("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstate:\nstatus: read\n---\n#Omnivore\n");
	});

	it("never drops Omnivore's address from original_url where omnivore_url holds something else", () => {
		const library = "https://omnivore.app/me/on-reading-18c2f4a1b2c";
		for (const omnivore of ["https://a.example/post", "https://omnivore.app/me/another-18c2f4a1b2d", "[https://a.example/post]"]) {
			const text = `---\nlink: ${library}\nomnivore_url: ${omnivore}\n---\n[Read Original](https://a.example/post)\n`;
			const result = tidy(text);
			expect(result.text).toContain(`original_url: ${library}\n`);
			expect(result.report.problems.map((p) => p.code)).toEqual(["alias-conflict"]);
			expect(result.report.problems[0].message).toMatch(/^original_url holds Omnivore's address \(.*\) and omnivore_url another value \(.+\); both were kept\.$/);
			expect(tidy(result.text).text).toBe(result.text);
			expect(buildQueueItem("a.md", result.text, tidier.options, tidier.proxy)).toEqual(buildQueueItem("a.md", text, tidier.options, tidier.proxy));
		}
	});

	it("moves Omnivore's address from original_url to an empty omnivore_url, and takes the article's from the Read Original link", () => {
		const result = tidy("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\noriginal_url: https://omnivore.app/me/on-reading-18c2f4a1b2c\nomnivore_url:\n---\n[Read Original](https://a.example/post)\n");
		expect(result.text).toBe("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\noriginal_url: https://a.example/post\nomnivore_url: https://omnivore.app/me/on-reading-18c2f4a1b2c\ndate_saved: 2023-12-03T11:47:14\nsite_name: a.example\nstatus: unread\n---\n[Read Original](https://a.example/post)\n");
	});

	it("removes the placeholder under both names", () => {
		const result = tidy("---\ntitle: A test\nAuthor: Unknown\nauthor: unknown\nstatus: read\n---\n#Omnivore\n");
		expect(result.text).toBe("---\ntitle: A test\nstatus: read\n---\n#Omnivore\n");
		expect(result.report.problems).toEqual([]);
	});

	it.each([
		["a list of it", "author:\n  - unknown\n"],
		["a flow list of it", "author: [Unknown]\n"],
		["a list of it under another case, beside a real author", "author: Ann\nAuthor:\n  - unknown\n"],
		["a list of it under another case alone", "Author:\n  - unknown\n"],
	])("removes the placeholder written as %s, as the queue reads it", (_, authors) => {
		// As a template that lists authors wrote it (zubayrali/vault-template).
		const note = `---\nid: b1447340-ea66-4521-8894-14a01a90ffb8\ntitle: Book Summary\n${authors}url: https://www.kingsmaker.co/blog/book-summary\nomnivore_url: https://omnivore.app/me/book-summary-18d8a83aadc\n---\n\n# Book Summary\n`;
		const result = tidy(note);
		expect(result.text).not.toMatch(/unknown/i);
		expect(result.report.problems).toEqual([]);
		expect(tidy(result.text).text).toBe(result.text);
		expect(buildQueueItem("a.md", result.text, tidier.options, tidier.proxy)).toEqual(buildQueueItem("a.md", note, tidier.options, tidier.proxy));
	});

	it("keeps a list of authors that names one beside the placeholder", () => {
		const note = "---\ntitle: A test\nauthor:\n  - unknown\n  - Ann\nstatus: read\n---\n#Omnivore\n";
		expect(tidy(note).text).toBe(note);
	});

	describe("a tagged note whose only sign of a saved article is a proxied image", () => {
		const body = `# Notes on reading\n#Omnivore\n\n![](${P}/https://a.example/figure.png)\n`;

		it("is unwrapped, and keeps its place with the status tidy writes", () => {
			const result = tidy(`---\ntitle: Notes on reading\n---\n${body}`);
			expect(result.text).toBe(`---\ntitle: Notes on reading\nstatus: unread\n---\n${body.replace(`${P}/`, "")}`);
			expect(buildQueueItem("a.md", result.text, tidier.options, tidier.proxy)).not.toBeNull();
		});

		it.each([
			["a frontmatter that cannot be read", tidier, "---\ntags: ''\ntags: notes\n---\n"],
			["adding the status turned off", new NoteTidier({ recover: { ...tidier.options.recover, status: false } }), "---\ntitle: Notes on reading\n---\n"],
		])("is left as it was, with the reason, when its status cannot be written (%s)", (_name, engine, frontmatter) => {
			const text = `${frontmatter}${body}`;
			const result = engine.tidy(text);
			expect(result.text).toBe(text);
			expect(result.report).toMatchObject({ isOmnivoreNote: true, changed: false, changes: [] });
			expect(result.report.problems.map((p) => p.code).at(-1)).toBe("only-proxied-images");
			expect(result.report.problems.at(-1)?.message).toContain("status: unread");
			expect(buildQueueItem("a.md", text, engine.options, engine.proxy)).not.toBeNull();
		});
	});

	it("keeps both values of an alias conflict and reports it", () => {
		const text = "---\nstatus: read\noriginal_url: https://a.example/1\nurl: https://a.example/2\n---\n#Omnivore\n";
		const result = tidy(text);
		expect(result.text).toBe(text.replace("---\n#Omnivore", "site_name: a.example\n---\n#Omnivore"));
		expect(result.report.problems.map((p) => p.code)).toEqual(["alias-conflict"]);
	});

	it("uses a recovered original URL to resolve relative images in the body", () => {
		const text = `#Omnivore\n[Read Original](https://blog.example/posts/1)\n![](${P}//img/a.png)\n`;
		expect(tidy(text).text).toContain("![](https://blog.example/img/a.png)");
	});

	it("finds a note tagged only in its frontmatter", () => {
		expect(tidy("---\ntags: [omnivore]\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\nno body tag\n").report.isOmnivoreNote).toBe(true);
	});

	it("tidies one note with its options in one call", () => {
		expect(tidyNote("---\nsaved: 2024-02-27 01:30:06\n---\n#readlater\n", { tagName: "readlater" }).text).toBe("---\ndate_saved: 2024-02-27T01:30:06\nstatus: unread\n---\n#readlater\n");
	});

	it("uses the configured tag name and property names", () => {
		const custom = new NoteTidier({ tagName: "readlater", keys: { ...new NoteTidier().options.keys, status: "queue", dateSaved: "saved" } });
		const result = custom.tidy("---\nsaved: 2024-02-27 01:30:06\n---\n#readlater\n");
		expect(result.text).toBe("---\nsaved: 2024-02-27T01:30:06\nqueue: unread\n---\n#readlater\n");
		expect(custom.tidy("#Omnivore\n").report.isOmnivoreNote).toBe(false);
	});

	it("changes nothing on a second run", () => {
		const text = `---\ntitle: |\n  A\nstate: READING\ntags: [x, "y z"]\n---\n# A\n#Omnivore\n[Read on Omnivore](https://omnivore.app/me/a-18de9d85b43)\n![](${P}/https:/a.example/x.png)\n`;
		const once = tidy(text);
		expect(once.report.changed).toBe(true);
		const twice = tidy(once.text);
		expect(twice.text).toBe(once.text);
		expect(twice.report.changed).toBe(false);
		expect(twice.report.changes).toEqual([]);
	});
});

describe("reports that tell the truth", () => {
	const link = "[Read on Omnivore](https://omnivore.app/me/a-18de9d85b43)";

	it("reports no change that changes nothing", () => {
		const result = tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstate: reading\n---\n#Omnivore\n${link}\n`);
		expect(result.text).toContain("status: reading\n");
		const noOps = result.report.changes.filter((c) => c.from !== undefined && c.from === c.to);
		expect(noOps).toEqual([]);
	});

	it("says images were unwrapped only when some were", () => {
		const [problem] = tidy("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: [a\n  b: {\n---\n#Omnivore\n").report.problems;
		expect(problem.code).toBe("invalid-frontmatter");
		expect(problem.message).not.toMatch(/unwrapped/);
	});

	it("keeps the YAML library's warnings off the console", () => {
		const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
		try {
			const result = tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ncreated: {{date: YYYY-MM-DD}}\n---\n#Omnivore\n${link}\n`);
			expect(result.report.isOmnivoreNote).toBe(true);
			expect(warn).not.toHaveBeenCalled();
		} finally {
			warn.mockRestore();
		}
	});

	it.each([
		["a 5,000-deep flow list", `tags: ${"[".repeat(5000)}${"]".repeat(5000)}`],
		["5,000-deep flow mappings", `x: ${"{a: ".repeat(5000)}1${"}".repeat(5000)}`],
		["5,000-deep block mappings", Array.from({ length: 5000 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")],
		["5,000 nested block lists", `x:\n${"- ".repeat(5000)}a`],
		["a line of 5,000 empty keys, each a map in the last", `title: ${": ".repeat(5000)}]`],
		["5,000 empty keys opening a list item", `tags:\n  - ${": ".repeat(5000)}`],
	])("reports %s as too deeply nested and leaves it", (_name, yaml) => {
		const text = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${yaml}\n---\n#Omnivore\n${link}\n`;
		const result = tidy(text);
		expect(result.text).toBe(text);
		expect(result.report.problems.map((p) => p.code)).toEqual(["too-deeply-nested"]);
	});

	it("leaves a note the engine fails on as it was, and says so (one note never stops a run)", () => {
		// An engine whose proxy matcher is missing fails on every note it reads as far as its images.
		const broken = Object.assign(Object.create(NoteTidier.prototype) as object, { ...tidier, proxy: null }) as unknown as NoteTidier;
		const text = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n${link}\n`;
		const result = broken.tidy(text);
		expect(result.text).toBe(text);
		expect(result.report).toEqual({
			isOmnivoreNote: false,
			changed: false,
			changes: [],
			problems: [{ code: "engine-failed", message: expect.stringMatching(/^Omnivore Queue failed on this note \(.+\); it was left as it was\. Please report it/) as unknown }],
		});
	});

	const body = "[Read on Omnivore](https://omnivore.app/me/some-article-18c0a1b2c3d)\n[Read Original](https://example.com/a)\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sabc/https://example.com/a.png)\n\n#Omnivore\n";

	it.each([
		["a tab-indented key under a title", "title: x\n\tauthor: y"],
		["an indented entry under a broken value", "title: [a, b\nfoo: : :\n  bar: - x"],
	])("leaves invalid YAML that is not an old plugin's quoting byte for byte: %s", (_name, yaml) => {
		const text = `---\n${yaml}\n---\n${body}`;
		const result = tidy(text);
		expect(result.text.startsWith(`---\n${yaml}\n---\n`)).toBe(true);
		expect(result.report.problems.map((p) => p.code)).toEqual(["invalid-frontmatter"]);
		expect(result.report.changes.map((c) => c.kind)).not.toContain("frontmatter-repaired");
	});

	it("leaves a 2 MB frontmatter as it was, says why, and still unwraps body images, without parsing it", () => {
		const yaml = Array.from({ length: 200_000 }, (_, i) => `k${i}: v`).join("\n");
		const text = `---\n${yaml}\n---\n${body}`;
		const started = performance.now();
		const result = tidy(text);
		// A guard against parsing the block (many seconds), not a speed figure: those are the benchmark's, and a loaded machine must not fail it.
		expect(performance.now() - started).toBeLessThan(5000);
		expect(result.text.startsWith(`---\n${yaml}\n---\n`)).toBe(true);
		expect(result.text).toContain("![](https://example.com/a.png)");
		expect(result.report.problems.map((p) => p.code)).toEqual(["frontmatter-too-large"]);
		expect(result.report.problems[0].message).toMatch(
			/^Frontmatter too large to be an Omnivore note's: 2,\d{3} KB, 200,000 lines; it was left as it was\. Images in the body were still unwrapped \(1\)\.$/,
		);
	});

	it("still reads a frontmatter of a few thousand bytes", () => {
		const yaml = Array.from({ length: 1500 }, (_, i) => `k${i}: v`).join("\n");
		expect(tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${yaml}\n---\n${body}`).report.problems).toEqual([]);
	});

	it("leaves a block with anchors and aliases as written, and says so", () => {
		const text = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: &t Hello\nalias_title: *t\ntags: &g [a, b]\n---\n#Omnivore\n${link}\n`;
		const result = tidy(text);
		expect(result.text).toBe(text);
		expect(result.report.problems.map((p) => p.code)).toEqual(["yaml-anchors"]);
	});

	it("never turns anchors into strings in a block that is not valid YAML", () => {
		const invalid = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: Rust: what comes next\ntags: &t [rust, lang]\nkeywords: *t\n---\n#Omnivore\n${link}\n`;
		expect(tidy(invalid).text).toBe(invalid);
		expect(tidy(invalid).report.problems.map((p) => p.code)).toEqual(["invalid-frontmatter"]);
		const levels = "bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(",")}]`);
		const laughs = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\na: &a [1,2]\n${levels.join("\n")}\n---\n#Omnivore\n${link}\n`;
		expect(tidy(laughs).text).toBe(laughs);
		expect(tidy(laughs).report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/too many aliases\).*left as it was/)]);
	});

	it("closes a flow list that lost its bracket, never a tag named [alpha", () => {
		const result = tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags: [alpha, beta\n---\n#Omnivore\n${link}\n`);
		expect(result.text).toContain("tags:\n  - alpha\n  - beta\n");
		expect(result.report.changes[0].message).toMatch(/closed the list of tags/);
		expect(tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags: [a: b, c\n---\n#Omnivore\n`).report.problems.map((p) => p.code)).toEqual(["invalid-frontmatter"]);
	});

	it("indents with spaces a list a template indented with tabs, CRLF kept, and a second run changes nothing", () => {
		const note = `---\r\nid: 1\r\ntitle: Poisson\r\nSources:\r\n\t- "https://omnivore.app/me/poisson-18836f8d98c"\r\n---\r\n#Omnivore\r\n${link}\r\n`;
		const result = tidy(note);
		expect(result.text).toContain('Sources:\r\n  - "https://omnivore.app/me/poisson-18836f8d98c"\r\n');
		expect(result.report.changes[0].message).toBe("Frontmatter was not valid YAML; indented the list of Sources with spaces instead of tabs.");
		expect(result.report.problems).toEqual([]);
		expect(tidy(result.text).report.changed).toBe(false);
	});

	it("leaves a note about Omnivore alone and says why", () => {
		const text = "---\ntags: [Omnivore]\n---\n# Why I use Omnivore\n";
		const result = tidy(text);
		expect(result.text).toBe(text);
		expect(result.report).toMatchObject({ isOmnivoreNote: false, problems: [{ code: "not-a-saved-article" }] });
	});

	it("leaves a Zettelkasten note tagged #omnivore alone: its id is not one Omnivore gave", () => {
		const text = "---\nid: 202401011200\ntags: [zettel, omnivore]\nstatus: in progress\n---\n# Reading later, and why I stopped\n\nNotes on [[Read-it-later apps]].\n";
		const result = tidy(text);
		expect(result.text).toBe(text);
		expect(result.report).toMatchObject({ isOmnivoreNote: false, changed: false, problems: [{ code: "not-a-saved-article" }] });
	});

	it("reports an uploaded file and takes no site from Omnivore's storage", () => {
		const result = tidy("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n[Read Original](https://omnivore.app/attachments/u/1/paper.pdf)\n");
		expect(result.text).not.toMatch(/site_name|original_url/);
		expect(result.report.problems.map((p) => p.code)).toEqual(["uploaded-file"]);
	});

	it("reports an uploaded file whose template wrote the upload's address in original_url", () => {
		const text = "---\nid: 4c1d\ntitle: Lecture 3 - Thermodynamics.pdf\noriginal_url: https://omnivore.app/attachments/u/4c1d/Lecture-3.pdf\nstatus: unread\n---\n# Lecture 3 - Thermodynamics.pdf\n#Omnivore\n";
		const result = tidy(text);
		expect(result.text).toBe(text);
		expect(result.report.problems.map((p) => p.code)).toEqual(["uploaded-file"]);
		expect(result.report.problems[0].message).toContain("attachments/u/4c1d");
	});

	it("reports a status list as a list, not as the word it holds", () => {
		const result = tidy("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstatus: [read, favourite]\n---\n#Omnivore\n[Read Original](https://a.example/p)\n");
		expect(result.report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^status "\[read, favourite\]" is not a reading status/)]);
	});

	it("reports a tags change so that it shows what changed", () => {
		const note = (tags: string) => `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags: ${tags}\nstatus: unread\noriginal_url: https://a.example/p\nsite_name: a.example\n---\n#Omnivore\n`;
		const change = (tags: string) => tidy(note(tags)).report.changes.find((c) => c.key === "tags");
		expect(change("reading-list")).toMatchObject({ from: '"reading-list"', to: '"[reading-list]"', message: "tags: tidied into a list." });
		expect(change("[essays, history]")).toMatchObject({ from: '"[essays, history]"', to: '"[essays, history]"', message: "tags: written as a block list." });
	});

	it("fills an empty Title where it stands, never adding title beside it", () => {
		const text = "---\nID: 6b1f\nTitle:\nAuthor: Lena Park\n---\n# Notes on Quiet Software\n#Omnivore\n[Read Original](https://quiet.example.com/notes)\n";
		expect(tidy(text).text).toMatch(/^---\nID: 6b1f\ntitle: Notes on Quiet Software\nauthor: Lena Park\n/);
	});

	it("reads links a template HTML-escaped", () => {
		const result = tidy("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n[Read on Omnivore](https:&#x2F;&#x2F;omnivore.app&#x2F;me&#x2F;t-18c2f4a1b2c)\n[Read Original](https:&#x2F;&#x2F;a.example&#x2F;p?x&#x3D;1&amp;y&#x3D;2)\n");
		expect(result.text).toContain("original_url: https://a.example/p?x=1&y=2\nomnivore_url: https://omnivore.app/me/t-18c2f4a1b2c\n");
	});

	it("never adds title beside Title", () => {
		const result = tidy("---\nID: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nTitle: On Labels\n---\n# On Labels\n#Omnivore\n");
		expect(result.text).toMatch(/^---\nID: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: On Labels\nstatus: unread\n---/);
	});
});

describe("unwrapImages", () => {
	it("works on any note and leaves its frontmatter alone", () => {
		const text = `---\ntitle: Scratch: notes\n---\n![](${P}/https://a.example/x.png)\n`;
		const result = tidier.unwrapImages(text);
		expect(result.text).toBe("---\ntitle: Scratch: notes\n---\n![](https://a.example/x.png)\n");
		expect(result.report.isOmnivoreNote).toBe(false);
	});

	it("resolves relative images against the note's original_url, else its Read Original link", () => {
		const fromProperty = tidier.unwrapImages(`---\noriginal_url: https://blog.example/posts/1\n---\n![](${P}//img/a.png)\n`);
		expect(fromProperty.text).toBe("---\noriginal_url: https://blog.example/posts/1\n---\n![](https://blog.example/img/a.png)\n");
		const fromLink = tidier.unwrapImages(`---\ntitle: Clipped\n---\n[Read Original](https://news.example/a/b)\n![](${P}//img/b.png)\n`);
		expect(fromLink.text).toContain("![](https://news.example/img/b.png)");
		expect(tidier.unwrapImages(`---\n- a list\n---\n[Read Original](https://news.example/a/b)\n![](${P}//img/c.png)\n`).text).toContain("![](https://news.example/img/c.png)");
	});

	it("tells an Omnivore note from another, and changes nothing in a note with no proxied image", () => {
		const omnivore = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n[Read Original](https://a.example/p)\n![](${P}/https://a.example/x.png)\n`;
		expect(tidier.unwrapImages(omnivore).report).toMatchObject({ isOmnivoreNote: true, changed: true });
		const plain = "# Scratch\n\n![](https://a.example/x.png)\n";
		expect(tidier.unwrapImages(plain)).toEqual({ text: plain, report: { isOmnivoreNote: false, changed: false, changes: [], problems: [] } });
	});
});

describe("reading a note without tidying it", () => {
	it("isOmnivoreNote: a saved article, tagged or found by its marks, and no other note", () => {
		expect(tidier.isOmnivoreNote("# Scratch\n\nMy own notes.\n")).toBe(false);
		expect(tidier.isOmnivoreNote("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n[Read Original](https://a.example/p)\n")).toBe(true);
	});

	it("articleUrl: the original_url property, else the Read Original link, also under frontmatter it cannot read", () => {
		const link = "[Read Original](https://news.example/a/b)\n";
		expect(tidier.articleUrl(splitNote(`---\noriginal_url: https://blog.example/posts/1\n---\n${link}`))).toBe("https://blog.example/posts/1");
		expect(tidier.articleUrl(splitNote(`---\ntitle: T\n---\n${link}`))).toBe("https://news.example/a/b");
		expect(tidier.articleUrl(splitNote(`---\n- a list\n---\n${link}`))).toBe("https://news.example/a/b");
		expect(tidier.articleUrl(splitNote("# Scratch\n"))).toBeUndefined();
	});

	it("resolves relative images of an Omnivore note against its original_url when it has no Read Original link", () => {
		const result = tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\noriginal_url: https://blog.example/posts/1\n---\n#Omnivore\n![](${P}//img/a.png)\n`);
		expect(result.text).toContain("![](https://blog.example/img/a.png)");
		expect(result.report.problems).toEqual([]);
	});

	it("reports no repair of a note that had no frontmatter", () => {
		const result = tidy("# T\n#Omnivore\n[Read Original](https://a.example/p)\n");
		expect(result.report.changes.map((change) => change.kind)).not.toContain("frontmatter-repaired");
		expect(result.text).toMatch(/^---\ntitle: T\n/);
	});
});

describe("what a user reads when a note's frontmatter is left as it was", () => {
	const tidier = new NoteTidier({ tagName: "Saved" });
	const P2 = "https://proxy-prod.omnivore-image-cache.app/0x0,sAbc";
	const original = "[Read Original](https://example.com/post)";
	const problems = (text: string) => tidier.tidy(text).report.problems;

	it("names the anchors, and how many images were still unwrapped", () => {
		expect(problems(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: &t Hello\nalias_title: *t\n---\n#Saved\n${original}\n![](${P2}/https://a.example/a.png)\n`)).toEqual([
			{
				code: "yaml-anchors",
				line: 1,
				message: 'The frontmatter uses YAML anchors or aliases (&t, *t); it was left as it was so their meaning is kept. A value such as "&amp; more" meant as text needs quotes. Images in the body were still unwrapped (1).',
			},
		]);
	});

	it("says what the block is instead of properties, and says nothing of images when there were none", () => {
		const list = "The frontmatter is a list rather than properties (Omnivore's single-file mode writes a list); it was left as it was.";
		expect(problems(`---\n- id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n- id: 2\n---\n#Saved\n${original}\n![](${P2}/https://a.example/a.png)\n![](${P2}/https://a.example/b.png)\n`)).toEqual([
			{ code: "frontmatter-not-mapping", line: 1, message: `${list} Images in the body were still unwrapped (2).` },
		]);
		expect(problems(`---\n- id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Saved\n${original}\n`)).toEqual([{ code: "frontmatter-not-mapping", line: 1, message: list }]);
	});

	it("names the configured tag of a note that is tagged but no saved article", () => {
		expect(problems("---\ntags: [Saved]\n---\n# Why I save\n")[0].message).toMatch(/^Tagged #Saved but does not look like a saved article \(.+\); it was left alone\.$/);
	});

	it("names every list it closed or indented again to repair the block", () => {
		const link = "[Read Original](https://a.example/p)";
		const closed = tidier.tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags: [alpha, beta\naliases: [Rust 2024, Rust next\n---\n#Saved\n${link}\n`).report.changes[0];
		expect(closed).toEqual({ kind: "frontmatter-repaired", message: 'Frontmatter was not valid YAML; closed the list of tags, aliases with the "]" it lacked.' });
		const tabs = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags:\n\t- rust\nSources:\n\t- "https://omnivore.app/me/poisson-18836f8d98c"\n---\n#Saved\n${link}\n`;
		expect(tidier.tidy(tabs).report.changes[0]).toEqual({ kind: "frontmatter-repaired", message: "Frontmatter was not valid YAML; indented the list of tags, Sources with spaces instead of tabs." });
	});

	it("names every property whose value was quoted to repair the block", () => {
		const { report } = tidier.tidy("---\ntitle: Rust: What\nauthor: A: B\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Saved\n");
		expect(report.changes[0]).toEqual({ kind: "frontmatter-repaired", message: "Frontmatter was not valid YAML; quoted the value of title, author so it reads again." });
	});
});

describe("a note whose lines end in a carriage return alone (classic Mac OS)", () => {
	const note = "---\rid: 3f1e2d4c-5b6a-4789-8abc-def012345678\rtitle: Old Mac\r---\r# Old Mac\r#Omnivore\r[Read on Omnivore](https://omnivore.app/me/old-mac-18e40a3b2f1)\r";

	it("is left as it was and reported when it may be an Omnivore note, not given a second frontmatter block", () => {
		const result = tidy(note);
		expect(result.text).toBe(note);
		expect(result.report.problems.map((p) => p.code)).toEqual(["cr-line-endings"]);
		expect(result.report.problems[0].message).toMatch(/^The note's lines end in a carriage return alone .* it was left as it was\. Convert its line endings/);
		expect(buildQueueItem("old.md", note, tidier.options, tidier.proxy)).toBeNull();
	});

	it("is left as it was, and reported, when its lines end in CR CR LF", () => {
		const doubled = note.replace(/\r/g, "\r\r\n");
		expect(tidy(doubled).text).toBe(doubled);
		expect(tidy(doubled).report.problems.map((p) => p.code)).toEqual(["cr-line-endings"]);
	});

	it("is left without a word when it is no Omnivore note, and a stray carriage return in a note of LF lines is just a character", () => {
		const mine = "---\rtitle: Mine\r---\rText.\r";
		expect(tidy(mine)).toEqual({ text: mine, report: { isOmnivoreNote: false, changed: false, changes: [], problems: [] } });
		// A tool that added a final line break (or two) does not make its lines LF ones.
		expect(tidy(`${note}\n`).report.problems.map((p) => p.code)).toEqual(["cr-line-endings"]);
		expect(tidy(`${note.replace("# Old Mac\r", "# Old Mac\n")}\n`).text).toBe(`${note.replace("# Old Mac\r", "# Old Mac\n")}\n`);
		const stray = note.replace(/\r/g, "\n").replace("title: Old Mac", "title: Old\rMac");
		expect(tidy(stray).report.problems.map((p) => p.code)).not.toContain("cr-line-endings");
		expect(tidy(stray).report.isOmnivoreNote).toBe(true);
	});
});

describe("keys written with spaces or hyphens (the property editor's `Date Saved`, a template's `date-published`)", () => {
	it("are read as the schema's and renamed to it, never given a second value beside them", () => {
		const note = "---\nid: 3f1e2d4c-5b6a-4789-8abc-def012345678\nDate Saved: 2024-03-15 08:12:44\nOriginal URL: https://example.com/a\ndate-published: 2024-01-02\n---\n# T\n[Read on Omnivore](https://omnivore.app/me/some-article-18e40a3b2f1)\n";
		const result = tidy(note);
		expect(result.text).toContain("\ndate_saved: 2024-03-15T08:12:44\noriginal_url: https://example.com/a\ndate_published: 2024-01-02\n");
		expect(result.text).not.toMatch(/Date Saved|Original URL|date-published/);
		expect(buildQueueItem("a.md", note, tidier.options, tidier.proxy)).toEqual(buildQueueItem("a.md", result.text, tidier.options, tidier.proxy));
		expect(tidy(result.text).report.changed).toBe(false);
	});
});

describe("breaksLinesWithCrAlone", () => {
	it.each<[string, boolean]>([
		["", false],
		["a\nb", false],
		["a\r\nb\r\n", false],
		["a\rb", true],
		["a\r", true],
		["\r", true],
		["a\rb\rc\n", true],
		["a\rb\nc\nd\n", false],
		["a\r\n\rb", false],
		["a\r\nb\rc", false],
		["a\r\nb\r\nc\rd", false],
		// A CRLF file converted to CRLF again (found by a hostile trial: tidy wrote a second block above its own).
		["---\r\r\nid: 1\r\r\n---\r\r\n# T\r\r\n", true],
		["a\r\r\nb\r\nc\r\nd\r\n", false],
	])("%p → %p", (text, expected) => {
		expect(breaksLinesWithCrAlone(text)).toBe(expected);
	});
});
