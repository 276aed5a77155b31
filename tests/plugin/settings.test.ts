/** @jest-environment jsdom */
import { DEFAULT_SETTINGS, resolveSettings } from "../../src/plugin/settings";
import { isInScope } from "../../src/plugin/notes/folderScope";
import { mayBeOmnivoreNote } from "../../src/plugin/notes/candidates";
import { computeMetadata, type Setting, type ToggleComponent, type TextComponent } from "../__mocks__/obsidian";
import { fake, startObsidian } from "./harness";

describe("settings", () => {
	it("fill in defaults for anything missing, including nested values", () => {
		const settings = resolveSettings({ tagName: "later", keys: { status: "queue" }, autoTidy: false });
		expect(settings.tagName).toBe("later");
		expect(settings.keys.status).toBe("queue");
		expect(settings.keys.title).toBe("title");
		expect(settings.autoTidy).toBe(false);
		expect(settings.autoTidyDelaySeconds).toBe(DEFAULT_SETTINGS.autoTidyDelaySeconds);
		expect(resolveSettings(null)).toEqual(DEFAULT_SETTINGS);
		expect(resolveSettings({ autoTidyDelaySeconds: -4, includeFolders: "x" })).toMatchObject({ autoTidyDelaySeconds: 3, includeFolders: [] });
	});

	it("are shown in the settings tab and saved when changed", async () => {
		const { plugin } = await startObsidian({});
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		const settings = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings;
		const byName = (name: string) => settings.find((s) => s.nameEl.textContent === name);
		expect(settings.filter((s) => s.settingEl.classList.contains("setting-item-heading")).map((s) => s.nameEl.textContent)).toEqual([
			"Automatic cleanup",
			"Dates",
			"Images",
			"Recovered values",
			"Property names",
			"Status values",
		]);
		await (byName("Tidy new notes")?.components[0] as ToggleComponent).testInput(false);
		await (byName("Tag")?.components[0] as TextComponent).testInput("#ReadLater");
		const saved = (await plugin.loadData()) as { autoTidy: boolean; tagName: string };
		expect(saved).toMatchObject({ autoTidy: false, tagName: "ReadLater" });
		expect(plugin.tidier().options.tagName).toBe("ReadLater");
	});
});

describe("isInScope", () => {
	it.each([
		["Omnivore/a.md", [], [], true],
		["Omnivore/a.md", ["Omnivore"], [], true],
		["Omnivore2/a.md", ["Omnivore"], [], false],
		["Omnivore/Archive/a.md", ["Omnivore/"], ["Omnivore/Archive"], false],
		["a.md", [], ["Archive"], true],
	])("%s with include %p and exclude %p → %p", (path, include, exclude, expected) => {
		expect(isInScope(path, include, exclude)).toBe(expected);
	});
});

describe("mayBeOmnivoreNote", () => {
	it.each([
		["# T\n#Omnivore\n", true],
		["---\ntags: [omnivore/article]\n---\n", true],
		["---\ntitle: Rust: next\n---\nno tag\n", true],
		["# T\n#omnivores\n", false],
		["```\n#Omnivore\n```\n", false],
	])("%p → %p", (text, expected) => {
		expect(mayBeOmnivoreNote(computeMetadata(text) as never, "Omnivore")).toBe(expected);
	});
});
