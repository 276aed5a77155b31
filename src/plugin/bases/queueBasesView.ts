// "Reading queue", a layout for Obsidian's Bases (1.10+): the entries of any base that are Omnivore
// notes, in the base's own order, as queue rows with their status and triage buttons.

import * as obsidian from "obsidian";
import type { App, Component, Plugin, TFile } from "obsidian";
import type { QueueItem } from "../../core";
import { LIST_HELP } from "../queue/labels";
import { handleListKey } from "../queue/listKeys";
import { articleActions, type ArticleActions } from "../queue/articleActions";
import { renderRow } from "../queue/queueRow";
import type { QueueViewHost } from "../queue/viewHost";
import { VirtualList } from "../queue/virtualList";

export const BASES_VIEW_ID = "omnivore-reading-queue";

/** What the Bases layout needs from the plugin: the queue's items and the actions on them. */
export type QueueBasesHost = Pick<QueueViewHost, "index" | "defaults" | "open" | "setStatus" | "openOriginal" | "copyLink" | "reveal">;

const ROW_HEIGHT = 50;
let nextId = 0;

/** The rows: a note of the base that the queue does not hold (not an Omnivore note) is left out. */
export function queueItemsOf(paths: readonly string[], host: Pick<QueueBasesHost, "index">): { items: QueueItem[]; left: number } {
	const items: QueueItem[] = [];
	for (const path of paths) {
		const item = host.index.get(path);
		if (item) items.push(item);
	}
	return { items, left: paths.length - items.length };
}

// The part of the Bases API (Obsidian 1.10+) this layout uses, declared here because it is looked up
// at run time: the plugin supports older versions, which load it without the layout.
interface BasesViewShape extends Component {
	app: App;
	data: { data: Array<{ file: TFile }> } | undefined;
}
type BasesViewClass = abstract new (controller: unknown) => BasesViewShape;
interface BasesRegistration {
	name: string;
	icon: string;
	factory: (controller: unknown, containerEl: HTMLElement) => BasesViewShape;
}
interface BasesRegistrar {
	registerBasesView?: (viewId: string, registration: BasesRegistration) => boolean;
}

/** Obsidian's BasesView class, or null before 1.10. */
function basesViewClass(): BasesViewClass | null {
	const value = (obsidian as unknown as { BasesView?: unknown }).BasesView;
	return typeof value === "function" ? (value as BasesViewClass) : null;
}

/**
 * The view class extends `BasesView`, which Obsidian before 1.10 does not have: it is defined when
 * registered, never while the plugin loads.
 */
function defineQueueBasesView(Base: BasesViewClass) {
	return class QueueBasesView extends Base {
		readonly type = BASES_VIEW_ID;
		private readonly list: VirtualList<QueueItem>;
		private readonly noteEl: HTMLElement;
		private items: QueueItem[] = [];
		private readonly actions: ArticleActions;

		constructor(
			controller: unknown,
			containerEl: HTMLElement,
			private readonly host: QueueBasesHost,
		) {
			super(controller);
			const root = containerEl.createDiv({ cls: "omnivore-queue-view omnivore-queue-bases" });
			this.actions = articleActions(this.app, undefined, host, {
				setStatus: (item, status) => void host.setStatus(item.path, status).then((changed) => changed && this.onDataUpdated()),
			});
			this.list = new VirtualList<QueueItem>(root, {
				rowHeight: ROW_HEIGHT,
				overscan: 4,
				idPrefix: `omnivore-queue-bases-${nextId++}`,
				label: "Articles",
				help: LIST_HELP,
				key: (item) => item.path,
				renderRow: (item, _index, el) => renderRow(el, item, { layout: "list", words: [], now: Date.now(), handlers: this.actions }),
			});
			this.noteEl = root.createDiv({ cls: "omnivore-queue-empty" });
			this.registerDomEvent(this.list.scrollEl, "keydown", (event) => this.onKey(event));
		}

		override onload(): void {
			this.register(this.host.index.subscribe(() => this.onDataUpdated()));
			this.register(() => this.list.destroy());
			void this.host.index.ensureBuilt().then(() => this.onDataUpdated());
		}

		onDataUpdated(): void {
			const { items, left } = queueItemsOf(this.data?.data.map((entry) => entry.file.path) ?? [], this.host);
			this.items = items;
			this.list.setItems(items);
			this.noteEl.empty();
			if (!this.host.index.ready) this.noteEl.setText("Reading your Omnivore notes…");
			else if (items.length === 0) this.noteEl.setText("No Omnivore notes in this view.");
			else if (left > 0) this.noteEl.setText(left === 1 ? "1 note here is not an Omnivore note, so it is not shown." : `${left} notes here are not Omnivore notes, so they are not shown.`);
			this.noteEl.toggleClass("is-hidden", this.host.index.ready && items.length > 0 && left === 0);
		}

		private onKey(event: KeyboardEvent): void {
			handleListKey(event, this.list, this.items, this.actions);
		}
	};
}

/** Register the layout where Bases exists (Obsidian 1.10+ with Bases enabled); true when it did. */
export function registerQueueBasesView(plugin: Plugin, host: QueueBasesHost): boolean {
	const registrar = plugin as unknown as BasesRegistrar;
	const Base = basesViewClass();
	if (typeof registrar.registerBasesView !== "function" || !Base) return false;
	const View = defineQueueBasesView(Base);
	return registrar.registerBasesView(BASES_VIEW_ID, {
		name: "Reading queue",
		icon: "book-open",
		factory: (controller, containerEl) => new View(controller, containerEl, host),
	});
}
