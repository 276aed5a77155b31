/** @jest-environment jsdom */
import type { Vault } from "obsidian";
import { DEFAULT_SETTINGS, resolveSettings } from "../../src/plugin/settings";
import { isInScope } from "../../src/plugin/notes/folderScope";
import { mayBeOmnivoreNote, notesInScope } from "../../src/plugin/notes/candidates";
import { mayBeOmnivoreByText } from "../../src/core";
import { computeMetadata, Notice, TFile, type Setting, type ToggleComponent, type TextComponent } from "../__mocks__/obsidian";
import type { PreviewModal } from "../../src/plugin/batch/previewModal";
import { fake, lastModal, notices, omnivoreNote, runCommand, settle, startObsidian, type Started } from "./harness";

describe("settings", () => {
	it("read how Omnivore notes are found, whatever the saved file holds", () => {
		expect(resolveSettings({})).toMatchObject({ match: "fingerprint", omnivoreHosts: [] });
		expect(resolveSettings({ match: "tag", omnivoreHosts: ["read.example.org", 3] })).toMatchObject({ match: "tag", omnivoreHosts: ["read.example.org"] });
		expect(resolveSettings({ match: "anything", omnivoreHosts: "read.example.org" })).toMatchObject({ match: "fingerprint", omnivoreHosts: [] });
	});

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

	it("keep the queue's defaults, and drop values a later version no longer knows", () => {
		expect(resolveSettings({ queueTab: "all", queueSort: "title", queueOpenInNewTab: true })).toMatchObject({ queueTab: "all", queueSort: "title", queueOpenInNewTab: true });
		expect(resolveSettings({ queueTab: "later", queueSort: "random", queueOpenInNewTab: "yes" })).toMatchObject({
			queueTab: "unread",
			queueSort: "saved-newest",
			queueOpenInNewTab: false,
		});
		const saved = resolveSettings({ savedFilters: [{ name: "Short reads", filter: { readingTime: "under-5" }, sort: "nope" }, { name: 3 }] }).savedFilters;
		expect(saved.map((s) => [s.name, s.sort])).toEqual([["Short reads", "saved-newest"]]);
		expect(saved[0].filter).toMatchObject({ readingTime: "under-5", tags: [], statuses: [] });
	});

	it("survive a settings file edited by hand: a value of the wrong type gets its default, the others are kept", () => {
		const settings = resolveSettings({
			tagName: null,
			keys: { title: null, author: 5, status: "queue" },
			statusValues: { read: 7, archived: "done", reading: "" },
			recover: { title: "no", siteName: false },
			extraDateKeys: 5,
			extraProxyBases: { url: "http://localhost:7070" },
			dayMonthOrder: "sideways",
			autoTidyDelaySeconds: null,
			imageArchive: null,
			includeFolders: ["Omnivore"],
		});
		expect(settings).toMatchObject({
			tagName: "Omnivore",
			keys: { ...DEFAULT_SETTINGS.keys, status: "queue" },
			statusValues: { ...DEFAULT_SETTINGS.statusValues, archived: "done" },
			recover: { ...DEFAULT_SETTINGS.recover, siteName: false },
			extraDateKeys: [],
			extraProxyBases: [],
			dayMonthOrder: "auto",
			autoTidyDelaySeconds: DEFAULT_SETTINGS.autoTidyDelaySeconds,
			imageArchive: DEFAULT_SETTINGS.imageArchive,
			includeFolders: ["Omnivore"],
		});
		// A word where a list belongs is no list (not a list of its letters); entries that are not text are dropped.
		expect(resolveSettings({ extraDateKeys: "published", extraProxyBases: ["http://localhost:7070", 3, null] })).toMatchObject({
			extraDateKeys: [],
			extraProxyBases: ["http://localhost:7070"],
		});
	});

	it("load from such a file, and the plugin tidies with them", async () => {
		const { app, plugin } = await startObsidian({ "a.md": omnivoreNote("A") }, { tagName: null, keys: { status: "queue", title: 3 }, extraDateKeys: {}, autoTidyDelaySeconds: null } as never);
		expect(plugin.settings.keys.status).toBe("queue");
		await runCommand(plugin, "tidy-all-notes");
		expect(lastModal<PreviewModal>().contentEl.textContent).toContain("1 note of 1 would change");
		expect(app.vault.testText("a.md")).toBe(omnivoreNote("A"));
	});

	it("load with their defaults when the settings file cannot be read at all, and say so", async () => {
		const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
		const { plugin } = await startObsidian({}, {}, "{ autoTidy: false,");
		expect(plugin.settings).toEqual(DEFAULT_SETTINGS);
		expect(notices()).toContain("The settings file of Omnivore Queue could not be read, so the defaults apply until you change a setting.");
		expect(logged).toHaveBeenCalledWith("Omnivore Queue: the settings file could not be read", expect.any(SyntaxError));
		logged.mockRestore();
	});

	it("give every setting a description", async () => {
		const { plugin } = await startObsidian({});
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		const settings = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings;
		const bare = settings.filter((s) => !s.settingEl.classList.contains("setting-item-heading") && !s.descEl.textContent);
		expect(bare.map((s) => s.nameEl.textContent)).toEqual([]);
	});

	it("are shown in the settings tab and saved when changed", async () => {
		const { plugin } = await startObsidian({});
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		const settings = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings;
		const byName = (name: string) => settings.find((s) => s.nameEl.textContent === name);
		expect(settings.filter((s) => s.settingEl.classList.contains("setting-item-heading")).map((s) => s.nameEl.textContent)).toEqual([
			"Reading queue",
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

	it("say at once when two property names are one, and tidy with the defaults then, as after a restart", async () => {
		const { plugin } = await startObsidian({});
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		const settings = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings;
		// The property's name, under "Property names" (the recovered value of that name comes first).
		const title = settings.filter((s) => s.nameEl.textContent === "Title").at(-1);
		Notice.shown = [];
		await (title?.components[0] as TextComponent).testInput("tags");
		expect(notices()).toEqual(["Two of the saved property names are the same name; the defaults apply."]);
		expect(plugin.tidier().options.keys.title).toBe("title");
		expect(resolveSettings(await plugin.loadData()).keys.title).toBe(plugin.tidier().options.keys.title);
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

describe("notesInScope", () => {
	const files = ["b.md", "Omnivore/Archive/x.md", "B.md", "Omnivore/é.md", "Omnivore/z.md", "a.md"].map((path) => Object.assign(new TFile(), { path }));
	const vault = { getMarkdownFiles: () => files } as unknown as Pick<Vault, "getMarkdownFiles">;
	const paths = (found: Array<{ path: string }>) => found.map((file) => file.path);

	it("lists the notes of the chosen folders as a reader orders paths, or by code units for the queue's scan", () => {
		// Folders as typed: normalized once for the whole vault.
		const settings = { includeFolders: ["Omnivore/", ""], excludeFolders: ["\\Omnivore\\Archive"] };
		expect(paths(notesInScope(vault, settings))).toEqual(["Omnivore/é.md", "Omnivore/z.md"]);
		expect(paths(notesInScope(vault, settings, "path"))).toEqual(["Omnivore/z.md", "Omnivore/é.md"]);
		const all = { includeFolders: [], excludeFolders: [] };
		expect(paths(notesInScope(vault, all))).toEqual(["a.md", "b.md", "B.md", "Omnivore/Archive/x.md", "Omnivore/é.md", "Omnivore/z.md"]);
		expect(paths(notesInScope(vault, all, "path"))).toEqual(["B.md", "Omnivore/Archive/x.md", "Omnivore/z.md", "Omnivore/é.md", "a.md", "b.md"]);
	});
});

describe("mayBeOmnivoreNote", () => {
	it.each([
		["# T\n#Omnivore\n", true],
		["---\ntags: [omnivore/article]\n---\n", true],
		["---\ntitle: Rust: next\n---\nno tag\n", true],
		["# T\n#omnivores\n", false],
		["```\n#Omnivore\n```\n", false],
		["# T\n#Type/Omnivore\n", true],
		["---\nid: 5c3c\n---\n# T\n", true],
		// Obsidian's cache lists internal links only: this note is found by its text (below), not here.
		["# T\n[Read on Omnivore](https://omnivore.app/me/t-18de9d85b43)\n", false],
		["---\nomnivore_url: https://omnivore.app/me/t-18de9d85b43\n---\n", true],
		["# T\n[a proxied image](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n", false],
		["# My notes on Omnivore\nIt shut down.\n", false],
	])("%p → %p", (text, expected) => {
		expect(mayBeOmnivoreNote(computeMetadata(text) as never, DEFAULT_SETTINGS)).toBe(expected);
	});

	it.each([
		["# T\n[Read on Omnivore](https://omnivore.app/me/t-18de9d85b43)\n", true],
		["> quote [⤴️](https://omnivore.app/me/t-18de9d85b43#0a1b2c3d)\n", true],
		["# T\n[Read Original](https://example.com/omnivore.app/me/x)\n", false],
		["# My notes on omnivore.app\n", false],
	])("the text %p may hold an Omnivore link → %p", (text, expected) => {
		expect(mayBeOmnivoreByText(text, DEFAULT_SETTINGS)).toBe(expected);
		expect(mayBeOmnivoreByText(text, { ...DEFAULT_SETTINGS, match: "tag" })).toBe(false);
	});

	it("finds only tagged notes when detection is by tag", () => {
		const tagOnly = { ...DEFAULT_SETTINGS, match: "tag" as const };
		expect(mayBeOmnivoreNote(computeMetadata("---\nid: 5c3c\n---\n[Read on Omnivore](https://omnivore.app/me/t-1)\n") as never, tagOnly)).toBe(false);
		expect(mayBeOmnivoreNote(computeMetadata("#Omnivore\n") as never, tagOnly)).toBe(true);
	});
});

/** The settings tab, displayed, with its controls found by name. */
async function settingsTab(files: Record<string, string> = {}, saved: Partial<Record<string, unknown>> = {}) {
	const started = await startObsidian(files, saved);
	const tab = fake(started.plugin).testSettingTabs[0];
	tab.display();
	const all = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings;
	const setting = (name: string) => {
		const found = all.find((s) => s.nameEl.textContent === name);
		if (!found) throw new Error(`no setting ${name}`);
		return found;
	};
	const sample = (name: string) => setting(name).descEl.querySelector(".omnivore-queue-format-sample");
	return { ...started, setting, sample, input: (name: string) => setting(name).components[0] as TextComponent };
}

async function tidyAllAndApply(plugin: Started["plugin"]): Promise<void> {
	await runCommand(plugin, "tidy-all-notes");
	// The preview's "Tidy N notes" button.
	lastModal<{ contentEl: HTMLElement }>().contentEl.querySelector<HTMLButtonElement>("button.mod-cta")?.click();
	await settle();
}

const ARTICLE = "---\ntitle: Slow Reading\ndate_saved: 2024-03-15 08:12:44\ndate_published: March 1, 2024\nstatus: unread\n---\n#Omnivore\n\nText.\n";

describe("date formats in Obsidian's (Moment) syntax", () => {
	it("are what the settings show, with a live sample of today's date", async () => {
		const { input, sample } = await settingsTab();
		expect(input("Date and time format").getValue()).toBe("YYYY-MM-DDTHH:mm:ss");
		expect(input("Date format").getValue()).toBe("YYYY-MM-DD");
		expect(sample("Date format")?.textContent).toMatch(/^Written like this: \d{4}-\d{2}-\d{2}$/);
		await input("Date format").testInput("D MMMM YYYY");
		expect(sample("Date format")?.textContent).toMatch(/^Written like this: \d{1,2} [A-Z][a-z]+ \d{4}$/);
	});

	it("are used by Tidy all and read back by the queue", async () => {
		const { app, plugin, input } = await settingsTab({ "Omnivore/slow.md": ARTICLE });
		await input("Date format").testInput("DD.MM.YYYY");
		await input("Date and time format").testInput("DD.MM.YYYY [at] HH:mm");
		expect(await plugin.loadData()).toMatchObject({ dateFormat: "DD.MM.YYYY", dateTimeFormat: "DD.MM.YYYY [at] HH:mm", settingsVersion: 2 });
		await tidyAllAndApply(plugin);
		const text = app.vault.testText("Omnivore/slow.md") ?? "";
		expect(text).toContain("date_saved: 15.03.2024 at 08:12\n");
		expect(text).toContain("date_published: 01.03.2024\n");
		await plugin.queue.ensureBuilt();
		expect(plugin.queue.get("Omnivore/slow.md")).toMatchObject({ savedAt: new Date(2024, 2, 15, 8, 12).toISOString(), publishedAt: "2024-03-01" });
	});

	it("refuse a format that would lose part of a date, say why as it is typed, and never save it", async () => {
		const { plugin, input, sample } = await settingsTab();
		await input("Date format").testInput("MM-DD");
		expect(sample("Date format")?.textContent).toBe("Not saved: it leaves out the full year, so dates would lose it.");
		expect(sample("Date format")?.classList.contains("is-invalid")).toBe(true);
		expect(input("Date format").inputEl.getAttribute("aria-invalid")).toBe("true");
		await input("Date and time format").testInput("YYYY-MM-DD [at");
		expect(sample("Date and time format")?.textContent).toBe("Not saved: a [ is never closed with ].");
		expect(plugin.settings).toMatchObject({ dateFormat: "YYYY-MM-DD", dateTimeFormat: "YYYY-MM-DDTHH:mm:ss" });
		expect(await plugin.loadData()).not.toHaveProperty("dateFormat", "MM-DD");
		await input("Date format").testInput("YYYY/MM/DD");
		expect(input("Date format").inputEl.hasAttribute("aria-invalid")).toBe(false);
		expect(plugin.settings.dateFormat).toBe("YYYY/MM/DD");
	});

	it("upgrade settings saved with date-fns formats, and keep Moment formats typed into them", () => {
		expect(resolveSettings({ dateTimeFormat: "yyyy-MM-dd'T'HH:mm:ss", dateFormat: "dd/MM/yyyy" })).toMatchObject({
			dateTimeFormat: "YYYY-MM-DDTHH:mm:ss",
			dateFormat: "DD/MM/YYYY",
			settingsVersion: 2,
		});
		// Typed by hand into the version that expected date-fns (and failed with it): already Moment.
		expect(resolveSettings({ dateFormat: "YYYY-MM-DD", dateTimeFormat: "DD.MM.YYYY HH:mm" })).toMatchObject({
			dateFormat: "YYYY-MM-DD",
			dateTimeFormat: "DD.MM.YYYY HH:mm",
		});
		// Once upgraded, a format is Moment: one that cannot be used falls back to the default.
		const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
		expect(resolveSettings({ settingsVersion: 2, dateFormat: "MM-DD", dateTimeFormat: "YYYY-MM-DDTHH:mm" })).toMatchObject({
			dateFormat: "YYYY-MM-DD",
			dateTimeFormat: "YYYY-MM-DDTHH:mm",
		});
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});
});

describe("folder settings", () => {
	it("are normalized when loaded: Windows separators, stray slashes, repeats", () => {
		expect(resolveSettings({ includeFolders: ["Omnivore\\Articles\\", "/Inbox/", " Omnivore//Articles ", "/"], excludeFolders: ["Omnivore\\Articles\\Old"] })).toMatchObject({
			includeFolders: ["Omnivore/Articles", "Inbox"],
			excludeFolders: ["Omnivore/Articles/Old"],
		});
	});

	it("are normalized when typed, so a Windows path excludes its folder", async () => {
		const files = { "Omnivore/Archive/old.md": ARTICLE, "Omnivore/new.md": ARTICLE };
		const { app, plugin, setting } = await settingsTab(files);
		await (setting("Folders to exclude").components[0] as TextComponent).testInput("Omnivore\\Archive\\\n");
		expect(await plugin.loadData()).toMatchObject({ excludeFolders: ["Omnivore/Archive"] });
		await tidyAllAndApply(plugin);
		expect(app.vault.testText("Omnivore/Archive/old.md")).toBe(ARTICLE);
		expect(app.vault.testText("Omnivore/new.md")).not.toBe(ARTICLE);
	});

	it("keep a folder whose name has a comma", async () => {
		const { plugin, setting } = await settingsTab();
		await (setting("Folders to include").components[0] as TextComponent).testInput("Books, articles\nOmnivore");
		expect(plugin.settings.includeFolders).toEqual(["Books, articles", "Omnivore"]);
	});
});
