// Tidy-and-record and undo over an in-memory note store: the journal entry is on disk before a note
// is written, an edit made meanwhile is never lost, and undo puts back only what the tidy wrote.

import { FakeDataAdapter } from "../../__mocks__/obsidian";
import { NoteTidier } from "../../../src/core";
import { Journal } from "../../../src/core/journal/journal";
import { LazyBatch } from "../../../src/core/journal/lazyBatch";
import { asNoteLeft, NoteGoneError, NoteLeftError, type NoteStore } from "../../../src/core/journal/noteStore";
import { tidyAndRecord } from "../../../src/core/journal/tidyAndRecord";
import { DAMAGED_ENTRY, EDITED_SINCE, undoBatch } from "../../../src/core/journal/undoBatch";

const PROXY = "https://proxy-prod.omnivore-image-cache.app/0x0,sQ2xKkC8dV0Bv0F2s7YJm2Hq3/";
const note = (title: string) =>
	`---\ntitle: ${title}\ndate_saved: 2024-02-27 01:30:06\n---\n# ${title}\n#Omnivore\n\n![](${PROXY}https://cdn.example/${title.length}.png)\n`;
const tidier = new NoteTidier();
const tidy = (text: string) => tidier.tidy(text);

/** Notes in memory; hooks let a test play a user editing a note at the worst moment. */
class MemoryStore implements NoteStore {
	notes = new Map<string, string>();
	beforeReplace: ((path: string) => void) | null = null;
	unwritable = new Set<string>();
	unreadable = new Set<string>();
	settled: string[] = [];
	reads = 0;

	async read(path: string): Promise<string> {
		this.reads++;
		const text = this.notes.get(path);
		if (this.unreadable.has(path)) throw new NoteLeftError("unreadable-file", "The note could not be read. It was left as it was.");
		if (text === undefined) throw new NoteGoneError("The note was moved or deleted.");
		return text;
	}

	async checkWritable(path: string): Promise<void> {
		if (this.unwritable.has(path)) throw new NoteLeftError("unwritable-file", "The note is read-only. It was left as it was.");
	}

	async replace(path: string, expected: string, text: string): Promise<boolean> {
		this.beforeReplace?.(path);
		if (this.notes.get(path) !== expected) return false;
		this.notes.set(path, text);
		return true;
	}

	async settle(): Promise<string[]> {
		return this.settled;
	}
}

function setUp() {
	const adapter = new FakeDataAdapter();
	const journal = new Journal(adapter, "journal");
	const store = new MemoryStore();
	return { adapter, journal, store, batch: new LazyBatch(journal, "Tidy all Omnivore notes") };
}

describe("tidyAndRecord", () => {
	it("journals the previous text before it writes the note", async () => {
		const { adapter, store, batch } = setUp();
		store.notes.set("Rust.md", note("Rust"));
		let journaledFirst = false;
		store.beforeReplace = () => {
			journaledFirst = [...adapter.files.values()].some((file) => file.data.includes('"path":"Rust.md"'));
		};
		const outcome = await tidyAndRecord(store, "Rust.md", tidy, () => batch.get());
		expect(outcome.written).toBe(true);
		expect(outcome.before).toBe(note("Rust"));
		expect(store.notes.get("Rust.md")).toBe(outcome.result.text);
		expect(store.notes.get("Rust.md")).toContain("![](https://cdn.example/4.png)");
		expect(journaledFirst).toBe(true);
	});

	it("opens no batch for a note that needs nothing", async () => {
		const { journal, store } = setUp();
		const clean = tidy(note("Rust")).text;
		store.notes.set("Rust.md", clean);
		const open = jest.fn(() => journal.begin("never"));
		expect(await tidyAndRecord(store, "Rust.md", tidy, open, clean)).toMatchObject({ written: false, before: clean });
		expect(open).not.toHaveBeenCalled();
		expect(store.reads).toBe(0);
	});

	it("tidies again what the user typed between the read and the write, and keeps it", async () => {
		const { store, batch } = setUp();
		store.notes.set("Rust.md", note("Rust"));
		store.beforeReplace = (path) => {
			store.beforeReplace = null;
			store.notes.set(path, `${store.notes.get(path) ?? ""}My notes.\n`);
		};
		const outcome = await tidyAndRecord(store, "Rust.md", tidy, () => batch.get());
		expect(outcome.written).toBe(true);
		expect(outcome.before).toBe(`${note("Rust")}My notes.\n`);
		expect(store.notes.get("Rust.md")).toMatch(/My notes\.\n$/);
	});

	it("leaves a note someone keeps typing in", async () => {
		const { store, batch } = setUp();
		store.notes.set("Rust.md", note("Rust"));
		store.beforeReplace = (path) => store.notes.set(path, `${store.notes.get(path) ?? ""}.`);
		await expect(tidyAndRecord(store, "Rust.md", tidy, () => batch.get())).rejects.toThrow("kept changing");
		expect(store.notes.get("Rust.md")?.startsWith(note("Rust"))).toBe(true);
	});

	it("tries three times: an edit landing in the first two writes is kept, a third leaves the note", async () => {
		const { store, batch } = setUp();
		store.notes.set("Rust.md", note("Rust"));
		let edits = 2;
		store.beforeReplace = (path) => {
			if (edits-- > 0) store.notes.set(path, `${store.notes.get(path) ?? ""}Typed.\n`);
		};
		const outcome = await tidyAndRecord(store, "Rust.md", tidy, () => batch.get(), note("Rust"));
		expect(outcome.written).toBe(true);
		expect(store.notes.get("Rust.md")).toMatch(/Typed\.\nTyped\.\n$/);
		expect(store.reads).toBe(2);

		store.notes.set("Go.md", note("Go"));
		store.reads = 0;
		store.beforeReplace = (path) => store.notes.set(path, `${store.notes.get(path) ?? ""}.`);
		const left = await tidyAndRecord(store, "Go.md", tidy, () => batch.get()).catch((error: unknown) => error);
		expect(left).toBeInstanceOf(NoteLeftError);
		expect(left).toMatchObject({ code: "unwritable-file" });
		expect(store.reads).toBe(3);
	});

	it("works with a store that has no writability check", async () => {
		const { store, batch } = setUp();
		store.notes.set("Rust.md", note("Rust"));
		const plain: NoteStore = { read: (path) => store.read(path), replace: (path, expected, text) => store.replace(path, expected, text) };
		expect((await tidyAndRecord(plain, "Rust.md", tidy, () => batch.get())).written).toBe(true);
		expect(store.notes.get("Rust.md")).toContain("![](https://cdn.example/4.png)");
	});

	it("leaves a read-only note without opening a batch", async () => {
		const { store, journal } = setUp();
		store.notes.set("Rust.md", note("Rust"));
		store.unwritable.add("Rust.md");
		const open = jest.fn(() => journal.begin("never"));
		await expect(tidyAndRecord(store, "Rust.md", tidy, open)).rejects.toThrow("read-only");
		expect(open).not.toHaveBeenCalled();
	});
});

describe("undoBatch", () => {
	async function tidyAll(titles: string[]) {
		const env = setUp();
		for (const title of titles) env.store.notes.set(`${title}.md`, note(title));
		for (const title of titles) await tidyAndRecord(env.store, `${title}.md`, tidy, () => env.batch.get());
		return env;
	}

	it("has nothing to undo before any tidy", async () => {
		const { journal, store } = setUp();
		expect(await undoBatch(journal, store)).toBeNull();
	});

	it("puts back every tidied note and then goes on to the batch before", async () => {
		const { journal, store } = await tidyAll(["Rust", "Go"]);
		const outcome = await undoBatch(journal, store);
		expect(outcome).toMatchObject({ label: "Tidy all Omnivore notes", skipped: [], dryRun: false });
		expect(outcome?.restored.sort()).toEqual(["Go.md", "Rust.md"]);
		expect(store.notes.get("Rust.md")).toBe(note("Rust"));
		expect(store.notes.get("Go.md")).toBe(note("Go"));
		expect(await undoBatch(journal, store)).toBeNull();
	});

	it("leaves a note edited since, and keeps its entry in the batch", async () => {
		const { journal, store } = await tidyAll(["Rust", "Go"]);
		const edited = `${store.notes.get("Go.md") ?? ""}My notes.\n`;
		store.notes.set("Go.md", edited);
		const outcome = await undoBatch(journal, store);
		expect(outcome?.restored).toEqual(["Rust.md"]);
		expect(outcome?.skipped).toEqual([{ path: "Go.md", reason: "It was edited after this run wrote it, so it was left as it is.", edited: true }]);
		expect(store.notes.get("Go.md")).toBe(edited);
		const batches = await journal.batches();
		expect(batches[0].undoneAt).toEqual(expect.any(Number));
		expect(batches[0].entries.map((e) => e.path)).toEqual(["Go.md"]);
	});

	it("leaves a note whose entry was changed by hand, and keeps the entry", async () => {
		const { adapter, journal, store } = await tidyAll(["Rust", "Go"]);
		const tidiedGo = store.notes.get("Go.md");
		for (const file of adapter.files.values()) {
			// Someone edits the journal: Go's reverse edits now lead to a text it never held.
			file.data = file.data.replace(/("path":"Go\.md".*?"edits":\[\[\d+,\d+,")/, "$1EDITED BY HAND ");
		}
		const outcome = await undoBatch(journal, store);
		expect(outcome?.restored).toEqual(["Rust.md"]);
		expect(outcome?.skipped).toEqual([{ path: "Go.md", reason: DAMAGED_ENTRY, edited: false, damaged: true }]);
		expect(outcome?.incomplete).toBe(false);
		expect(store.notes.get("Go.md")).toBe(tidiedGo);
		expect((await journal.batches())[0].entries.map((e) => e.path)).toEqual(["Go.md"]);
	});

	it("puts notes back through a store that has no writability check", async () => {
		const { journal, store } = await tidyAll(["Rust"]);
		const plain: NoteStore = { read: (path) => store.read(path), replace: (path, expected, text) => store.replace(path, expected, text) };
		expect((await undoBatch(journal, plain))?.restored).toEqual(["Rust.md"]);
		expect(store.notes.get("Rust.md")).toBe(note("Rust"));
	});

	it("only says what it would do in a dry run", async () => {
		const { journal, store } = await tidyAll(["Rust"]);
		const tidied = store.notes.get("Rust.md");
		expect(await undoBatch(journal, store, { dryRun: true })).toMatchObject({ restored: ["Rust.md"], dryRun: true });
		expect(store.notes.get("Rust.md")).toBe(tidied);
		expect((await journal.latest())?.entries).toHaveLength(1);
	});

	it("leaves notes it cannot read or write, with the reason", async () => {
		const { journal, store } = await tidyAll(["Rust", "Go"]);
		store.unreadable.add("Rust.md");
		store.unwritable.add("Go.md");
		const outcome = await undoBatch(journal, store);
		expect(outcome?.restored).toEqual([]);
		expect(outcome?.skipped.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
			{ path: "Go.md", reason: "The note is read-only. It was left as it was.", edited: false },
			{ path: "Rust.md", reason: "The note could not be read. It was left as it was.", edited: false },
		]);
	});

	it("takes the same batch again while it left notes for a reason that can be put right (read-only, a full disk), then the one before", async () => {
		const { journal, store } = await tidyAll(["Rust", "Go", "Zig"]);
		store.unwritable.add("Go.md");
		const edited = `${store.notes.get("Zig.md") ?? ""}My notes.\n`;
		store.notes.set("Zig.md", edited);
		expect(await undoBatch(journal, store)).toMatchObject({ restored: ["Rust.md"], incomplete: true });
		expect(await undoBatch(journal, store, { dryRun: true })).toMatchObject({ restored: [], incomplete: true });
		store.unwritable.delete("Go.md");
		const again = await undoBatch(journal, store);
		expect(again).toMatchObject({ restored: ["Go.md"], skipped: [{ path: "Zig.md", reason: EDITED_SINCE, edited: true }], incomplete: false });
		expect(store.notes.get("Go.md")).toBe(note("Go"));
		expect(store.notes.get("Zig.md")).toBe(edited);
		expect(await undoBatch(journal, store)).toBeNull();
		// The edited note's text from before the tidy is still in the journal.
		expect((await journal.batches())[0].entries.map((e) => e.path)).toEqual(["Zig.md"]);
	});

	it("counts a note moved or deleted since as the user's change: the batch is done with", async () => {
		const { journal, store } = await tidyAll(["Rust", "Go"]);
		store.notes.delete("Rust.md");
		const outcome = await undoBatch(journal, store);
		expect(outcome).toMatchObject({ restored: ["Go.md"], skipped: [{ path: "Rust.md", reason: "The note was moved or deleted.", edited: true }], incomplete: false });
		expect(await undoBatch(journal, store)).toBeNull();
	});

	it("counts a note edited between its read and its restore as edited since", async () => {
		const { journal, store } = await tidyAll(["Rust"]);
		store.beforeReplace = (path) => store.notes.set(path, "typed over");
		const outcome = await undoBatch(journal, store);
		expect(outcome?.skipped).toEqual([{ path: "Rust.md", reason: EDITED_SINCE, edited: true }]);
		expect(store.notes.get("Rust.md")).toBe("typed over");
	});

	it("counts a note an edit reached while it was restored as edited since", async () => {
		const { journal, store } = await tidyAll(["Rust", "Go"]);
		store.settled = ["Go.md"];
		const outcome = await undoBatch(journal, store);
		expect(outcome?.restored).toEqual(["Rust.md"]);
		expect(outcome?.skipped).toEqual([{ path: "Go.md", reason: EDITED_SINCE, edited: true }]);
		expect((await journal.batches())[0].entries.map((e) => e.path)).toEqual(["Go.md"]);
	});
});

describe("asNoteLeft", () => {
	it("turns any failure into a sentence about the note", () => {
		const left = new NoteLeftError("unreadable-file", "The note could not be read. It was left as it was.");
		expect(asNoteLeft(left)).toBe(left);
		expect(String(left)).toBe("NoteLeftError: The note could not be read. It was left as it was.");
		expect(asNoteLeft(new Error("EACCES: permission denied")).message).toBe(
			"The note could not be written: EACCES: permission denied. It was left as it was.",
		);
		expect(asNoteLeft("disk full")).toMatchObject({ code: "unwritable-file", message: "The note could not be written: disk full. It was left as it was." });
	});
});
