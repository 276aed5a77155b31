// The Obsidian plugin: wires settings, commands and automatic cleanup to the engine. Thin on purpose.

import { normalizePath, Plugin, TFile } from "obsidian";
import { NoteTidier } from "../core";
import { AutoTidy } from "./autoTidy/autoTidy";
import { browserClock, type Clock } from "./batch/yielder";
import { tidyAllNotes } from "./commands/tidyAll";
import { tidyCurrentNote, type CurrentNoteAction } from "./commands/tidyCurrentNote";
import { undoLastTidy } from "./commands/undoLastTidy";
import type { PluginContext } from "./context";
import { Journal, type JournalBatchWriter } from "./journal/journal";
import { ReportModal } from "./report/reportModal";
import { ReportStore } from "./report/reportStore";
import { resolveSettings, type OmnivoreQueueSettings } from "./settings";
import { OmnivoreQueueSettingTab } from "./settingsTab";

export default class OmnivoreQueuePlugin extends Plugin implements PluginContext {
	settings: OmnivoreQueueSettings = resolveSettings({});
	readonly reports = new ReportStore();
	clock: Clock = browserClock;
	batchRunning = false;
	journal!: Journal;
	private engine: NoteTidier | null = null;
	private automaticBatch: Promise<JournalBatchWriter> | null = null;

	override async onload(): Promise<void> {
		await this.loadSettings();
		const pluginFolder = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
		this.journal = new Journal(this.app.vault.adapter, normalizePath(`${pluginFolder}/journal`));
		this.addSettingTab(new OmnivoreQueueSettingTab(this.app, this));
		this.registerCommands();
		this.addChild(
			new AutoTidy(this.app, {
				settings: () => this.settings,
				tidier: () => this.tidier(),
				journal: () => (this.automaticBatch ??= this.journal.begin("Automatic cleanup")),
				reported: (path, problems) => this.reports.addAutomatic(path, problems),
			}),
		);
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.reports.rename(oldPath, file.path)));
		this.registerEvent(this.app.vault.on("delete", (file) => this.reports.rename(file.path, null)));
	}

	private registerCommands(): void {
		const currentNote = (id: string, name: string, action: CurrentNoteAction) =>
			this.addCommand({
				id,
				name,
				checkCallback: (checking) => {
					const file = this.app.workspace.getActiveFile();
					if (!(file instanceof TFile) || file.extension !== "md") return false;
					if (!checking) void tidyCurrentNote(this, file, action);
					return true;
				},
			});
		currentNote("tidy-current-note", "Tidy current note", "tidy");
		currentNote("unwrap-current-note", "Unwrap proxied images in current note", "unwrap");
		this.addCommand({ id: "tidy-all-notes", name: "Tidy all Omnivore notes…", callback: () => void tidyAllNotes(this) });
		this.addCommand({ id: "undo-last-tidy", name: "Undo last tidy", callback: () => void undoLastTidy(this) });
		this.addCommand({
			id: "show-tidy-report",
			name: "Show tidy report",
			callback: () => new ReportModal(this.app, this.reports, (path) => this.openNote(path)).open(),
		});
	}

	tidier(): NoteTidier {
		return (this.engine ??= new NoteTidier(this.settings));
	}

	async beginBatch(label: string): Promise<JournalBatchWriter> {
		this.automaticBatch = null;
		return this.journal.begin(label);
	}

	openNote(path: string): void {
		void this.app.workspace.openLinkText(path, "", false);
	}

	async loadSettings(): Promise<void> {
		this.settings = resolveSettings(await this.loadData());
	}

	async saveSettings(): Promise<void> {
		this.engine = null;
		await this.saveData(this.settings);
	}
}
