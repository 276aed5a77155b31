/** @jest-environment jsdom */
// The saved queue index: a setting of the view builds nothing again; a rename during a start from it is followed.
import { DropdownComponent, type Setting } from "../__mocks__/obsidian";
import type { App as ObsidianApp } from "obsidian";
import { NoteTidier } from "../../src/core";
import { QueueIndex } from "../../src/plugin/queue/queueIndex";
import type { SavedIndexStore } from "../../src/plugin/queue/savedQueueIndex";
import { DEFAULT_SETTINGS } from "../../src/plugin/settings";
import type { Clock } from "../../src/plugin/batch/yielder";
import { fake, instantClock, settle, startObsidian, steppingClock } from "./harness";

function article(title: string): string {
	return `---\nid: 1\ntitle: ${title}\nstatus: unread\n---\n#Omnivore\n\nSome words.\n`;
}

describe("a setting of the view", () => {
	it("(the tab a new queue starts on) builds nothing again: no note is read, the saved index stays", async () => {
		const notes = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Omnivore/n${i}.md`, article(`N${i}`)]));
		const { app, plugin } = await startObsidian(notes);
		await plugin.queue.ensureBuilt();
		await settle();
		const reads = jest.spyOn(app.vault, "cachedRead");
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		const setting = (name: string) => {
			const found = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings.find((s) => s.nameEl.textContent === name);
			if (!found) throw new Error(`no ${name} setting`);
			return found;
		};
		const saved = () => app.vault.adapter.files.get(`${plugin.manifest.dir}/queue-index.json`)?.mtime;
		const before = saved();
		await (setting("Start on").components[0] as DropdownComponent).testInput("all");
		// Longer than the pause a rebuild waits for (a second), for typing.
		await new Promise((resolve) => setTimeout(resolve, 1300));
		await settle();
		expect(reads).toHaveBeenCalledTimes(0);
		expect(saved()).toBe(before);
		expect(plugin.queue.all()).toHaveLength(20);
	});
});

describe("a start from the saved index", () => {
	it("a note renamed by a sync while a start reads the saved index does not make the build fail", async () => {
		const notes = Object.fromEntries(["a", "b", "c"].map((name) => [`Omnivore/${name}.md`, article(name.toUpperCase())]));
		const { app } = await startObsidian(notes);
		await settle();
		const store: SavedIndexStore & { text: string | null } = {
			text: null,
			read: () => Promise.resolve(store.text),
			write: (text: string) => {
				store.text = text;
				return Promise.resolve();
			},
		};
		const tidier = new NoteTidier();
		let clock: Clock = instantClock();
		const first = new QueueIndex(app as unknown as ObsidianApp, { settings: () => DEFAULT_SETTINGS, tidier: () => tidier, clock: () => clock, savedIndex: () => store });
		first.load();
		await first.ensureBuilt();
		expect(store.text).not.toBeNull();
		// The next start: after the first note, a sync renames the second (which the saved index holds unchanged).
		clock = steppingClock(async (turn) => {
			if (turn !== 1) return;
			const b = app.vault.getFileByPath("Omnivore/b.md");
			if (b) await app.vault.rename(b, "Omnivore/b renamed.md");
		});
		const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
		const index = new QueueIndex(app as unknown as ObsidianApp, { settings: () => DEFAULT_SETTINGS, tidier: () => tidier, clock: () => clock, savedIndex: () => store });
		index.load();
		await expect(index.ensureBuilt()).resolves.toBeUndefined();
		logged.mockRestore();
		await settle();
		expect(index.all().map((item) => item.path).sort()).toEqual(["Omnivore/a.md", "Omnivore/b renamed.md", "Omnivore/c.md"]);
	});
});
