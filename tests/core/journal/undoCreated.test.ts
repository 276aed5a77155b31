// Undo of the files a run created (imported notes, copied PDFs and images): removed only while they
// hold what was written, and never a file a note edited since still links to.

import { FakeDataAdapter } from "../../__mocks__/obsidian";
import { Journal } from "../../../src/core/journal/journal";
import { NoteLeftError, type NoteStore } from "../../../src/core/journal/noteStore";
import { linkedFromKept, undoBatch } from "../../../src/core/journal/undoBatch";
import { EDITED_SINCE_CREATED, undoCreated, type CreatedFiles } from "../../../src/core/journal/undoCreated";

const NOTE = "---\ntitle: Rust in 2023\nstatus: unread\n---\n# Rust in 2023\n\n![[Rust in 2023.pdf]]\n";
const PDF = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]);

/** A vault in memory: notes as text, other files as bytes. */
class MemoryVault implements NoteStore, CreatedFiles {
	notes = new Map<string, string>();
	bytes = new Map<string, Uint8Array>();
	removedPaths: string[] = [];
	failRemove = false;
	checkWritable?: (path: string) => Promise<void>;

	async read(path: string): Promise<string> {
		const text = this.notes.get(path);
		if (text === undefined) throw new NoteLeftError("unreadable-file", "The note could not be read. It was left as it was.");
		return text;
	}

	async replace(path: string, expected: string, text: string): Promise<boolean> {
		if (this.notes.get(path) !== expected) return false;
		this.notes.set(path, text);
		return true;
	}

	async exists(path: string): Promise<boolean> {
		return this.notes.has(path) || this.bytes.has(path);
	}

	async readBytes(path: string): Promise<Uint8Array> {
		const bytes = this.bytes.get(path);
		if (!bytes) throw new Error(`ENOENT: ${path}`);
		return bytes;
	}

	async *noteTexts(): AsyncIterable<{ path: string; text: string }> {
		for (const [path, text] of [...this.notes]) yield { path, text };
	}

	async remove(path: string): Promise<void> {
		if (this.failRemove) throw new Error("EBUSY: resource busy");
		this.removedPaths.push(path);
		this.notes.delete(path);
		this.bytes.delete(path);
	}
}

/** An import that created a note and the PDF it embeds. */
async function imported(files: Array<[string, string | Uint8Array]> = [["Omnivore/Rust in 2023.md", NOTE], ["Omnivore/Rust in 2023.pdf", PDF]]) {
	const journal = new Journal(new FakeDataAdapter(), "journal");
	const vault = new MemoryVault();
	const batch = await journal.begin("Import Omnivore export");
	for (const [path, content] of files) {
		if (typeof content === "string") vault.notes.set(path, content);
		else vault.bytes.set(path, content);
		await batch.recordCreated(path, content);
	}
	return { journal, vault, batch };
}

/** A note an import created and then tidied in the same batch. */
async function createdThenTidied(current: string) {
	const { journal, vault, batch } = await imported([["Omnivore/A.md", "# A\n"]]);
	await batch.record("Omnivore/A.md", "# A\n", "---\nstatus: unread\n---\n# A\n");
	vault.notes.set("Omnivore/A.md", current);
	return { journal, vault };
}

describe("undo of the folders a run made", () => {
	/** An import that made `Reading/Omnivore` for its note; `holding` says which folders hold anything at undo. */
	async function withFolders(holding: (path: string) => boolean, failRemove = false) {
		const journal = new Journal(new FakeDataAdapter(), "journal");
		const vault = new MemoryVault();
		vault.failRemove = failRemove;
		const asked: string[] = [];
		const batch = await journal.begin("Import Omnivore export");
		await batch.recordCreatedFolder("Reading");
		await batch.recordCreatedFolder("Reading/Omnivore");
		vault.notes.set("Reading/Omnivore/A.md", "# A\n");
		await batch.recordCreated("Reading/Omnivore/A.md", "# A\n");
		const created: CreatedFiles = Object.assign(Object.create(vault) as MemoryVault, {
			removeFolderIfEmpty: async (path: string) => {
				asked.push(path);
				return !holding(path);
			},
		});
		const outcome = await undoBatch(journal, vault, { created });
		return { journal, outcome, asked };
	}

	it("removes them once empty, the deepest first, after the files, counting them as no files", async () => {
		const { journal, outcome, asked } = await withFolders(() => false);
		expect(outcome?.removed).toEqual(["Reading/Omnivore/A.md"]);
		expect(asked).toEqual(["Reading/Omnivore", "Reading"]);
		expect(await journal.latest()).toBeNull();
	});

	it("leaves a folder that holds anything, and forgets it: it is the user's now", async () => {
		const { journal, asked } = await withFolders((path) => path === "Reading");
		expect(asked).toEqual(["Reading/Omnivore", "Reading"]);
		expect(await journal.batches()).toEqual([]);
	});

	it("keeps the entries of folders still holding a file undo could not remove yet, for the next undo", async () => {
		const { journal, outcome } = await withFolders(() => true, true);
		expect(outcome?.incomplete).toBe(true);
		expect((await journal.latest())?.entries.map((e) => [e.path, e.folder ?? false])).toEqual([
			["Reading/Omnivore/A.md", false],
			["Reading/Omnivore", true],
			["Reading", true],
		]);
	});
});

describe("undo of an import", () => {
	it("removes the notes and files it created, and closes the batch", async () => {
		const { journal, vault } = await imported();
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome).toMatchObject({ restored: [], skipped: [], dryRun: false });
		expect(outcome?.removed).toEqual(["Omnivore/Rust in 2023.md", "Omnivore/Rust in 2023.pdf"]);
		expect(vault.notes.size + vault.bytes.size).toBe(0);
		expect(await journal.latest()).toBeNull();
	});

	it("keeps a created note the user wrote in since, and the PDF it still embeds", async () => {
		const { journal, vault } = await imported();
		vault.notes.set("Omnivore/Rust in 2023.md", `${NOTE}\nMy notes on the PDF.\n`);
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.removed).toEqual([]);
		expect(outcome?.skipped).toEqual([
			{ path: "Omnivore/Rust in 2023.md", reason: "It was changed after this run created it, so it was kept.", edited: true, created: true },
			{ path: "Omnivore/Rust in 2023.pdf", reason: '"Omnivore/Rust in 2023.md" links to it, so it was kept.', edited: true, created: true },
		]);
		expect(vault.bytes.get("Omnivore/Rust in 2023.pdf")).toBe(PDF);
		// Both entries stay in the journal: the note's is the only record of what the run created.
		expect((await journal.batches())[0].entries.map((e) => e.path)).toEqual(["Omnivore/Rust in 2023.md", "Omnivore/Rust in 2023.pdf"]);
	});

	it.each([
		["as written", "Rust, Go & C.pdf", "![[Rust, Go & C.pdf]]"],
		["percent-encoded as a path", "Rust, Go & C.pdf", "![](Rust,%20Go%20&%20C.pdf)"],
		["percent-encoded as a URL component", "Rust, Go & C.pdf", "[PDF](Rust%2C%20Go%20%26%20C.pdf)"],
	])("keeps a file a kept note links to by its name %s", async (_name, file, link) => {
		const { journal, vault } = await imported([["Omnivore/Rust.md", "# Rust\n"], [`Omnivore/${file}`, PDF]]);
		vault.notes.set("Omnivore/Rust.md", `# Rust\n\nMine now.\n${link}\n`);
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.skipped.map((s) => s.reason)).toEqual([EDITED_SINCE_CREATED, linkedFromKept("Omnivore/Rust.md")]);
		expect(outcome?.removed).toEqual([]);
	});

	it("removes a file no kept note links to", async () => {
		const { journal, vault } = await imported();
		vault.notes.set("Omnivore/Rust in 2023.md", "# Rust in 2023\n\nRewritten from scratch, without the file.\n");
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.removed).toEqual(["Omnivore/Rust in 2023.pdf"]);
		expect(outcome?.skipped.map((s) => s.path)).toEqual(["Omnivore/Rust in 2023.md"]);
	});

	it("keeps a PDF replaced since by other bytes", async () => {
		const { journal, vault } = await imported([["Omnivore/Paper.pdf", PDF]]);
		vault.bytes.set("Omnivore/Paper.pdf", new Uint8Array([37, 80, 68, 70, 45, 50]));
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.skipped).toEqual([{ path: "Omnivore/Paper.pdf", reason: EDITED_SINCE_CREATED, edited: true, created: true }]);
		expect(vault.removedPaths).toEqual([]);
	});

	it("has nothing to do for a file deleted since, and does not keep its entry", async () => {
		const { journal, vault } = await imported();
		vault.notes.delete("Omnivore/Rust in 2023.md");
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.removed).toEqual(["Omnivore/Rust in 2023.pdf"]);
		expect(outcome?.skipped).toEqual([]);
		// Said all the same: moved or renamed, it is still in the vault, and undo did not take it back.
		expect(outcome?.gone).toEqual(["Omnivore/Rust in 2023.md"]);
		expect(await journal.batches()).toEqual([]);
	});

	it("only says what it would remove in a dry run", async () => {
		const { journal, vault } = await imported();
		const outcome = await undoBatch(journal, vault, { created: vault, dryRun: true });
		expect(outcome?.removed).toEqual(["Omnivore/Rust in 2023.md", "Omnivore/Rust in 2023.pdf"]);
		expect(vault.removedPaths).toEqual([]);
		expect((await journal.latest())?.entries).toHaveLength(2);
	});

	it("leaves the files with a reason when the front end cannot remove files or a removal fails", async () => {
		const first = await imported([["Omnivore/A.md", "# A\n"]]);
		expect((await undoBatch(first.journal, first.vault))?.skipped).toEqual([
			{ path: "Omnivore/A.md", reason: "This front end cannot remove files; it was left.", edited: false, created: true },
		]);
		const second = await imported([["Omnivore/A.md", "# A\n"]]);
		second.vault.failRemove = true;
		expect((await undoBatch(second.journal, second.vault, { created: second.vault }))?.skipped).toEqual([
			{ path: "Omnivore/A.md", reason: "The note could not be written: EBUSY: resource busy. It was left as it was.", edited: false, created: true },
		]);
		expect(second.vault.notes.get("Omnivore/A.md")).toBe("# A\n");
	});

	it("removes a note the same run created and then tidied, while it holds the tidied text", async () => {
		const { journal, vault } = await createdThenTidied("---\nstatus: unread\n---\n# A\n");
		expect((await undoBatch(journal, vault, { created: vault }))?.removed).toEqual(["Omnivore/A.md"]);
		expect(vault.notes.size).toBe(0);
	});

	it("keeps both entries of a created and tidied note edited since, in the order they were written", async () => {
		const { journal, vault } = await createdThenTidied("---\nstatus: unread\n---\n# A\n\nMine.\n");
		const before = (await journal.latest())?.entries;
		expect((await undoBatch(journal, vault, { created: vault }))?.skipped.map((s) => s.reason)).toEqual([EDITED_SINCE_CREATED]);
		expect((await journal.batches())[0].entries).toEqual(before);
	});

	it("does not fail when a kept note can no longer be read, and removes what nothing links to", async () => {
		const { journal, vault } = await imported();
		// A front end that cannot list the vault's notes: only the notes the undo left are read.
		Object.assign(vault, { noteTexts: undefined });
		vault.notes.set("Omnivore/Rust in 2023.md", `${NOTE}\nMine.\n`);
		const read = vault.read.bind(vault);
		let reads = 0;
		vault.read = async (path) => (++reads > 1 ? Promise.reject(new Error("EACCES")) : read(path));
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.removed).toEqual(["Omnivore/Rust in 2023.pdf"]);
	});

	it("says a file deleted since is gone", async () => {
		const { journal, vault } = await imported([["Omnivore/A.md", "# A\n"]]);
		const entries = (await journal.latest())?.entries ?? [];
		vault.notes.delete("Omnivore/A.md");
		expect(await undoCreated("Omnivore/A.md", entries, vault, vault, false)).toEqual({ kind: "gone" });
	});
});

/** A run that downloaded `image` for each note (its proxied link made local), as `images` journals it. */
async function downloaded(journal: Journal, vault: MemoryVault, image: string, notes: string[]) {
	const batch = await journal.begin("Download images");
	if (!vault.bytes.has(image)) {
		vault.bytes.set(image, PNG);
		await batch.recordCreated(image, PNG);
	}
	const name = image.split("/").pop() ?? image;
	for (const note of notes) {
		const before = `# ${note}\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,s1/https://example.com/${name})\n`;
		const after = `# ${note}\n\n![](${encodeURI(name)})\n`;
		await batch.record(note, before, after);
		vault.notes.set(note, after);
	}
}

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

describe("undo of downloaded images", () => {
	it("keeps an image a later run's note still shows, when that run's undo left the note", async () => {
		const journal = new Journal(new FakeDataAdapter(), "journal");
		const vault = new MemoryVault();
		await downloaded(journal, vault, "Omnivore/attachments/chart.png", ["Omnivore/A.md"]);
		// The second run found the same image and took the file the first run made.
		await downloaded(journal, vault, "Omnivore/attachments/chart.png", ["Omnivore/B.md"]);
		vault.notes.set("Omnivore/B.md", `${vault.notes.get("Omnivore/B.md")}My own words.\n`);
		expect((await undoBatch(journal, vault, { created: vault }))?.skipped.map((s) => s.path)).toEqual(["Omnivore/B.md"]);
		const first = await undoBatch(journal, vault, { created: vault });
		expect(first?.restored).toEqual(["Omnivore/A.md"]);
		expect(first?.removed).toEqual([]);
		expect(first?.skipped).toEqual([{ path: "Omnivore/attachments/chart.png", reason: linkedFromKept("Omnivore/B.md"), edited: true, created: true }]);
		expect(vault.bytes.get("Omnivore/attachments/chart.png")).toBe(PNG);
	});

	it("keeps an image a note it could not put back still shows (read-only since)", async () => {
		const journal = new Journal(new FakeDataAdapter(), "journal");
		const vault = new MemoryVault();
		await downloaded(journal, vault, "Omnivore/attachments/chart.png", ["Omnivore/A.md"]);
		vault.checkWritable = async () => {
			throw new NoteLeftError("unwritable-file", "The note is read-only; it was left as it was.");
		};
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.removed).toEqual([]);
		expect(outcome?.skipped.map((s) => [s.path, s.reason])).toEqual([
			["Omnivore/A.md", "The note is read-only; it was left as it was."],
			["Omnivore/attachments/chart.png", linkedFromKept("Omnivore/A.md")],
		]);
	});

	it("keeps an image the user's own note embeds, in any case", async () => {
		const journal = new Journal(new FakeDataAdapter(), "journal");
		const vault = new MemoryVault();
		await downloaded(journal, vault, "Omnivore/attachments/Chart.png", ["Omnivore/A.md"]);
		vault.notes.set("Summaries/Charts I like.md", "# Charts\n\n![[chart.PNG]]\n");
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.restored).toEqual(["Omnivore/A.md"]);
		expect(outcome?.skipped.map((s) => s.reason)).toEqual([linkedFromKept("Summaries/Charts I like.md")]);
	});

	it("removes an image only the notes it put back showed, in a dry run too", async () => {
		const journal = new Journal(new FakeDataAdapter(), "journal");
		const vault = new MemoryVault();
		await downloaded(journal, vault, "Omnivore/attachments/chart one.png", ["Omnivore/A.md", "Omnivore/B.md"]);
		vault.notes.set("Omnivore/Unrelated.md", "# Other\n\n![[chart two.png]] and chart one.jpg\n");
		const dry = await undoBatch(journal, vault, { created: vault, dryRun: true });
		expect(dry?.removed).toEqual(["Omnivore/attachments/chart one.png"]);
		expect(vault.removedPaths).toEqual([]);
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome).toMatchObject({ restored: ["Omnivore/B.md", "Omnivore/A.md"], removed: ["Omnivore/attachments/chart one.png"], skipped: [] });
	});
});

