// What undo writes back into a note, from entries recorded the way a tidy records them.

import { FakeDataAdapter } from "../../__mocks__/obsidian";
import { NoteTidier } from "../../../src/core";
import { hashText } from "../../../src/core/hash";
import { Journal, type JournalEntry } from "../../../src/core/journal/journal";
import { decideRestore, earlierText, entriesByNote } from "../../../src/core/journal/restore";

const PROXY = "https://proxy-prod.omnivore-image-cache.app/0x0,sQ2xKkC8dV0Bv0F2s7YJm2Hq3/";
const SAVED = [
	"---",
	"id: 6b2f7b3c-6a8e-11ee-8c99-0242ac120002",
	"title: The Rust Programming Language",
	"date_saved: 2024-02-27 01:30:06",
	"---",
	"# The Rust Programming Language",
	"#Omnivore",
	"",
	`![cover](${PROXY}https://doc.rust-lang.org/book/img/ferris/unsafe.svg)`,
	"",
].join("\n");

/** Entries as the journal stores them when the engine tidies `texts` one after the other. */
async function journaled(path: string, texts: string[]): Promise<JournalEntry[]> {
	const journal = new Journal(new FakeDataAdapter(), "journal");
	const batch = await journal.begin("tidy");
	for (let i = 1; i < texts.length; i++) await batch.record(path, texts[i - 1], texts[i]);
	return (await journal.latest())?.entries ?? [];
}

describe("undo of one note", () => {
	const tidied = new NoteTidier().tidy(SAVED).text;

	it("puts back a tidied note", async () => {
		const entries = await journaled("Omnivore/Rust.md", [SAVED, tidied]);
		expect(tidied).not.toBe(SAVED);
		expect(decideRestore(tidied, entries)).toEqual({ kind: "restore", text: SAVED });
	});

	it("leaves a note the user edited since the tidy, even though its entry knows the text before", async () => {
		const [entry] = await journaled("Omnivore/Rust.md", [SAVED, tidied]);
		expect(entry.beforeHash).toBe(hashText(SAVED));
		const edited = tidied.replace("#Omnivore\n", "#Omnivore\n\nMy notes on chapter 19.\n");
		expect(decideRestore(edited, [entry])).toEqual({ kind: "edited" });
	});

	it("does nothing to a note the tidy never got to write", async () => {
		const [entry] = await journaled("Omnivore/Rust.md", [SAVED, tidied]);
		expect(decideRestore(SAVED, [entry])).toEqual({ kind: "unchanged" });
	});

	it("undoes the newer tidy when an older entry was a write that never happened", () => {
		// Run 1 journaled a change and was killed before writing it; run 2 then tidied the original.
		const neverWritten = SAVED.replace("date_saved: 2024-02-27 01:30:06", "date_saved: 2024-02-27T01:30:06");
		const older: JournalEntry = { path: "a.md", before: SAVED, afterHash: hashText(neverWritten), beforeHash: hashText(SAVED) };
		const newer: JournalEntry = { path: "a.md", before: SAVED, afterHash: hashText(tidied), beforeHash: hashText(SAVED) };
		expect(decideRestore(tidied, [newer, older])).toEqual({ kind: "restore", text: SAVED });
	});

	it("has nothing to undo without entries", () => {
		expect(decideRestore(tidied, [])).toEqual({ kind: "unchanged" });
	});
});

describe("entriesByNote", () => {
	it("groups a batch's entries by note, newest first", () => {
		const entry = (path: string, before: string): JournalEntry => ({ path, before, afterHash: hashText(`${before}, tidied`) });
		const batch = [entry("a.md", "a v1"), entry("b.md", "b v1"), entry("a.md", "a v2"), entry("a.md", "a v3")];
		const grouped = entriesByNote(batch);
		expect([...grouped.keys()].sort()).toEqual(["a.md", "b.md"]);
		expect(grouped.get("a.md")?.map((e) => e.before)).toEqual(["a v3", "a v2", "a v1"]);
		expect(grouped.get("b.md")?.map((e) => e.before)).toEqual(["b v1"]);
	});
});

describe("an entry that does not rebuild what it recorded", () => {
	// A journal changed or cut by hand: its edits no longer lead back to the text whose hash it keeps.
	const result = new NoteTidier().tidy(SAVED);
	const tidied = result.text;

	async function damagedEntries(): Promise<JournalEntry[]> {
		const journal = new Journal(new FakeDataAdapter(), "journal");
		await (await journal.begin("tidy")).record("Omnivore/Rust.md", SAVED, tidied, result.report.changes);
		const [entry] = (await journal.latest())?.entries ?? [];
		expect(entry.edits?.length).toBeGreaterThan(0);
		const edits = (entry.edits ?? []).map(([start, length, text]) => [start, length, `${text}!`] as [number, number, string]);
		return [{ ...entry, edits }];
	}

	it("leaves the note as it is rather than write a text that was never there", async () => {
		expect(decideRestore(tidied, await damagedEntries())).toEqual({ kind: "damaged" });
	});

	it("gives no earlier text to show", async () => {
		expect(earlierText(tidied, await damagedEntries())).toBeNull();
	});

	it("is still undone when it holds the whole text before", async () => {
		const [entry] = await damagedEntries();
		expect(decideRestore(tidied, [{ ...entry, edits: undefined, before: SAVED }])).toEqual({ kind: "restore", text: SAVED });
	});
});
