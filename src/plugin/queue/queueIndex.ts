// Keeps a QueueItem for every Omnivore note, current with the metadata cache, renames and deletes.

import { Component, TFile, type App, type CachedMetadata, type TAbstractFile } from "obsidian";
import { mayBeOmnivoreByText, type QueueItem } from "../../core";
import { reportFailure } from "../errorBoundary";
import { mayBeOmnivoreNote } from "../notes/candidates";
import { isInScope } from "../notes/folderScope";
import { itemOf, scanVault, type QueueIndexHost } from "./queueScan";

export type { QueueIndexHost } from "./queueScan";

/** Cold: never built. Building: the first build runs. Ready: built. Rebuilding: built, and reading again. */
export type IndexState = "cold" | "building" | "ready" | "rebuilding";

type IndexChange =
	| { kind: "changed"; file: TFile; data: string; cache: CachedMetadata }
	| { kind: "renamed"; file: TAbstractFile; oldPath: string }
	| { kind: "deleted"; path: string };

const UPDATE = "Updating the reading queue";

/** A note's file name without its folder and extension, as Obsidian's `basename`. */
function baseName(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	const dot = name.lastIndexOf(".");
	return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Builds run one at a time (each waits for the one before, as obsidian-tasks' cache does with
 * `runExclusive`), each with one reading of the settings. Changes that arrive while a build runs are
 * kept in order and applied when it ends, so an edit made during a build is never lost.
 */
export class QueueIndex extends Component {
	private readonly items = new Map<string, QueueItem>();
	private readonly listeners = new Set<() => void>();
	private current: IndexState = "cold";
	private pending: IndexChange[] = [];
	private exclusive: Promise<void> = Promise.resolve();
	private firstBuild: Promise<void> | null = null;
	private queuedBuild: Promise<void> | null = null;
	/** Aborted on unload: a build under way reads no further, stops its workers and saves nothing. */
	private stop = new AbortController();

	constructor(
		private readonly app: App,
		private readonly host: QueueIndexHost,
	) {
		super();
	}

	get state(): IndexState {
		return this.current;
	}

	/** Set once a build has finished; the items stay shown while a later rebuild runs. */
	get ready(): boolean {
		return this.current === "ready" || this.current === "rebuilding";
	}

	override onload(): void {
		this.stop = new AbortController();
		this.registerEvent(this.app.metadataCache.on("changed", (file, data, cache) => this.receive({ kind: "changed", file, data, cache })));
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.receive({ kind: "renamed", file, oldPath })));
		this.registerEvent(this.app.vault.on("delete", (file) => this.receive({ kind: "deleted", path: file.path })));
	}

	override onunload(): void {
		this.stop.abort();
	}

	/** Build the index once (the first view or command that needs it); later calls wait for that build. */
	ensureBuilt(): Promise<void> {
		this.firstBuild ??= new Promise<void>((resolve) => this.app.workspace.onLayoutReady(() => resolve()))
			.then(() => this.rebuild())
			.catch((error: unknown) => {
				// A failed first build is tried again by the next view or command that needs the queue.
				this.firstBuild = null;
				throw error;
			});
		return this.firstBuild;
	}

	/** Read every candidate note again, e.g. after the settings changed. Calls made while one waits share it. */
	rebuild(): Promise<void> {
		this.queuedBuild ??= this.runExclusive(() => {
			this.queuedBuild = null;
			return this.build();
		});
		return this.queuedBuild;
	}

	private runExclusive(work: () => Promise<void>): Promise<void> {
		const run = this.exclusive.then(work);
		this.exclusive = run.catch(() => undefined);
		return run;
	}

	private async build(): Promise<void> {
		const first = !this.ready;
		this.current = first ? "building" : "rebuilding";
		let built = false;
		try {
			const found = await scanVault(this.app, this.host, first ? (partial) => this.showPartial(partial) : null, this.stop.signal);
			this.items.clear();
			for (const [path, item] of found) this.items.set(path, item);
			built = true;
		} finally {
			// A first build that failed leaves the index cold (the next use builds again); a rebuild keeps what it had.
			this.current = built || !first ? "ready" : "cold";
			if (this.current === "cold") this.items.clear();
			const changes = this.pending.splice(0);
			if (this.current === "ready") for (const change of changes) this.apply(change);
			this.notify();
		}
	}

	/** A first build shows what it has read so far: the view's first screen need not wait for the whole vault. */
	private showPartial(found: ReadonlyMap<string, QueueItem>): void {
		this.items.clear();
		for (const [path, item] of found) this.items.set(path, item);
		this.notify();
	}

	private receive(change: IndexChange): void {
		// Before the first build nothing needs keeping: that build reads every note as it then is.
		if (this.current === "cold") return;
		if (this.current === "ready") this.apply(change);
		else this.pending.push(change);
	}

	private apply(change: IndexChange): void {
		if (change.kind === "changed") this.onChanged(change.file, change.data, change.cache);
		else if (change.kind === "renamed") this.onRename(change.file, change.oldPath);
		else if (this.items.delete(change.path)) this.notify();
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		const settings = this.host.settings();
		// Most edits in a vault are to other notes: the cache says so without parsing the text.
		if (!this.items.has(file.path) && !mayBeOmnivoreNote(cache, settings) && !mayBeOmnivoreByText(data, settings)) return;
		let item: QueueItem | null = null;
		try {
			item = isInScope(file.path, settings.includeFolders, settings.excludeFolders) ? itemOf(this.host.tidier(), file.path, data, cache) : null;
		} catch (error) {
			reportFailure(UPDATE, error, file.path);
		}
		if (item) this.items.set(file.path, item);
		else if (!this.items.delete(file.path)) return;
		this.notify();
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		if (!(file instanceof TFile)) return;
		const settings = this.host.settings();
		const item = this.items.get(oldPath);
		const inScope = (path: string) => isInScope(path, settings.includeFolders, settings.excludeFolders);
		if (!item) {
			// A build read it under its new path before this rename was applied: out of the chosen folders, it goes.
			if (!inScope(file.path)) {
				if (this.items.delete(file.path)) this.notify();
				return;
			}
			// Moved into the chosen folders: the metadata cache sends no change for a rename, so read it
			// (a note marked only by an Omnivore link in its text is no candidate of the cache's).
			const byText = settings.match !== "tag" && file.extension === "md" && !inScope(oldPath);
			if (byText || mayBeOmnivoreNote(this.app.metadataCache.getFileCache(file), settings)) void this.readMoved(file);
			return;
		}
		this.items.delete(oldPath);
		if (inScope(file.path)) {
			this.items.set(file.path, { ...item, path: file.path });
			// An article titled by its file name takes the new one: read again (the cache sends no change for a rename).
			if (item.title.startsWith(baseName(oldPath)) && file.basename !== baseName(oldPath)) void this.readMoved(file);
		}
		this.notify();
	}

	private async readMoved(file: TFile): Promise<void> {
		const path = file.path;
		try {
			const text = await this.app.vault.cachedRead(file);
			// Moved or deleted again while it was read: the later event has the last word.
			if (file.path !== path || this.app.vault.getFileByPath(path) !== file) return;
			this.receive({ kind: "changed", file, data: text, cache: this.app.metadataCache.getFileCache(file) ?? {} });
		} catch (error) {
			reportFailure(UPDATE, error, path);
		}
	}

	/** Replace an item at once (a status the plugin just wrote), before the cache catches up. */
	update(item: QueueItem): void {
		this.items.set(item.path, item);
		this.notify();
	}

	get(path: string): QueueItem | undefined {
		return this.items.get(path);
	}

	all(): QueueItem[] {
		return [...this.items.values()];
	}

	/** Subscribe to changes; returns the function that unsubscribes. */
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private notify(): void {
		for (const listener of [...this.listeners]) listener();
	}
}
