import { NoteTidier } from "../../../src/core";
import { bytesSource, zipArchive } from "../../../src/core/import/exportArchive";
import { importExport } from "../../../src/core/import/importExport";
import { countActions, type ImportReport } from "../../../src/core/import/importPort";
import { exportFiles, ITEMS, omnivoreHighlight, PDF_BYTES, PROXY, zipOf } from "./exportFixture";
import { MemoryVault, VAULT_NOTES } from "./memoryVault";

const tidier = new NoteTidier();

async function run(vault: MemoryVault, options: { dryRun?: boolean; folder?: string } = {}): Promise<ImportReport> {
	const archive = zipArchive(bytesSource(zipOf(exportFiles()), 4096));
	return importExport(archive, vault, { tidier, folder: options.folder ?? "Omnivore", dryRun: options.dryRun ?? false });
}

function outcome(report: ImportReport, key: keyof typeof ITEMS) {
	const found = report.items.find((i) => i.id === ITEMS[key].id);
	if (!found) throw new Error(`no outcome for ${key}`);
	return found;
}

describe("importing an export into a vault", () => {
	let vault: MemoryVault;
	let report: ImportReport;

	// Each test imports afresh (a few milliseconds): shared by all, what a test finds could depend on
	// another's, and mutation testing could not tell which test reaches which line.
	beforeEach(async () => {
		vault = new MemoryVault(VAULT_NOTES);
		report = await run(vault);
	});

	it("makes exactly one note per item: new ones created, the vault's own enriched", () => {
		expect(report.items).toHaveLength(9);
		expect(countActions(report)).toEqual({ created: 6, enriched: 3, unchanged: 0, left: 0 });
		expect(outcome(report, "byId")).toMatchObject({ action: "enriched", matchedBy: "id", path: "Omnivore/2023-01-20/Rust in 2023- What Comes Next.md" });
		expect(outcome(report, "bySlug")).toMatchObject({ action: "enriched", matchedBy: "slug", path: "Papers/Byzantine Generals.md" });
		expect(outcome(report, "byUrl")).toMatchObject({ action: "enriched", matchedBy: "url", path: "Reading/Local-first.md" });
		// The note that shares its address carries another id: a note of its own is made.
		expect(outcome(report, "sqlite")).toMatchObject({ action: "created", path: "Omnivore/How SQLite Scales Read Concurrency.md" });
		expect(vault.text("Omnivore/Other copy.md")).toBe(VAULT_NOTES["Omnivore/Other copy.md"]);
		expect(vault.text("Inbox/Scratch.md")).toBe(VAULT_NOTES["Inbox/Scratch.md"]);
	});

	it("writes a new note in tidy's schema with the article as Markdown and its highlights", () => {
		expect(vault.text("Omnivore/How SQLite Scales Read Concurrency.md")).toBe(
			[
				"---",
				`id: ${ITEMS.sqlite.id}`,
				"title: How SQLite Scales Read Concurrency",
				"author: Jane Doe",
				"tags:",
				"  - databases",
				"  - To_Read",
				"date_saved: 2023-11-02T10:30:00",
				"date_published: 2023-10-30T01:00:00",
				"original_url: https://fly.io/blog/sqlite-internals-wal/",
				"site_name: fly.io",
				"status: unread",
				"---",
				"# How SQLite Scales Read Concurrency",
				"#Omnivore",
				"",
				"[Read Original](https://fly.io/blog/sqlite-internals-wal/)",
				"",
				"## Highlights",
				"",
				"> Readers and writers can proceed concurrently.",
				"",
				"#key_idea",
				"",
				"This is why WAL wins.",
				"",
				"> In WAL mode, readers see a snapshot.",
				">",
				"> A second paragraph of the same highlight.",
				"",
				"#wal #snapshots",
				"",
				"Worth rereading before the talk.",
				"",
				"## Content",
				"",
				"## Readers do not block writers",
				"",
				"In WAL mode, [readers](https://fly.io/docs/wal.html) see a snapshot; see [isolation](https://www.sqlite.org/isolation.html).",
				"",
				"![WAL diagram](https://cdn.example.com/wal.png?w=800&q=80)",
				"",
				"The write-ahead log.",
				"",
				"- One writer at a time",
				"- Many readers",
				"  - each with a snapshot",
				"",
				"```sql",
				"PRAGMA journal_mode=WAL;",
				"",
				"",
				"SELECT * FROM t WHERE a < 3;",
				"```",
				"",
				"| Mode | Readers \\| writers |",
				"| --- | --- |",
				"| rollback | block |",
				"| WAL | concurrent |",
				"",
				"Readers and writers can proceed concurrently.",
				"",
			].join("\n"),
		);
	});

	it("gives each state of either export generation its status", () => {
		const status = (path: string) => /^status: (\w+)$/m.exec(vault.text(path))?.[1];
		expect(status(outcome(report, "cjk").path as string)).toBe("archived"); // Archived, 40 %
		expect(status(outcome(report, "pdf").path as string)).toBe("read"); // SUCCEEDED, 100 %
		expect(status(outcome(report, "newsletter").path as string)).toBe("read"); // SUCCEEDED, 98 %
		expect(status(outcome(report, "noContent").path as string)).toBe("archived"); // ARCHIVED, 0 %
		expect(status(outcome(report, "longTitle").path as string)).toBe("reading"); // Unknown, 12 %
	});

	it("keeps CJK text, unwraps a proxied image without a recorded original, and never writes no_url", () => {
		const cjk = vault.text("Omnivore/逼近 GPT-4 的新模型发布！「欧洲版 OpenAI」联手微软，却被质疑违背初心 - 爱范儿.md");
		expect(cjk).toContain("![](https://s3.ifanr.com/wp-content/uploads/2024/02/1-5.png!720)");
		expect(cjk).toContain("### 「欧洲版 OpenAI」");
		expect(cjk).toContain("> 法国初创公司 Mistral AI 发布了新模型。\n\n欧洲的 OpenAI？");
		expect(cjk).not.toContain("date_published");
		const newsletter = vault.text(outcome(report, "newsletter").path as string);
		expect(newsletter).not.toMatch(/no_url|original_url|site_name|Read Original/);
		expect(newsletter).toContain("1. One\n2. Two");
		expect(newsletter.match(/This week: three links\./g)).toHaveLength(1);
	});

	it("copies a PDF into the vault and links it", () => {
		const pdf = outcome(report, "pdf");
		expect(pdf.pdf).toBe("Omnivore/Attention Is All You Need.pdf");
		expect(vault.files.get("Omnivore/Attention Is All You Need.pdf")).toEqual(PDF_BYTES);
		expect(vault.text(pdf.path as string)).toContain("![[Omnivore/Attention Is All You Need.pdf]]");
		expect(vault.text(pdf.path as string)).not.toMatch(/attachments|original_url/);
	});

	it("makes a note from the details of an item whose content is missing, and says so", () => {
		const item = outcome(report, "noContent");
		expect(item.problems).toEqual([expect.stringContaining("no content")]);
		const text = vault.text(item.path as string);
		expect(text).toContain("> Slow down.");
		expect(text).toContain("Only my note on this one.");
		expect(text).not.toContain("author"); // Omnivore's "unknown"
		expect(text).not.toContain("## Content");
	});

	it("shortens a very long title in the file name only", () => {
		const item = outcome(report, "longTitle");
		expect(Buffer.byteLength(item.path as string)).toBeLessThan(230);
		expect(item.path).toMatch(/^Omnivore\/A Very Long Title and then some.*…\.md$/);
		expect(vault.text(item.path as string)).toContain(`title: "${ITEMS.longTitle.title}"`);
		expect(vault.text(item.path as string)).toContain("  - long_reads");
	});

	it("enriches without overwriting: an alias counts, INBOX advances, labels join, only new highlights are added", () => {
		const rust = vault.text("Omnivore/2023-01-20/Rust in 2023- What Comes Next.md");
		expect(rust).toMatch(/^ID: 7d1c5e1a/m);
		expect(rust).not.toMatch(/^id:/m);
		expect(rust).toContain("author: Rachel Writer");
		// The export's exact save time, not the one tidy would read from the link's slug.
		expect(rust).toContain("date_saved: 2023-01-20T19:00:00");
		expect(rust).toContain("status: reading");
		expect(rust).not.toContain("state:");
		expect(rust).toContain("tags:\n  - programming\n  - rust\n");
		expect(rust.match(/borrow checker/g)).toHaveLength(1);
		expect(rust).toMatch(/\^0a1b2c3d\n\n> Async traits are coming\.\n\n#rust\n$/);

		const local = vault.text("Reading/Local-first.md");
		expect(local).toContain("original_url: http://www.example.org/posts/local-first/");
		expect(local).not.toMatch(/^url:/m);
		expect(local).toContain("status: read\n");
		expect(local).toContain("  - local_first\n  - crdt\n");
		expect(local).toContain("My notes.");
	});

	it("keeps CRLF and the BOM, and puts highlights inside the existing section", () => {
		const text = vault.text("Papers/Byzantine Generals.md");
		expect(text.startsWith("\uFEFF---\r\n")).toBe(true);
		expect(text.replace(/\r\n/g, "")).not.toContain("\n");
		expect(text).toContain(
			"## Highlights\r\n\r\n> Reliable systems must cope with the failure of one or more of their components.\r\n\r\n## Content\r\n\r\nMy own summary.\r\n",
		);
		expect(text).toContain("status: archived\r\n");
	});

	it("leaves nothing for tidy to change in the notes it wrote", async () => {
		for (const item of report.items) {
			const text = vault.text(item.path as string);
			expect(tidier.tidy(text).text).toBe(text);
		}
	});

	it("changes nothing when the same export is imported again", async () => {
		const before = new Map(vault.files);
		const writes = vault.writes;
		const again = await run(vault);
		expect(countActions(again)).toEqual({ created: 0, enriched: 0, unchanged: 9, left: 0 });
		expect(vault.writes).toBe(writes);
		expect(vault.files).toEqual(before);
	});
});

describe("a dry run", () => {
	it("reports what it would create and enrich and writes nothing", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const report = await run(vault, { dryRun: true });
		expect(countActions(report)).toEqual({ created: 6, enriched: 3, unchanged: 0, left: 0 });
		expect(vault.writes).toBe(0);
		expect([...vault.files.keys()].sort()).toEqual(Object.keys(VAULT_NOTES).sort());
	});
});

describe("new notes' file names", () => {
	it("are made safe, and two articles of one title get two notes", async () => {
		const item = (id: string, title: string) => ({ id, slug: `s-${id}`, title, url: `https://e.com/${id}`, state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z" });
		const files = [{ name: "metadata_0_to_3.json", data: JSON.stringify([item("a", 'C#: "tips" / tricks?'), item("b", "Same title"), item("c", "Same title")]) }];
		const vault = new MemoryVault({ "Omnivore/same title.md": "# Mine\n" });
		const report = await importExport(zipArchive(bytesSource(zipOf(files))), vault, { tidier, folder: "Omnivore", dryRun: false });
		expect(report.items.map((i) => i.path)).toEqual(["Omnivore/C tips tricks.md", "Omnivore/Same title (2).md", "Omnivore/Same title (3).md"]);
		expect(vault.text("Omnivore/C tips tricks.md")).toContain(`title: 'C#: "tips" / tricks?'`);
		expect(vault.text("Omnivore/same title.md")).toBe("# Mine\n");
	});

	it("never start with a dot or a space, avoid names Windows refuses, and an upload is not named .pdf.pdf", async () => {
		const item = (id: string, title: string, slug = `s-${id}`) => ({ id, slug, title, url: `https://e.com/${id}`, state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z" });
		const items = [item("a", "../../../escape"), item("b", "..", "../../evil"), item("c", "CON"), item("d", "Scan 2019.PDF")];
		const files = [{ name: "metadata_0_to_4.json", data: JSON.stringify(items) }, { name: "content/s-d.pdf", data: PDF_BYTES }];
		const vault = new MemoryVault({});
		const report = await importExport(zipArchive(bytesSource(zipOf(files))), vault, { tidier, folder: "Omnivore", dryRun: false });
		expect(report.items.map((i) => [i.path, i.pdf])).toEqual([
			["Omnivore/escape.md", undefined],
			["Omnivore/evil.md", undefined],
			["Omnivore/CON (note).md", undefined],
			["Omnivore/Scan 2019.md", "Omnivore/Scan 2019.pdf"],
		]);
		expect(vault.text("Omnivore/escape.md")).toContain("title: ../../../escape");
	});
});

describe("odd exports", () => {
	it("find the content of a slug holding a slash or written decomposed, and make a note without an article too large to read or too deep to convert", async () => {
		const item = (id: string, slug: string) => ({ id, slug, title: `Item ${id}`, url: `https://e.com/${id}`, state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z" });
		const files = [
			{ name: "metadata_0_to_3.json", data: JSON.stringify([item("a", "a/b-1"), item("b", "caf\u00e9-2"), item("c", "huge-3")]) },
			{ name: "content/a/b-1.html", data: "<p>Slash body.</p>" },
			{ name: "content/cafe\u0301-2.html", data: "<p>Café body.</p>" },
			{ name: "highlights/cafe\u0301-2.md", data: "> Café quote" },
			{ name: "content/huge-3.html", data: new Uint8Array(21 * 1024 * 1024).fill(0x61) },
			{ name: "metadata_3_to_4.json", data: JSON.stringify([item("d", "deep-4")]) },
			{ name: "content/deep-4.html", data: `${"<div>".repeat(200_000)}x${"</div>".repeat(200_000)}` },
		];
		const vault = new MemoryVault({});
		const report = await importExport(zipArchive(bytesSource(zipOf(files))), vault, { tidier, folder: "Omnivore", dryRun: false });
		expect(vault.text("Omnivore/Item a.md")).toContain("Slash body.");
		expect(vault.text("Omnivore/Item b.md")).toMatch(/> Café quote[\s\S]*Café body\./);
		expect(report.items[2].problems).toEqual(["Its content could not be read from the export (it is larger than 20 MB); its note was made without it."]);
		expect(vault.text("Omnivore/Item c.md")).not.toContain("## Content");
		expect(report.items[3].problems).toEqual(["Its content could not be converted (its elements nest more than 500 deep); its note was made without it."]);
		expect(vault.text("Omnivore/Item d.md")).toContain("title: Item d");
	});
});

describe("Omnivore's placeholders in a matched note", () => {
	it("count as missing: author unknown takes the export's author, and a second import changes nothing", async () => {
		const note = ["---", `id: ${ITEMS.sqlite.id}`, "author: |", "  unknown", "---", "#Omnivore", ""].join("\n");
		const vault = new MemoryVault({ "Omnivore/SQLite.md": note });
		await run(vault);
		expect(vault.text("Omnivore/SQLite.md")).toMatch(/^author: Jane Doe$/m);
		const writes = vault.writes;
		const again = await run(vault);
		expect(outcome(again, "sqlite").action).toBe("unchanged");
		expect(vault.writes).toBe(writes);
	});
});

describe("a matched note whose frontmatter the engine does not edit", () => {
	it.each([
		["uses YAML anchors", `---\nid: ${ITEMS.sqlite.id}\ntitle: &t SQLite\nog_title: *t\nmy_notes: keep me\n---\n#Omnivore\n`, "its frontmatter uses YAML anchors or aliases (&t, *t), which an edit could break"],
		["is not valid YAML", `---\nid: ${ITEMS.sqlite.id}\ntags: [a, {b\n  c: d\n---\n#Omnivore\n`, "its frontmatter is not valid YAML"],
		["is a list", `---\n- id: ${ITEMS.sqlite.id}\n---\n#Omnivore\n[Read on Omnivore](https://omnivore.app/me/${ITEMS.sqlite.slug})\n`, "its frontmatter is not a set of properties"],
	])("is left byte for byte when it %s, and the report says why", async (_name, note, reason) => {
		const vault = new MemoryVault({ "Omnivore/SQLite.md": note });
		const report = await run(vault);
		expect(vault.text("Omnivore/SQLite.md")).toBe(note);
		expect(outcome(report, "sqlite")).toMatchObject({ action: "left", path: "Omnivore/SQLite.md", problems: [expect.stringContaining(`Its note was left as it was: ${reason}`)] });
	});
});

describe("two articles at one address", () => {
	it("match the vault's note once: the other gets a note of its own, and a second import changes nothing", async () => {
		const item = (id: string, url: string, state: string, label: string) => ({ id, slug: `s-${id}`, title: `Title ${id}`, url, state, readingProgress: 0, labels: [label], savedAt: "2024-01-01T00:00:00Z" });
		const files = [{ name: "metadata_0_to_2.json", data: JSON.stringify([item("a", "https://example.org/dup", "Active", "first"), item("b", "http://www.example.org/dup/", "Archived", "second")]) }];
		const vault = new MemoryVault({ "Mine.md": "---\noriginal_url: https://example.org/dup\n---\n# Mine\n#Omnivore\n" });
		const first = await importExport(zipArchive(bytesSource(zipOf(files))), vault, { tidier, folder: "Omnivore", dryRun: false });
		expect(first.items.map((i) => [i.action, i.path])).toEqual([
			["enriched", "Mine.md"],
			["created", "Omnivore/Title b.md"],
		]);
		expect(vault.text("Mine.md")).toMatch(/^id: a$/m);
		expect(vault.text("Mine.md")).not.toMatch(/second|archived/);
		const writes = vault.writes;
		const again = await importExport(zipArchive(bytesSource(zipOf(files))), vault, { tidier, folder: "Omnivore", dryRun: false });
		expect(again.items.map((i) => i.action)).toEqual(["unchanged", "unchanged"]);
		expect(vault.writes).toBe(writes);
	});
});

describe("matching a self-hosted Omnivore's links", () => {
	it("finds a note by the slug of a link to a configured host", async () => {
		const note = ["# Byzantine Generals", "#Omnivore", "", `[Read on Omnivore](https://omnivore.example.org/me/${ITEMS.bySlug.slug})`, ""].join("\n");
		const selfHosted = new NoteTidier({ omnivoreHosts: ["omnivore.example.org"] });
		const vault = new MemoryVault({ "Papers/Byzantine.md": note });
		const report = await importExport(zipArchive(bytesSource(zipOf(exportFiles()))), vault, { tidier: selfHosted, folder: "Omnivore", dryRun: true });
		expect(outcome(report, "bySlug")).toMatchObject({ matchedBy: "slug", path: "Papers/Byzantine.md" });
		const plain = await run(new MemoryVault({ "Papers/Byzantine.md": note }), { dryRun: true });
		expect(outcome(plain, "bySlug").action).toBe("created");
	});
});

describe("a note of the user's own that links into the library", () => {
	it("is never taken for the article: quoting its highlights, or listing several saved articles", async () => {
		const backLink = (uuid: string) => `[⤴️](https://omnivore.app/me/${ITEMS.bySlug.slug}#${uuid})`;
		const notes = {
			// Sorted before the article's own note, which carries no id (an old template): its link is the one that counts.
			"Essays/On consensus.md": ["---", "title: On consensus", "---", "Lamport put it best:", "", `> Reliable systems must cope with the failure of one or more of their components. ${backLink("0a1b2c3d-1111")}`, "", "My take follows.", ""].join("\n"),
			"Lists/Reading list.md": ["# To read", "", `- [Byzantine](https://omnivore.app/me/${ITEMS.bySlug.slug})`, `- [Rust](https://omnivore.app/me/${ITEMS.byId.slug})`, ""].join("\n"),
			"Papers/Byzantine Generals.md": VAULT_NOTES["Papers/Byzantine Generals.md"],
		};
		const vault = new MemoryVault(notes);
		const report = await run(vault);
		expect(outcome(report, "bySlug")).toMatchObject({ action: "enriched", matchedBy: "slug", path: "Papers/Byzantine Generals.md" });
		expect(outcome(report, "byId").action).toBe("created");
		expect(vault.text("Essays/On consensus.md")).toBe(notes["Essays/On consensus.md"]);
		expect(vault.text("Lists/Reading list.md")).toBe(notes["Lists/Reading list.md"]);
	});

	it("is never taken for an article by the original it pairs with each library link", async () => {
		const list = ["---", "tags: [reading]", "---", "# My reading list", "", `- [Source](${ITEMS.byUrl.url})`, `- [Read on Omnivore](https://omnivore.app/me/${ITEMS.byUrl.slug}-x)`, "- [Source](https://other.example.org/2)", "- [Read on Omnivore](https://omnivore.app/me/other-18d1f3a2b4c)", "", "My thoughts.", ""].join("\n");
		const vault = new MemoryVault({ "Lists/My reading list.md": list });
		const report = await run(vault);
		expect(outcome(report, "byUrl").action).toBe("created");
		expect(vault.text("Lists/My reading list.md")).toBe(list);
	});
});

describe("a highlight holding a proxied image", () => {
	const image = `${PROXY}/0x0,sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A/https://cdn.example.com/diagram.png`;
	const item = { id: "h1", slug: "diagrams-18f0a0b0c0e", title: "Diagrams", url: "https://example.com/diagrams", state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z" };
	const files = [
		{ name: "metadata_0_to_1.json", data: JSON.stringify([item]) },
		{ name: `highlights/${item.slug}.md`, data: omnivoreHighlight({ quote: `The whole picture: ![](${image}) at a glance.` }) },
	];
	const importInto = (vault: MemoryVault) => importExport(zipArchive(bytesSource(zipOf(files))), vault, { tidier, folder: "Omnivore", dryRun: false });

	it.each([
		["a note the import made", {}],
		["the vault's note, quoting it with the proxy's address", { "Reading/Diagrams.md": `---\nid: h1\n---\n#Omnivore\n\n## Highlights\n\n> The whole picture: ![](${image}) at a glance.\n` }],
	])("is found again in %s once tidy unwrapped it: a second import adds no copy", async (_name, notes: Record<string, string>) => {
		const vault = new MemoryVault(notes);
		const first = await importInto(vault);
		const text = vault.text(first.items[0].path as string);
		expect(text.match(/The whole picture/g)).toHaveLength(1);
		expect(text).toContain("![](https://cdn.example.com/diagram.png)");
		const writes = vault.writes;
		const again = await importInto(vault);
		expect(again.items[0].action).toBe("unchanged");
		expect(vault.writes).toBe(writes);
	});
});

describe("a matched note whose article ends in a code block left open", () => {
	it("gets its highlights after the code, closed where the note ends, not inside it", async () => {
		const note = [
			"---",
			`id: ${ITEMS.byId.id}`,
			"---",
			"# Rust in 2023",
			"#Omnivore",
			"",
			"## Content",
			"",
			"~~~~rust",
			"fn main() {",
			"## not a heading",
			"",
		].join("\n");
		const vault = new MemoryVault({ "Omnivore/Rust.md": note });
		await run(vault);
		expect(vault.text("Omnivore/Rust.md")).toMatch(/\n~~~~rust\nfn main\(\) \{\n## not a heading\n~~~~\n\n## Highlights\n\n> The borrow checker {3}is\n> your friend\.\n\n> Async traits are coming\.\n\n#rust\n$/);
		const writes = vault.writes;
		await run(vault);
		expect(vault.writes).toBe(writes);
	});
});

describe("a matched note whose template left properties empty", () => {
	it("has them filled where they are, under the name as written, never a second key beside them", async () => {
		const note = ["---", `id: ${ITEMS.sqlite.id}`, "Title:", 'Author: ""', "tags:", "  - Reading", "", "url: https://fly.io/blog/sqlite-internals-wal/", "status:", "---", "#Omnivore", ""].join("\n");
		const vault = new MemoryVault({ "Omnivore/SQLite.md": note });
		const report = await run(vault);
		expect(outcome(report, "sqlite")).toMatchObject({ action: "enriched", problems: [] });
		const text = vault.text("Omnivore/SQLite.md");
		// Filled in place (tidy then writes the names in its schema: `title`, `original_url`).
		expect(text).toMatch(/^id: .*\ntitle: How SQLite Scales Read Concurrency\nauthor: Jane Doe\ntags:\n {2}- Reading\n {2}- databases\n {2}- To_Read\n\noriginal_url: https:\/\/fly\.io\/blog\/sqlite-internals-wal\/\nstatus: unread\n/m);
		expect(text.match(/^(title|author|status):/gim)).toHaveLength(3);
	});

	it.each(["status:", "Status: ''"])("takes Omnivore's state as the status beside an empty %s", async (empty) => {
		const note = ["---", `id: ${ITEMS.byId.id}`, empty, "state: INBOX", "---", "#Omnivore", ""].join("\n");
		const vault = new MemoryVault({ "Omnivore/Rust.md": note });
		const report = await run(vault);
		expect(outcome(report, "byId")).toMatchObject({ action: "enriched", problems: [] });
		const text = vault.text("Omnivore/Rust.md");
		expect(text).toMatch(/^id: .*\nstatus: reading\ntitle: /m);
		expect(text).not.toMatch(/^state:|^status:$/im);
	});
});

describe("a matched note with mixed line endings", () => {
	it("keeps the line endings of every line it does not write (a new highlights section)", async () => {
		// Frontmatter written on Windows, the body edited elsewhere since.
		const note = `---\r\nid: ${ITEMS.noContent.id}\r\ntitle: The Case for Slow Reading\r\n---\r\n# The Case for Slow Reading\n#Omnivore\n\nMy notes\non two lines.\n`;
		const vault = new MemoryVault({ "Reading/Slow.md": note });
		await run(vault);
		const text = vault.text("Reading/Slow.md");
		expect(text).toContain("---\r\n# The Case for Slow Reading\n#Omnivore\n\nMy notes\non two lines.\r\n\r\n## Highlights\r\n");
	});
});

describe("a vault note that cannot be read", () => {
	it("is named in the report: an article it may be gets a note of its own, and the user learns why", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const read = vault.read.bind(vault);
		vault.read = async (path) => (path === "Reading/Local-first.md" ? Promise.reject(new Error("The note could not be read: permission denied.")) : read(path));
		const report = await run(vault, { dryRun: true });
		expect(report.exportProblems).toEqual(["Reading/Local-first.md: The note could not be read: permission denied. No article was matched to it."]);
		expect(outcome(report, "byUrl").action).toBe("created");
	});
});

describe("a note of Omnivore's single-file mode", () => {
	const item = (id: string) => ({ id, slug: `article-${id}-18b8c2d4e10`, title: `Article ${id}`, url: `https://example.com/${id}`, state: "Archived", readingProgress: 0, labels: ["later"], savedAt: "2024-01-01T00:00:00Z" });
	const files = [{ name: "metadata_0_to_3.json", data: JSON.stringify([item("a1"), item("b2"), item("c3")]) }];
	const section = (id: string) => [`%%${id}_start%%`, `## Article ${id}`, `[Read on Omnivore](https://omnivore.app/me/article-${id}-18b8c2d4e10)`, `[Read Original](https://example.com/${id})`, `%%${id}_end%%`];

	it.each([
		["a list of properties", ["---", "- id: a1", "- id: b2", "---"]],
		["no frontmatter", []],
	])("holds each of its articles, left as it is and said so, with %s (never a second note, never one article's properties)", async (_name, head) => {
		const note = [...head, "#Omnivore", ...section("a1"), ...section("b2"), ""].join("\n");
		const vault = new MemoryVault({ "Omnivore.md": note });
		const report = await importExport(zipArchive(bytesSource(zipOf(files))), vault, { tidier, folder: "Omnivore", dryRun: false });
		const reason = "Its note was left as it was: it holds several articles (Omnivore's single-file mode), which the import does not edit.";
		expect(report.items.map((i) => [i.action, i.path, i.problems])).toEqual([
			["left", "Omnivore.md", [reason]],
			["left", "Omnivore.md", [reason]],
			["created", "Omnivore/Article c3.md", ["The export holds no content for it; its note holds only its details and highlights."]],
		]);
		expect(vault.text("Omnivore.md")).toBe(note);
	});
});
