/** @jest-environment jsdom */
// "Tidy all" and undo while the vault changes under them or the journal was changed by hand: one
// note's trouble is that note's problem, named in the report, and never the end of the run.
// Found by a hostile trial.
import { NoteTidier } from "../../src/core";
import type { BatchPreview } from "../../src/plugin/batch/tidyBatch";
import { tidyAllNotes } from "../../src/plugin/commands/tidyAll";
import { undoLastTidy } from "../../src/plugin/commands/undoLastTidy";
import type { App as ObsidianApp } from "obsidian";
import OmnivoreQueuePlugin from "../../src/plugin/main";
import { fake, manifest, notices, omnivoreNote, settle, startObsidian } from "./harness";

const tidier = new NoteTidier();
// Marked by its Omnivore link alone: the metadata cache does not list it, so the scan reads its text.
const LINKED = "---\ntitle: Labels\n---\n# Labels\n\n[Read on Omnivore](https://omnivore.app/me/labels-18837a1c2d4)\n";
const NOTES = { "Omnivore/a.md": omnivoreNote("A"), "Omnivore/b.md": omnivoreNote("B"), "Clippings/Labels.md": LINKED, "Omnivore/c.md": omnivoreNote("C") };

type Started = Awaited<ReturnType<typeof startObsidian>>;

/** `cachedRead` that fails for one note, as a permission or a cloud placeholder makes it. */
function failingRead(app: Started["app"], path: string): void {
	const read = app.vault.cachedRead.bind(app.vault);
	jest.spyOn(app.vault, "cachedRead").mockImplementation(async (file) => {
		if (file.path === path) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: "EACCES" });
		return read(file);
	});
}

describe("Tidy all while the vault changes", () => {
	it.each(["Omnivore/b.md", "Clippings/Labels.md"])("names a note it cannot read (%s) among the problems, and tidies the others", async (path) => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		failingRead(app, path);
		let preview: BatchPreview | null = null;
		const outcome = await tidyAllNotes(plugin, async (shown) => {
			preview = shown;
			return true;
		});
		expect(notices().filter((notice) => notice.includes("failed"))).toEqual([]);
		expect(preview!.problems).toContainEqual({ path, problems: [{ code: "unreadable-file", message: "The note could not be read: permission was denied." }] });
		expect(outcome?.written).toBe(3);
		expect(app.vault.testText("Omnivore/a.md")).toBe(tidier.tidy(NOTES["Omnivore/a.md"]).text);
		expect(app.vault.testText(path)).toBe(NOTES[path as keyof typeof NOTES]);
	});

	it("passes over a note deleted while it scans (a sync), without a word", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		const read = app.vault.cachedRead.bind(app.vault);
		jest.spyOn(app.vault, "cachedRead").mockImplementation(async (file) => {
			if (file.path === "Omnivore/c.md") {
				await app.fileManager.trashFile(file);
				throw new Error(`File ${file.path} does not exist`);
			}
			return read(file);
		});
		let preview: BatchPreview | null = null;
		const outcome = await tidyAllNotes(plugin, async (shown) => {
			preview = shown;
			return true;
		});
		expect(preview!.problems).toEqual([]);
		expect(outcome?.written).toBe(3);
	});

	it("says in one sentence that a note deleted before Apply was not written", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		await tidyAllNotes(plugin, async () => {
			await app.fileManager.trashFile(app.vault.getFileByPath("Omnivore/b.md")!);
			return true;
		});
		expect(plugin.reports.sections()[0].notes).toContainEqual({ path: "Omnivore/b.md", problems: [{ code: "unwritable-file", message: "The note was moved or deleted." }] });
	});
});

describe("Undo while things change", () => {
	it("writes nothing more once the plugin is turned off half-way, and puts the rest back next time", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const process = app.vault.process.bind(app.vault);
		let turnedOff = false;
		jest.spyOn(app.vault, "process").mockImplementation(async (file, change) => {
			if (!turnedOff) {
				turnedOff = true;
				plugin.unload();
			}
			return process(file, change);
		});
		await undoLastTidy(plugin);
		// The write under way when it was turned off ends; none starts after it.
		const restored = () => Object.keys(NOTES).filter((path) => app.vault.testText(path) === NOTES[path as keyof typeof NOTES]);
		expect(restored()).toHaveLength(1);
		jest.restoreAllMocks();
		const again = new OmnivoreQueuePlugin(app as unknown as ObsidianApp, manifest);
		again.load();
		await fake(again).testLoaded;
		await undoLastTidy(again);
		expect(restored()).toEqual(Object.keys(NOTES));
	});

	it("takes a journal line changed by hand into another shape as unreadable, says so, and undoes the rest", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const batch = (await plugin.journal.latest())!;
		const lines = (await app.vault.adapter.read(batch.file)).split("\n");
		const at = lines.findIndex((line) => line.includes('"Omnivore/a.md"'));
		lines[at] = JSON.stringify({ ...JSON.parse(lines[at]), edits: [null] });
		await app.vault.adapter.write(batch.file, lines.join("\n"));
		await undoLastTidy(plugin);
		expect(notices().at(-1)).toBe('Undid "Tidy all Omnivore notes": 3 notes restored. 1 line of the journal could not be read, so the notes named there were not undone.');
		expect(app.vault.testText("Omnivore/b.md")).toBe(NOTES["Omnivore/b.md"]);
		// Closed: the next undo does not stop on that line again.
		await undoLastTidy(plugin);
		expect(notices().at(-1)).toBe("There is nothing to undo: every run was undone already, or none ran.");
	});
});

afterEach(async () => {
	await settle();
});
