// Keeps a QueueItem for every Omnivore note, current with the metadata cache, renames and deletes.

import { Component, TFile, type App, type CachedMetadata, type TAbstractFile } from "obsidian";
import { buildQueueItem, type NoteTidier, type QueueItem } from "../../core";
import { Yielder, type Clock } from "../batch/yielder";
import { findCandidates, mayBeOmnivoreNote } from "../notes/candidates";
import { isInScope } from "../notes/folderScope";
import type { OmnivoreQueueSettings } from "../settings";

export interface QueueIndexHost {
	settings(): OmnivoreQueueSettings;
	tidier(): NoteTidier;
	clock(): Clock;
}

export class QueueIndex extends Component {
	private readonly items = new Map<string, QueueItem>();
	private readonly listeners = new Set<() => void>();
	private building: Promise<void> | null = null;
	/** Set once the first build finished. */
	ready = false;

	constructor(
		private readonly app: App,
		private readonly host: QueueIndexHost,
	) {
		super();
	}

	override onload(): void {
		this.registerEvent(this.app.metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.onRename(file, oldPath)));
		this.registerEvent(this.app.vault.on("delete", (file) => this.remove(file.path)));
	}

	/** Build the index once (the first view or command that needs it); later calls wait for that build. */
	ensureBuilt(): Promise<void> {
		this.building ??= new Promise<void>((resolve) => this.app.workspace.onLayoutReady(() => resolve())).then(() => this.rebuild());
		return this.building;
	}

	/** Read every candidate note again, e.g. after the settings changed. */
	async rebuild(): Promise<void> {
		const settings = this.host.settings();
		const yielder = new Yielder(this.host.clock());
		const found = new Map<string, QueueItem>();
		for (const file of findCandidates(this.app.vault, this.app.metadataCache, settings)) {
			const item = this.build(file.path, await this.app.vault.cachedRead(file));
			if (item) found.set(file.path, item);
			await yielder.maybeYield();
		}
		this.items.clear();
		for (const [path, item] of found) this.items.set(path, item);
		this.ready = true;
		this.notify();
	}

	private build(path: string, text: string): QueueItem | null {
		const tidier = this.host.tidier();
		return buildQueueItem(path, text, tidier.options, tidier.proxy);
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (!this.ready) return;
		const settings = this.host.settings();
		// Most edits in a vault are to other notes: the cache says so without parsing the text.
		if (!this.items.has(file.path) && !mayBeOmnivoreNote(cache, settings.tagName)) return;
		const item = isInScope(file.path, settings.includeFolders, settings.excludeFolders) ? this.build(file.path, data) : null;
		if (item) this.items.set(file.path, item);
		else if (!this.items.delete(file.path)) return;
		this.notify();
	}

	private onRename(file: TAbstractFile, oldPath: string): void {
		const item = this.items.get(oldPath);
		if (!item || !(file instanceof TFile)) return;
		this.items.delete(oldPath);
		const settings = this.host.settings();
		if (isInScope(file.path, settings.includeFolders, settings.excludeFolders)) this.items.set(file.path, { ...item, path: file.path });
		this.notify();
	}

	private remove(path: string): void {
		if (this.items.delete(path)) this.notify();
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
