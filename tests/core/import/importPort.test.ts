// How the import drives the front end's port: when it locks the vault, how it reports progress and
// stops, how it answers a write that fails or an edit put back, and what a dry run reads.

import { NoteTidier } from "../../../src/core";
import { NoteGoneError } from "../../../src/core/journal/noteStore";
import { bytesSource, zipArchive, type ExportArchive } from "../../../src/core/import/exportArchive";
import { importExport } from "../../../src/core/import/importExport";
import { asTidyTransform, countActions, type ImportOptions, type ImportReport } from "../../../src/core/import/importPort";
import { exportFiles, ITEMS, PDF_BYTES, zipOf, type ExportFile } from "./exportFixture";
import { MemoryVault, VAULT_NOTES } from "./memoryVault";

const tidier = new NoteTidier();

/** The export as the front ends open it, counting the passes the import makes over it. */
function archiveOf(files: ExportFile[] = exportFiles()) {
	const zip = zipArchive(bytesSource(zipOf(files), 4096));
	const passes = { count: 0 };
	const archive: ExportArchive = {
		read(want, visit) {
			passes.count++;
			return zip.read(want, visit);
		},
	};
	return { archive, passes };
}

function run(vault: MemoryVault, options: Partial<ImportOptions> = {}, files?: ExportFile[]): Promise<ImportReport> {
	return importExport(archiveOf(files).archive, vault, { tidier, folder: "Omnivore", dryRun: false, ...options });
}

function outcome(report: ImportReport, key: keyof typeof ITEMS) {
	const found = report.items.find((i) => i.id === ITEMS[key].id);
	if (!found) throw new Error(`no outcome for ${key}`);
	return found;
}

const item = (id: string, title: string, extra: object = {}) => ({ id, slug: `${id}-18f0a0b0c0d`, title, url: `https://example.com/${id}`, state: "Active", readingProgress: 0, labels: [], savedAt: "2024-01-01T00:00:00Z", ...extra });

describe("locking the vault", () => {
	class LockingVault extends MemoryVault {
		events: string[] = [];
		async prepare(): Promise<void> {
			this.events.push("prepare");
		}
		override async notePaths(): Promise<string[]> {
			this.events.push("list");
			return super.notePaths();
		}
	}

	it("happens once the export was found good, before the vault is read", async () => {
		const vault = new LockingVault(VAULT_NOTES);
		await run(vault);
		expect(vault.events).toEqual(["prepare", "list"]);
	});

	it("never happens for a dry run, nor for an export that is refused", async () => {
		const dry = new LockingVault(VAULT_NOTES);
		await run(dry, { dryRun: true });
		expect(dry.events).toEqual(["list"]);
		const refused = new LockingVault(VAULT_NOTES);
		await expect(run(refused, {}, [{ name: "notes.md", data: "# not an export" }])).rejects.toThrow("holds no metadata_*.json file");
		expect(refused.events).toEqual([]);
		expect(refused.writes).toBe(0);
	});
});

describe("progress", () => {
	it("counts each item once, the vault's notes first, out of all the items, and gives the interface a turn between notes and items", async () => {
		const seen: Array<[number, number]> = [];
		let pauses = 0;
		const report = await run(new MemoryVault(VAULT_NOTES), { onProgress: (done, total) => void seen.push([done, total]), pause: async () => void pauses++ });
		expect(seen).toEqual(Array.from({ length: 9 }, (_, i) => [i + 1, 9]));
		// One turn per note of the vault read, one per item.
		expect(pauses).toBe(Object.keys(VAULT_NOTES).length + 9);
		expect(report.cancelled).toBe(false);
	});

	it("stops when the user cancels: what was written stays, the rest is untouched, and the report says it stopped", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		let done = 0;
		const report = await run(vault, { onProgress: (n) => void (done = n), isCancelled: () => done >= 4 });
		expect(report.cancelled).toBe(true);
		// The three notes of the vault are enriched first, then one note is created before the stop.
		expect(countActions(report)).toEqual({ created: 1, enriched: 3, unchanged: 5, left: 0 });
		expect(vault.writes).toBe(4);
		expect([...vault.files.keys()].filter((path) => !(path in VAULT_NOTES))).toEqual(["Omnivore/How SQLite Scales Read Concurrency.md"]);
	});

	it("stops before any write when the user cancels at once", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const report = await run(vault, { isCancelled: () => true });
		expect(report.cancelled).toBe(true);
		expect(vault.writes).toBe(0);
		expect(countActions(report).unchanged).toBe(9);
	});

	it("passes on an error that is not a cancellation", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		await expect(
			run(vault, {
				pause: async () => {
					if (vault.writes > 0) throw new Error("the vault was closed");
				},
			}),
		).rejects.toThrow("the vault was closed");
	});
});

describe("the passes over the export", () => {
	it("are two for a real import (the index, then the contents), one for a dry run, and one when every item has its note already", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const first = archiveOf();
		await importExport(first.archive, vault, { tidier, folder: "Omnivore", dryRun: false });
		expect(first.passes.count).toBe(2);
		const dry = archiveOf();
		await importExport(dry.archive, new MemoryVault(VAULT_NOTES), { tidier, folder: "Omnivore", dryRun: true });
		expect(dry.passes.count).toBe(1);
		const again = archiveOf();
		const report = await importExport(again.archive, vault, { tidier, folder: "Omnivore", dryRun: false });
		expect(countActions(report).unchanged).toBe(9);
		expect(again.passes.count).toBe(1);
	});
});

describe("a dry run", () => {
	it("names the notes and PDFs it would create, and says which items have no content", async () => {
		const report = await run(new MemoryVault(VAULT_NOTES), { dryRun: true });
		expect(outcome(report, "pdf")).toMatchObject({ action: "created", path: "Omnivore/Attention Is All You Need.md", pdf: "Omnivore/Attention Is All You Need.pdf" });
		expect(outcome(report, "sqlite")).toMatchObject({ action: "created", path: "Omnivore/How SQLite Scales Read Concurrency.md", problems: [] });
		expect(outcome(report, "sqlite").pdf).toBeUndefined();
		expect(outcome(report, "noContent").problems).toEqual(["The export holds no content for it; its note holds only its details and highlights."]);
	});

	it("asks whether a note it would enrich can be written, and reports one that cannot", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const checked: string[] = [];
		vault.checkWritable = async (path) => {
			checked.push(path);
			if (path === "Papers/Byzantine Generals.md") throw new Error("The note is read-only");
		};
		const report = await run(vault, { dryRun: true });
		expect(outcome(report, "bySlug")).toMatchObject({ action: "left", failed: true, problems: ["Its note could not be enriched: The note is read-only."] });
		expect(outcome(report, "byId").action).toBe("enriched");
		expect(checked.sort()).toEqual(["Omnivore/2023-01-20/Rust in 2023- What Comes Next.md", "Papers/Byzantine Generals.md", "Reading/Local-first.md"]);
	});

	it("asks nothing of a note it would leave unchanged", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		await run(vault);
		const checked: string[] = [];
		vault.checkWritable = async (path) => void checked.push(path);
		const report = await run(vault, { dryRun: true });
		expect(countActions(report)).toEqual({ created: 0, enriched: 0, unchanged: 9, left: 0 });
		expect(checked).toEqual([]);
	});
});

describe("a write that fails", () => {
	it("leaves the item, marks it failed and says why, and the import goes on", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const update = vault.updateNote.bind(vault);
		vault.updateNote = (path, transform) => (path === "Reading/Local-first.md" ? Promise.reject(new Error("EACCES: permission denied, open 'Reading/Local-first.md'\n")) : update(path, transform));
		const create = vault.createNote.bind(vault);
		vault.createNote = (path, text) => (path.includes("SQLite") ? Promise.reject(new Error("No space left on device!")) : create(path, text));
		const report = await run(vault);
		expect(outcome(report, "byUrl")).toMatchObject({ action: "left", failed: true, problems: ["Its note could not be enriched: EACCES: permission denied, open 'Reading/Local-first.md'."] });
		expect(outcome(report, "sqlite")).toMatchObject({ action: "left", failed: true, problems: ["Its note could not be created: No space left on device!"] });
		expect(outcome(report, "sqlite").path).toBeUndefined();
		expect(vault.text("Reading/Local-first.md")).toBe(VAULT_NOTES["Reading/Local-first.md"]);
		expect(countActions(report)).toEqual({ created: 5, enriched: 2, unchanged: 0, left: 2 });
	});

	it("of an upload's PDF makes no note that links a missing file", async () => {
		const vault = new MemoryVault({});
		// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a port written in plain JavaScript may reject with a string
		vault.createFile = () => Promise.reject("disk full");
		const report = await run(vault);
		expect(outcome(report, "pdf")).toMatchObject({ action: "left", failed: true, problems: ["Its note could not be created: disk full."] });
		expect([...vault.files.keys()].some((path) => path.startsWith("Omnivore/Attention"))).toBe(false);
	});
});

describe("a vault note that disappears while the import lists the vault", () => {
	it("is passed over without a word (it is no longer there to match)", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const read = vault.read.bind(vault);
		vault.read = (path) => (path === "Inbox/Scratch.md" ? Promise.reject(new NoteGoneError("The note was deleted.")) : read(path));
		const report = await run(vault, { dryRun: true });
		expect(report.exportProblems).toEqual([]);
		expect(countActions(report)).toEqual({ created: 6, enriched: 3, unchanged: 0, left: 0 });
	});
});

describe("an edit the user makes just as the import writes a note", () => {
	/** A vault whose store puts a late edit back: the note holds the user's edit, without the import's. */
	class EditedVault extends MemoryVault {
		putBacks = 0;
		settles = 0;
		constructor(
			readonly editedPath: string,
			readonly rounds: number,
		) {
			super(VAULT_NOTES);
		}
		async settle(): Promise<string[]> {
			this.settles++;
			if (this.putBacks >= this.rounds) return [];
			this.putBacks++;
			this.files.set(this.editedPath, `${VAULT_NOTES[this.editedPath]}My late edit ${this.putBacks}.\n`);
			return [this.editedPath];
		}
	}

	it("is asked after once, and not at all in a dry run, when there is none", async () => {
		const vault = new EditedVault("Reading/Local-first.md", 0);
		await run(vault);
		expect(vault.settles).toBe(1);
		const dry = new EditedVault("Reading/Local-first.md", 1);
		await run(dry, { dryRun: true });
		expect(dry.settles).toBe(0);
		expect(dry.text("Reading/Local-first.md")).toBe(VAULT_NOTES["Reading/Local-first.md"]);
	});

	it("is kept, and the note enriched again around it", async () => {
		const vault = new EditedVault("Reading/Local-first.md", 1);
		const report = await run(vault);
		expect(outcome(report, "byUrl")).toMatchObject({ action: "enriched", problems: [] });
		const text = vault.text("Reading/Local-first.md");
		expect(text).toContain("My late edit 1.");
		expect(text).toContain("  - local_first\n  - crdt\n");
		expect(vault.putBacks).toBe(1);
		expect(vault.settles).toBe(2);
	});

	it("twice more is still enriched around; a note that keeps changing is left with the edits, and said so", async () => {
		const twice = new EditedVault("Reading/Local-first.md", 2);
		expect(outcome(await run(twice), "byUrl").action).toBe("enriched");
		expect(twice.text("Reading/Local-first.md")).toContain("  - crdt\n");

		const always = new EditedVault("Reading/Local-first.md", 10);
		const report = await run(always);
		expect(always.putBacks).toBe(3);
		expect(outcome(report, "byUrl")).toMatchObject({
			action: "left",
			failed: true,
			problems: ["Its note kept changing while it was being enriched; the edits were kept and it was left without the import's."],
		});
		expect(always.text("Reading/Local-first.md")).toBe(`${VAULT_NOTES["Reading/Local-first.md"]}My late edit 3.\n`);
		expect(outcome(report, "byId").action).toBe("enriched");
	});

	it("in a note the import created is not the import's to enrich again", async () => {
		const vault = new EditedVault("Omnivore/How SQLite Scales Read Concurrency.md", 1);
		const settle = vault.settle.bind(vault);
		vault.settle = async () => (vault.files.has(vault.editedPath) ? settle() : []);
		const report = await run(vault);
		expect(outcome(report, "sqlite").action).toBe("created");
	});
});

describe("names of new notes", () => {
	it("never differ only in case from a note of the vault or of this import, even on a disk that tells case apart", async () => {
		const vault = new MemoryVault({ "omnivore/go generics.md": "# Mine\n" });
		// A Linux disk: only the exact name exists.
		vault.exists = async (path) => vault.files.has(path);
		const files = [{ name: "metadata_0_to_2.json", data: JSON.stringify([item("a", "Go Generics"), item("b", "GO GENERICS")]) }];
		const report = await importExport(archiveOf(files).archive, vault, { tidier, folder: "omnivore", dryRun: false });
		expect(report.items.map((i) => i.path)).toEqual(["omnivore/Go Generics (2).md", "omnivore/GO GENERICS (3).md"]);
	});

	it("of an upload move on together when its PDF's name is taken, and a title ending in .pdf names neither twice", async () => {
		const vault = new MemoryVault({});
		vault.files.set("Omnivore/Attention Is All You Need.pdf", PDF_BYTES);
		const files = [
			{ name: "metadata_0_to_3.json", data: JSON.stringify([ITEMS.pdf, item("scan", "Scan 2019.pdf "), item("guide", "A guide to .pdf files.PDF")]) },
			{ name: `content/${ITEMS.pdf.slug}.pdf`, data: PDF_BYTES },
			{ name: `content/${item("scan", "").slug}.pdf`, data: PDF_BYTES },
			{ name: `content/${item("guide", "").slug}.pdf`, data: PDF_BYTES },
		];
		const report = await run(vault, {}, files);
		expect(report.items.map((i) => [i.path, i.pdf])).toEqual([
			["Omnivore/Attention Is All You Need (2).md", "Omnivore/Attention Is All You Need (2).pdf"],
			["Omnivore/Scan 2019.md", "Omnivore/Scan 2019.pdf"],
			["Omnivore/A guide to .pdf files.md", "Omnivore/A guide to .pdf files.pdf"],
		]);
		expect(vault.text("Omnivore/Attention Is All You Need (2).md")).toContain("![[Omnivore/Attention Is All You Need (2).pdf]]");
	});

	it("go to the vault's root when no folder is given", async () => {
		const vault = new MemoryVault({});
		const report = await run(vault, { folder: "" }, [{ name: "metadata_0_to_1.json", data: JSON.stringify([item("a", "Root note")]) }]);
		expect(report.items.map((i) => i.path)).toEqual(["Root note.md"]);
	});
});

describe("a write through a store that records it", () => {
	it("reports a change only when the import changed the note", () => {
		const unchanged = asTidyTransform(() => null)("# Note\n");
		expect(unchanged).toEqual({ text: "# Note\n", report: { isOmnivoreNote: true, changed: false, changes: [], problems: [] } });
		const changed = asTidyTransform((text) => `${text}more\n`)("# Note\n");
		expect(changed).toMatchObject({ text: "# Note\nmore\n", report: { changed: true } });
	});
});

describe("two items of one slug", () => {
	it("each get their note, with the content they share (a merged or hand-made export may repeat a slug)", async () => {
		const vault = new MemoryVault({});
		const files = [
			{ name: "metadata_0_to_2.json", data: JSON.stringify([item("a", "First save", { slug: "same-18f0a0b0c0d" }), item("b", "Second save", { slug: "same-18f0a0b0c0d" })]) },
			{ name: "content/same-18f0a0b0c0d.html", data: "<p>The shared article.</p>" },
		];
		const report = await run(vault, {}, files);
		expect(report.items.map((i) => [i.action, i.path])).toEqual([
			["created", "Omnivore/First save.md"],
			["created", "Omnivore/Second save.md"],
		]);
		expect(vault.text("Omnivore/First save.md")).toContain("The shared article.");
		expect(vault.text("Omnivore/Second save.md")).toContain("The shared article.");
	});
});

describe("an export zipped again in another order", () => {
	it("finds each content wherever it sits: highlights before contents, a later batch first", async () => {
		const byFolder = (name: string) => (name.startsWith("highlights/") ? 0 : name.startsWith("metadata") ? 2 : 1);
		const files = exportFiles()
			.reverse()
			.sort((a, b) => byFolder(a.name) - byFolder(b.name));
		const vault = new MemoryVault({});
		const report = await run(vault, {}, files);
		expect(countActions(report)).toEqual({ created: 9, enriched: 0, unchanged: 0, left: 0 });
		expect(vault.text(outcome(report, "sqlite").path as string)).toContain("## Readers do not block writers");
		expect(vault.text(outcome(report, "sqlite").path as string)).toContain("> Readers and writers can proceed concurrently.");
		expect(report.items.map((i) => i.id)).toEqual(Object.values(ITEMS).map((i) => i.id));
	});
});

describe("an upload whose note cannot be created", () => {
	it("names the PDF already copied, so the user can find it", async () => {
		const vault = new MemoryVault({});
		const create = vault.createNote.bind(vault);
		vault.createNote = (path, text) => (path.startsWith("Omnivore/Attention") ? Promise.reject(new Error("The file name is too long")) : create(path, text));
		const report = await run(vault);
		expect(outcome(report, "pdf")).toMatchObject({
			action: "left",
			failed: true,
			pdf: "Omnivore/Attention Is All You Need.pdf",
			problems: ["Its note could not be created: The file name is too long. Its PDF was copied to Omnivore/Attention Is All You Need.pdf."],
		});
		expect(vault.files.get("Omnivore/Attention Is All You Need.pdf")).toEqual(PDF_BYTES);
	});
});

describe("a vault that lists its notes in another order", () => {
	it("matches the same note: two notes of one id (a copy the user made) go to the first by name", async () => {
		const note = (title: string) => ["---", `id: ${ITEMS.byId.id}`, "---", `# ${title}`, "#Omnivore", ""].join("\n");
		const notes = { "Omnivore/Rust.md": note("Rust"), "Archive/Rust copy.md": note("Rust copy") };
		for (const order of [["Omnivore/Rust.md", "Archive/Rust copy.md"], ["Archive/Rust copy.md", "Omnivore/Rust.md"]]) {
			const vault = new MemoryVault(notes);
			vault.notePaths = async () => order;
			const report = await run(vault, { dryRun: true });
			expect(outcome(report, "byId")).toMatchObject({ action: "enriched", path: "Archive/Rust copy.md" });
		}
	});
});

describe("a note that goes before the import reaches it", () => {
	it("is reported unchanged when the store finds it gone and does not call the import back", async () => {
		const vault = new MemoryVault(VAULT_NOTES);
		const update = vault.updateNote.bind(vault);
		vault.updateNote = async (path, transform) => (path === "Reading/Local-first.md" ? false : update(path, transform));
		const report = await run(vault);
		expect(outcome(report, "byUrl")).toMatchObject({ action: "unchanged", problems: [] });
		expect(outcome(report, "byId").action).toBe("enriched");
	});
});
