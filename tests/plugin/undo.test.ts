/** @jest-environment jsdom */
import { NoteTidier } from "../../src/core";
import { tidyAllNotes } from "../../src/plugin/commands/tidyAll";
import { undoLastTidy } from "../../src/plugin/commands/undoLastTidy";
import { Modal, Notice } from "../__mocks__/obsidian";
import type { ReportModal } from "../../src/plugin/report/reportModal";
import type { App as ObsidianApp } from "obsidian";
import OmnivoreQueuePlugin from "../../src/plugin/main";
import { fake, lastModal, manifest, notices, omnivoreNote, runCommand, settle, startObsidian } from "./harness";

const tidier = new NoteTidier();
const NOTES = { "a.md": omnivoreNote("A"), "b.md": omnivoreNote("B"), "c.md": omnivoreNote("C") };

describe("Undo last tidy", () => {
	it("puts back every note of the last batch", async () => {
		const { app, plugin } = await startObsidian(NOTES);
		await tidyAllNotes(plugin, async () => true);
		expect(app.vault.testText("a.md")).toBe(tidier.tidy(NOTES["a.md"]).text);
		await runCommand(plugin, "undo-last-tidy");
		for (const [path, text] of Object.entries(NOTES)) expect(app.vault.testText(path)).toBe(text);
		expect(notices().at(-1)).toBe('Undid "Tidy all Omnivore notes": 3 notes restored.');
	});

	it("works after Obsidian restarted: the journal is kept in the plugin's folder", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		plugin.unload();
		const restarted = new OmnivoreQueuePlugin(app as unknown as ObsidianApp, manifest);
		restarted.load();
		await fake(restarted).testLoaded;
		await runCommand(restarted, "undo-last-tidy");
		for (const [path, text] of Object.entries(NOTES)) expect(app.vault.testText(path)).toBe(text);
		expect(notices().at(-1)).toBe('Undid "Tidy all Omnivore notes": 3 notes restored.');
	});

	it("puts back a note renamed or moved since, and says so of one moved and edited, or deleted, since", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const file = (path: string) => {
			const found = app.vault.getFileByPath(path);
			if (!found) throw new Error(`missing ${path}`);
			return found;
		};
		await app.vault.rename(file("a.md"), "Archive/A, read.md");
		// Moved and edited: not found by its text, so left as it is, like an edit in place.
		await app.vault.rename(file("b.md"), "Archive/b.md");
		const edited = `${tidier.tidy(NOTES["b.md"]).text}My thoughts.\n`;
		await app.vault.modify(file("Archive/b.md"), edited);
		await app.fileManager.trashFile(file("c.md"));
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("Archive/A, read.md")).toBe(NOTES["a.md"]);
		expect(app.vault.testText("Archive/b.md")).toBe(edited);
		expect(notices().at(-1)).toBe('Undid "Tidy all Omnivore notes": 1 note restored. 2 notes had changed since, so they were left as they are.Show report');
		await runCommand(plugin, "show-tidy-report");
		expect(lastModal<ReportModal>().contentEl.textContent).toContain("c.md");
	});

	it("waits for a run under way: undoing in the middle of one would take back half of it", async () => {
		const notes = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`n${i}.md`, omnivoreNote(`N${i}`)]));
		const { app, plugin } = await startObsidian(notes, { autoTidy: false });
		const during: { undo?: Promise<unknown> } = {};
		app.vault.testBeforeWrite = () => {
			if (app.vault.testWrites.length === 1) during.undo ??= undoLastTidy(plugin);
		};
		await tidyAllNotes(plugin, async () => true);
		expect(during.undo).toBeDefined();
		expect(await during.undo).toBeNull();
		expect(notices()).toContain("Another run is under way; try again once it has ended (its notice can cancel it).");
		for (const [path, text] of Object.entries(notes)) expect(app.vault.testText(path)).toBe(tidier.tidy(text).text);
		app.vault.testBeforeWrite = null;
		await runCommand(plugin, "undo-last-tidy");
		for (const [path, text] of Object.entries(notes)) expect(app.vault.testText(path)).toBe(text);
	});

	it("from a run's notice, takes back that run only: not one that came after it, nor one before it", async () => {
		const { app, plugin } = await startObsidian(NOTES);
		await tidyAllNotes(plugin, async () => true);
		const undoButton = Notice.shown.flatMap((n) => Array.from(n.messageEl.querySelectorAll("button"))).find((b) => b.textContent === "Undo");
		if (!undoButton) throw new Error("no Undo button");
		// Automatic cleanup tidies a note that arrives just after the run.
		await app.vault.create("d.md", omnivoreNote("D"));
		await new Promise((resolve) => setTimeout(resolve, 120));
		await settle();
		expect(app.vault.testText("d.md")).toBe(tidier.tidy(omnivoreNote("D")).text);
		undoButton.click();
		await settle();
		expect(notices().at(-1)).toBe('"Automatic cleanup" changed notes after this run, so it was not undone. "Undo last tidy" takes back one run at a time, the newest first.');
		expect(app.vault.testText("d.md")).toBe(tidier.tidy(omnivoreNote("D")).text);
		expect(app.vault.testText("a.md")).toBe(tidier.tidy(NOTES["a.md"]).text);
		// Once the newer run is undone, the button takes back its own run; pressed again, nothing.
		await runCommand(plugin, "undo-last-tidy");
		undoButton.click();
		await settle();
		for (const [path, text] of Object.entries(NOTES)) expect(app.vault.testText(path)).toBe(text);
		await app.vault.create("e.md", omnivoreNote("E"));
		await new Promise((resolve) => setTimeout(resolve, 120));
		await settle();
		await runCommand(plugin, "undo-last-tidy");
		await app.vault.create("f.md", omnivoreNote("F"));
		await new Promise((resolve) => setTimeout(resolve, 120));
		await settle();
		undoButton.click();
		await settle();
		expect(notices().at(-1)).toBe("This run was undone already.");
		expect(app.vault.testText("f.md")).toBe(tidier.tidy(omnivoreNote("F")).text);
	});

	it("leaves a note edited since it was tidied, and lists it in the report", async () => {
		const { app, plugin } = await startObsidian(NOTES);
		await tidyAllNotes(plugin, async () => true);
		const b = app.vault.getFileByPath("b.md");
		if (!b) throw new Error("missing");
		const edited = `${tidier.tidy(NOTES["b.md"]).text}\nA thought of mine.\n`;
		await app.vault.modify(b, edited);
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("a.md")).toBe(NOTES["a.md"]);
		expect(app.vault.testText("b.md")).toBe(edited);
		expect(notices().at(-1)).toBe('Undid "Tidy all Omnivore notes": 2 notes restored. 1 note had changed since, so it was left as it is.Show report');

		await runCommand(plugin, "show-tidy-report");
		const report = lastModal<ReportModal>().contentEl;
		expect(report.textContent).toContain("Edited since it was tidied, so not undone (1)");
		// Its text from before the tidy is still in the journal, and the report says where.
		expect(report.textContent).toMatch(/stays in the journal \(\.obsidian\/plugins\/omnivore-queue\/journal\/\d+-\d+\.jsonl\)/);
		const kept = (await plugin.journal.batches())[0];
		expect(kept.entries.map((e) => e.path)).toEqual(["b.md"]);
		expect(report.querySelector('a[data-path="b.md"]')).not.toBeNull();
	});

	it("puts back, when undone again, a note it could not write the first time (a full disk)", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const process = app.vault.process.bind(app.vault);
		jest.spyOn(app.vault, "process").mockImplementation(async (file, change) => {
			if (file.path === "b.md") throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
			return process(file, change);
		});
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("a.md")).toBe(NOTES["a.md"]);
		expect(notices().at(-1)).toBe('Undid "Tidy all Omnivore notes": 2 notes restored. 1 note could not be put back; run "Undo last tidy" again once the report\'s reason is put right.Show report');
		jest.restoreAllMocks();
		await runCommand(plugin, "undo-last-tidy");
		for (const [path, text] of Object.entries(NOTES)) expect(app.vault.testText(path)).toBe(text);
		expect(notices().at(-1)).toBe('Undid "Tidy all Omnivore notes": 1 note restored.');
		await runCommand(plugin, "undo-last-tidy");
		expect(notices().at(-1)).toBe("There is nothing to undo: every run was undone already, or none ran.");
	});

	it("undoes one batch at a time, newest first, then says there is nothing left", async () => {
		const { app, plugin } = await startObsidian(NOTES, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		await app.vault.create("d.md", omnivoreNote("D"));
		await settle();
		await tidyAllNotes(plugin, async () => true);
		expect(app.vault.testText("d.md")).toBe(tidier.tidy(omnivoreNote("D")).text);

		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("d.md")).toBe(omnivoreNote("D"));
		expect(app.vault.testText("a.md")).toBe(tidier.tidy(NOTES["a.md"]).text);
		await runCommand(plugin, "undo-last-tidy");
		for (const [path, text] of Object.entries(NOTES)) expect(app.vault.testText(path)).toBe(text);
		await runCommand(plugin, "undo-last-tidy");
		expect(notices().at(-1)).toBe("There is nothing to undo: every run was undone already, or none ran.");
	});

	it("keeps no batch for a tidy that wrote nothing, so it cannot crowd out the runs that did", async () => {
		const tidied = Object.fromEntries(Object.entries(NOTES).map(([path, text]) => [path, tidier.tidy(text).text]));
		const { plugin } = await startObsidian(tidied, { autoTidy: false });
		for (let i = 0; i < 6; i++) await tidyAllNotes(plugin, async () => true);
		expect(await plugin.journal.batches()).toEqual([]);
	});

	it.each([1, 2, 3])("undoes automatic cleanup, %i time(s) in a row: a batch undone is never written to again", async (times) => {
		const { app, plugin } = await startObsidian({});
		for (let i = 0; i < times; i++) {
			const path = `new-${i}.md`;
			await app.vault.create(path, omnivoreNote(`New ${i}`));
			await new Promise((resolve) => setTimeout(resolve, 120));
			await settle();
			expect(app.vault.testText(path)).toBe(tidier.tidy(omnivoreNote(`New ${i}`)).text);
			await runCommand(plugin, "undo-last-tidy");
			expect(app.vault.testText(path)).toBe(omnivoreNote(`New ${i}`));
			expect(notices().at(-1)).toBe('Undid "Automatic cleanup": 1 note restored.');
		}
	});
});

describe("Show tidy report", () => {
	it("groups the last run's problems by kind and opens a note from its link", async () => {
		const { app, plugin } = await startObsidian({ "d.md": "---\nstatus: read\ndate_saved: 03/04/2024\n---\n#Omnivore\n", ...NOTES });
		await tidyAllNotes(plugin, async () => true);
		await runCommand(plugin, "show-tidy-report");
		const modal = lastModal<ReportModal>();
		expect(modal.contentEl.querySelector("h3")?.textContent).toMatch(/^Tidy all Omnivore notes, /);
		expect(Array.from(modal.contentEl.querySelectorAll("summary"), (s) => s.textContent)).toEqual(["Date is ambiguous (day or month first?) (1)"]);
		modal.contentEl.querySelector<HTMLAnchorElement>('a[data-path="d.md"]')?.click();
		await settle();
		expect(app.workspace.testOpened).toEqual(["d.md"]);
		expect(Modal.open).not.toContain(modal as unknown as Modal);
	});

	it("says when nothing has run yet", async () => {
		const { plugin } = await startObsidian({});
		await runCommand(plugin, "show-tidy-report");
		expect(lastModal<ReportModal>().contentEl.textContent).toBe("Nothing has been tidied since Obsidian started.");
	});
});
