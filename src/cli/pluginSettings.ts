// The settings of the Omnivore Queue plugin in the vault, when it is installed there: the CLI tidies
// with the same property names, tag, status words, hosts, proxies and dates as the plugin, or the
// two would undo each other's work (the CLI renaming `url` to `original_url` where the plugin was
// told `url` is the original's name, the plugin renaming it back). Flags add to them or override them.

import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { optionsFromSaved, type TidyOptions } from "../core";
import { CannotRun } from "./cannotRun";
import { describeFsError } from "./vaultFiles";

// Outside Obsidian there is no `Vault#configDir`: a vault's config folder is `.obsidian` unless the
// app was told otherwise, which it keeps outside the vault.
const CONFIG_FOLDER = ".obsidian";

/** Where Obsidian keeps the plugin's settings, from the vault's folder. */
export const PLUGIN_SETTINGS = join(CONFIG_FOLDER, "plugins", "omnivore-queue", "data.json");

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

/** The vault the folder is in: itself or the nearest folder above it that holds a config folder; null when none does. */
function vaultOf(folder: string): string | null {
	for (let at = folder; ; at = dirname(at)) {
		if (isFolder(join(at, CONFIG_FOLDER))) return at;
		if (dirname(at) === at) return null;
	}
}

export interface PluginSettings {
	options: TidyOptions;
	/** The settings file, from the folder the command was given. */
	path: string;
	/** Values that could not be used, each replaced by its default. */
	warnings: string[];
}

/** The plugin's engine options for a vault folder (an absolute path), or null when the plugin keeps none there. */
export function pluginSettings(folder: string): PluginSettings | null {
	const vault = vaultOf(folder);
	if (vault === null) return null;
	const file = join(vault, PLUGIN_SETTINGS);
	const path = relative(folder, file);
	let text: string;
	try {
		text = readFileSync(file, "utf8");
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
		throw new CannotRun(`The settings of the Omnivore Queue plugin (${path}) could not be read: ${describeFsError(error)}. The command uses the plugin's settings, so that the two tidy notes the same way.`);
	}
	let saved: unknown;
	try {
		saved = JSON.parse(text);
	} catch {
		throw new CannotRun(`The settings of the Omnivore Queue plugin (${path}) are not valid JSON. The command uses the plugin's settings, so that the two tidy notes the same way: mend the file, or remove it to give the plugin its defaults.`);
	}
	const warnings: string[] = [];
	return { options: optionsFromSaved(saved, (message) => warnings.push(message)), path, warnings };
}
