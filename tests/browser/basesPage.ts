// A page for the queue use test (queueUse.browser.test.ts): the "Reading queue" Bases layout over the fake Obsidian, with a
// base that shows only unread Omnivore notes (as a base filtered on status would), re-queried when
// a note changes, as Obsidian re-runs a base's query.
import type { App as ObsidianApp, Plugin as ObsidianPlugin, TFile as ObsidianFile } from "obsidian";
import { App, Component, QueryController } from "../__mocks__/obsidian";
import { NoteTidier } from "../../src/core";
import { QueueIndex } from "../../src/plugin/queue/queueIndex";
import { changeStatus } from "../../src/plugin/queue/statusActions";
import { registerQueueBasesView, type QueueBasesHost } from "../../src/plugin/bases/queueBasesView";
import { resolveSettings } from "../../src/plugin/settings";
import { iconSvg } from "./icons";
import { numberedNote } from "./sampleNotes";

declare global {
	interface Window {
		bases: { app: App; view: Component & { onDataUpdated(): void; data: unknown }; requery(): void; ready: boolean; opened: string[] };
	}
}

async function main(): Promise<void> {
	const params = new URLSearchParams(location.search);
	const count = Number(params.get("notes") ?? "10");
	document.body.addClass("theme-light");
	(globalThis as { testDrawIcon?: (name: string) => SVGSVGElement | null }).testDrawIcon = iconSvg;
	const app = new App();
	const obsidianApp = app as unknown as ObsidianApp;
	const settings = resolveSettings({});
	const tidier = new NoteTidier(settings);
	const clock = { now: () => performance.now(), yieldToUi: () => new Promise<void>((resolve) => window.setTimeout(resolve, 0)) };
	const index = new QueueIndex(obsidianApp, { settings: () => settings, tidier: () => tidier, clock: () => clock });
	index.load();
	app.vault.testLoad(Object.fromEntries(Array.from({ length: count }, (_, i) => [`Omnivore/${i}.md`, numberedNote(i)])));
	if (count > 0) await new Promise<void>((resolve) => app.metadataCache.on("resolved", () => resolve()));
	app.workspace.testSetLayoutReady();
	await index.ensureBuilt();
	const opened: string[] = [];
	const host: QueueBasesHost = {
		index,
		defaults: () => ({ statuses: ["unread"], sort: "saved-newest", openInNewTab: false }),
		open: (path) => opened.push(path),
		setStatus: (path, status) => changeStatus(obsidianApp, index, settings, path, status),
		openOriginal: (url) => opened.push(url ?? ""),
		copyLink: async () => undefined,
		reveal: () => undefined,
	};
	let factory: ((controller: unknown, containerEl: HTMLElement) => unknown) | null = null;
	const plugin = { registerBasesView: (_id: string, registration: { factory: typeof factory }) => ((factory = registration.factory), true) };
	registerQueueBasesView(plugin as unknown as ObsidianPlugin, host);
	if (!factory) throw new Error("the Bases layout was not registered");
	const controller = Object.assign(new QueryController(), { app });
	const container = document.body.createDiv({ cls: "bases-view" });
	const view = (factory as (c: unknown, el: HTMLElement) => unknown)(controller, container) as Window["bases"]["view"];
	// The base: unread Omnivore notes, newest first (the numbered notes are saved in order).
	const requery = () => {
		const files = index
			.all()
			.filter((item) => item.status === "unread")
			.map((item) => app.vault.getFileByPath(item.path) as unknown as ObsidianFile)
			.reverse();
		(view as unknown as { data: { data: Array<{ file: ObsidianFile }> } }).data = { data: files.map((file) => ({ file })) };
		view.onDataUpdated();
	};
	requery();
	view.load();
	window.bases = { app, view, requery, ready: true, opened };
}

void main();
