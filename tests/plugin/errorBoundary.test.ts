/** @jest-environment jsdom */
import { Menu, Notice, type Setting, type TextComponent } from "../__mocks__/obsidian";
import { QUEUE_VIEW_TYPE, QueueView } from "../../src/plugin/queue/queueView";
import { plainReason } from "../../src/plugin/errorBoundary";
import { fake, lastModal, notices, omnivoreNote, runCommand, settle, startObsidian, until } from "./harness";

/** What Node's file system throws when the disk is full. */
function diskFull(): Error {
	return Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
}

const NOTE = "Omnivore/Slow reading.md";

let logged: jest.SpyInstance;
beforeEach(() => {
	logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

/** The paths and messages logged with console.error, as one string each. */
function logLines(): string[] {
	return logged.mock.calls.map((call: unknown[]) => call.map((part) => (part instanceof Error ? part.message : String(part))).join(" "));
}

describe("the error boundary", () => {
	it("says which command failed on which note, in plain words, and logs it with the path", async () => {
		const { app, plugin } = await startObsidian({ [NOTE]: omnivoreNote("Slow reading") });
		// Open in reading view, so the command writes through the vault rather than the editor.
		await app.workspace.testOpenInEditor(NOTE, "preview");
		app.vault.testBeforeWrite = () => {
			throw diskFull();
		};
		await runCommand(plugin, "tidy-current-note");
		expect(notices()).toEqual([`Tidy current note failed for ${NOTE}: the disk is full.`]);
		expect(logLines()).toEqual([`Omnivore Queue: Tidy current note failed for ${NOTE} ENOSPC: no space left on device, write`]);
	});

	it("closes the progress notice when Tidy all fails half-way, and lets the next run start", async () => {
		const { app, plugin } = await startObsidian({ [NOTE]: omnivoreNote("Slow reading") });
		// The journal cannot be written: the batch stops before any note is changed.
		app.vault.adapter.write = async () => {
			throw Object.assign(new Error(`EACCES: permission denied, open '${app.vault.configDir}/plugins/omnivore-queue/journal/1.jsonl'`), { code: "EACCES" });
		};
		await runCommand(plugin, "tidy-all-notes");
		const apply = Array.from(lastModal<{ contentEl: HTMLElement }>().contentEl.querySelectorAll("button")).find((b) => b.textContent === "Tidy 1 note");
		apply?.click();
		await settle();
		const progress = Notice.shown.find((n) => n.message.startsWith("Tidy all Omnivore notes…"));
		expect(progress?.hidden).toBe(true);
		expect(notices().at(-1)).toBe("Tidy all Omnivore notes failed: permission was denied.");
		expect(app.vault.testWrites).toEqual([]);
		expect(plugin.batchRunning).toBe(false);
	});

	it("reports a status the queue view could not write, from its button and from its menu", async () => {
		const { app, plugin } = await startObsidian({ [NOTE]: omnivoreNote("Slow reading") });
		await runCommand(plugin, "open-reading-queue");
		await settle();
		const view = app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		expect(view).toBeInstanceOf(QueueView);
		app.vault.testBeforeWrite = () => {
			throw diskFull();
		};
		view.contentEl.querySelector<HTMLButtonElement>('.omnivore-queue-row button[aria-label^="Mark as read"]')?.click();
		await settle();
		expect(notices().at(-1)).toBe(`Mark as read failed for ${NOTE}: the disk is full.`);
		view.contentEl.querySelector(".omnivore-queue-row")?.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		Menu.last?.items.find((item) => item.title === "Archive")?.callback?.();
		await settle();
		expect(notices().at(-1)).toBe(`Mark as archived failed for ${NOTE}: the disk is full.`);
		expect(logLines().every((line) => line.includes(NOTE))).toBe(true);
		expect(plugin.queue.get(NOTE)?.status).toBe("unread");
	});

	it("says so when a row's note was deleted before the list was redrawn", async () => {
		const { app, plugin } = await startObsidian({ [NOTE]: omnivoreNote("Slow reading") });
		await runCommand(plugin, "open-reading-queue");
		await settle();
		const view = app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		const row = view.contentEl.querySelector(".omnivore-queue-row");
		const file = app.vault.getFileByPath(NOTE);
		if (!row || !file) throw new Error("no row");
		await app.fileManager.trashFile(file);
		row.querySelector<HTMLButtonElement>('button[aria-label^="Mark as read"]')?.click();
		await settle(2);
		expect(notices()).toEqual([`Mark as read failed for ${NOTE}: the note was moved or deleted.`]);
	});

	it("shows why the queue could not be built, and builds it again the next time it opens", async () => {
		const { app, plugin } = await startObsidian({ [NOTE]: omnivoreNote("Slow reading") });
		const tidier = plugin.tidier.bind(plugin);
		plugin.tidier = () => {
			throw new Error("the engine could not start");
		};
		await runCommand(plugin, "open-reading-queue");
		const view = () => app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		expect(notices()).toEqual(["Building the reading queue failed: the engine could not start."]);
		expect(view().contentEl.querySelector(".omnivore-queue-empty")?.textContent).toBe("The reading queue could not be built. Close it and open it again to try again.");
		expect(plugin.queue.state).toBe("cold");
		plugin.tidier = tidier;
		app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].detach();
		await runCommand(plugin, "open-reading-queue");
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(Array.from(view().contentEl.querySelectorAll(".omnivore-queue-row-title"), (el) => el.textContent)).toEqual(["Slow reading"]);
	});

	it("tells the user when a settings change could not be saved", async () => {
		const { plugin } = await startObsidian({});
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		fake(plugin).saveData = async () => {
			throw diskFull();
		};
		const tag = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings.find((s) => s.nameEl.textContent === "Tag");
		await (tag?.components[0] as TextComponent).testInput("ReadLater");
		expect(notices()).toEqual(["Saving the settings failed: the disk is full."]);
	});

	it("tells the user when automatic cleanup could not write a new note", async () => {
		const { app } = await startObsidian({});
		app.vault.testBeforeWrite = () => {
			throw diskFull();
		};
		await app.vault.create("Omnivore/New.md", omnivoreNote("New"));
		// Shown a moment later, with any other note's failure of that moment (autoTidyBesideRuns.test.ts).
		await until(() => notices().length > 0);
		expect(notices()).toEqual(["Automatic cleanup failed for Omnivore/New.md: the disk is full."]);
	});
});

describe("plainReason", () => {
	it.each([
		[new Error("ENOENT: no such file or directory, open 'a.md'"), "the file or folder does not exist (any more)"],
		[Object.assign(new Error("rename failed"), { code: "EBUSY" }), "the file is in use by another program"],
		[new Error("the note kept changing while it was being tidied; it was left as it was."), "the note kept changing while it was being tidied; it was left as it was"],
		[new Error(""), "an unexpected error occurred"],
		["a string", "a string"],
		[undefined, "an unexpected error occurred"],
	])("%p → %p", (error, reason) => {
		expect(plainReason(error)).toBe(reason);
	});
});
