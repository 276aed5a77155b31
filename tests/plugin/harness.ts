// Starts the plugin in the fake Obsidian the way the app does: plugin loads, the vault announces its
// files, the cache indexes them, then the layout becomes ready.
import type { App as ObsidianApp, TFile as ObsidianFile } from "obsidian";
import { App, Modal, Notice, Vault, type Plugin as FakePlugin, type PluginManifest } from "../__mocks__/obsidian";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import OmnivoreQueuePlugin from "../../src/plugin/main";
import type { Clock } from "../../src/plugin/batch/yielder";
import type { OmnivoreQueueSettings } from "../../src/plugin/settings";

export const manifest: PluginManifest = {
	...(JSON.parse(readFileSync(join(__dirname, "..", "..", "manifest.json"), "utf8")) as PluginManifest),
	dir: `${new Vault().configDir}/plugins/omnivore-queue`,
};

/** Let timers at 0 ms and pending promises run (several rounds: indexing chains reads and events). */
export async function settle(rounds = 10): Promise<void> {
	for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Wait past automatic cleanup's quiet delay (50 ms in these tests) and let the writes settle. */
export async function quiet(ms = 120): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
	await settle();
}

/** Waits, a turn of real time at a time, until `check` holds or `ms` have passed (work after a debounce, on a loaded machine). */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A clock whose every moment is a turn for the UI, after each note: `onTurn` acts during the turns (a sync, a rename). */
export function steppingClock(onTurn: (turn: number) => Promise<void> | void): Clock {
	let time = 0;
	let turn = 0;
	return {
		now: () => (time += 100),
		yieldToUi: async () => {
			await onTurn(++turn);
			await settle();
		},
	};
}

/** A clock that never waits, for batches in tests; counts the turns given to the UI. */
export function instantClock(): Clock & { yields: number } {
	const clock = {
		yields: 0,
		now: () => performance.now(),
		yieldToUi: async () => {
			clock.yields++;
		},
	};
	return clock;
}

export interface Started {
	app: App;
	plugin: OmnivoreQueuePlugin;
}

/** `dataFile`: the settings file's text as it is on disk, instead of `settings` (one edited by hand, say). */
export async function startObsidian(files: Record<string, string>, settings: Partial<OmnivoreQueueSettings> = {}, dataFile?: string): Promise<Started> {
	Notice.shown = [];
	Modal.open = [];
	const app = new App();
	await app.vault.adapter.mkdir(manifest.dir as string);
	await app.vault.adapter.write(`${manifest.dir}/data.json`, dataFile ?? JSON.stringify({ autoTidyDelaySeconds: 0.05, ...settings }));
	const plugin = new OmnivoreQueuePlugin(app as unknown as ObsidianApp, manifest);
	plugin.load();
	await fake(plugin).testLoaded;
	plugin.clock = instantClock();
	app.vault.testLoad(files);
	await settle();
	app.workspace.testSetLayoutReady();
	await settle();
	return { app, plugin };
}

/** The plugin as the fake Plugin class sees it, with its test helpers. */
export function fake(plugin: OmnivoreQueuePlugin): FakePlugin {
	return plugin as unknown as FakePlugin;
}

export async function runCommand(plugin: OmnivoreQueuePlugin, id: string): Promise<void> {
	const command = fake(plugin).testCommands.get(id);
	if (!command) throw new Error(`No command ${id}`);
	if (command.checkCallback) {
		if (!command.checkCallback(true)) throw new Error(`Command ${id} is not available here`);
		command.checkCallback(false);
	} else {
		command.callback?.();
	}
	await settle();
}

export function notices(): string[] {
	return Notice.shown.map((n) => n.message);
}

export const P = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";

export function omnivoreNote(title: string, image = "https://a.example/x.png"): string {
	return `---\nid: 1\ntitle: ${title}\ndate_saved: 2024-02-27 01:30:06\n---\n# ${title}\n#Omnivore\n\n[Read Original](https://a.example/${encodeURIComponent(title)})\n\n![](${P}/${image})\n`;
}

export function fixture(path: string): string {
	return readFileSync(join(__dirname, "..", "fixtures", "notes", path), "utf8");
}

/** Files of the fake vault, typed as the plugin code sees them. */
export function vaultFiles(app: App, paths: string[]): ObsidianFile[] {
	return paths.map((path) => {
		const file = app.vault.getFileByPath(path);
		if (!file) throw new Error(`No file ${path}`);
		return file as unknown as ObsidianFile;
	});
}

/** The modal opened last, as the class the plugin opened. */
export function lastModal<T>(): T {
	const modal = Modal.open.at(-1);
	if (!modal) throw new Error("No modal is open");
	return modal as unknown as T;
}
