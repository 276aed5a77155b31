/** @jest-environment jsdom */
import { NoteTidier } from "../../src/core";
import { textBefore } from "../../src/core/journal/restore";
import type { ReportModal } from "../../src/plugin/report/reportModal";
import type { Setting, TextComponent } from "../__mocks__/obsidian";
import { fake, lastModal, omnivoreNote, quiet, runCommand, settle, startObsidian } from "./harness";

const tidier = new NoteTidier();

describe("automatic cleanup", () => {
	it("leaves every note present at start-up alone", async () => {
		const { app } = await startObsidian({ "Omnivore/a.md": omnivoreNote("A"), "Omnivore/b.md": omnivoreNote("B") });
		await quiet();
		expect(app.vault.testWrites).toEqual([]);
	});

	it.each([
		["to be tidied", (text: string) => text],
		["already tidy", (text: string) => tidier.tidy(text).text],
	])("lists in the report a new note whose Omnivore marks it cannot read, and clears it once mended (%s)", async (_, mended) => {
		const { app, plugin } = await startObsidian({});
		// Saved on an old Mac: lines end in a carriage return alone, which no step can read.
		const saved = omnivoreNote("Old Mac").replace(/\n/g, "\r");
		const file = await app.vault.create("Omnivore/Old Mac.md", saved);
		await quiet();
		expect(app.vault.testText(file.path)).toBe(saved);
		const listed = plugin.reports.sections().find((section) => section.title === "Automatic cleanup");
		expect(listed?.notes.map((note) => [note.path, note.problems.map((problem) => problem.code)])).toEqual([["Omnivore/Old Mac.md", ["cr-line-endings"]]]);
		// Still watched: mended by the user (or a later sync), it is tidied and leaves the report.
		await app.vault.modify(file, mended(omnivoreNote("Old Mac")));
		await quiet();
		expect(app.vault.testText(file.path)).toBe(tidier.tidy(omnivoreNote("Old Mac")).text);
		expect(plugin.reports.sections().find((section) => section.title === "Automatic cleanup")?.notes).toEqual([]);
	});

	it("tidies a note synced in several writes once, after it has been quiet, without looping", async () => {
		const { app } = await startObsidian({});
		const file = await app.vault.create("Omnivore/Synced.md", "");
		await settle();
		await app.vault.modify(file, "---\nid: 1\n---\n# Synced\n");
		await settle();
		const full = omnivoreNote("Synced");
		await app.vault.modify(file, full);
		const syncWrites = app.vault.testWrites.length;
		await quiet();
		const pluginWrites = app.vault.testWrites.slice(syncWrites);
		expect(pluginWrites).toEqual([{ path: "Omnivore/Synced.md", data: tidier.tidy(full).text }]);
		// Its own write fires modify and changed again: nothing more happens.
		await quiet();
		expect(app.vault.testWrites.length).toBe(syncWrites + 1);
	});

	it("tidies a new Omnivore note that has no tag, as the CLI would", async () => {
		const { app } = await startObsidian({});
		const text = "---\nid: 5c3c\n---\n# Labels\n\n[Read on Omnivore](https://omnivore.app/me/labels-18837a1c2d4)\n";
		await app.vault.create("Omnivore/Labels.md", text);
		await quiet();
		expect(app.vault.testWrites).toEqual([{ path: "Omnivore/Labels.md", data: tidier.tidy(text).text }]);
	});

	it("tidies a new note whose only mark is its Omnivore link (no tag, no id), which the cache does not list", async () => {
		const { app } = await startObsidian({});
		const text = "---\ntitle: Labels\n---\n# Labels\n\n[Read on Omnivore](https://omnivore.app/me/labels-18837a1c2d4)\n";
		await app.vault.create("Clippings/Labels.md", text);
		await quiet();
		expect(app.metadataCache.getCache("Clippings/Labels.md")?.links).toBeUndefined();
		expect(app.vault.testWrites).toEqual([{ path: "Clippings/Labels.md", data: tidier.tidy(text).text }]);
	});

	it("keeps watching a note whose first part is not yet an Omnivore note", async () => {
		const { app } = await startObsidian({});
		const file = await app.vault.create("Omnivore/Parts.md", "---\nid: 5c3c\n---\n");
		await quiet();
		expect(app.vault.testWrites).toEqual([]);
		const full = "---\nid: 5c3c\n---\n# Parts\n\n[Read on Omnivore](https://omnivore.app/me/parts-18837a1c2d4)\n";
		await app.vault.modify(file, full);
		const syncWrites = app.vault.testWrites.length;
		await quiet();
		expect(app.vault.testWrites.slice(syncWrites)).toEqual([{ path: "Omnivore/Parts.md", data: tidier.tidy(full).text }]);
	});

	it("never touches a new note that is not an Omnivore note", async () => {
		const { app } = await startObsidian({});
		await app.vault.create("Ideas.md", "# Ideas\n\nThe proxy link https://proxy-prod.omnivore-image-cache.app/x stays.\n");
		await quiet();
		expect(app.vault.testWrites).toEqual([]);
	});

	it("waits while the note is open in an editor, and tidies it once it is closed", async () => {
		const { app } = await startObsidian({});
		await app.vault.create("Inbox/Open.md", omnivoreNote("Open"));
		await settle();
		const view = await app.workspace.testOpenInEditor("Inbox/Open.md");
		await quiet();
		expect(app.vault.testText("Inbox/Open.md")).toBe(omnivoreNote("Open"));
		view.leaf.detach();
		await quiet();
		expect(app.vault.testText("Inbox/Open.md")).toBe(tidier.tidy(omnivoreNote("Open")).text);
	});

	it("follows a renamed note and forgets a deleted one", async () => {
		const { app } = await startObsidian({});
		const moved = await app.vault.create("Inbox/Moved.md", omnivoreNote("Moved"));
		const deleted = await app.vault.create("Inbox/Deleted.md", omnivoreNote("Deleted"));
		await app.vault.rename(moved, "Omnivore/Moved.md");
		await app.fileManager.trashFile(deleted);
		await quiet();
		expect(app.vault.testText("Omnivore/Moved.md")).toBe(tidier.tidy(omnivoreNote("Moved")).text);
		expect(app.vault.testWrites.map((w) => w.path)).toEqual(["Omnivore/Moved.md"]);
	});

	it("stops watching a new note renamed to a file that is no note (a .bak copy kept by hand)", async () => {
		const { app } = await startObsidian({});
		const file = await app.vault.create("Inbox/Fresh.md", omnivoreNote("Fresh"));
		await settle();
		await app.vault.rename(file, "Inbox/Fresh.md.bak");
		await quiet();
		expect(app.vault.testWrites).toEqual([]);
	});

	it("does nothing when turned off or outside the chosen folders", async () => {
		const off = await startObsidian({}, { autoTidy: false });
		await off.app.vault.create("a.md", omnivoreNote("A"));
		await quiet();
		expect(off.app.vault.testWrites).toEqual([]);

		const scoped = await startObsidian({}, { excludeFolders: ["Archive"] });
		await scoped.app.vault.create("Archive/a.md", omnivoreNote("A"));
		await quiet();
		expect(scoped.app.vault.testWrites).toEqual([]);
	});

	it("leaves a new note it cannot understand byte for byte, and lists it in the report", async () => {
		const { app, plugin } = await startObsidian({});
		const text = "---\r\nid: 1\r\n\ttitle: Tabs\r\n---\r\n#Omnivore\r\n\r\n[Read on Omnivore](https://omnivore.app/me/tabs-18d27c31f2a)\r\n";
		await app.vault.create("Tabs.md", text);
		await quiet();
		expect(app.vault.testText("Tabs.md")).toBe(text);
		expect(app.vault.testWrites).toEqual([]);
		await runCommand(plugin, "show-tidy-report");
		const report = lastModal<ReportModal>().contentEl;
		expect(report.querySelector("h3")?.textContent).toMatch(/^Automatic cleanup, /);
		expect(Array.from(report.querySelectorAll("summary"), (s) => s.textContent)).toEqual(["Frontmatter is not valid YAML (1)"]);
		expect(report.querySelector('a[data-path="Tabs.md"]')).not.toBeNull();
	});

	it("waits as long as it is told, even longer than a timer can count (about 24 days)", async () => {
		const { app } = await startObsidian({}, { autoTidyDelaySeconds: 3_000_000 });
		await app.vault.create("a.md", omnivoreNote("A"));
		await quiet();
		expect(app.vault.testWrites).toEqual([]);
	});

	it("keeps its wait when the setting is emptied to type another", async () => {
		const { plugin } = await startObsidian({});
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		const settings = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings;
		const wait = settings.find((s) => s.nameEl.textContent === "Wait before tidying")?.components[0] as TextComponent;
		await wait.testInput("");
		expect(plugin.settings.autoTidyDelaySeconds).toBe(0.05);
		await wait.testInput("10");
		expect(plugin.settings.autoTidyDelaySeconds).toBe(10);
	});

	it("journals what it wrote so it can be undone", async () => {
		const { app, plugin } = await startObsidian({});
		await app.vault.create("a.md", omnivoreNote("A"));
		await quiet();
		const batch = await plugin.journal.latest();
		expect(batch?.label).toBe("Automatic cleanup");
		expect(batch?.entries.map((e) => [e.path, textBefore(e, app.vault.testText("a.md") ?? "")])).toEqual([["a.md", omnivoreNote("A")]]);
	});
});
