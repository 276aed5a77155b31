// How the import finds the note an export item already has: the keys a note carries, addresses
// compared loosely, and which note an item may take.

import { NoteTidier } from "../../../src/core";
import type { ExportItem } from "../../../src/core/import/exportItem";
import { looseUrl, noteKeys, VaultMatcher } from "../../../src/core/import/vaultMatcher";

const tidier = new NoteTidier();
const LIBRARY = "https://omnivore.app/me/rust-in-2023-18d1f3a2b4c";

function item(overrides: Partial<ExportItem> = {}): ExportItem {
	return { id: "0a1b2c3d-4e5f-6789-abcd-ef0123456789", slug: "rust-in-2023-18d1f3a2b4c", title: "Rust in 2023", labels: [], readingProgress: 0, url: "https://blog.rust-lang.org/2023/01/20/rust-2023.html", ...overrides };
}

describe("looseUrl", () => {
	it.each([
		["http and https", "http://blog.rust-lang.org/a", "https://blog.rust-lang.org/a"],
		["www. and the host's case", "https://WWW.Blog.Rust-Lang.org/a", "https://blog.rust-lang.org/a"],
		["a trailing slash", "https://blog.rust-lang.org/a/", "https://blog.rust-lang.org/a"],
		["a fragment", "https://blog.rust-lang.org/a#comments", "https://blog.rust-lang.org/a"],
		["spaces around it", "  https://blog.rust-lang.org/a\t", "https://blog.rust-lang.org/a"],
	])("is the same across %s", (_name, a, b) => {
		expect(looseUrl(a)).toBe(looseUrl(b));
		expect(looseUrl(a)).toBe("blog.rust-lang.org/a");
	});

	it("takes www. off only at the host's start, and any run of trailing slashes", () => {
		expect(looseUrl("https://newww.example.com/a")).toBe("newww.example.com/a");
		expect(looseUrl("https://blog.www.example.com/a")).toBe("blog.www.example.com/a");
		expect(looseUrl("https://example.com/a///")).toBe("example.com/a");
	});

	it("keeps the query and the path's case, which name another page", () => {
		expect(looseUrl("https://news.example.com/item?id=1")).toBe("news.example.com/item?id=1");
		expect(looseUrl("https://news.example.com/item?id=2")).not.toBe(looseUrl("https://news.example.com/item?id=1"));
		expect(looseUrl("https://example.com/Rust")).not.toBe(looseUrl("https://example.com/rust"));
	});

	it("is nothing for Omnivore's own pages and for what is no web address", () => {
		expect(looseUrl(LIBRARY)).toBeUndefined();
		expect(looseUrl("not a url")).toBeUndefined();
		expect(looseUrl("")).toBeUndefined();
	});
});

describe("noteKeys", () => {
	it("reads the id in any case, the original address under its aliases and the library links' slugs", () => {
		const note = `---\nID: 0A1B2C3D\nurl: https://blog.rust-lang.org/a\nomnivore_url: ${LIBRARY}\n---\n# Rust\n[Read Original](https://blog.rust-lang.org/b)\n[Read on Omnivore](${LIBRARY})\n`;
		expect(noteKeys(note, tidier)).toEqual({
			id: "0A1B2C3D",
			slugs: ["rust-in-2023-18d1f3a2b4c"],
			urls: ["https://blog.rust-lang.org/a", "https://blog.rust-lang.org/b"],
		});
	});

	it("decodes and folds the case of a slug, without what follows it in the link", () => {
		const note = `# Café\n#Omnivore\n[Read on Omnivore](https://omnivore.app/me/Caf%C3%A9-Notes-18d1f3a2b4c?utm=x)\n[Again](https://omnivore.app/me/caf%C3%A9-notes-18d1f3a2b4c/)\n`;
		expect(noteKeys(note, tidier).slugs).toEqual(["café-notes-18d1f3a2b4c"]);
		// A slug that is not valid percent-encoding is folded as written.
		expect(noteKeys("[Read on Omnivore](https://omnivore.app/me/Bad%E0-18d1f3a2b4c)\n", tidier).slugs).toEqual(["bad%e0-18d1f3a2b4c"]);
	});

	it("takes numbers as text and skips values that are lists or empty", () => {
		const note = "---\nid: 12345\nurl:\n  - https://a.example.com\nsource: ''\n---\nbody\n";
		expect(noteKeys(note, tidier)).toEqual({ id: "12345", slugs: [], urls: [] });
	});

	it("still reads the id and slugs of frontmatter that is not valid YAML", () => {
		const note = `---\nid: "0a1b2c3d"\ntitle: Rust: what comes next\nlink: [Omnivore](${LIBRARY}\n  - broken\n---\nbody\n`;
		expect(noteKeys(note, tidier)).toMatchObject({ id: "0a1b2c3d", slugs: ["rust-in-2023-18d1f3a2b4c"] });
		expect(noteKeys("---\r\nid: 'abc' \r\ntitle: a: b\r\n  - x\r\n---\r\n", tidier).id).toBe("abc");
	});

	it("carries nothing for a note of the user's own", () => {
		expect(noteKeys("---\ntitle: Groceries\n---\n- milk\n", tidier)).toEqual({ id: undefined, slugs: [], urls: [] });
	});

	it("takes no address from a note of one's own that clipped the article (Obsidian's Web Clipper): it stays the user's", () => {
		const clipping = '---\ntitle: "Rust in 2023"\nsource: "https://blog.rust-lang.org/2023/01/20/rust-2023.html"\ncreated: 2025-03-07\ntags:\n  - clippings\n---\nRust in 2023 is about...\n';
		expect(noteKeys(clipping, tidier)).toEqual({ id: undefined, slugs: [], urls: [] });
		// A saved article's address is its own.
		expect(noteKeys(`---\nurl: https://blog.rust-lang.org/a\n---\n#Omnivore\n`, tidier).urls).toEqual(["https://blog.rust-lang.org/a"]);
	});

	it("takes no slug from a note of one's own quoting highlights, a list of saved articles, or a link in code", () => {
		const quoting = `# On Rust\n\n> The borrow checker is your friend. [⤴️](${LIBRARY}#0a1b2c3d-4e5f)\n`;
		expect(noteKeys(quoting, tidier).slugs).toEqual([]);
		// Tagged too (one's notes from Omnivore), it is still one's own: only back-links are no saved article.
		expect(noteKeys(`${quoting}#Omnivore\n`, tidier).slugs).toEqual([]);
		expect(noteKeys(`- [Rust](${LIBRARY})\n- [Go](https://omnivore.app/me/go-in-2023-18d1f3a2b4d)\n`, tidier).slugs).toEqual([]);
		expect(noteKeys(`#Omnivore\n\n\`\`\`\n[Read on Omnivore](${LIBRARY})\n\`\`\`\n`, tidier).slugs).toEqual([]);
	});
});

describe("noteKeys of frontmatter that is not valid YAML", () => {
	it("reads the id only from a line of its own that starts with it, without quotes or spaces", () => {
		const broken = (line: string) => `---\n${line}\ntitle: Rust: what comes next\n  - broken\n---\nbody\n`;
		expect(noteKeys(broken("id:0a1b2c3d  "), tidier).id).toBe("0a1b2c3d");
		expect(noteKeys(broken('ID:   "0a1b2c3d"'), tidier).id).toBe("0a1b2c3d");
		expect(noteKeys(broken("myid: 0a1b2c3d"), tidier).id).toBeUndefined();
		expect(noteKeys(broken("  id: nested"), tidier).id).toBeUndefined();
	});

	it("reads a valid block's id without the spaces around it", () => {
		expect(noteKeys("---\nid: ' 0a1b2c3d '\n---\nbody\n", tidier).id).toBe("0a1b2c3d");
	});
});

describe("VaultMatcher", () => {
	it("lets the note added first keep an address two notes carry", () => {
		const matcher = new VaultMatcher();
		matcher.add("A.md", { slugs: [], urls: ["https://blog.rust-lang.org/2023/01/20/rust-2023.html"] });
		matcher.add("B.md", { slugs: [], urls: ["http://www.blog.rust-lang.org/2023/01/20/rust-2023.html/"] });
		expect(matcher.match(item())?.path).toBe("A.md");
	});

	it("matches by id first, in any case, over a note that only shares the slug", () => {
		const matcher = new VaultMatcher();
		matcher.add("Reading/By slug.md", { slugs: ["rust-in-2023-18d1f3a2b4c"], urls: [] });
		matcher.add("Omnivore/By id.md", { id: "0A1B2C3D-4E5F-6789-ABCD-EF0123456789", slugs: [], urls: [] });
		expect(matcher.match(item())).toEqual({ path: "Omnivore/By id.md", by: "id" });
	});

	it("matches by slug, in any case, then by the address compared loosely", () => {
		const bySlug = new VaultMatcher();
		bySlug.add("Reading/Rust.md", { slugs: ["rust-in-2023-18d1f3a2b4c"], urls: [] });
		expect(bySlug.match(item({ slug: "Rust-In-2023-18d1f3a2b4c" }))).toEqual({ path: "Reading/Rust.md", by: "slug" });
		const byUrl = new VaultMatcher();
		byUrl.add("Reading/Rust.md", { slugs: [], urls: ["http://www.blog.rust-lang.org/2023/01/20/rust-2023.html/"] });
		expect(byUrl.match(item())).toEqual({ path: "Reading/Rust.md", by: "url" });
	});

	it("lets the note added first win a tie", () => {
		const matcher = new VaultMatcher();
		matcher.add("A.md", { id: "x", slugs: ["s"], urls: ["https://a.example.com/p"] });
		matcher.add("B.md", { id: "x", slugs: ["s"], urls: ["https://a.example.com/p"] });
		expect(matcher.match(item({ id: "x" }))?.path).toBe("A.md");
		const bySlug = new VaultMatcher();
		bySlug.add("A.md", { slugs: ["s"], urls: [] });
		bySlug.add("B.md", { slugs: ["s"], urls: [] });
		expect(bySlug.match(item({ slug: "s" }))?.path).toBe("A.md");
	});

	it("never gives an item a note that carries another item's id", () => {
		const matcher = new VaultMatcher();
		matcher.add("Omnivore/Other.md", { id: "ffff", slugs: ["rust-in-2023-18d1f3a2b4c"], urls: ["https://blog.rust-lang.org/2023/01/20/rust-2023.html"] });
		expect(matcher.match(item())).toBeNull();
	});

	it("gives a note with an id of Omnivore's first months (its search index's, which the export replaced) to its item by slug", () => {
		const matcher = new VaultMatcher();
		matcher.add("Omnivore/Getting started.md", { id: "mL51bIYBKc5BngQz5_PS", slugs: ["rust-in-2023-18d1f3a2b4c"], urls: [] });
		expect(matcher.match(item())).toEqual({ path: "Omnivore/Getting started.md", by: "slug" });
	});

	it("gives no item by its address a note whose Omnivore link names another article", () => {
		const matcher = new VaultMatcher();
		matcher.add("Reading/Post one.md", { slugs: ["post-one-18d1f3a2b4c"], urls: ["https://app.example.com/#/post/1"] });
		expect(matcher.match(item({ slug: "post-two-18d1f3a2b4d", url: "https://app.example.com/#/post/2" }))).toBeNull();
		expect(matcher.match(item({ slug: "post-one-18d1f3a2b4c", url: "https://app.example.com/#/post/1" }))).toEqual({ path: "Reading/Post one.md", by: "slug" });
	});

	it("gives a note found by its address to one item only: the next at that address gets a note of its own", () => {
		const matcher = new VaultMatcher();
		matcher.add("Reading/Rust.md", { slugs: [], urls: ["https://blog.rust-lang.org/2023/01/20/rust-2023.html"] });
		expect(matcher.match(item({ id: "first", slug: "a" }))).toEqual({ path: "Reading/Rust.md", by: "url" });
		expect(matcher.match(item({ id: "second", slug: "b" }))).toBeNull();
		// The first item finds it again (a second import).
		expect(matcher.match(item({ id: "first", slug: "a" }))).toEqual({ path: "Reading/Rust.md", by: "url" });
	});

	it("matches nothing by address for an item whose address is Omnivore's own or missing", () => {
		const matcher = new VaultMatcher();
		matcher.add("Reading/Library.md", { slugs: [], urls: [LIBRARY] });
		expect(matcher.match(item({ slug: "other", url: LIBRARY }))).toBeNull();
		expect(matcher.match(item({ slug: "other", url: undefined }))).toBeNull();
	});
});
