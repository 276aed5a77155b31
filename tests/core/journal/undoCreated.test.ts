// Undo of the files a run created (imported notes, copied PDFs and images): removed only while they
// hold what was written, and never a file a note edited since still links to.

import { FakeDataAdapter } from "../../__mocks__/obsidian";
import { Journal } from "../../../src/core/journal/journal";
import { NoteLeftError, type NoteStore } from "../../../src/core/journal/noteStore";
import { LINKED_FROM_KEPT, undoBatch } from "../../../src/core/journal/undoBatch";
import { EDITED_SINCE_CREATED, undoCreated, type CreatedFiles } from "../../../src/core/journal/undoCreated";

const NOTE = "---\ntitle: Rust in 2023\nstatus: unread\n---\n# Rust in 2023\n\n![[Rust in 2023.pdf]]\n";
const PDF = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]);

/** A vault in memory: notes as text, other files as bytes. */
class MemoryVault implements NoteStore, CreatedFiles {
	notes = new Map<string, string>();
	bytes = new Map<string, Uint8Array>();
	removedPaths: string[] = [];
	failRemove = false;

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
			{ path: "Omnivore/Rust in 2023.md", reason: "It was changed after this run created it, so it was kept.", edited: true },
			{ path: "Omnivore/Rust in 2023.pdf", reason: "A note this undo left as it is links to it, so it was kept.", edited: true },
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
		expect(outcome?.skipped.map((s) => s.reason)).toEqual([EDITED_SINCE_CREATED, LINKED_FROM_KEPT]);
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
		expect(outcome?.skipped).toEqual([{ path: "Omnivore/Paper.pdf", reason: EDITED_SINCE_CREATED, edited: true }]);
		expect(vault.removedPaths).toEqual([]);
	});

	it("has nothing to do for a file deleted since, and does not keep its entry", async () => {
		const { journal, vault } = await imported();
		vault.notes.delete("Omnivore/Rust in 2023.md");
		const outcome = await undoBatch(journal, vault, { created: vault });
		expect(outcome?.removed).toEqual(["Omnivore/Rust in 2023.pdf"]);
		expect(outcome?.skipped).toEqual([]);
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
			{ path: "Omnivore/A.md", reason: "This front end cannot remove files; it was left.", edited: false },
		]);
		const second = await imported([["Omnivore/A.md", "# A\n"]]);
		second.vault.failRemove = true;
		expect((await undoBatch(second.journal, second.vault, { created: second.vault }))?.skipped).toEqual([
			{ path: "Omnivore/A.md", reason: "The note could not be written: EBUSY: resource busy. It was left as it was.", edited: false },
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
