import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import type { ImportReport } from "../../src/core";
import * as atomicWrite from "../../src/cli/atomicWrite";
import { MAX_NOTE_BYTES } from "../../src/core";
import { main } from "../../src/cli/main";
import { buildCli } from "./builtCli";
import { strToU8, zipSync } from "fflate";
import { damageEntry, exportFiles, ITEMS, PDF_BYTES, zipOf } from "../core/import/exportFixture";
import { VAULT_NOTES } from "../core/import/memoryVault";

let work: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-import-"));
});
afterEach(() => {
	rmSync(work, { recursive: true, force: true });
});

async function run(...args: string[]) {
	return runOn(false, ...args);
}

async function runOn(isTerminal: boolean, ...args: string[]) {
	let out = "";
	let err = "";
	const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), isTerminal });
	return { code, out, err };
}

function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
	for (const [path, data] of Object.entries(files)) {
		const absolute = join(root, ...path.split("/"));
		mkdirSync(dirname(absolute), { recursive: true });
		writeFileSync(absolute, data);
	}
}

/** Path → bytes of every file under a folder, the tool's own dot-folder left out. */
function snapshot(folder: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name === ".omnivore-queue") continue;
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(path.slice(folder.length + 1), readFileSync(path, "latin1"));
		}
	};
	walk(folder);
	return files;
}

/** The vault's folders, its state folder aside. */
function folders(vault: string): string[] {
	return readdirSync(vault, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => relative(vault, join(entry.parentPath, entry.name)))
		.filter((path) => !path.startsWith(".omnivore-queue"))
		.sort();
}

function setUp(): { zip: string; vault: string } {
	const zip = join(work, "omnivore-export.zip");
	writeFileSync(zip, zipOf(exportFiles()));
	const vault = join(work, "vault");
	writeTree(vault, VAULT_NOTES);
	return { zip, vault };
}

describe("omnivore-queue import", () => {
	it("imports the export, then a second run changes nothing and tidy has nothing to do", async () => {
		const { zip, vault } = setUp();
		const first = await run("import", zip, vault);
		expect(first).toMatchObject({ code: 0, err: "" });
		expect(first.out).toContain("9 items in");
		expect(first.out).toContain("6 notes created (1 PDF copied)");
		expect(first.out).toContain("3 notes enriched");
		expect(first.out).toMatch(/Problems \(1\):\n {2}Omnivore\/The Case for Slow Reading\.md: The export holds no content/);
		expect(readFileSync(join(vault, "Omnivore", "Attention Is All You Need.pdf"))).toEqual(Buffer.from(PDF_BYTES));
		expect(readFileSync(join(vault, "Omnivore", "How SQLite Scales Read Concurrency.md"), "utf8")).toContain(`id: ${ITEMS.sqlite.id}`);

		const after = snapshot(vault);
		const second = await run("import", zip, vault, "--json");
		expect(second.code).toBe(0);
		const report = JSON.parse(second.out) as ImportReport;
		expect(report.items.map((i) => i.action)).toEqual(Array(9).fill("unchanged"));
		expect(snapshot(vault)).toEqual(after);

		// The queue lists every article with the status the export gave it.
		const queue = JSON.parse((await run("queue", vault, "--json")).out) as { items: Array<{ path: string; status: string }> };
		const statusOf = new Map(queue.items.map((i) => [i.path, i.status]));
		for (const item of report.items) expect(statusOf.has(item.path as string)).toBe(true);
		expect(statusOf.get("Omnivore/2023-01-20/Rust in 2023- What Comes Next.md")).toBe("reading");
		expect(statusOf.get("Omnivore/The Case for Slow Reading.md")).toBe("archived");

		// Only the vault's own untidy note, which the import did not touch, is left for tidy.
		const tidy = await run("tidy", vault, "--dry-run", "--json");
		const notes = (JSON.parse(tidy.out) as { notes: Array<{ path: string; changed: boolean }> }).notes;
		expect(notes.filter((n) => n.changed).map((n) => n.path)).toEqual(["Omnivore/Other copy.md"]);
	});

	it("draws a progress bar on a terminal and clears it before the summary", async () => {
		const { zip, vault } = setUp();
		const result = await runOn(true, "import", zip, vault);
		expect(result.out).toMatch(/^\rReading the export…\rImporting \[#*-*\] 1\/9/);
		expect(result.out).toContain("\rImporting [##############################] 9/9");
		expect(result.out).toMatch(/\r +\r9 items in /);
		expect((await runOn(true, "import", zip, vault, "--json")).out.startsWith("{")).toBe(true);
	});

	it("leaves a matched note that is not UTF-8 byte for byte, reports it and exits 1, as tidy does", async () => {
		const { zip, vault } = setUp();
		const latin1 = Buffer.concat([Buffer.from(`---\nid: ${ITEMS.byId.id}\n---\n# Caf`), Buffer.from([0xe9]), Buffer.from("\n#Omnivore\n")]);
		const path = join(vault, "Omnivore", "2023-01-20", "Rust in 2023- What Comes Next.md");
		writeFileSync(path, latin1);
		const result = await run("import", zip, vault);
		expect(result.code).toBe(1);
		expect(result.out).toContain("Rust in 2023- What Comes Next.md: Its note could not be enriched: The note is not valid UTF-8 text; it was left as it was.");
		expect(readFileSync(path)).toEqual(latin1);
	});

	it("says in a dry run which matched notes it would leave, and why, as the real run does", async () => {
		const { zip, vault } = setUp();
		const readOnly = join(vault, "Reading", "Local-first.md");
		chmodSync(readOnly, 0o444);
		const line = "Reading/Local-first.md: Its note could not be enriched: The note is read-only (make it writable first); it was left as it was.";
		const dry = await run("import", zip, vault, "--dry-run");
		expect(dry.code).toBe(1);
		expect(dry.out).toContain("2 notes would be enriched");
		expect(dry.out).toContain(line);
		const real = await run("import", zip, vault);
		expect(real.code).toBe(1);
		expect(real.out).toContain("2 notes enriched");
		expect(real.out).toContain(line);
	});

	it("says in words why a note could not be created, and exits 1", async () => {
		const { zip, vault } = setUp();
		// A file where the folder of new notes would go: nothing can be created in it.
		writeFileSync(join(vault, "Saved"), "a file of the user's");
		const result = await run("import", zip, vault, "--folder", "Saved");
		expect(result.code).toBe(1);
		expect(result.out).toContain("How SQLite Scales Read Concurrency: Its note could not be created: a file of that name is in the way.");
		expect(readFileSync(join(vault, "Saved"), "utf8")).toBe("a file of the user's");
	});

	it("imports the unzipped folder alike, into another folder of the vault", async () => {
		const { vault } = setUp();
		const folder = join(work, "unzipped");
		writeTree(folder, Object.fromEntries(exportFiles().map((f) => [f.name, f.data])));
		const result = await run("import", folder, vault, "--folder", "/Reading/Saved/");
		expect(result.code).toBe(0);
		expect(existsSync(join(vault, "Reading", "Saved", "How SQLite Scales Read Concurrency.md"))).toBe(true);
		expect(existsSync(join(vault, "Reading", "Saved", "Attention Is All You Need.pdf"))).toBe(true);
	});

	it("writes nothing where entry names or slugs point outside the vault", async () => {
		const zip = join(work, "export.zip");
		const item = { id: "t1", slug: "../../../evil", title: "../../escape", url: "https://e.com/t", state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z" };
		writeFileSync(
			zip,
			zipOf([
				{ name: "metadata_0_to_1.json", data: JSON.stringify([item]) },
				{ name: "../../evil.md", data: "evil" },
				{ name: "content/../../../evil.html", data: "<p>evil</p>" },
				{ name: "/abs/evil.md", data: "evil" },
				{ name: "highlights/../../../evil.md", data: "> evil" },
			]),
		);
		const vault = join(work, "deep", "vault");
		expect((await run("import", zip, vault)).code).toBe(0);
		expect(readdirSync(work).sort()).toEqual(["deep", "export.zip"]);
		expect(readdirSync(join(work, "deep"))).toEqual(["vault"]);
		expect([...snapshot(vault).keys()]).toEqual(["Omnivore/escape.md"]);
	});

	it("imports what it can read of an export with a damaged metadata file, names it, and exits 1", async () => {
		const zip = join(work, "export.zip");
		const item = { id: "m1", slug: "kept-1", title: "Kept", url: "https://e.com/kept", state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z" };
		writeFileSync(zip, zipOf([{ name: "metadata_0_to_1.json", data: JSON.stringify([item]) }, { name: "metadata_1_to_2.json", data: '[{"id": "m2", "title": "Cut' }]));
		const vault = join(work, "vault");
		const { code, out } = await run("import", zip, vault);
		expect(code).toBe(1);
		expect(out).toContain("metadata_1_to_2.json is not valid JSON; its items were skipped.");
		expect([...snapshot(vault).keys()]).toEqual(["Omnivore/Kept.md"]);
	});

	it("reads an unzipped folder's decomposed names and leaves out a file past its limit, unread", async () => {
		const folder = join(work, "unzipped");
		const item = (id: string, slug: string) => ({ id, slug, title: `Item ${id}`, url: `https://e.com/${id}`, state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z" });
		writeTree(folder, {
			"metadata_0_to_2.json": JSON.stringify([item("a", "caf\u00e9-1"), item("b", "huge-2")]),
			"content/cafe\u0301-1.html": "<p>Café body.</p>",
			"content/huge-2.html": Buffer.alloc(21 * 1024 * 1024, 0x61),
		});
		const vault = join(work, "vault");
		const result = await run("import", folder, vault);
		expect(result.code).toBe(0);
		expect(readFileSync(join(vault, "Omnivore", "Item a.md"), "utf8")).toContain("Café body.");
		expect(result.out).toContain("Omnivore/Item b.md: Its content could not be read from the export (it is larger than 20 MB); its note was made without it.");
	});

	it("is undone whole: created notes and the PDF removed, enriched notes restored, an edited note kept", async () => {
		const { zip, vault } = setUp();
		const before = snapshot(vault);
		await run("import", zip, vault);
		const edited = join(vault, "Omnivore", "Byzantine Generals.md");
		expect(existsSync(edited)).toBe(false);
		const sqlite = join(vault, "Omnivore", "How SQLite Scales Read Concurrency.md");
		writeFileSync(sqlite, `${readFileSync(sqlite, "utf8")}\nMy thoughts.\n`);
		const undo = await run("undo", vault);
		expect(undo.code).toBe(0);
		expect(undo.out).toMatch(/^Undid "omnivore-queue import" of .*: 3 notes restored, 6 files it created removed\.\nLeft as they are \(1\):\n {2}Omnivore\/How SQLite Scales Read Concurrency\.md: It was changed after this run created it, so it was kept\.\n/);
		const now = snapshot(vault);
		expect(now.get("Omnivore/How SQLite Scales Read Concurrency.md")).toContain("My thoughts.");
		now.delete("Omnivore/How SQLite Scales Read Concurrency.md");
		expect(now).toEqual(before);
	});

	it("says which notes it created undo found no longer where it put them (moved or renamed since)", async () => {
		const { zip, vault } = setUp();
		await run("import", zip, vault);
		const sqlite = join(vault, "Omnivore", "How SQLite Scales Read Concurrency.md");
		renameSync(sqlite, join(vault, "SQLite, kept.md"));
		const undo = await run("undo", vault);
		expect(undo.code).toBe(0);
		expect(undo.out).toContain("No longer where the run created them (deleted, moved or renamed since), so not removed (1):\n  Omnivore/How SQLite Scales Read Concurrency.md\n");
		expect(existsSync(join(vault, "SQLite, kept.md"))).toBe(true);
	});

	it("is undone with the folders it made, once they are empty, and not the folders that were there", async () => {
		const { zip, vault } = setUp();
		mkdirSync(join(vault, "Reading", "Empty"), { recursive: true });
		const before = { files: snapshot(vault), folders: folders(vault) };
		expect((await run("import", zip, vault, "--folder", "Reading/Omnivore/2024")).code).toBe(0);
		expect(folders(vault)).toEqual([...before.folders, "Reading/Omnivore", "Reading/Omnivore/2024"].sort());
		expect((await run("undo", vault)).code).toBe(0);
		expect({ files: snapshot(vault), folders: folders(vault) }).toEqual(before);

		// A folder that holds a file of the user's since stays, with that file; the empty one inside it goes.
		expect((await run("import", zip, vault, "--folder", "Reading/Omnivore/2024")).code).toBe(0);
		writeFileSync(join(vault, "Reading", "Omnivore", "mine.md"), "My own.\n");
		expect((await run("undo", vault)).code).toBe(0);
		expect(folders(vault)).toEqual([...before.folders, "Reading/Omnivore"].sort());
		expect(readFileSync(join(vault, "Reading", "Omnivore", "mine.md"), "utf8")).toBe("My own.\n");
	});

	it("keeps, and says in a dry run that it would keep, what it created in a folder linked from outside the vault", async () => {
		const { zip, vault } = setUp();
		const outside = join(work, "elsewhere");
		mkdirSync(outside);
		symlinkSync(outside, join(vault, "Linked"));
		// Without --follow-links nothing is written through the link, and each note says why.
		const refused = await run("import", zip, vault, "--folder", "Linked");
		expect(refused.code).toBe(1);
		expect(refused.out).toContain("its folder is a link to a folder outside the vault (import --follow-links writes there)");
		expect(readdirSync(outside)).toEqual([]);
		expect((await run("undo", vault)).code).toBe(0);
		expect((await run("import", zip, vault, "--folder", "Linked", "--follow-links")).code).toBe(0);
		const created = readdirSync(outside).sort();
		expect(created).toContain("The Weekly Dispatch 42.md");
		const kept = /Linked\/The Weekly Dispatch 42\.md: It is in a folder linked from outside the vault \(undo --follow-links removes it\); it was kept\./;

		const dry = await run("undo", vault, "--dry-run");
		expect(dry.out).not.toContain("files it created");
		expect(dry.out).toMatch(kept);
		const undo = await run("undo", vault);
		expect(undo.out).toMatch(kept);
		expect(readdirSync(outside).sort()).toEqual(created);
		expect((await run("undo", vault, "--follow-links")).out).toMatch(/files? it created removed/);
		expect(readdirSync(outside)).toEqual([]);
	});

	it("writes nothing in a dry run, not even a vault folder that does not exist yet", async () => {
		const { zip } = setUp();
		const vault = join(work, "new vault");
		const result = await run("import", zip, vault, "--dry-run");
		expect(result.code).toBe(0);
		expect(result.out).toContain("Dry run: nothing was written.");
		expect(result.out).toContain("9 notes would be created (1 PDF would be copied)");
		expect(existsSync(vault)).toBe(false);
		expect((await run("import", zip, vault)).code).toBe(0);
		expect(existsSync(join(vault, "Omnivore", "The Weekly Dispatch 42.md"))).toBe(true);
	});

	it.each([
		["not a zip", () => Buffer.from("id,title\n1,Hello\n"), "it is not a zip file"],
		["a zip cut short", () => zipOf(exportFiles()).subarray(0, 2000), "the zip file is damaged or cut short"],
		["a zip without metadata", () => zipOf([{ name: "content/a.html", data: "<p>a</p>" }]), "it holds no metadata_*.json file, so it is not an Omnivore export"],
		[
			"a zip with a damaged article",
			() => damageEntry(zipOf(exportFiles()), `content/${ITEMS.sqlite.slug}.html`),
			`content/${ITEMS.sqlite.slug}.html in it cannot be read: the zip file is damaged there (invalid block type); another unzip tool may still extract the other files, and their folder can be imported`,
		],
		[
			"a zip whose stored metadata changed but still reads (the title would be wrong)",
			() => Buffer.from(Buffer.from(zipSync({ "metadata_0_to_1.json": [strToU8(JSON.stringify([ITEMS.sqlite])), { level: 0 }] })).toString("latin1").replace("Scales", "Scalex"), "latin1"),
			"metadata_0_to_1.json in it cannot be read: the zip file is damaged there (its bytes do not match the checksum the zip holds for them); another unzip tool may still extract the other files, and their folder can be imported",
		],
		["a metadata file that is a zip bomb", () => zipOf([{ name: "metadata_0_to_20.json", data: new Uint8Array(65 * 1024 * 1024).fill(0x20) }]), "metadata_0_to_20.json in it is not an Omnivore metadata file (it is larger than 64 MB)"],
	])("refuses %s in one line, exit 2, writing nothing", async (_name, bytes, reason) => {
		const zip = join(work, "export.zip");
		writeFileSync(zip, bytes());
		const vault = join(work, "vault");
		const result = await run("import", zip, vault);
		expect(result).toEqual({ code: 2, out: "", err: `omnivore-queue: cannot import "${zip}": ${reason}.\n` });
		expect(existsSync(vault)).toBe(false);
		// A hang guard, not a speed check: the zip bomb alone is 65 MB to make and to refuse.
	}, 30_000);

	it("refuses a missing export and a folder outside the vault", async () => {
		const missing = await run("import", join(work, "nope.zip"), join(work, "vault"));
		expect(missing.code).toBe(2);
		expect(missing.err).toBe(`omnivore-queue: cannot import "${join(work, "nope.zip")}": it does not exist.\n`);
		const outside = await run("import", join(work, "nope.zip"), join(work, "vault"), "--folder", "../elsewhere");
		expect(outside.code).toBe(2);
		expect(outside.err).toContain("--folder must be a folder inside the vault");
	});

	it("puts new notes in a folder given as a path on the disk into the vault, or with spaces around its parts", async () => {
		const { zip, vault } = setUp();
		const json = await run("import", zip, vault, "--folder", join(vault, "Saved"), "--dry-run", "--json");
		expect((JSON.parse(json.out) as ImportReport).items.find((i) => i.id === ITEMS.sqlite.id)?.path).toBe("Saved/How SQLite Scales Read Concurrency.md");
		expect((await run("import", zip, vault, "--folder", " Reading / Omnivore /")).code).toBe(0);
		expect(existsSync(join(vault, "Reading", "Omnivore", "How SQLite Scales Read Concurrency.md"))).toBe(true);
	});
});

describe("an edit to a matched note while the import writes it", () => {
	afterEach(() => jest.restoreAllMocks());

	it("made between the import's read and its write, is enriched with the note, never lost", async () => {
		const { zip, vault } = setUp();
		const note = join(vault, "Reading", "Local-first.md");
		const write = atomicWrite.writeFileAtomic;
		let edited = false;
		jest.spyOn(atomicWrite, "writeFileAtomic").mockImplementation((path, text, options = {}) => {
			if (path === note && !edited) {
				edited = true;
				writeFileSync(note, `${readFileSync(note, "utf8")}\nTyped meanwhile.\n`);
			}
			return write(path, text, options);
		});
		expect((await run("import", zip, vault)).code).toBe(0);
		expect(edited).toBe(true);
		const text = readFileSync(note, "utf8");
		expect(text).toContain("Typed meanwhile.");
		expect(text).toContain(`id: ${ITEMS.byUrl.id}`);
	});

	it("that reaches its old file just as it is replaced, is put back and the note enriched again from it, never lost", async () => {
		const { zip, vault } = setUp();
		const note = join(vault, "Reading", "Local-first.md");
		const write = atomicWrite.writeFileAtomic;
		let late: number | null = null;
		let wrote = false;
		// A writer (an editor saving in place) that opened the note just before the rename and writes just after it.
		jest.spyOn(atomicWrite, "writeFileAtomic").mockImplementation((path, text, options = {}) => {
			const written = write(path, text, {
				...options,
				stillCurrent: () => {
					const current = options.stillCurrent?.() ?? true;
					if (current && late === null && path === note) late = openSync(note, "a");
					return current;
				},
			});
			if (late !== null && !wrote) {
				writeSync(late, "\nLate thought.\n");
				closeSync(late);
				wrote = true;
			}
			return written;
		});
		const result = await run("import", zip, vault);
		expect(wrote).toBe(true);
		expect(result.code).toBe(0);
		const text = readFileSync(note, "utf8");
		expect(text).toContain("Late thought.");
		expect(text).toContain(`id: ${ITEMS.byUrl.id}`);
		expect(text).toContain("  - local_first\n  - crdt\n");
		// Undo takes the import back and keeps the edit.
		jest.restoreAllMocks();
		expect((await run("undo", vault)).code).toBe(0);
		expect(readFileSync(note, "utf8")).toBe(`${VAULT_NOTES["Reading/Local-first.md"]}\nLate thought.\n`);
	});
});

describe("a matched note in a folder linked from outside the vault", () => {
	it("is left and reported as tidy leaves it, and --follow-links enriches it (undo --follow-links puts it back)", async () => {
		const { zip, vault } = setUp();
		const outside = join(work, "elsewhere");
		mkdirSync(outside);
		const original = VAULT_NOTES["Reading/Local-first.md"];
		writeFileSync(join(outside, "Local-first.md"), original);
		rmSync(join(vault, "Reading"), { recursive: true });
		symlinkSync(outside, join(vault, "Reading"));

		const plain = await run("import", zip, vault);
		expect(plain.code).toBe(1);
		expect(plain.out).toContain("Reading/Local-first.md: Its note could not be enriched: The note is a link to a file outside the vault (--follow-links edits such notes); it was left as it was.");
		expect(readFileSync(join(outside, "Local-first.md"), "utf8")).toBe(original);
		expect((await run("undo", vault)).code).toBe(0);

		const followed = await run("import", zip, vault, "--follow-links");
		expect(followed).toMatchObject({ code: 0, err: "" });
		expect(readFileSync(join(outside, "Local-first.md"), "utf8")).toContain(`id: ${ITEMS.byUrl.id}`);
		expect((await run("undo", vault, "--follow-links")).code).toBe(0);
		expect(readFileSync(join(outside, "Local-first.md"), "utf8")).toBe(original);
	});
});

describe("a large vault", () => {
	it("is matched note by note: the import holds no more than one note of it at a time", () => {
		const { bundle, remove } = buildCli("import-memory");
		try {
			const { zip, vault } = setUp();
			// 40 MB of notes, more than the heap the import is given.
			const paragraph = `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20)}\n\n`;
			const body = paragraph.repeat(Math.ceil(400_000 / paragraph.length));
			for (let i = 0; i < 100; i++) writeTree(vault, { [`Archive/Note ${i}.md`]: `---\ntitle: Note ${i}\n---\n# Note ${i}\n\n${body}` });
			const result = spawnSync(process.execPath, ["--max-old-space-size=24", bundle, "import", zip, vault, "--dry-run"], { encoding: "utf8" });
			expect(result.stderr).toBe("");
			expect(result.stdout).toContain("3 notes would be enriched");
		} finally {
			remove();
		}
	}, 60_000);
});

// An article whose Markdown is larger than any note the CLI reads back (its escapes can make it larger
// than its HTML) gets a note without it: a note too large to read could not be found again, and each
// import would make another copy.
test.each([
	// Each relative link is written whole against the article's long address (2,028 bytes each).
	["is itself larger (130 KB of HTML, 22 MB of Markdown)", 11_000],
	["is 2 KB short of it, its note's frontmatter and links not", 10_340],
])("an article whose Markdown would pass the size of notes read back gets a note without it, and a second import makes no copy: the Markdown %s", async (_, links) => {
	const url = `https://example.com/${"a".repeat(2000)}/`;
	const item = { id: "5b0e4c52-0000-4000-8000-000000000001", slug: "stars-18b8c2d4e10", title: "Stars", url, state: "Active", savedAt: "2024-02-27T01:30:06.000Z", labels: [] };
	const html = `<p>${'<a href="b">c</a> '.repeat(links)}</p>`;
	const zip = join(work, "export.zip");
	writeFileSync(zip, zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([item])), "content/stars-18b8c2d4e10.html": strToU8(html) }));
	const vault = join(work, "vault");
	const first = await run("import", zip, vault);
	expect(first.code).toBe(0);
	expect(first.out).toMatch(/Omnivore\/Stars\.md: Its content would make a note larger than 20 MB; its note was made without it\./);
	expect(statSync(join(vault, "Omnivore", "Stars.md")).size).toBeLessThan(MAX_NOTE_BYTES);
	const second = await run("import", zip, vault);
	expect(second.out).toMatch(/0 notes created/);
	expect(readdirSync(join(vault, "Omnivore"))).toEqual(["Stars.md"]);
}, 60_000);

// An import that wrote nothing leaves no undo batch: the journal keeps five runs, and such batches
// would push the user's real runs out.
test("an import that could create no note leaves no batch: undo takes back the run before it, not notes never made", async () => {
	const zip = join(work, "export.zip");
	writeFileSync(zip, zipOf(exportFiles()));
	const vault = join(work, "vault");
	mkdirSync(vault);
	const path = join(vault, "Article.md");
	const untidy = `---\nid: 0f6e7c1a-2b3c-4d5e-8f90-123456789abc\ntitle: |\n  An article\n---\n# An article\n#Omnivore\n\n[Read Original](https://example.com/post)\n\n`;
	writeFileSync(path, untidy);
	expect((await run("tidy", vault)).code).toBe(0);
	// A file where the import's folder should be: no note can be created.
	writeFileSync(join(vault, "Omnivore"), "mine");
	for (let i = 0; i < 5; i++) {
		const { code, out } = await run("import", zip, vault);
		expect(code).toBe(1);
		expect(out).toMatch(/0 notes created/);
	}
	expect(readdirSync(join(vault, ".omnivore-queue", "journal")).filter((name) => name.endsWith(".jsonl"))).toHaveLength(1);
	const undo = await run("undo", vault);
	expect(undo.out).toMatch(/^Undid "omnivore-queue tidy"/);
	expect(undo.out).not.toMatch(/No longer where the run created them/);
	expect(readFileSync(path, "utf8")).toBe(untidy);
});
