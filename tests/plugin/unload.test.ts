/** @jest-environment jsdom */
// Turning the plugin off (or Obsidian closing the vault) while it works: what runs stops, and nothing
// is written after the unload.
import { NoteTidier } from "../../src/core";
import { tidyAllNotes } from "../../src/plugin/commands/tidyAll";
import type { App as ObsidianApp } from "obsidian";
import OmnivoreQueuePlugin from "../../src/plugin/main";
import { App, Notice } from "../__mocks__/obsidian";
import { fake, manifest, omnivoreNote, runCommand, settle, startObsidian, type Started } from "./harness";

const tidier = new NoteTidier();

/** Unload the plugin once `when` holds, at a write; returns how many writes there were by then. */
function unloadAt({ app, plugin }: Started, when: (writes: number) => boolean): { writesAtUnload: number | null } {
	const seen = { writesAtUnload: null as number | null };
	const write = app.vault.testBeforeWrite;
	app.vault.testBeforeWrite = (file, data) => {
		write?.(file, data);
		if (seen.writesAtUnload === null && when(app.vault.testWrites.length + 1)) {
			seen.writesAtUnload = app.vault.testWrites.length + 1;
			plugin.unload();
		}
	};
	return seen;
}

describe("unloading the plugin", () => {
	it("stops Tidy all between notes: nothing is written after it", async () => {
		const notes = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`n${i}.md`, omnivoreNote(`Note ${i}`)]));
		const started = await startObsidian(notes, { autoTidy: false });
		const seen = unloadAt(started, (writes) => writes === 2);
		await tidyAllNotes(started.plugin, async () => true);
		await settle();
		expect(seen.writesAtUnload).toBe(2);
		expect(started.app.vault.testWrites).toHaveLength(2);
		expect(Object.keys(notes).filter((path) => started.app.vault.testText(path) !== notes[path])).toEqual(["n0.md", "n1.md"]);
	});

	it("writes nothing when it happens while the preview of Tidy all is open", async () => {
		const started = await startObsidian({ "a.md": omnivoreNote("A") }, { autoTidy: false });
		await tidyAllNotes(started.plugin, async () => {
			started.plugin.unload();
			return true;
		});
		expect(started.app.vault.testWrites).toEqual([]);
		expect(await started.plugin.journal.latest()).toBeNull();
	});

	it("before the layout is ready leaves nothing listening once it is", async () => {
		const app = new App();
		await app.vault.adapter.mkdir(manifest.dir as string);
		await app.vault.adapter.write(`${manifest.dir}/data.json`, JSON.stringify({ autoTidyDelaySeconds: 0.05 }));
		const plugin = new OmnivoreQueuePlugin(app as unknown as ObsidianApp, manifest);
		plugin.load();
		await fake(plugin).testLoaded;
		plugin.unload();
		app.workspace.testSetLayoutReady();
		await app.vault.create("New.md", omnivoreNote("New"));
		await new Promise((resolve) => setTimeout(resolve, 120));
		await settle();
		expect(app.vault.testWrites).toEqual([]);
		// The metadata cache's own listener only.
		expect(app.vault.testListenerCount("create")).toBe(1);
	});

	it("stops the reading queue's build, which then saves no index", async () => {
		const notes = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`Omnivore/n${i}.md`, omnivoreNote(`N${i}`)]));
		const { app, plugin } = await startObsidian(notes);
		const saved = `${manifest.dir}/queue-index.json`;
		expect(await app.vault.adapter.exists(saved)).toBe(false);
		let time = 0;
		let turns = 0;
		plugin.clock = { now: () => (time += 100), yieldToUi: async () => (++turns === 2 ? plugin.unload() : undefined) };
		const reads = jest.spyOn(app.vault, "cachedRead");
		await plugin.queue.ensureBuilt();
		await settle();
		expect(turns).toBe(2);
		expect(reads.mock.calls.length).toBeLessThan(6);
		expect(await app.vault.adapter.exists(saved)).toBe(false);
	});

	it("leaves the buttons of notices still shown without effect: Undo, and Tidy note", async () => {
		const broken = "---\ntitle: Rust: what comes next\nstatus: unread\n---\n#Omnivore\n\n[Read on Omnivore](https://omnivore.app/me/rust-18d27c31f2a)\n";
		// Its status is asked for before Tidy all (which would repair it) runs over the other note.
		const started = await startObsidian({ "a.md": omnivoreNote("A"), "broken.md": broken }, { autoTidy: false, excludeFolders: ["Elsewhere"] });
		const { app, plugin } = started;
		await app.workspace.testOpenInEditor("broken.md", "preview");
		await runCommand(plugin, "mark-archived");
		await app.vault.rename(app.vault.getFileByPath("broken.md") as never, "Elsewhere/broken.md");
		await tidyAllNotes(plugin, async () => true);
		await app.vault.rename(app.vault.getFileByPath("Elsewhere/broken.md") as never, "broken.md");
		const button = (label: string) => Notice.shown.flatMap((n) => Array.from(n.messageEl.querySelectorAll("button"))).find((b) => b.textContent === label);
		const writes = app.vault.testWrites.length;
		plugin.unload();
		button("Undo")?.click();
		button("Tidy note")?.click();
		await settle();
		expect(button("Undo")).toBeDefined();
		expect(button("Tidy note")).toBeDefined();
		expect(app.vault.testWrites).toHaveLength(writes);
		expect(app.vault.testText("broken.md")).toBe(broken);
	});

	it("stops automatic cleanup of a note it is reading", async () => {
		const started = await startObsidian({});
		const { app, plugin } = started;
		await app.vault.create("New.md", omnivoreNote("New"));
		// Indexed; the quiet delay (50 ms here) is still running. The cleanup's read of the note is where it stops.
		await settle();
		const read = app.vault.read.bind(app.vault);
		let unloaded = false;
		jest.spyOn(app.vault, "read").mockImplementation(async (file) => {
			const text = await read(file);
			if (file.path === "New.md" && !unloaded) {
				unloaded = true;
				plugin.unload();
			}
			return text;
		});
		await new Promise((resolve) => setTimeout(resolve, 120));
		await settle();
		expect(app.vault.testText("New.md")).toBe(omnivoreNote("New"));
		expect(unloaded).toBe(true);
		expect(app.vault.testWrites).toEqual([]);
		expect(tidier.tidy(omnivoreNote("New")).report.changed).toBe(true);
	});

});
