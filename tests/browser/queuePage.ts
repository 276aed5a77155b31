// A page that runs the real queue view over the fake Obsidian in a browser, with generated notes.
// Bundled by queue.browser.test.ts with `obsidian` resolved to tests/__mocks__/obsidian.ts.
import type { App as ObsidianApp, WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { App, WorkspaceLeaf } from "../__mocks__/obsidian";
import { NoteTidier, type QueueStatus } from "../../src/core";
import { QueueIndex } from "../../src/plugin/queue/queueIndex";
import { QueueView } from "../../src/plugin/queue/queueView";
import { changeStatus } from "../../src/plugin/queue/statusActions";
import { resolveSettings } from "../../src/plugin/settings";

const STATUSES: QueueStatus[] = ["unread", "unread", "unread", "reading", "read", "archived"];
const SITES = ["fly.io", "The Atlantic", "ifanr.com", "inkandswitch.com", "en.wikipedia.org"];
const TAGS = ["rust", "databases", "reading", "papers", "ai", "design"];

function note(i: number): string {
	const saved = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000 * 3).toISOString().slice(0, 19);
	return [
		"---",
		`title: Article ${String(i).padStart(5, "0")} about ${TAGS[i % TAGS.length]}`,
		`author: Author ${i % 97}`,
		`site_name: ${SITES[i % SITES.length]}`,
		`original_url: https://example.com/articles/${i}`,
		`date_saved: ${saved}`,
		`status: ${STATUSES[i % STATUSES.length]}`,
		"tags:",
		`  - ${TAGS[i % TAGS.length]}`,
		`  - ${TAGS[(i + 2) % TAGS.length]}`,
		`read_length: ${1 + (i % 30)}`,
		"---",
		"#Omnivore",
		"",
		"Body text.",
		"",
	].join("\n");
}

declare global {
	interface Window {
		queue: { app: App; view: QueueView; index: QueueIndex; ready: boolean };
	}
}

async function main(): Promise<void> {
	const count = Number(new URLSearchParams(location.search).get("notes") ?? "10000");
	const app = new App();
	const obsidianApp = app as unknown as ObsidianApp;
	const settings = resolveSettings({});
	const tidier = new NoteTidier(settings);
	const clock = { now: () => performance.now(), yieldToUi: () => new Promise<void>((resolve) => window.setTimeout(resolve, 0)) };
	const index = new QueueIndex(obsidianApp, { settings: () => settings, tidier: () => tidier, clock: () => clock });
	index.load();
	app.vault.testLoad(Object.fromEntries(Array.from({ length: count }, (_, i) => [`Omnivore/${i}.md`, note(i)])));
	await new Promise<void>((resolve) => app.metadataCache.on("resolved", () => resolve()));
	app.workspace.testSetLayoutReady();

	const leaf = new WorkspaceLeaf(app);
	const view = new QueueView(leaf as unknown as ObsidianLeaf, {
		index,
		tagName: () => settings.tagName,
		savedFilters: () => [],
		saveFilter: async () => undefined,
		open: (path) => void app.workspace.openLinkText(path, "", false),
		setStatus: (path, status) => changeStatus(obsidianApp, index, settings, path, status),
		openOriginal: () => undefined,
		copyLink: async () => undefined,
		reveal: () => undefined,
		tidyAll: () => undefined,
		askName: async () => null,
	});
	document.body.appendChild(view.containerEl);
	window.queue = { app, view, index, ready: false };
	await view.onOpen();
	window.queue.ready = true;
}

void main();
