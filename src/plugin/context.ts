// What the commands and features need from the plugin, as one narrow interface.

import type { App } from "obsidian";
import type { NoteTidier } from "../core";
import type { Journal, LazyBatch } from "../core";
import type { ReportStore } from "./report/reportStore";
import type { OmnivoreQueueSettings } from "./settings";
import type { Clock } from "./batch/yielder";
import type { QueueIndex } from "./queue/queueIndex";

export interface PluginContext {
	app: App;
	settings: OmnivoreQueueSettings;
	tidier(): NoteTidier;
	journal: Journal;
	reports: ReportStore;
	/** The reading queue's articles, built on first use and kept current. */
	queue: QueueIndex;
	clock: Clock;
	/** Set once the plugin is unloaded: a run stops, and writes nothing more. */
	readonly unloaded: boolean;
	/** Set while a command's run (tidy, import, downloads, undo) is under way, so a second one does not start. */
	batchRunning: boolean;
	/** Resolves once no automatic cleanup is under way (none starts while `batchRunning`). */
	automaticIdle(): Promise<void>;
	/** Automatic cleanup stops watching these notes (undo put them back: they stay as the user chose). */
	automaticLeave(paths: readonly string[]): void;
	/** A journal batch for a command, opened on its first write; automatic cleanup then starts its own next time. */
	beginBatch(label: string): LazyBatch;
	openNote(path: string): void;
	/** The plugin's folder in the configuration folder (journal, record of downloaded images). */
	pluginFolder: string;
}
