// The Obsidian plugin: wires settings, commands and automatic cleanup to the engine. Thin on purpose.

import { debounce, normalizePath, Notice, Plugin, TFile } from "obsidian";
import { Journal, LazyBatch, NoteTidier, optionsFromSaved, type ReadingStatus } from "../core";
import { AutoTidy } from "./autoTidy/autoTidy";
import { browserClock, type Clock } from "./batch/yielder";
import { tidyAllNotes, unwrapAllNotes } from "./commands/tidyAll";
import { tidyCurrentNote, tidyNoteAction, type CurrentNoteAction } from "./commands/tidyCurrentNote";
import { importOmnivoreExport } from "./commands/importOmnivoreExport";
import { undoLastTidy } from "./commands/undoLastTidy";
import { downloadImagesOfAll, downloadImagesOfNote } from "./commands/downloadImages";
import { createBasesFile, markCurrent, markReadAndOpenNext, openNextUnread, openQueue, openRandomUnread } from "./commands/queueCommands";
import { registerQueueBasesView } from "./bases/queueBasesView";
import { askForName } from "./queue/nameModal";
import { adapterStore, indexInputs } from "./queue/savedQueueIndex";
import { QueueIndex } from "./queue/queueIndex";
import { webItemWorkers } from "./queue/workers/webItemWorkers";
import { QUEUE_VIEW_TYPE, QueueView } from "./queue/queueView";
import type { QueueViewHost } from "./queue/viewHost";
import { changeStatus, copyNoteLink, openOriginal, openPluginSettings, revealInExplorer } from "./queue/statusActions";
import type { PluginContext } from "./context";
import { guarded, runGuarded } from "./errorBoundary";
import { ReportModal } from "./report/reportModal";
import { ReportStore } from "./report/reportStore";
import { resolveSettings, type OmnivoreQueueSettings } from "./settings";
import { OmnivoreQueueSettingTab } from "./settingsTab";

export default class OmnivoreQueuePlugin extends Plugin implements PluginContext {
	override settings: OmnivoreQueueSettings = resolveSettings({});
	readonly reports = new ReportStore();
	clock: Clock = browserClock;
	batchRunning = false;
	unloaded = false;
	pluginFolder = "";
	journal!: Journal;
	queue!: QueueIndex;
	private engine: NoteTidier | null = null;
	// Tag, folders and property names decide what the queue holds; typing in a setting waits for a pause.
	private readonly rebuildQueue = debounce(guarded("Updating the reading queue", () => this.queue.rebuild()), 1000, true);
	/** The settings the queue index was last built for (`indexInputs`). */
	private indexedWith = "";
	private automaticBatch!: LazyBatch;
	private automatic!: AutoTidy;

	override async onload(): Promise<void> {
		this.register(() => (this.unloaded = true));
		await this.loadSettings();
		const pluginFolder = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
		this.pluginFolder = normalizePath(pluginFolder);
		this.journal = new Journal(this.app.vault.adapter, normalizePath(`${pluginFolder}/journal`));
		this.automaticBatch = new LazyBatch(this.journal, "Automatic cleanup");
		this.addSettingTab(new OmnivoreQueueSettingTab(this.app, this));
		this.registerCommands();
		this.automatic = this.addChild(
			new AutoTidy(this.app, {
				settings: () => this.settings,
				tidier: () => this.tidier(),
				journal: async () => this.automaticBatch,
				reported: (path, problems) => this.reports.addAutomatic(path, problems),
				busy: () => this.batchRunning,
			}),
		);
		const savedQueue = adapterStore(this.app.vault.adapter, normalizePath(`${pluginFolder}/queue-index.json`));
		const itemWorkers = webItemWorkers(this);
		this.queue = this.addChild(
			new QueueIndex(this.app, {
				settings: () => this.settings,
				tidier: () => this.tidier(),
				clock: () => this.clock,
				savedIndex: () => savedQueue,
				itemWorkers: () => itemWorkers,
			}),
		);
		this.register(() => this.rebuildQueue.cancel());
		this.registerView(QUEUE_VIEW_TYPE, (leaf) => new QueueView(leaf, this.queueHost()));
		registerQueueBasesView(this, this.queueHost());
		this.addRibbonIcon("book-open", "Open reading queue", guarded("Open reading queue", () => openQueue(this)));
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.reports.rename(oldPath, file.path)));
		this.registerEvent(this.app.vault.on("delete", (file) => this.reports.rename(file.path, null)));
	}

	/** What the queue pane and the Bases layout ask of the plugin. */
	private queueHost(): QueueViewHost {
		return {
			index: this.queue,
			scope: () => this.settings,
			defaults: () => ({
				statuses: this.settings.queueTab === "all" ? [] : [this.settings.queueTab],
				sort: this.settings.queueSort,
				openInNewTab: this.settings.queueOpenInNewTab,
			}),
			savedFilters: () => this.settings.savedFilters,
			// Every action of the view runs through the error boundary, with the note it concerns.
			saveFilter: async (saved) => {
				await runGuarded("Saving the filters", async () => {
					this.settings.savedFilters = [...this.settings.savedFilters.filter((s) => s.name !== saved.name), saved];
					await this.saveData(this.settings);
				});
			},
			open: (path, newTab) => this.openNote(path, newTab),
			setStatus: async (path, status) =>
				(await runGuarded(`Mark as ${status}`, () => changeStatus(this.app, this.queue, this.settings, path, status, tidyNoteAction(this)), path)) ?? false,
			openOriginal: guarded("Open original", openOriginal),
			copyLink: async (path) => {
				await runGuarded("Copy link to note", () => copyNoteLink(this.app, path), path);
			},
			reveal: guarded("Reveal in file explorer", (path: string) => revealInExplorer(this.app, path), (path) => path),
			openSettings: guarded("Open settings", () => openPluginSettings(this.app, this.manifest.id)),
			askName: () => askForName(this.app, "Save filters"),
		};
	}

	/** A command on the note being read: available when a Markdown note is active. */
	private addNoteCommand(id: string, name: string, run: (file: TFile) => Promise<unknown>): void {
		this.addCommand({
			id,
			name,
			checkCallback: (checking) => {
				const file = this.app.workspace.getActiveFile();
				if (!(file instanceof TFile) || file.extension !== "md") return false;
				if (!checking) void runGuarded(name, () => run(file), file.path);
				return true;
			},
		});
	}

	/** A command that runs through the error boundary: a failure shows a notice naming the command. */
	private addGuardedCommand(id: string, name: string, run: () => unknown): void {
		this.addCommand({ id, name, callback: guarded(name.replace(/…$/, ""), run) });
	}

	private registerCommands(): void {
		const currentNote = (id: string, name: string, action: CurrentNoteAction) =>
			this.addNoteCommand(id, name, (file) => tidyCurrentNote(this, file, action));
		currentNote("tidy-current-note", "Tidy current note", "tidy");
		currentNote("unwrap-current-note", "Unwrap proxied images in current note", "unwrap");
		this.addGuardedCommand("tidy-all-notes", "Tidy all Omnivore notes…", () => tidyAllNotes(this));
		this.addGuardedCommand("unwrap-all-notes", "Unwrap proxied images in all notes…", () => unwrapAllNotes(this));
		this.addNoteCommand("download-images-current-note", "Download images of current note", (file) => downloadImagesOfNote(this, file));
		this.addGuardedCommand("download-images-all-notes", "Download images of all Omnivore notes…", () => downloadImagesOfAll(this));
		this.addGuardedCommand("undo-last-tidy", "Undo last tidy", () => undoLastTidy(this));
		this.addGuardedCommand("import-omnivore-export", "Import Omnivore export…", () => importOmnivoreExport(this));
		this.addGuardedCommand("show-tidy-report", "Show tidy report", () => new ReportModal(this.app, this.reports, (path) => this.openNote(path)).open());

		this.addGuardedCommand("open-reading-queue", "Open reading queue", () => openQueue(this));
		this.addGuardedCommand("open-next-unread", "Open next unread", () => openNextUnread(this, this.app.workspace.getActiveFile()?.path));
		this.addNoteCommand("mark-read-and-open-next", "Mark current note read and open next", (file) => markReadAndOpenNext(this, file));
		const mark = (status: ReadingStatus, name: string) => this.addNoteCommand(`mark-${status}`, name, (file) => markCurrent(this, file, status));
		mark("unread", "Mark current note as unread");
		mark("reading", "Mark current note as reading");
		mark("archived", "Mark current note as archived");
		this.addGuardedCommand("open-random-unread", "Open a random unread note", () => openRandomUnread(this));
		this.addGuardedCommand("create-bases-file", "Create a Bases file for the queue", () => createBasesFile(this));
	}

	tidier(): NoteTidier {
		// Checked as on the next start (a group of names with two alike gives way to its defaults), so a
		// vault is tidied with the same words before and after a restart.
		return (this.engine ??= new NoteTidier(optionsFromSaved(this.settings)));
	}

	automaticIdle(): Promise<void> {
		return this.automatic.idle();
	}

	automaticLeave(paths: readonly string[]): void {
		this.automatic.leave(paths);
	}

	beginBatch(label: string): LazyBatch {
		this.automaticBatch.reset();
		return new LazyBatch(this.journal, label);
	}

	openNote(path: string, newTab = false): void {
		void runGuarded(
			"Opening the note",
			async () => {
				// By its file, not as link text: a `#` in a file name would read as a heading, and a link
				// that leads nowhere creates a note.
				const file = this.app.vault.getFileByPath(path);
				if (!file) throw new Error("the note was moved or deleted");
				await this.app.workspace.getLeaf(newTab ? "tab" : false).openFile(file);
			},
			path,
		);
	}

	async loadSettings(): Promise<void> {
		let saved: unknown = null;
		try {
			saved = await this.loadData();
		} catch (error) {
			// A file cut short or edited by hand: the plugin still starts, and says why the settings look reset.
			console.error("Omnivore Queue: the settings file could not be read", error);
			new Notice(`The settings file of ${this.manifest.name} could not be read, so the defaults apply until you change a setting.`);
		}
		this.settings = resolveSettings(saved);
		this.indexedWith = indexInputs(this.settings);
	}

	async saveSettings(): Promise<void> {
		this.engine = null;
		await this.saveData(this.settings);
		// A build that started before this change read the old settings: build again after it. A
		// setting of the view (the tab a queue starts on) changes no item: nothing is read again.
		const inputs = indexInputs(this.settings);
		if (inputs === this.indexedWith) return;
		this.indexedWith = inputs;
		if (this.queue.state !== "cold") this.rebuildQueue();
	}
}
