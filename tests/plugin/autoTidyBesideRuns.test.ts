/** @jest-environment jsdom */
// Automatic cleanup beside everything else that happens in a vault: a command's run (an undo above
// all), a journal folder deleted by hand, a note opened while its cleanup is under way, a read that
// fails. Found by a hostile trial; each case lost an undo record or broke a promise of decision 0027.
import { NoteTidier } from "../../src/core";
import { tidyAllNotes } from "../../src/plugin/commands/tidyAll";
import { undoLastTidy } from "../../src/plugin/commands/undoLastTidy";
import { FAILURES_GATHERED_MS } from "../../src/plugin/autoTidy/autoTidy";
import { Notice } from "../__mocks__/obsidian";
import { manifest, notices, omnivoreNote, quiet, runCommand, settle, startObsidian, until } from "./harness";

const tidier = new NoteTidier();
/** Past the second in which cleanup gathers failures into one notice: a failure is shown and logged by then. */
const failuresShown = () => quiet(FAILURES_GATHERED_MS + 100);

describe("automatic cleanup beside a command's run", () => {
	it("waits while an undo takes back its own batch, so the note it tidies next can be undone too", async () => {
		const { app, plugin } = await startObsidian({});
		await app.vault.create("Omnivore/First.md", omnivoreNote("First"));
		await quiet();
		// The undo's write takes a while (a slow disk, a sync lock); a synced note arrives meanwhile.
		const process = app.vault.process.bind(app.vault);
		let arrived = false;
		jest.spyOn(app.vault, "process").mockImplementation(async (file, change) => {
			if (file.path === "Omnivore/First.md" && !arrived) {
				arrived = true;
				await app.vault.create("Omnivore/Second.md", omnivoreNote("Second"));
				await quiet();
				// Not during the undo: its entry would go into the batch the undo then deletes.
				expect(app.vault.testText("Omnivore/Second.md")).toBe(omnivoreNote("Second"));
			}
			return process(file, change);
		});
		await undoLastTidy(plugin);
		expect(app.vault.testText("Omnivore/First.md")).toBe(omnivoreNote("First"));
		await quiet();
		expect(app.vault.testText("Omnivore/Second.md")).toBe(tidier.tidy(omnivoreNote("Second")).text);
		await undoLastTidy(plugin);
		expect(app.vault.testText("Omnivore/Second.md")).toBe(omnivoreNote("Second"));
	});

	it("lets a cleanup already writing end before an undo reads the batch", async () => {
		const { app, plugin } = await startObsidian({});
		await app.vault.create("a.md", omnivoreNote("A"));
		await quiet();
		// The next cleanup's journal append is slow; the user asks for an undo while it is under way.
		const adapter = app.vault.adapter;
		const append = adapter.append.bind(adapter);
		const asked: { undo?: Promise<unknown> } = {};
		jest.spyOn(adapter, "append").mockImplementation(async (path, data) => {
			if (asked.undo === undefined && data.includes('"b.md"')) {
				asked.undo = undoLastTidy(plugin);
				await quiet(30);
			}
			return append(path, data);
		});
		await app.vault.create("b.md", omnivoreNote("B"));
		await quiet();
		expect(asked.undo).toBeDefined();
		await asked.undo;
		// The undo took back the whole batch, the note written while it waited included.
		expect(app.vault.testText("a.md")).toBe(omnivoreNote("A"));
		expect(app.vault.testText("b.md")).toBe(omnivoreNote("B"));
	});
});

describe("automatic cleanup after an undo", () => {
	it("leaves a new note the user tidied, then undid, while it was open", async () => {
		const { app, plugin } = await startObsidian({});
		const text = omnivoreNote("Fresh");
		await app.vault.create("Inbox/Fresh.md", text);
		await settle();
		const view = await app.workspace.testOpenInEditor("Inbox/Fresh.md");
		await runCommand(plugin, "tidy-current-note");
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("Inbox/Fresh.md")).toBe(text);
		view.leaf.detach();
		await quiet();
		expect(app.vault.testText("Inbox/Fresh.md")).toBe(text);
		expect(await plugin.journal.latest()).toBeNull();
	});

	it("leaves a note that arrived just before a Tidy all undone at once", async () => {
		const { app, plugin } = await startObsidian({}, { autoTidyDelaySeconds: 0.3 });
		const text = omnivoreNote("Fresh");
		await app.vault.create("Inbox/Fresh.md", text);
		await settle();
		await tidyAllNotes(plugin, async () => true);
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("Inbox/Fresh.md")).toBe(text);
		await quiet(600);
		expect(app.vault.testText("Inbox/Fresh.md")).toBe(text);
	});
});

describe("automatic cleanup of a note moved or deleted while it runs", () => {
	/** The user renames or deletes the note just as its cleanup journals it, between its read and its write. */
	function atFirstJournalEntry(app: Awaited<ReturnType<typeof startObsidian>>["app"], act: () => Promise<void>): void {
		const adapter = app.vault.adapter;
		const append = adapter.append.bind(adapter);
		let done = false;
		jest.spyOn(adapter, "append").mockImplementation(async (path, data) => {
			if (!done) {
				done = true;
				await act();
			}
			return append(path, data);
		});
	}

	it("tidies a note renamed meanwhile where it is now, without a word of failure", async () => {
		const { app } = await startObsidian({});
		const text = omnivoreNote("Renamed");
		await app.vault.create("Inbox/Renamed.md", text);
		await settle();
		atFirstJournalEntry(app, () => app.vault.rename(app.vault.getFileByPath("Inbox/Renamed.md")!, "Omnivore/Renamed.md"));
		const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
		Notice.shown = [];
		await quiet();
		await quiet();
		expect(app.vault.testText("Omnivore/Renamed.md")).toBe(tidier.tidy(text).text);
		await failuresShown();
		expect(notices()).toEqual([]);
		expect(logged).not.toHaveBeenCalled();
		logged.mockRestore();
	});

	it("says nothing of a note deleted meanwhile", async () => {
		const { app } = await startObsidian({});
		await app.vault.create("Inbox/Deleted.md", omnivoreNote("Deleted"));
		await settle();
		atFirstJournalEntry(app, () => app.fileManager.trashFile(app.vault.getFileByPath("Inbox/Deleted.md")!));
		const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
		Notice.shown = [];
		await quiet();
		await failuresShown();
		expect(notices()).toEqual([]);
		expect(logged).not.toHaveBeenCalled();
		logged.mockRestore();
	});
});

describe("automatic cleanup when its journal folder was deleted", () => {
	it("starts a new batch and goes on tidying, undoably", async () => {
		const { app, plugin } = await startObsidian({});
		await app.vault.create("One.md", omnivoreNote("One"));
		await quiet();
		// The user (or a sync tool, or a clean-up of plugin data) removes the plugin's journal folder.
		const folder = `${manifest.dir}/journal`;
		for (const path of [...app.vault.adapter.files.keys()].filter((p) => p.startsWith(`${folder}/`))) await app.vault.adapter.remove(path);
		app.vault.adapter.folders.delete(folder);
		Notice.shown = [];
		await app.vault.create("Two.md", omnivoreNote("Two"));
		await quiet();
		await failuresShown();
		expect(notices()).toEqual([]);
		expect(app.vault.testText("Two.md")).toBe(tidier.tidy(omnivoreNote("Two")).text);
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("Two.md")).toBe(omnivoreNote("Two"));
	});
});

describe("automatic cleanup and the user's tabs", () => {
	it("does not change a note opened while its cleanup is under way, and tidies it once closed", async () => {
		const { app } = await startObsidian({});
		const text = omnivoreNote("Racing");
		await app.vault.create("Inbox/Racing.md", text);
		await settle();
		// The note is opened just as the cleanup writes its journal entry, after it found the note closed.
		const adapter = app.vault.adapter;
		const append = adapter.append.bind(adapter);
		let view: Awaited<ReturnType<typeof app.workspace.testOpenInEditor>> | null = null;
		jest.spyOn(adapter, "append").mockImplementation(async (path, data) => {
			view ??= await app.workspace.testOpenInEditor("Inbox/Racing.md");
			return append(path, data);
		});
		await quiet();
		expect(view).not.toBeNull();
		expect(app.vault.testText("Inbox/Racing.md")).toBe(text);
		await failuresShown();
		expect(notices()).toEqual([]);
		view!.leaf.detach();
		await quiet();
		expect(app.vault.testText("Inbox/Racing.md")).toBe(tidier.tidy(text).text);
	});

	it("reports a note it cannot read in one notice naming it, and leaves it", async () => {
		const { app } = await startObsidian({});
		// Logged for the developer console too.
		const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
		const rejections: unknown[] = [];
		const onRejection = (reason: unknown) => rejections.push(reason);
		process.on("unhandledRejection", onRejection);
		try {
			// Marked by its Omnivore link alone (the cache does not list it): cleanup reads its text to decide.
			const text = "---\ntitle: Labels\n---\n# Labels\n\n[Read on Omnivore](https://omnivore.app/me/labels-18837a1c2d4)\n";
			const cachedRead = app.vault.cachedRead.bind(app.vault);
			jest.spyOn(app.vault, "cachedRead").mockImplementation(async (file) => {
				if (file.path === "Clippings/Labels.md") throw Object.assign(new Error("EBUSY: resource busy or locked"), { code: "EBUSY" });
				return cachedRead(file);
			});
			Notice.shown = [];
			await app.vault.create("Clippings/Labels.md", text);
			await quiet();
			expect(app.vault.testText("Clippings/Labels.md")).toBe(text);
		} finally {
			process.off("unhandledRejection", onRejection);
		}
		expect(rejections).toEqual([]);
		await until(() => notices().length > 0);
		expect(notices()).toEqual(["Automatic cleanup failed for Clippings/Labels.md: the file is in use by another program."]);
		expect(logged).toHaveBeenCalledWith("Omnivore Queue: Automatic cleanup failed for Clippings/Labels.md", expect.any(Error));
	});

	it("shows the failures of many notes arriving at once (a sync onto a full disk) in one notice, not one each", async () => {
		const { app } = await startObsidian({});
		const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
		jest.spyOn(app.vault.adapter, "append").mockRejectedValue(Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }));
		Notice.shown = [];
		const titles = ["One", "Two", "Three", "Four", "Five"];
		for (const title of titles) await app.vault.create(`Omnivore/${title}.md`, omnivoreNote(title));
		await quiet();
		await until(() => notices().length > 0);
		await quiet(200);
		// Left as they were: the journal could not record them, so nothing was written.
		for (const title of titles) expect(app.vault.testText(`Omnivore/${title}.md`)).toBe(omnivoreNote(title));
		expect(notices()).toEqual(["Automatic cleanup failed for 5 notes, such as Omnivore/One.md: the disk is full. The developer console lists them all."]);
		// Each is logged with its path for the developer console.
		for (const title of titles) expect(logged).toHaveBeenCalledWith(`Omnivore Queue: Automatic cleanup failed for Omnivore/${title}.md`, expect.any(Error));
	});
});
