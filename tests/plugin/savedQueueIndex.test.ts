/** @jest-environment jsdom */
// The queue index kept between sessions: a start reads only the notes changed since, and anything
// that makes the saved items doubtful (other settings, another version, a torn file) reads them all.
import type { App as ObsidianApp } from "obsidian";
import { NoteTidier } from "../../src/core";
import { QueueIndex } from "../../src/plugin/queue/queueIndex";
import { QUEUE_INDEX_VERSION, type SavedIndexStore } from "../../src/plugin/queue/savedQueueIndex";
import { DEFAULT_SETTINGS, type OmnivoreQueueSettings } from "../../src/plugin/settings";
import { instantClock, settle, startObsidian } from "./harness";

function article(title: string, status: string, extra = ""): string {
	return `---\nid: 1\ntitle: ${title}\nstatus: ${status}\n${extra}---\n#Omnivore\n\nSome words for the reading time.\n`;
}

const NOTES = {
	"Omnivore/a.md": article("A", "unread"),
	"Omnivore/b.md": article("B", "reading"),
	"Omnivore/c.md": article("C", "read", "tags:\n  - rust\n"),
	"Notes/own.md": "---\nid: 7\n---\nMy own note, with an id but nothing else of Omnivore.\n",
	"Notes/plain.md": "Nothing of Omnivore here.\n",
	// No tag, no id: only its link says it is an Omnivore note, and the metadata cache lists no web links.
	"Clippings/linked.md": "# Linked Article\n\n[Read on Omnivore](https://omnivore.app/me/linked-article-18f2a3b4c5d)\n[Read Original](https://example.com/linked)\n\nWords.\n",
};

function memoryStore(): SavedIndexStore & { text: string | null; writes: number } {
	const store = {
		text: null as string | null,
		writes: 0,
		read: () => Promise.resolve(store.text),
		write: (text: string) => {
			store.text = text;
			store.writes++;
			return Promise.resolve();
		},
	};
	return store;
}

async function setUp() {
	const { app } = await startObsidian(NOTES);
	await settle();
	const reads = jest.spyOn(app.vault, "cachedRead");
	const store = memoryStore();
	let settings: OmnivoreQueueSettings = { ...DEFAULT_SETTINGS };
	const tidier = new NoteTidier();
	const start = async () => {
		const index = new QueueIndex(app as unknown as ObsidianApp, { settings: () => settings, tidier: () => tidier, clock: instantClock, savedIndex: () => store });
		reads.mockClear();
		await index.ensureBuilt();
		return index;
	};
	return { app, reads, store, start, setSettings: (s: Partial<OmnivoreQueueSettings>) => (settings = { ...settings, ...s }) };
}

const sorted = (index: QueueIndex) => index.all().sort((a, b) => a.path.localeCompare(b.path));

describe("the saved queue index", () => {
	it("starts again without reading a note, with the same items, the notes found by their text among them", async () => {
		const { reads, store, start } = await setUp();
		const first = await start();
		// Every note in scope is read once: the link-only note is not a candidate of the metadata cache.
		expect(reads).toHaveBeenCalledTimes(6);
		expect(store.writes).toBe(1);
		const second = await start();
		expect(reads).not.toHaveBeenCalled();
		expect(sorted(second)).toEqual(sorted(first));
		expect(sorted(second).map((item) => item.path)).toEqual(["Clippings/linked.md", "Omnivore/a.md", "Omnivore/b.md", "Omnivore/c.md"]);
		// Nothing new to keep: the saved index is not written again.
		expect(store.writes).toBe(1);
	});

	it("reads the notes changed, added or removed since", async () => {
		const { app, reads, start } = await setUp();
		await start();
		const a = app.vault.getFileByPath("Omnivore/a.md");
		if (!a) throw new Error("no a.md");
		await app.vault.modify(a, article("A", "archived"));
		await app.vault.create("Omnivore/d.md", article("D", "unread"));
		const b = app.vault.getFileByPath("Omnivore/b.md");
		if (!b) throw new Error("no b.md");
		await app.fileManager.trashFile(b);
		await settle();
		const index = await start();
		expect(reads.mock.calls.map(([file]) => file.path).sort()).toEqual(["Omnivore/a.md", "Omnivore/d.md"]);
		expect(sorted(index).map((item) => [item.path, item.status])).toEqual([
			["Clippings/linked.md", "unread"],
			["Omnivore/a.md", "archived"],
			["Omnivore/c.md", "read"],
			["Omnivore/d.md", "unread"],
		]);
	});

	it("reads again only the notes whose saved items were damaged (a sync conflict, a hand edit), and shows them as they are", async () => {
		const { reads, store, start } = await setUp();
		const first = await start();
		// Each note a row: path, mtime, size, item (its fields in order: title, author, site, url, tags, status, ...).
		const saved = JSON.parse(store.text ?? "{}") as { notes: Array<[string, unknown, number, unknown[] | null]> };
		const row = (path: string) => saved.notes.find((note) => note[0] === path) ?? [];
		row("Omnivore/a.md")[3]?.splice(0, 1, 123);
		row("Omnivore/b.md")[3]?.splice(5, 1, "someday");
		row("Omnivore/c.md")[1] = "yesterday";
		store.text = JSON.stringify(saved);
		const index = await start();
		expect(reads.mock.calls.map(([file]) => file.path).sort()).toEqual(["Omnivore/a.md", "Omnivore/b.md", "Omnivore/c.md"]);
		expect(sorted(index)).toEqual(sorted(first));
	});

	it("reads every note again under other settings, another index version or a torn file", async () => {
		const { reads, store, start, setSettings } = await setUp();
		await start();
		// Fewer folders to look in change no item: the notes still in scope are kept.
		setSettings({ excludeFolders: ["Notes", "Clippings"] });
		expect(sorted(await start()).map((item) => item.path)).toEqual(["Omnivore/a.md", "Omnivore/b.md", "Omnivore/c.md"]);
		expect(reads).toHaveBeenCalledTimes(0);
		// A setting the items are read with does.
		setSettings({ dateTimeFormat: "YYYY-MM-DD HH:mm" });
		await start();
		expect(reads).toHaveBeenCalledTimes(3);

		store.text = JSON.stringify({ ...(JSON.parse(store.text ?? "{}") as object), version: QUEUE_INDEX_VERSION + 1 });
		await start();
		expect(reads).toHaveBeenCalledTimes(3);

		// In another time zone (a laptop that travelled, a synced vault): dates without one read otherwise.
		const offset = jest.spyOn(Date.prototype, "getTimezoneOffset").mockReturnValue(420);
		await start();
		expect(reads).toHaveBeenCalledTimes(3);
		offset.mockRestore();
		await start();
		expect(reads).toHaveBeenCalledTimes(3);

		// Saved by an earlier version, whose notes were objects under their paths.
		const current = JSON.parse(store.text ?? "{}") as { notes: Array<[string, number, number, unknown]> };
		const asObjects = Object.fromEntries(current.notes.map(([path, mtime, size]) => [path, { mtime, size, item: null }]));
		store.text = JSON.stringify({ ...current, notes: asObjects });
		const fromObjects = await start();
		expect(reads).toHaveBeenCalledTimes(3);
		expect(fromObjects.all()).toHaveLength(3);

		store.text = (store.text ?? "").slice(0, 40);
		const index = await start();
		expect(reads).toHaveBeenCalledTimes(3);
		expect(index.all()).toHaveLength(3);

		// Found by tag alone, only the candidates of the metadata cache are read.
		setSettings({ excludeFolders: [], match: "tag" });
		const byTag = await start();
		expect(reads.mock.calls.map(([file]) => file.path).sort()).toEqual(["Omnivore/a.md", "Omnivore/b.md", "Omnivore/c.md"]);
		expect(byTag.all()).toHaveLength(3);
	});
});
