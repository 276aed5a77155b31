/** @jest-environment jsdom */
import { NoteTidier, type ImportReport } from "../../src/core";
import { defaultDialogs, importOmnivoreExport } from "../../src/plugin/commands/importOmnivoreExport";
import type { ImportPreviewModal } from "../../src/plugin/import/importPreviewModal";
import { exportFiles, ITEMS, PDF_BYTES, zipOf } from "../core/import/exportFixture";
import { VAULT_NOTES } from "../core/import/memoryVault";
import { Notice } from "../__mocks__/obsidian";
import { lastModal, notices, runCommand, settle, startObsidian } from "./harness";

// Obsidian (Electron, mobile WebViews) has TextDecoder; jsdom does not.
const nodeUtil = jest.requireActual<typeof import("node:util")>("node:util");
Object.assign(globalThis, { TextDecoder: nodeUtil.TextDecoder, TextEncoder: nodeUtil.TextEncoder });

const tidier = new NoteTidier();

/** The picked file, as a Blob that is read in slices. */
function pickedFile(bytes: Uint8Array): Blob {
	const slice = (start: number, end: number) => ({ arrayBuffer: async () => bytes.slice(start, end).buffer });
	return { size: bytes.length, slice } as unknown as Blob;
}

function dialogs(bytes: Uint8Array, seen: ImportReport[] = [], folder: string | null = "Omnivore") {
	return {
		pickFile: async () => pickedFile(bytes),
		confirm: async (plan: ImportReport) => {
			seen.push(plan);
			return folder;
		},
	};
}

const CREATED = "Omnivore/How SQLite Scales Read Concurrency.md";

describe("Import Omnivore export…", () => {
	it("previews, then creates and completes notes in one journaled batch that undo takes back", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		const plans: ImportReport[] = [];
		const report = await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles()), plans));
		expect(plans[0].items.filter((i) => i.action === "created")).toHaveLength(6);
		expect(app.vault.getMarkdownFiles()).toHaveLength(Object.keys(VAULT_NOTES).length + 6);
		expect(report?.items.filter((i) => i.action === "enriched")).toHaveLength(3);
		const created = app.vault.testText(CREATED) ?? "";
		expect(created).toContain(`id: ${ITEMS.sqlite.id}`);
		expect(tidier.tidy(created).text).toBe(created);
		const pdf = app.vault.getFileByPath("Omnivore/Attention Is All You Need.pdf");
		expect(new Uint8Array(await app.vault.readBinary(pdf as never))).toEqual(PDF_BYTES);
		expect(notices().at(-1)).toBe("6 notes created, 3 completed. 1 article with problems.Show reportUndo");

		await runCommand(plugin, "undo-last-tidy");
		expect(notices().at(-1)).toBe('Undid "Import Omnivore export": 3 notes restored, 7 files it created removed.');
		expect(app.vault.getFileByPath(CREATED)).toBeNull();
		expect(app.vault.getFileByPath("Omnivore/Attention Is All You Need.pdf")).toBeNull();
		for (const [path, text] of Object.entries(VAULT_NOTES)) expect(app.vault.testText(path)).toBe(text);
	});

	it("says which created notes undo found no longer where it put them", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles())));
		await app.fileManager.trashFile(app.vault.getFileByPath(CREATED) as never);
		await runCommand(plugin, "undo-last-tidy");
		expect(notices().at(-1)).toBe('Undid "Import Omnivore export": 3 notes restored, 6 files it created removed. 1 file it created was no longer where it put it (deleted, moved or renamed since), so not removed.');
	});

	it("creates notes automatic cleanup finds tidy: it writes nothing after, so the import stays the run undo takes", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES);
		const seen = app.vault.testWrites.length;
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles())));
		const written = app.vault.testWrites.length;
		await new Promise((resolve) => setTimeout(resolve, 150));
		await settle();
		expect(app.vault.testWrites.length).toBe(written);
		expect(written).toBeGreaterThan(seen);
		expect((await plugin.journal.batches()).map((b) => b.label)).toEqual(["Import Omnivore export"]);
		await runCommand(plugin, "show-tidy-report");
		expect(lastModal<{ contentEl: HTMLElement }>().contentEl.textContent).not.toContain("Automatic cleanup");
	});

	it("never removes an imported note the user edited since", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles())));
		const file = app.vault.getFileByPath(CREATED);
		const edited = `${app.vault.testText(CREATED) ?? ""}\nMy thoughts.\n`;
		await app.vault.modify(file as never, edited);
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText(CREATED)).toBe(edited);
		expect(notices().at(-1)).toBe('Undid "Import Omnivore export": 3 notes restored, 6 files it created removed. 1 note had changed since, so it was left as it is.Show report');
	});

	it("writes nothing when the preview is cancelled, and says why a file cannot be imported", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles()), [], null));
		expect(app.vault.getMarkdownFiles()).toHaveLength(Object.keys(VAULT_NOTES).length);
		await importOmnivoreExport(plugin, dialogs(new TextEncoder().encode("not a zip")));
		expect(notices().at(-1)).toBe("This file cannot be imported: it is not a zip file.");
		expect(app.vault.getMarkdownFiles()).toHaveLength(Object.keys(VAULT_NOTES).length);
	});
});

describe("the import preview", () => {
	it("says what would be created and completed, lists the problems, and asks for the folder", async () => {
		const { plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		const seen: ImportReport[] = [];
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles()), seen, null));
		const answer = defaultDialogs(plugin).confirm(seen[0], "Omnivore");
		const modal = lastModal<ImportPreviewModal>().contentEl;
		expect(modal.querySelector(".omnivore-queue-summary")?.textContent).toBe(
			"9 articles in the export: 6 new notes, 3 notes of yours to complete, 0 notes already complete.",
		);
		expect(modal.textContent).toContain("How SQLite Scales Read Concurrency.md");
		expect(modal.textContent).toContain("Left for you (1)The Case for Slow Reading: The export holds no content for it");
		const input = modal.querySelector("input") as HTMLInputElement;
		const importButton = modal.querySelector("button.mod-cta") as HTMLButtonElement;
		input.value = "../outside";
		importButton.click();
		expect(modal.querySelector(".mod-warning")?.textContent).toBe('The folder must be a folder inside the vault, such as Omnivore or Reading/Omnivore, not "../outside".');
		input.value = "/Reading/Saved/";
		importButton.click();
		await expect(answer).resolves.toBe("Reading/Saved");
	});

	it("gives Obsidian's interface a turn while it reads and writes", async () => {
		const { plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		let now = 0;
		let yields = 0;
		// Every reading of the clock is 10 ms later: a 25 ms budget is spent every third unit of work.
		plugin.clock = { now: () => (now += 10), yieldToUi: async () => void yields++ };
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles())));
		// 28 units of work (5 notes and 9 articles, in the preview and in the import): a turn about every third.
		expect(yields).toBe(8);
	});

	it("stops when its progress notice is cancelled, keeps what it wrote, and undo takes that back", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		let clicked = false;
		let now = 0;
		let turns = 0;
		plugin.clock = {
			now: () => (now += 30),
			// While the import runs (its progress notice has a Cancel button), the user presses it.
			yieldToUi: async () => {
				const cancel = [...Notice.shown].reverse().map((n) => n.messageEl.querySelector("button")).find((b) => b?.textContent === "Cancel");
				if (cancel && !clicked && ++turns === 8) {
					cancel.click();
					clicked = true;
				}
			},
		};
		const stopping = dialogs(zipOf(exportFiles()));
		const report = await importOmnivoreExport(plugin, stopping);
		expect(turns).toBe(8);
		expect(clicked).toBe(true);
		expect(report?.cancelled).toBe(true);
		// The report names only what was written: created notes exist, the rest were not reached.
		const created = report?.items.filter((i) => i.action === "created") ?? [];
		for (const item of created) expect(app.vault.getFileByPath(item.path as string)).not.toBeNull();
		expect(created.length + (report?.items.filter((i) => i.action === "enriched").length ?? 0)).toBeLessThan(9);
		expect(app.vault.getMarkdownFiles()).toHaveLength(Object.keys(VAULT_NOTES).length + created.length);
		expect(notices().at(-1)).toMatch(/^Stopped: /);
		await runCommand(plugin, "undo-last-tidy");
		for (const [path, text] of Object.entries(VAULT_NOTES)) expect(app.vault.testText(path)).toBe(text);
		expect(app.vault.getMarkdownFiles()).toHaveLength(Object.keys(VAULT_NOTES).length);
	});

	it("stops between articles when the plugin is unloaded, and writes nothing after", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		const create = app.vault.create.bind(app.vault);
		let created = 0;
		let writesAtUnload = -1;
		jest.spyOn(app.vault, "create").mockImplementation(async (path, data) => {
			const file = await create(path, data);
			if (++created === 2) {
				writesAtUnload = app.vault.testWrites.length;
				plugin.unload();
			}
			return file;
		});
		const report = await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles())));
		expect(report?.cancelled).toBe(true);
		expect(created).toBe(2);
		expect(app.vault.testWrites).toHaveLength(writesAtUnload);
	});

	it("puts new notes in the folder chosen", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles()), [], "Reading/Saved"));
		expect(app.vault.getFileByPath("Reading/Saved/How SQLite Scales Read Concurrency.md")).not.toBeNull();
		expect(app.vault.getFileByPath("Reading/Saved/Attention Is All You Need.pdf")).not.toBeNull();
		expect(app.vault.testText("Reading/Saved/Attention Is All You Need.md")).toContain("![[Reading/Saved/Attention Is All You Need.pdf]]");

		// Undo takes back the folder it made, once empty, and not the one that was there.
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.getFolderByPath("Reading/Saved")).toBeNull();
		expect(app.vault.getFolderByPath("Reading")).not.toBeNull();
	});

	it("leaves a folder it made that holds a note of the user's since", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles()), [], "Later/Saved"));
		await app.vault.create("Later/Mine.md", "My own.\n");
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.getFolderByPath("Later/Saved")).toBeNull();
		expect(app.vault.testText("Later/Mine.md")).toBe("My own.\n");
		// The folder holding the user's note stays.
		expect(app.vault.getFolderByPath("Later")).not.toBeNull();
	});

	it("leaves a folder it made that holds only a file Obsidian does not list (a dot-file)", async () => {
		const { app, plugin } = await startObsidian(VAULT_NOTES, { autoTidy: false });
		await importOmnivoreExport(plugin, dialogs(zipOf(exportFiles()), [], "Later/Saved"));
		// Files Obsidian's index leaves out are on the disk all the same, as the adapter lists them.
		await app.vault.adapter.mkdir("Later/Saved");
		await app.vault.adapter.write("Later/Saved/.DS_Store", "finder");
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.getFolderByPath("Later/Saved")).not.toBeNull();
		expect(app.vault.getFileByPath("Later/Saved/How SQLite Scales Read Concurrency.md")).toBeNull();
	});
});
