// Tidies Omnivore notes that appear after start-up (sync, import, by hand) once they have been quiet.

import { Component, TFile, type App, type TAbstractFile } from "obsidian";
import { mayBeOmnivoreByText, type NoteTidier, type Problem } from "../../core";
import { tidyFile } from "../batch/tidyBatch";
import type { EntryRecorder } from "../../core";
import { reportFailures, type NoteFailure } from "../errorBoundary";
import { mayBeOmnivoreNote } from "../notes/candidates";
import { isOpen } from "../notes/editorEdit";
import { isInScope } from "../notes/folderScope";
import { NoteOpenedError } from "../journal/vaultNoteStore";
import type { OmnivoreQueueSettings } from "../settings";

export interface AutoTidyHost {
	settings(): OmnivoreQueueSettings;
	tidier(): NoteTidier;
	/** The journal batch automatic writes go to (opened on first use). */
	journal(): Promise<EntryRecorder>;
	reported(path: string, problems: Problem[]): void;
	/** True while a command's run (tidy, import, downloads, undo) is under way: cleanup waits for its end. */
	busy(): boolean;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
// Failures within this time of the first are shown in one notice: a sync brings many notes at once,
// and a full disk or a journal that cannot be written fails every one of them.
export const FAILURES_GATHERED_MS = 1000;

/**
 * Sync and import tools write a note in several steps, so a new note is tidied only after it has
 * been quiet for the configured delay and the metadata cache has indexed it. Notes present at
 * start-up are never touched: the handlers are registered once the layout is ready, after Obsidian
 * has announced every existing file.
 */
export class AutoTidy extends Component {
	/** New notes not tidied yet, by path, with their pending timer. */
	private readonly watched = new Map<string, number | null>();
	/** Set on unload: a cleanup under way writes nothing more. */
	private stopped = false;
	/** Cleanups under way, so that a command's run can wait for them before it starts. */
	private readonly running = new Set<Promise<void>>();
	/** Failures not shown yet, and the timer that shows them. */
	private failures: NoteFailure[] = [];
	private failureTimer: number | null = null;
	/** Watched notes the report lists for Omnivore marks the engine could not read: cleared once they read. */
	private readonly listed = new Set<string>();

	constructor(
		private readonly app: App,
		private readonly host: AutoTidyHost,
	) {
		super();
	}

	override onload(): void {
		this.stopped = false;
		this.app.workspace.onLayoutReady(() => {
			// Unloaded before the layout was ready: nothing may listen on (and nothing would remove it).
			if (this.stopped) return;
			this.registerEvent(this.app.vault.on("create", (file) => this.onCreate(file)));
			this.registerEvent(this.app.vault.on("modify", (file) => this.onActivity(file)));
			this.registerEvent(this.app.metadataCache.on("changed", (file) => this.onActivity(file)));
			this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.onRename(file, oldPath)));
			this.registerEvent(this.app.vault.on("delete", (file) => this.forget(file.path)));
		});
	}

	override onunload(): void {
		this.stopped = true;
		for (const path of [...this.watched.keys()]) this.forget(path);
		this.showFailures();
	}

	/**
	 * Resolves once no cleanup is under way. A command's run waits for it (none starts while the run is
	 * busy), so that an undo never takes back a batch a cleanup is still writing to.
	 */
	async idle(): Promise<void> {
		await Promise.all([...this.running]);
	}

	/**
	 * Stop watching notes undo put back: the text before the tidy is then the user's choice, and
	 * cleaning them up once they are quiet would take the undo back unseen.
	 */
	leave(paths: readonly string[]): void {
		for (const path of paths) this.forget(path);
	}

	/** Paths waiting to be tidied (for tests and the status of the feature). */
	get pending(): string[] {
		return [...this.watched.keys()];
	}

	private onCreate(file: TAbstractFile): void {
		if (!(file instanceof TFile) || file.extension !== "md" || !this.host.settings().autoTidy) return;
		this.watched.set(file.path, null);
		this.schedule(file.path);
	}

	private onActivity(file: TAbstractFile): void {
		if (this.watched.has(file.path)) this.schedule(file.path);
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		if (!this.watched.has(oldPath)) return;
		this.forget(oldPath);
		const listed = this.listed.delete(oldPath);
		// Renamed to a file that is no note (`.md.bak`, `.txt`): as if it had been created so, never watched.
		if (!(file instanceof TFile) || file.extension !== "md") return;
		if (listed) this.listed.add(file.path);
		this.watched.set(file.path, null);
		this.schedule(file.path);
	}

	private forget(path: string): void {
		const timer = this.watched.get(path);
		if (timer !== null && timer !== undefined) window.clearTimeout(timer);
		this.watched.delete(path);
	}

	private schedule(path: string): void {
		const timer = this.watched.get(path);
		if (timer !== null && timer !== undefined) window.clearTimeout(timer);
		// A timer longer than 2^31 - 1 ms fires at once: a delay that long is as good as never.
		const delay = Math.min(MAX_TIMER_MS, Math.max(0, this.host.settings().autoTidyDelaySeconds * 1000));
		this.watched.set(
			path,
			window.setTimeout(() => void this.tracked(path), delay),
		);
	}

	private async tracked(path: string): Promise<void> {
		const run = this.run(path);
		this.running.add(run);
		try {
			await run;
		} finally {
			this.running.delete(run);
		}
	}

	private async run(path: string): Promise<void> {
		if (!this.watched.has(path)) return;
		this.watched.set(path, null);
		const settings = this.host.settings();
		const file = this.app.vault.getFileByPath(path);
		if (!file || !settings.autoTidy) {
			this.forget(path);
			return;
		}
		const cache = this.app.metadataCache.getFileCache(file);
		// Not indexed yet, or not (yet) an Omnivore note: a later write or index will wake it again.
		if (!cache || !isInScope(path, settings.includeFolders, settings.excludeFolders)) return;
		// Never change a note under the user's cursor, nor during a command's run: wait until both are over.
		if (isOpen(this.app.workspace, path) || this.host.busy()) {
			this.schedule(path);
			return;
		}
		try {
			// The cache lists internal links only: a note marked by its Omnivore link alone is found by its text.
			if (!mayBeOmnivoreNote(cache, settings) && !mayBeOmnivoreByText(await this.app.vault.cachedRead(file), settings)) return;
			const tidier = this.host.tidier();
			const { result, written } = await tidyFile(file, this.app, () => this.host.journal(), (text) => tidier.tidy(text), () => this.stopped, true);
			// Renamed while it was tidied: the report names it where it is now.
			const now = file.path;
			// Not (yet) an Omnivore note on its text (a first part of a synced note has only its id):
			// keep watching, a later write may complete it.
			if (!result.report.isOmnivoreNote) {
				// Omnivore's marks it could not read (hidden by a code block never closed, CR line endings):
				// in the report meanwhile, or the user would never learn why the note stays as it came.
				if (result.report.problems.some((p) => p.code !== "not-a-saved-article")) {
					this.listed.add(now);
					this.host.reported(now, result.report.problems);
				} else if (this.listed.delete(now)) this.host.reported(now, []);
				return;
			}
			this.forget(path);
			const wasListed = this.listed.delete(now);
			// A note left as it was (frontmatter it cannot read, say) is reported too, so the user learns of it.
			if (written || result.report.problems.length > 0 || wasListed) this.host.reported(now, result.report.problems);
		} catch (error) {
			// Unloaded; or moved or deleted meanwhile, the user's doing: a rename watches the note where it is now.
			if (this.stopped || this.app.vault.getFileByPath(path) !== file) return;
			// Opened in a tab meanwhile: tidied once it is closed.
			if (error instanceof NoteOpenedError) {
				this.schedule(path);
				return;
			}
			this.failed(path, error);
			this.forget(path);
		}
	}

	private failed(path: string, error: unknown): void {
		this.failures.push({ path, error });
		this.failureTimer ??= window.setTimeout(() => this.showFailures(), FAILURES_GATHERED_MS);
	}

	private showFailures(): void {
		if (this.failureTimer !== null) window.clearTimeout(this.failureTimer);
		this.failureTimer = null;
		reportFailures("Automatic cleanup", this.failures.splice(0));
	}
}
