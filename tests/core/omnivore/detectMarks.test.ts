// Which marks make a tagged note a saved article, and which make an untagged one: each mark on its own,
// in valid, broken and anchored frontmatter, and what an index or a text search may rule out.

import { mayBeOmnivoreByMetadata, mayBeOmnivoreByText } from "../../../src/core/omnivore/detect";
import { resolveOptions } from "../../../src/core/options";
import { detectNote } from "./detectHarness";

const PROXIED = "https://proxy-prod.omnivore-image-cache.app/0x0,sAbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefg/https://a.example/x.png";
const LIBRARY = "https://omnivore.app/me/rust-in-2023-18c2f4a1b2c";
const UUID = "3f1e2d4c-5b6a-4789-8abc-def012345678";

const detect = detectNote;

describe("a note tagged #Omnivore", () => {
	it.each([
		["a library link in the body", `# Rust\n#Omnivore\n[Read on Omnivore](${LIBRARY})\n`],
		["a Read Original link", "# Rust\n#Omnivore\n[Read  Original](https://a.example/rust)\n"],
		["a library link in a property", `---\nomnivore_url: ${LIBRARY}\n---\n#Omnivore\n`],
		["a library link under the original URL's key", `---\nurl: ${LIBRARY}\n---\n#Omnivore\n`],
		["an id", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n"],
		["an id in capitals", "---\nID: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n"],
		["an original URL quoted with a space before it", '---\noriginal_url: " https://a.example/rust"\n---\n#Omnivore\n'],
		["an original URL", "---\noriginal_url: https://a.example/rust\n---\n#Omnivore\n"],
		["a save date under an alias", "---\nsaved_at: 2024-02-27\n---\n#Omnivore\n"],
		["the date Omnivore kept of its reading", "---\ndate_read: 2024-02-27\n---\n#Omnivore\n"],
		["the date it was archived, written as the property editor writes it", "---\nDate Archived: 2024-02-27\n---\n#Omnivore\n"],
	])("is a saved article with %s", (_name, text) => {
		expect(detect(text)).toEqual({ kind: "article", by: "tag" });
	});

	it.each([
		["a proxied image", `# Rust\n#Omnivore\n![](${PROXIED})\n`],
		["a proxied image property", `---\nimage: ${PROXIED}\n---\n#Omnivore\n`],
	])("is a saved article with %s alone, which tidy must not unwrap without writing a status", (_name, text) => {
		expect(detect(text)).toEqual({ kind: "article", by: "tag", onlyProxied: true });
		expect(detect(`${text}[Read Original](https://a.example/rust)\n`)).toEqual({ kind: "article", by: "tag" });
	});

	it.each([
		["no mark at all", "# My Omnivore setup\n#Omnivore\nI read with it.\n"],
		["an empty id and URL", '---\nid: ""\noriginal_url:\ndate_saved: ""\n---\n#Omnivore\n'],
		["an id and save date left blank", "---\nid:\ndate_saved:\n---\n#Omnivore\n"],
		["proxied image addresses listed in a property", `---\nexamples: [${PROXIED}]\n---\n#Omnivore\nHow the image proxy wrote addresses.\n`],
		["the marks only inside code", `#Omnivore\n\`\`\`\n[Read Original](https://a.example)\n![](${PROXIED})\n[x](${LIBRARY})\n\`\`\`\n`],
		["a link to a web page in a property", "---\nsource_page: https://a.example/rust\n---\n#Omnivore\n"],
		["a source naming a person and their site", "---\nsource: my friend Anna at https://a.example\n---\n#Omnivore\n"],
		// A note of one's own quoting highlights, tagged as one's notes from Omnivore are: a note Omnivore
		// wrote has its article link, id or Read Original link besides.
		["only highlight back-links", `# Rust\n#Omnivore\n> Ownership. [⤴️](${LIBRARY}#0a1b2c3d)\n`],
		// Ids Omnivore never gave: a Zettelkasten's, a number, a template's placeholder (a template kept in the vault).
		["a Zettelkasten's id", "---\nid: 202401011200\ntags: [omnivore, reading]\n---\n# How I read later\n"],
		["an id that is a number", "---\nid: 42\n---\n#Omnivore\nNotes on the app.\n"],
		["an id of one's own in capitals", "---\nID: rust-notes\n---\n#Omnivore\n"],
		["a template's id placeholder", "---\nid: {{{id}}}\ntags: [omnivore]\n---\n# {{{title}}}\n"],
		// A template kept in the vault: its dates are placeholders (a mapping to YAML when unquoted).
		["a template's save date placeholder", "---\ndate_saved: {{{dateSaved}}}\n---\n# {{{title}}}\n#Omnivore\n"],
		["a quoted save date placeholder", '---\ndate_saved: "{{{dateSaved}}}"\n---\nThe template I used.\n#Omnivore\n'],
		["a core template's date", "---\nsaved: '{{date}}'\n---\n#Omnivore\n"],
		["a read date placeholder", "---\ndate_read: {{{dateRead}}}\ndate_archived: '{{{dateArchived}}}'\n---\n#Omnivore\n"],
	])("is a note about Omnivore with %s", (_name, text) => {
		expect(detect(text)).toEqual({ kind: "tagged-not-article" });
	});
});

describe("a tagged note whose frontmatter is not valid YAML", () => {
	it.each([
		["id", `id: ${UUID}`],
		["a list item's url", "- url: https://a.example"],
		["Original_URL", "Original_URL: https://a.example"],
		["omnivoreurl", "omnivoreurl: https://a.example/x"],
		["a quoted source", "source: 'https://a.example/x'"],
		["an upload's address", "original_url: https://omnivore.app/attachments/u/1/notes.pdf"],
		["date_saved", "date_saved: 2024-02-27"],
		["saved", "saved: 2024-02-27"],
		["savedAt", "savedAt : 2024-02-27"],
		["an id aligned with spaces", `id:    ${UUID}`],
		["a quoted id", `id: "${UUID}"`],
		["an id of Omnivore's first months", "id: mL51bIYBKc5BngQz5_PS"],
		["a list item's url after a wider indent", "-   url: https://a.example"],
	])("is an article by %s on a line", (_name, line) => {
		expect(detect(`---\ntitle: Rust: next\n${line}\ntags: [Omnivore]\n  bad: [\n---\n#Omnivore\n`).kind).toBe("article");
	});

	it.each([
		["an empty id", "id:"],
		["a key that only ends in id", "paid: yes"],
		["an indented id", "  id: 1"],
		["a source that is no address", "source: a friend's newsletter"],
		["a bare date", "date: 2024-05-12"],
		["the app's address", "url: https://omnivore.app/"],
		["the app's settings", "source: 'https://omnivore.app/settings'"],
		["the app's address quoted", 'url: "https://omnivore.app"'],
		["the app's address and a comment", "url: https://omnivore.app # where I read"],
		["a Zettelkasten's id", "id: 202401011200"],
		["a template's id placeholder", "id: '{{{id}}}'"],
		["an id with more after it", `id: ${UUID} (copied)`],
		["a save date placeholder", "date_saved: {{{dateSaved}}}"],
		["a quoted save date placeholder", "saved: '{{date}}'"],
	])("is not an article by %s", (_name, line) => {
		expect(detect(`---\ntitle: Rust: next\n${line}\n  bad: [\n---\n#Omnivore\n`).kind).toBe("tagged-not-article");
	});

	it("is found by a library link in the block, without a tag", () => {
		expect(detect(`---\ntitle: Rust: next\nomnivore_url: ${LIBRARY}\n  bad: [\n---\nText.\n`)).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect(`---\ntitle: Rust: next\nomnivore_url: ${LIBRARY}\n  bad: [\n---\nText.\n`, { match: "tag" }).kind).toBe("none");
	});

	it("is read as properties when it holds anchors", () => {
		expect(detect(`---\nid: &i 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nother: *i\n---\n#Omnivore\n`)).toEqual({ kind: "article", by: "tag" });
		expect(detect(`---\nomnivore_url: &u ${LIBRARY}\nsame: *u\n---\nText.\n`)).toEqual({ kind: "article", by: "fingerprint" });
	});

	it("is a list, not properties, when the block is a YAML list", () => {
		expect(detect(`---\n- id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n- url: ${LIBRARY}\n---\nText.\n`)).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect("---\n- id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n").kind).toBe("article");
	});
});

describe("an untagged note", () => {
	it("is a saved article by one library link labelled as Omnivore's default template labels it, or any library link and an id Omnivore gave", () => {
		expect(detect(`Text.\n[Read on Omnivore](${LIBRARY})\n`)).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect(`Text.\n[Read on Omnivore](${LIBRARY}?utm=x)\nAnd [again](${LIBRARY}/).\n`)).toEqual({ kind: "article", by: "fingerprint" });
		// A custom template's label is what a note of one's own writes too (`Source: [Omnivore](…)`): such notes have their id.
		expect(detect(`---\nid: ${UUID}\n---\n**Links**: [Omnivore](<${LIBRARY}>) | [Web](https://a.example)\n`)).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect(`**Links**: [Omnivore](<${LIBRARY}>) | [Web](https://a.example)\n`).kind).toBe("none");
		expect(detect(`---\nsource: https://a.example/thesis\nstatus: in progress\n---\nSource: [Omnivore](${LIBRARY})\n`).kind).toBe("none");
		expect(detect(`---\nid: ${UUID}\n---\n[Rust](${LIBRARY})\n`)).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect(`---\nid: ${UUID}\n---\n> q [⤴️](${LIBRARY}#0a1b)\n`)).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect(`---\nID: "mL51bIYBKc5BngQz5_PS"\n---\n> q [⤴️](${LIBRARY}#0a1b)\n`)).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect(`---\nidx: ${UUID}\n---\n> q [⤴️](${LIBRARY}#0a1b)\n`).kind).toBe("none");
	});

	it("is none for a note of one's own linking a saved article: a daily note, a board, a note with an id of another shape", () => {
		expect(detect(`# 2024-05-01\n\n- Read [this piece](${LIBRARY})\n`).kind).toBe("none");
		expect(detect(`---\nkanban-plugin: basic\n---\n## To read\n\n- [ ] [Rust](${LIBRARY})\n`).kind).toBe("none");
		expect(detect(`---\nstatus: in progress\nsource: https://a.example/thesis\n---\nBuilds on [this article](${LIBRARY}).\n`).kind).toBe("none");
		for (const id of ["202401011200", "1", "{{id}}", `${UUID}x`]) expect([id, detect(`---\nid: ${id}\n---\n[Rust](${LIBRARY})\n> q [⤴️](${LIBRARY}#0a1b)\n`).kind]).toEqual([id, "none"]);
	});

	it("takes a post about Omnivore quoting a library link in a sentence for one's own note, tagged or not", () => {
		const post = `---\ntitle: Leaving Omnivore\ndate: 2024-11-01\ntags: [omnivore]\n---\nIts plugin wrote [Read on Omnivore](${LIBRARY}) under each title.\n`;
		expect(detect(post).kind).toBe("tagged-not-article");
		expect(detect(post.replace("tags: [omnivore]\n", "")).kind).toBe("none");
		// The same link standing on its line, as the templates wrote it, or with Omnivore's id.
		expect(detect(post.replace("Its plugin wrote [", "[").replace(") under each title.", ")"))).toEqual({ kind: "article", by: "tag" });
		expect(detect(post.replace("Its plugin wrote [", "- [").replace(") under each title.", ")").replace("tags: [omnivore]\n", ""))).toEqual({ kind: "article", by: "fingerprint" });
		expect(detect(post.replace("date:", `id: ${UUID}\ndate:`))).toEqual({ kind: "article", by: "tag" });
	});

	it("takes a tagged reading list of several saved articles for one's own note, unless Omnivore's id says otherwise", () => {
		const list = `---\ntags: [omnivore, moc]\n---\n- [A](https://omnivore.app/me/a-18c2f4a1b2c)\n- [B](${LIBRARY})\n`;
		expect(detect(list).kind).toBe("tagged-not-article");
		expect(detect(list.replace("tags:", `id: ${UUID}\ntags:`)).kind).toBe("article");
	});

	it("counts the same article linked twice, in any case, as one", () => {
		expect(detect(`[Read on Omnivore](${LIBRARY})\nAnd again [A](${LIBRARY.toUpperCase().replace("HTTPS://OMNIVORE.APP", "https://omnivore.app")})\n`).kind).toBe("article");
	});

	it("counts a link inside code as no link", () => {
		expect(detect(`\`[A](https://omnivore.app/me/a-1)\`\n[Read on Omnivore](${LIBRARY})\n`).kind).toBe("article");
	});

	it("is a saved article with a back-link to one article and a link to it", () => {
		expect(detect(`[Read on Omnivore](${LIBRARY})\n> q [⤴️](${LIBRARY}#0a1b)\n`).kind).toBe("article");
	});

	it("is none with only an id, or only a Read Original link", () => {
		expect(detect("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\nText.\n").kind).toBe("none");
		expect(detect("[Read Original](https://a.example)\n").kind).toBe("none");
	});
});

describe("what an index or a text search may rule out", () => {
	const options = resolveOptions();

	it("keeps a note whose index names the tag, an id, a library property or link", () => {
		expect(mayBeOmnivoreByMetadata({ tags: ["omnivore"], frontmatter: {}, links: [] }, options)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: { omnivore_url: LIBRARY }, links: [] }, options)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: { url: LIBRARY }, links: [] }, options)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: { url: "https://a.example" }, links: [] }, options)).toBe(false);
	});

	it("reads only tags when asked to match the tag", () => {
		const tagOnly = resolveOptions({ match: "tag" });
		expect(mayBeOmnivoreByMetadata({ tags: ["#Omnivore"], frontmatter: {}, links: [] }, tagOnly)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: { id: "1" }, links: [LIBRARY] }, tagOnly)).toBe(false);
	});

	it("knows self-hosted links from the index", () => {
		const selfHosted = resolveOptions({ omnivoreHosts: ["read.example.org"] });
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: {}, links: ["https://read.example.org/me/t-1"] }, selfHosted)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: {}, links: ["https://read.example.org/me/t-1"] }, options)).toBe(false);
	});

	it("reads a note's text for a library link unless only the tag counts", () => {
		expect(mayBeOmnivoreByText(`Text [x](${LIBRARY})`, options)).toBe(true);
		expect(mayBeOmnivoreByText("Text [x](https://a.example)", options)).toBe(false);
		expect(mayBeOmnivoreByText(`Text [x](${LIBRARY})`, resolveOptions({ match: "tag" }))).toBe(false);
		expect(mayBeOmnivoreByText("[x](https://read.example.org/me/t-1)", resolveOptions({ omnivoreHosts: ["read.example.org"] }))).toBe(true);
	});
});

describe("a Read Original link", () => {
	it("marks a tagged note only when it leads to a web address, not when it is a pasted template's placeholder", () => {
		expect(detect("My Omnivore template:\n\n# {{{title}}}\n#Omnivore\n\n[Read Original]({{{originalUrl}}})\n").kind).toBe("tagged-not-article");
		expect(detect("# Saved\n#Omnivore\n\n[Read Original](https:&#x2F;&#x2F;a.example&#x2F;post)\n").kind).toBe("article");
		expect(detect("# Saved\n#Omnivore\n\n[Read Original](<https://a.example/a post>)\n").kind).toBe("article");
		expect(detect("# Saved\n#Omnivore\n\n`[Read Original](https://a.example)`\n[Read Original](nowhere)\n").kind).toBe("tagged-not-article");
	});
});
