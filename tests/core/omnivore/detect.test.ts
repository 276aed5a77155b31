// One detector for tidy, the queue, the CLI and the plugin: what counts as an Omnivore note.
import fc from "fast-check";
import { parse } from "yaml";
import { NoteTidier } from "../../../src/core";
import { splitNote } from "../../../src/core/note";
import { mayBeOmnivoreByMetadata } from "../../../src/core/omnivore/detect";
import { resolveOptions, type TidyOptions } from "../../../src/core/options";
import { detectNote } from "./detectHarness";

const P = "https://proxy-prod.omnivore-image-cache.app/0x0,sAbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefg/";

function detect(text: string, options: Partial<TidyOptions> = {}) {
	return detectNote(text, options).kind;
}

describe("detectOmnivoreNote", () => {
	it.each([
		["the default template without a tag", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n# T\n\n[Read on Omnivore](https://omnivore.app/me/t-18c2f4a1b2c)\n", "article"],
		["a link under **Links** with an id Omnivore gave", "---\nid: 3f1e2d4c-5b6a-4789-8abc-def012345678\n---\n**Links**: [Omnivore](https://omnivore.app/me/t-18c35d0e1f2) | [Web](https://a.example)\n", "article"],
		["a link labelled Omnivore in a note of one's own", "Source: [Omnivore](https://omnivore.app/me/t-18c35d0e1f2)\n", "none"],
		["an omnivore_url property", "---\nomnivore_url: https://omnivore.app/me/t-1\n---\nText.\n", "article"],
		["an Omnivore_URL property in another case", "---\nOmnivore_URL: https://omnivore.app/me/t-1\n---\nText.\n", "article"],
		["an escaped link ({{content}} templates)", "[Read on Omnivore](https:&#x2F;&#x2F;omnivore.app&#x2F;me&#x2F;t-1)\n", "article"],
		["highlight back-links with an id Omnivore gave", "---\nid: 3f1e2d4c-5b6a-4789-8abc-def012345678\n---\n> q [⤴️](https://omnivore.app/me/t-1#0a1b)\n", "article"],
		["highlight back-links with an id of one's own", "---\nid: 202401011200\n---\n> q [⤴️](https://omnivore.app/me/t-1#0a1b)\n", "none"],
		["highlight back-links pasted into one's own note", "---\ntags: [startups]\n---\n> q [⤴️](https://omnivore.app/me/t-1#0a1b)\n", "none"],
		["the tag with a saved-article mark", "# T\n#Omnivore\n[Read Original](https://a.example/p)\n", "article"],
		["a nested tag", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Type/Omnivore\n", "article"],
		["the tag nested the other way", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore/article\n", "article"],
		["the tag on a note about Omnivore", "---\ntags: [Omnivore, tools]\n---\n# My setup\nI use Omnivore.\n", "tagged-not-article"],
		["a note about Omnivore linking the app in its url", "---\ntags: [apps/omnivore]\nurl: https://omnivore.app/\n---\n# Omnivore\nA read-it-later app.\n", "tagged-not-article"],
		["...or its settings in a source", "---\nsource: https://omnivore.app/settings/integrations\n---\n#Omnivore export settings I used\n", "tagged-not-article"],
		["a note about Omnivore with the date it was written", "---\ntags: [omnivore, pkm]\ndate: 2024-05-01\n---\n# How I read later\n", "tagged-not-article"],
		["a note about Omnivore whose source is a person, not an address", "---\ntags: [omnivore]\nsource: a podcast with Anna\n---\n# Read-later apps\n", "tagged-not-article"],
		["a tagged note with a save date", "---\ntags: [omnivore]\ndate_saved: 2024-05-01 10:00:00\n---\n# A saved article\n", "article"],
		["an uploaded file's address in original_url", "---\noriginal_url: https://omnivore.app/attachments/u/9f1e/notes.pdf\n---\n#Omnivore\n", "article"],
		["proxied images alone", `# Mine\n![](${P}https://a.example/x.png)\n`, "none"],
		["the tag in a code block", "```dataview\nLIST FROM -#Omnivore\n```\n", "none"],
		["a link in a code block", "```\n[Read on Omnivore](https://omnivore.app/me/t-1)\n```\n", "none"],
		["a template placeholder", "[Read on Omnivore]({{{omnivoreUrl}}})\n", "none"],
		["#Omnivore inside a frontmatter string", '---\nAliases: [ "#Omnivore" ]\n---\nA tag page.\n', "none"],
		["omnivore in a comment after the tags", "---\ntags: [reading] # was omnivore\n---\n# My notes\n", "none"],
		["a link to omnivore.app's blog", "[Omnivore](https://blog.omnivore.app/p/labels)\n", "none"],
		["a list of saved articles", "- [A](https://omnivore.app/me/a-1)\n- [B](https://omnivore.app/me/b-2)\n", "none"],
		["links to several articles with an id Omnivore gave", "---\nid: 3f1e2d4c-5b6a-4789-8abc-def012345678\n---\n[A](https://omnivore.app/me/a-1) [B](https://omnivore.app/me/b-2)\n", "article"],
		["the tag and a reading status as the engine writes it", "---\ntags: [Omnivore]\nstatus: unread\n---\n# T\n", "article"],
		["the tag and a status word of one's own", "---\ntags: [Omnivore]\nstatus: done\n---\n# My setup\n", "tagged-not-article"],
		["a reading status without the tag", "---\nstatus: unread\n---\n# T\n", "none"],
		// A reading note's template of one's own (found by a hostile trial): tidy filled in its title
		// and its date, and every note made from it after.
		["a Templater template, tagged with a status", '---\ntags: omnivore\nstatus: unread\ndate_saved: <% tp.date.now("YYYY-MM-DD HH:mm:ss") %>\n---\n# <% tp.file.title %>\n\n[Read Original](<% tp.file.cursor() %>)\n', "tagged-not-article"],
		["a core template, tagged with a status", "---\ntags: [Omnivore]\nstatus: unread\ncreated: '{{date}}'\n---\n# {{title}}\n", "tagged-not-article"],
		["a Templater save date, tagged", "---\ntags: [Omnivore]\ndate_saved: <% tp.date.now() %>\n---\n# T\n", "tagged-not-article"],
		["a template whose only placeholder is its heading, tagged with a status", "---\ntags: [Omnivore]\nstatus: unread\n---\n# <% tp.file.title %>\n", "tagged-not-article"],
		["a template with the core plugin's title as its heading", "---\ntags: [Omnivore]\nstatus: unread\n---\n# {{title}}\n#Omnivore\n", "tagged-not-article"],
		// An article's title may quote the syntax: only a value that is one placeholder makes a template.
		["a status and a title quoting a template's syntax", '---\ntags: [Omnivore]\nstatus: unread\ntitle: "Jinja {{ loops }} and ERB <%= tags %> explained"\n---\n# T\n', "article"],
	])("%s", (_name, text, expected) => {
		expect(detect(text)).toBe(expected);
	});

	it("still takes a tagged note whose only mark was a proxied image for a saved article once it is unwrapped", () => {
		const note = `---\ntags: [Omnivore]\n---\n# Saved\n\n![](${P}https://a.example/x.png)\n`;
		const tidier = new NoteTidier();
		const tidied = tidier.tidy(note);
		expect(tidied.report.changed).toBe(true);
		expect(tidied.text).not.toContain("proxy-prod");
		expect(tidier.isOmnivoreNote(tidied.text)).toBe(true);
		expect(tidier.tidy(tidied.text).report).toMatchObject({ isOmnivoreNote: true, changed: false, problems: [] });
	});

	it("takes a bare date for the save date when that is the configured key", () => {
		const note = "---\ntags: [omnivore]\ndate: 2024-05-01 10:00:00\n---\n# A saved article\n";
		expect(detect(note)).toBe("tagged-not-article");
		expect(detect(note, { keys: { ...resolveOptions().keys, dateSaved: "date" } })).toBe("article");
	});

	it("reads only the tag when asked to", () => {
		expect(detect("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n[Read on Omnivore](https://omnivore.app/me/t-1)\n", { match: "tag" })).toBe("none");
		expect(detect("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n", { match: "tag" })).toBe("article");
	});

	it("matches a nested tag name exactly", () => {
		expect(detect("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Sources/Omnivore\n", { tagName: "Sources/Omnivore" })).toBe("article");
		expect(detect("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Type/Omnivore\n", { tagName: "Sources/Omnivore" })).toBe("none");
	});

	it("knows a self-hosted Omnivore's links once configured", () => {
		const note = "[Read on Omnivore](https://read.example.org/me/t-18c2f4a1b2c)\n";
		expect(detect(note)).toBe("none");
		expect(detect(note, { omnivoreHosts: ["read.example.org"] })).toBe("article");
		expect(detect(note, { omnivoreHosts: ["https://read.example.org/"] })).toBe("article");
	});

	it("asks a broken block the same question, by the same names", () => {
		const broken = (line: string) => `---\ntitle: x\n\tauthor: y\n${line}\n---\n#Omnivore\n`;
		expect(detect(broken("source: https://blog.example.org/rust"))).toBe("article");
		expect(detect(broken("savedAt: 2024-05-01 10:00"))).toBe("article");
		expect(detect(broken("date: 2024-05-01"))).toBe("tagged-not-article");
		expect(detect(broken("source: my friend Anna"))).toBe("tagged-not-article");
		expect(detect(broken("saved_on: 2024-05-01"), { keys: { ...resolveOptions().keys, dateSaved: "saved_on" } })).toBe("article");
	});

	it("finds a tagged note whose frontmatter is broken", () => {
		expect(detect("---\ntitle: Rust: next\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags:\n  - Omnivore\n  bad: [\n---\ntext\n")).toBe("article");
	});
});

describe("mayBeOmnivoreByMetadata", () => {
	const options = resolveOptions();
	it("is a superset of the detector from what an index knows", () => {
		expect(mayBeOmnivoreByMetadata({ tags: ["#Type/Omnivore"], frontmatter: {}, links: [] }, options)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: { ID: "x" }, links: [] }, options)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: [], frontmatter: {}, links: ["https://omnivore.app/me/t-1"] }, options)).toBe(true);
		expect(mayBeOmnivoreByMetadata({ tags: ["#rust"], frontmatter: { title: "x" }, links: ["https://a.example"] }, options)).toBe(false);
	});
});

// Notes built from parts that carry none of the fingerprints: text, headings, other links, tags,
// proxied images, frontmatter without id or Omnivore addresses.
const word = fc.constantFrom("reading", "notes", "Omnivore", "omnivore.app", "me", "highlight", "⤴️", "Read Original", "id", "status", "2024");
const line = fc.oneof(
	fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(" ")),
	fc.constantFrom(
		"# A heading",
		"## Highlights",
		"[Read on the web](https://example.org/me/t-1)",
		"[⤴️](https://example.org/me/t-1#abc)",
		"[Omnivore blog](https://blog.omnivore.app/p/x)",
		`![](${P}https://a.example/x.png)`,
		"#reading #notes",
		"#omnivores",
		"```\n#Omnivore [x](https://omnivore.app/me/t-1)\n```",
		"`#Omnivore`",
		"> a quote",
	),
);
// With the tag too: a note *about* Omnivore, with the date it was written and the app's address.
const frontmatterLine = fc.constantFrom(
	"title: About Omnivore", "tags: [reading]", "tags: [apps/omnivore]", "status: readed", "state: INBOX", "author: me", "source: a friend",
	"created: 2024-01-01", "date: 2024-05-12", "url: https://omnivore.app/",
);
const fingerprintFree = fc
	.record({ fm: fc.option(fc.array(frontmatterLine, { maxLength: 4 }), { nil: null }), body: fc.array(line, { maxLength: 10 }), tagged: fc.boolean() })
	.map(({ fm, body, tagged }) => ({ fm, body: tagged ? [...body, "Notes on the app. #Omnivore"] : body }))
	// With the tag, a proxied image is a mark of a saved article: none then.
	.map(({ fm, body }) => ({ fm, body: body.includes("Notes on the app. #Omnivore") || fm?.includes("tags: [apps/omnivore]") ? body.filter((l) => !l.includes(P)) : body }))
	.map(({ fm, body }) => (fm === null ? "" : `---\n${[...new Set(fm)].join("\n")}\n---\n`) + body.join("\n\n") + "\n");

describe("detection, property-based", () => {
	it("never fires on a note with none of the fingerprints", () => {
		fc.assert(
			fc.property(fingerprintFree, (note) => {
				expect(detect(note)).not.toBe("article");
				expect(new NoteTidier().tidy(note).text).toBe(note);
			}),
			{ seed: 8, numRuns: 500 },
		);
	});
});

// Valid YAML of every kind, anchors and aliases included, under keys the schema does not own.
const scalar = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.integer(),
	fc.boolean(),
	fc.constantFrom("&amp; more", "*bold*", "a: b", "# not a comment", "[x]", "yes", "2024-01-01", "~", "null"),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom("a", "b", "c"), scalar, { maxKeys: 2 }));
const customKeys = fc.uniqueArray(fc.constantFrom("rating", "project", "aliases", "cssclasses", "review", "x_note", "links"), { minLength: 1, maxLength: 4 });

function yamlValue(v: unknown): string {
	return JSON.stringify(v);
}

const validFrontmatter = fc
	.tuple(customKeys, fc.array(value, { minLength: 4, maxLength: 4 }), fc.boolean(), fc.boolean())
	.map(([keys, values, anchor, alias]) => {
		const lines = keys.map((key, i) => `${key}: ${i === 0 && anchor ? "&a " : ""}${yamlValue(values[i])}`);
		if (anchor && alias) lines.push("copy: *a");
		return `id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${lines.join("\n")}\n`;
	});

describe("frontmatter, property-based", () => {
	it("any valid YAML block keeps its parsed values, or is left byte for byte", () => {
		const tidier = new NoteTidier();
		fc.assert(
			fc.property(validFrontmatter, (yaml) => {
				const note = `---\n${yaml}---\n#Omnivore\n[Read on Omnivore](https://omnivore.app/me/t-18c2f4a1b2c)\n`;
				const before = parse(yaml) as Record<string, unknown>;
				const after = splitNote(tidier.tidy(note).text).frontmatter?.yaml ?? "";
				if (after === yaml) return;
				const values = parse(after) as Record<string, unknown>;
				for (const [key, v] of Object.entries(before)) expect(values[key]).toEqual(v);
			}),
			{ seed: 9, numRuns: 500 },
		);
	});
});
