/** @jest-environment jsdom */
import { parse } from "yaml";
import { FuzzySuggestModal, Menu, Notice, Platform, type WorkspaceLeaf } from "../__mocks__/obsidian";
import { QUEUE_VIEW_TYPE, QueueView } from "../../src/plugin/queue/queueView";
import { fixture, notices, runCommand, settle, startObsidian } from "./harness";

function article(title: string, fields: Record<string, string | string[]>, body = "Some words to read.\n"): string {
	const yaml = Object.entries({ title, ...fields })
		.map(([key, value]) => (Array.isArray(value) ? `${key}:\n${value.map((v) => `  - ${v}`).join("\n")}` : `${key}: ${value}`))
		.join("\n");
	return `---\n${yaml}\n---\n#Omnivore\n\n${body}`;
}

const VAULT = {
	"Omnivore/rust.md": article("Rust in 2023", { author: "Niko Matsakis", site_name: "smallcultfollowing.com", original_url: "https://smallcultfollowing.com/rust", status: "unread", date_saved: "2024-01-20T19:03:11", tags: ["rust", "programming"] }),
	"Omnivore/sqlite.md": article("How SQLite Scales", { site_name: "fly.io", status: "unread", date_saved: "2023-11-02T08:58:06", tags: ["databases"] }),
	"Omnivore/slow.md": article("The Case for Slow Reading", { author: "Maryanne Wolf", status: "reading", date_saved: "2024-03-15T08:12:44", tags: ["reading"] }),
	"Omnivore/byzantine.md": article("Byzantine Generals", { status: "archived", date_saved: "2024-07-30T14:05:00" }),
	"Inbox/scratch.md": "# Scratch\n",
};

async function openView(settings: Parameters<typeof startObsidian>[1] = {}) {
	const started = await startObsidian(VAULT, settings);
	await runCommand(started.plugin, "open-reading-queue");
	await new Promise((resolve) => setTimeout(resolve, 150));
	await settle();
	const leaf = started.app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0] as WorkspaceLeaf | undefined;
	if (!leaf || !(leaf.view instanceof QueueView)) throw new Error("queue view not open");
	return { ...started, view: leaf.view as unknown as QueueView & { contentEl: HTMLElement } };
}

const titles = (root: HTMLElement) => Array.from(root.querySelectorAll(".omnivore-queue-row-title"), (el) => el.textContent);
const tabs = (root: HTMLElement) => Array.from(root.querySelectorAll(".omnivore-queue-tab"), (el) => el.getAttribute("aria-label"));
const wait = async () => {
	await new Promise((resolve) => setTimeout(resolve, 150));
	await settle();
};

describe("the reading queue view", () => {
	it("shows unread articles, newest first, with counts on the status tabs", async () => {
		const { view } = await openView();
		expect(titles(view.contentEl)).toEqual(["Rust in 2023", "How SQLite Scales"]);
		expect(tabs(view.contentEl)).toEqual(["Unread: 2", "Reading: 1", "Read: 0", "Archived: 1", "All: 4"]);
		const row = view.contentEl.querySelector(".omnivore-queue-row");
		const parts = Array.from(row?.querySelectorAll(".omnivore-queue-row-meta [dir=auto]") ?? [], (el) => el.textContent);
		expect(parts).toEqual(["smallcultfollowing.com", "Niko Matsakis", "#rust", "#programming"]);
		const when = row?.querySelector(".omnivore-queue-row-when");
		expect(when?.querySelector(".omnivore-queue-date-long")?.textContent).toMatch(/^\d+ \w+ ago$/);
		expect(when?.querySelector(".omnivore-queue-date-short")?.textContent).toMatch(/^\d+(y|mo|d)$/);
		expect(when?.firstElementChild?.textContent).toBe("1 min");
		expect(when?.querySelector("[aria-label]")?.getAttribute("aria-label")).toMatch(/^Saved January 20, 2024/);
		expect(row?.classList.contains("is-unread")).toBe(true);
		expect(row?.querySelector(".omnivore-queue-row-icon")?.getAttribute("data-icon")).toBe("circle");
	});

	it("starts on the tab and in the order the settings choose, and opens articles where they say", async () => {
		const { app, view } = await openView({ queueTab: "all", queueSort: "title", queueOpenInNewTab: true });
		expect(titles(view.contentEl)).toEqual(["Byzantine Generals", "How SQLite Scales", "Rust in 2023", "The Case for Slow Reading"]);
		expect(view.contentEl.querySelector(".omnivore-queue-tab.is-active")?.getAttribute("aria-label")).toBe("All: 4");
		view.contentEl.querySelector<HTMLElement>(".omnivore-queue-row")?.click();
		expect(app.workspace.testLastNewLeaf).toBe("tab");
		view.contentEl.querySelector<HTMLElement>(".omnivore-queue-row")?.dispatchEvent(new MouseEvent("click", { ctrlKey: true }));
		expect(app.workspace.testLastNewLeaf).toBe(false);
	});

	it("lists a status whose meaning is unclear under its own tab, only when there is one", async () => {
		const started = await startObsidian({ ...VAULT, "Omnivore/odd.md": article("Someday", { status: "someday", date_saved: "2024-02-01T10:00:00" }) });
		await runCommand(started.plugin, "open-reading-queue");
		await wait();
		const view = started.app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		expect(tabs(view.contentEl)).toEqual(["Unread: 2", "Reading: 1", "Read: 0", "Archived: 1", "Unknown status: 1", "All: 5"]);
		Array.from(view.contentEl.querySelectorAll<HTMLButtonElement>(".omnivore-queue-tab")).find((t) => t.textContent?.startsWith("Unknown"))?.click();
		expect(titles(view.contentEl)).toEqual(["Someday"]);
	});

	it("switches tabs, and Ctrl-click adds a status", async () => {
		const { view } = await openView();
		const tab = (label: string) => Array.from(view.contentEl.querySelectorAll<HTMLButtonElement>(".omnivore-queue-tab")).find((t) => t.getAttribute("aria-label")?.startsWith(label));
		tab("Reading")?.click();
		expect(titles(view.contentEl)).toEqual(["The Case for Slow Reading"]);
		tab("Archived")?.dispatchEvent(new MouseEvent("click", { ctrlKey: true }));
		expect(titles(view.contentEl)).toEqual(["Byzantine Generals", "The Case for Slow Reading"]);
		// Two tabs selected at once: the tab list says it allows that.
		expect(Array.from(view.contentEl.querySelectorAll('[role="tab"][aria-selected="true"]'), (t) => t.getAttribute("aria-label"))).toEqual(["Reading: 1", "Archived: 1"]);
		expect(view.contentEl.querySelector('[role="tablist"]')?.getAttribute("aria-multiselectable")).toBe("true");
		tab("All")?.click();
		expect(titles(view.contentEl)).toHaveLength(4);
	});

	it("shows tags only when an article has some", async () => {
		const { view } = await openView();
		const sqlite = view.contentEl.querySelectorAll(".omnivore-queue-row")[1];
		expect(Array.from(sqlite.querySelectorAll(".omnivore-queue-row-tag"), (t) => t.textContent)).toEqual(["#databases"]);
		const tab = Array.from(view.contentEl.querySelectorAll<HTMLButtonElement>(".omnivore-queue-tab")).find((t) => t.getAttribute("aria-label")?.startsWith("Archived"));
		tab?.click();
		expect(view.contentEl.querySelectorAll(".omnivore-queue-row-tag")).toHaveLength(0);
		expect(view.contentEl.querySelector(".omnivore-queue-row")?.classList.contains("is-archived")).toBe(true);
	});

	it("searches, filters by tag, offers to clear filters when nothing matches", async () => {
		const { view } = await openView();
		const search = view.contentEl.querySelector<HTMLInputElement>(".omnivore-queue-search");
		if (!search) throw new Error("no search box");
		search.value = "sqlite";
		search.dispatchEvent(new Event("input"));
		expect(titles(view.contentEl)).toEqual(["How SQLite Scales"]);
		search.value = "no such article";
		search.dispatchEvent(new Event("input"));
		const empty = view.contentEl.querySelector(".omnivore-queue-empty");
		expect(empty?.textContent).toBe("No articles match “no such article”Only unread articles were searched.Clear search");
		expect(Array.from(view.contentEl.querySelectorAll("button")).filter((b) => /^Clear/.test(b.textContent ?? ""))).toHaveLength(1);
		empty?.querySelector("button")?.click();
		expect(titles(view.contentEl)).toEqual(["Rust in 2023", "How SQLite Scales"]);

		view.contentEl.querySelector<HTMLButtonElement>('button[aria-label^="Show filters"]')?.click();
		view.contentEl.querySelector<HTMLButtonElement>('button[aria-label="Add a tag filter"]')?.click();
		expect(FuzzySuggestModal.last?.testTexts()).toEqual(["#databases", "#programming", "#reading", "#rust"]);
		FuzzySuggestModal.last?.testChoose("#databases");
		await settle();
		expect(titles(view.contentEl)).toEqual(["How SQLite Scales"]);
		const chip = view.contentEl.querySelector<HTMLButtonElement>('button[aria-label="Remove tag databases"]');
		expect(chip?.textContent).toBe("#databases");
		expect(chip?.querySelector('[data-icon="x"]')).not.toBeNull();
		expect(view.contentEl.querySelector('button[aria-label^="Hide filters"]')?.classList.contains("has-filters")).toBe(true);
		chip?.click();
		expect(titles(view.contentEl)).toEqual(["Rust in 2023", "How SQLite Scales"]);
	});

	it("writes only the status when an article is marked read, and updates the list at once", async () => {
		const { app, view } = await openView();
		const before = app.vault.testText("Omnivore/rust.md") ?? "";
		const row = view.contentEl.querySelector(".omnivore-queue-row");
		row?.querySelector<HTMLButtonElement>('button[aria-label^="Mark as read"]')?.click();
		await settle(2);
		expect(app.vault.testText("Omnivore/rust.md")).toBe(before.replace("status: unread", "status: read"));
		expect(titles(view.contentEl)).toEqual(["How SQLite Scales"]);
		expect(tabs(view.contentEl)[2]).toBe("Read: 1");
	});

	it("updates live when notes change, move or go", async () => {
		const { app, view } = await openView();
		const sqlite = app.vault.getFileByPath("Omnivore/sqlite.md");
		const rust = app.vault.getFileByPath("Omnivore/rust.md");
		if (!sqlite || !rust) throw new Error("missing");
		await app.vault.modify(sqlite, (app.vault.testText("Omnivore/sqlite.md") ?? "").replace("How SQLite Scales", "How SQLite Scales Reads"));
		await app.vault.rename(rust, "Archive/rust.md");
		await wait();
		expect(titles(view.contentEl)).toEqual(["Rust in 2023", "How SQLite Scales Reads"]);
		expect(view.contentEl.querySelector(".omnivore-queue-row")?.getAttribute("data-key")).toBe("Archive/rust.md");
		await app.fileManager.trashFile(sqlite);
		await app.vault.create("Omnivore/new.md", article("A New Arrival", { status: "unread", date_saved: "2024-09-01T10:00:00" }));
		await wait();
		expect(titles(view.contentEl)).toEqual(["A New Arrival", "Rust in 2023"]);
	});

	it("opens an article on click, in a new tab with Ctrl, and moves with the keyboard", async () => {
		const { app, view } = await openView();
		const rows = () => Array.from(view.contentEl.querySelectorAll<HTMLElement>(".omnivore-queue-row"));
		rows()[1].click();
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/sqlite.md");
		expect(app.workspace.testLastNewLeaf).toBe(false);
		rows()[0].dispatchEvent(new MouseEvent("click", { ctrlKey: true }));
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/rust.md");
		expect(app.workspace.testLastNewLeaf).toBe("tab");
		const list = view.contentEl.querySelector<HTMLElement>(".omnivore-queue-scroll");
		list?.dispatchEvent(new KeyboardEvent("keydown", { key: "Home" }));
		list?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown" }));
		list?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp" }));
		expect(rows()[0].getAttribute("aria-selected")).toBe("true");
		expect(rows()[1].getAttribute("aria-selected")).toBe("false");
		list?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown" }));
		list?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/sqlite.md");
		// Enter on a button inside the list is the button's: it does not open the note.
		const opened = app.workspace.testOpened.length;
		rows()[0].querySelector("button")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(app.workspace.testOpened).toHaveLength(opened);
	});

	it("opens the article's own note when its file name holds a # (which a link reads as a heading), creating none", async () => {
		const { app, plugin } = await startObsidian({ "Omnivore/C# in depth.md": article("C# in depth", { status: "unread", date_saved: "2024-01-20T19:03:11" }) });
		await runCommand(plugin, "open-next-unread");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/C# in depth.md");
		expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["Omnivore/C# in depth.md"]);
		expect(app.workspace.getActiveFile()?.path).toBe("Omnivore/C# in depth.md");
	});

	it("offers the article's actions and Obsidian's file menu on right-click", async () => {
		const { app, view } = await openView();
		const seen: string[] = [];
		app.workspace.on("file-menu", (menu: Menu, file: { path: string }, source: string) => {
			seen.push(`${file.path} from ${source}`);
			menu.addItem((item) => item.setTitle("Another plugin's item"));
		});
		view.contentEl.querySelector(".omnivore-queue-row")?.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		expect(Menu.last?.items.map((i) => i.title)).toEqual([
			"Mark as reading",
			"Mark as read",
			"Archive",
			"Open original",
			"Copy link to note",
			"Reveal in file explorer",
			"Another plugin's item",
		]);
		expect(seen).toEqual(["Omnivore/rust.md from omnivore-queue"]);
	});

	it("puts a link to the note on a dragged row", async () => {
		const { view } = await openView();
		const data = new Map<string, string>();
		const event = new Event("dragstart", { bubbles: true }) as DragEvent;
		Object.defineProperty(event, "dataTransfer", { value: { setData: (type: string, value: string) => data.set(type, value), effectAllowed: "" } });
		const row = view.contentEl.querySelector(".omnivore-queue-row");
		expect(row?.getAttribute("draggable")).toBe("true");
		row?.dispatchEvent(event);
		expect(data.get("text/plain")).toBe("[[rust]]");
		expect(data.get("text/uri-list")).toMatch(/^obsidian:\/\/open\?vault=.+&file=Omnivore%2Frust\.md$/);
	});

	it("sorts from a menu with the current order checked", async () => {
		const { view } = await openView();
		view.contentEl.querySelector<HTMLButtonElement>('button[aria-label="Change sort order"]')?.click();
		const items = Menu.last?.items ?? [];
		expect(items.filter((i) => i.checked).map((i) => i.title)).toEqual(["Saved (newest first)"]);
		items.find((i) => i.title === "Title (A to Z)")?.callback?.();
		expect(titles(view.contentEl)).toEqual(["How SQLite Scales", "Rust in 2023"]);
		expect(view.getState()).toMatchObject({ sort: "title" });
	});

	it("keeps only the visible rows in the DOM for a large queue", async () => {
		const many = Object.fromEntries(
			Array.from({ length: 3000 }, (_, i) => [`Omnivore/n${i}.md`, article(`Article ${i}`, { status: "unread", date_saved: "2024-01-01T00:00:00" })]),
		);
		const { app, plugin } = await startObsidian(many);
		await runCommand(plugin, "open-reading-queue");
		await wait();
		const view = app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		expect(view.contentEl.querySelector('[aria-label="Unread: 3000"]')).not.toBeNull();
		const scroll = view.contentEl.querySelector<HTMLElement>(".omnivore-queue-scroll");
		expect(view.contentEl.querySelectorAll(".omnivore-queue-row").length).toBeLessThan(40);
		if (!scroll) throw new Error("no list");
		scroll.scrollTop = 50 * 1500;
		scroll.dispatchEvent(new Event("scroll"));
		const rows = Array.from(view.contentEl.querySelectorAll(".omnivore-queue-row"), (r) => Number(r.getAttribute("data-index")));
		expect(rows.length).toBeLessThan(40);
		expect(rows).toContain(1500);
		// 3,000 notes built on the test's one thread: seconds on a loaded machine.
	}, 20_000);

	it("shows the articles read so far while its first build runs, then all of them", async () => {
		const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`Omnivore/${String(i).padStart(3, "0")}.md`, article(`Article ${i}`, { status: "unread", date_saved: `2024-01-01T10:${String(i % 60).padStart(2, "0")}:00` })]));
		const { app, plugin } = await startObsidian(many);
		let during: { state: string; rows: number; message: string | null | undefined } | null = null;
		let time = 0;
		plugin.clock = {
			now: () => (time += 10),
			yieldToUi: async () => {
				// Halfway through the notes, look at the pane as the reader sees it.
				if (during === null && plugin.queue.all().length >= 60) {
					await wait();
					const root = app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view.containerEl;
					during = { state: plugin.queue.state, rows: root.querySelectorAll(".omnivore-queue-row").length, message: root.querySelector(".omnivore-queue-empty")?.textContent };
				}
			},
		};
		await runCommand(plugin, "open-reading-queue");
		await wait();
		expect(during).not.toBeNull();
		const seen = during as unknown as { state: string; rows: number; message: string };
		expect(seen.state).toBe("building");
		expect(seen.message).toMatch(/^Reading your Omnivore notes….*articles so far/);
		expect(seen.rows).toBeGreaterThan(5);
		const view = app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		expect(plugin.queue.state).toBe("ready");
		expect(tabs(view.contentEl)).toContain("All: 120");
		expect(view.contentEl.querySelector(".omnivore-queue-empty")?.classList.contains("is-hidden")).toBe(true);
	});

	/** The queue over a vault without Omnivore notes: its empty state. */
	async function emptyQueue(settings: Parameters<typeof startObsidian>[1]) {
		const { app, plugin } = await startObsidian({ "a.md": "# Nothing\n" }, settings);
		await runCommand(plugin, "open-reading-queue");
		await wait();
		const view = app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		return view.contentEl.querySelector(".omnivore-queue-empty");
	}

	it("says which tag and folders it searched when it finds nothing, and offers the settings", async () => {
		const empty = await emptyQueue({ match: "tag", includeFolders: ["Clippings", "Omnivore"], excludeFolders: ["Omnivore/Old"] });
		expect(empty?.querySelector(".omnivore-queue-empty-title")?.textContent).toBe("No notes tagged #Omnivore");
		expect(empty?.textContent).toContain("Searched the folders “Clippings”, “Omnivore”, except “Omnivore/Old”.");
		expect(Array.from(empty?.querySelectorAll("button") ?? [], (b) => b.textContent)).toEqual(["Open settings"]);
	});

	it("says it also looked for Omnivore's links when the settings find notes by them", async () => {
		const empty = await emptyQueue({ match: "fingerprint" });
		expect(empty?.querySelector(".omnivore-queue-empty-title")?.textContent).toBe("No Omnivore notes found");
		expect(empty?.textContent).toContain("Looked for notes tagged #Omnivore or holding Omnivore's links in the whole vault.");
	});

	it("names the list and its keys for screen readers without tooltips on the rows, and opens the menu from More actions", async () => {
		const { view } = await openView();
		const list = view.contentEl.querySelector(".omnivore-queue-scroll");
		const text = (id: string | null | undefined) => (id ? view.contentEl.querySelector(`[id="${id}"]`)?.textContent : null);
		expect(list?.getAttribute("role")).toBe("listbox");
		expect(text(list?.getAttribute("aria-labelledby"))).toBe("Articles");
		expect(text(list?.getAttribute("aria-describedby"))).toMatch(/R marks read or unread, E archives, O opens the original/);
		const row = view.contentEl.querySelector(".omnivore-queue-row");
		expect(row?.hasAttribute("aria-label")).toBe(false);
		expect(row?.textContent).toMatch(/^Unread: Rust in 2023/);
		expect(Array.from(row?.querySelectorAll(".omnivore-queue-row-actions button") ?? [], (b) => b.getAttribute("aria-label"))).toEqual([
			"Mark as read (R)",
			"Archive (E)",
			"Open original (O)",
			"More actions",
		]);
		row?.querySelector<HTMLButtonElement>('button[aria-label="More actions"]')?.click();
		expect(Menu.last?.items.map((i) => i.title)).toContain("Copy link to note");
	});

	it("draws its rows once when its first build ends, not again a moment later", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "open-reading-queue");
		const view = app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		const first = view.contentEl.querySelector(".omnivore-queue-row");
		expect(first?.textContent).toContain("Rust in 2023");
		await wait();
		// The same element: a row a reader (or a test) holds is not swapped for a copy.
		expect(view.contentEl.querySelector(".omnivore-queue-row")).toBe(first);
	});

	it("puts the cursor in its search box when its command opens it, so the keys work at once", async () => {
		const { app, plugin, view } = await openView();
		document.body.appendChild(view.containerEl);
		(document.activeElement as HTMLElement | null)?.blur();
		await runCommand(plugin, "open-reading-queue");
		await settle();
		expect(app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)).toHaveLength(1);
		expect(document.activeElement?.classList.contains("omnivore-queue-search")).toBe(true);
		// On a phone the on-screen keyboard would cover the list: the box is left alone.
		(document.activeElement as HTMLElement | null)?.blur();
		Platform.isMobile = true;
		try {
			await runCommand(plugin, "open-reading-queue");
			expect(document.activeElement).toBe(document.body);
		} finally {
			Platform.isMobile = false;
			view.containerEl.remove();
		}
	});

	it("gives every button an accessible label", async () => {
		const { view } = await openView();
		for (const button of Array.from(view.contentEl.querySelectorAll("button"))) {
			expect(button.getAttribute("aria-label") ?? button.textContent).toBeTruthy();
		}
	});
});

describe("queue commands", () => {
	it("open the oldest unread note, and mark read then open the next", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "open-next-unread");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/sqlite.md");
		await runCommand(plugin, "mark-read-and-open-next");
		expect(app.vault.testText("Omnivore/sqlite.md")).toContain("status: read");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/rust.md");
	});

	it("mark the current note archived, and refuse a note outside the queue", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await app.workspace.testOpenInEditor("Omnivore/rust.md", "preview");
		await runCommand(plugin, "mark-archived");
		expect(app.vault.testText("Omnivore/rust.md")).toContain("status: archived");
		await app.workspace.testOpenInEditor("Inbox/scratch.md", "preview");
		await runCommand(plugin, "mark-reading");
		expect(notices().at(-1)).toBe("scratch is not in the reading queue (it does not look like an Omnivore note).");
		expect(app.vault.testText("Inbox/scratch.md")).toBe("# Scratch\n");
	});

	it("leave a note whose properties are not valid YAML, and offer to tidy it", async () => {
		const broken =
			"---\ntitle: Rust: what comes next\nstatus: unread\n---\n#Omnivore\n\n[Read on Omnivore](https://omnivore.app/me/rust-what-comes-next-18d27c31f2a)\n\nText.\n";
		const { app, plugin } = await startObsidian({ "Omnivore/broken.md": broken });
		await app.workspace.testOpenInEditor("Omnivore/broken.md", "preview");
		await runCommand(plugin, "mark-archived");
		expect(app.vault.testText("Omnivore/broken.md")).toBe(broken);
		expect(notices().at(-1)).toBe("The properties of broken are not valid YAML, so its status was not changed. Tidying the note may repair them.Tidy note");
		Notice.shown.at(-1)?.messageEl.querySelector("button")?.click();
		await settle(3);
		expect(app.vault.testText("Omnivore/broken.md")).toContain('title: "Rust: what comes next"');
	});

	it("open a random unread note", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "open-random-unread");
		expect(["Omnivore/rust.md", "Omnivore/sqlite.md"]).toContain(app.workspace.testOpened.at(-1));
	});

	it("create a Bases file with Unread, Reading and Archive views", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "create-bases-file");
		const base = parse(app.vault.testText("Omnivore queue.base") ?? "") as { filters: unknown; views: Array<{ name: string; filters: unknown }> };
		expect(base.filters).toEqual({ or: ['file.hasTag("Omnivore")', 'file.hasProperty("omnivore_url")'] });
		expect(base.views.map((v) => [v.name, v.filters])).toEqual([
			["Unread", { and: ['status == "unread"'] }],
			["Reading", { and: ['status == "reading"'] }],
			["Archive", { or: ['status == "read"', 'status == "archived"'] }],
		]);
		await runCommand(plugin, "create-bases-file");
		expect(notices().at(-1)).toBe("Omnivore queue.base already exists; it was opened as it is.");
	});

	it("find the queue built from real notes, untidied ones included", async () => {
		const { app, plugin } = await startObsidian({ "a.md": fixture("vault/Omnivore/2024-07-30/Byzantine Generals.md") });
		await plugin.queue.ensureBuilt();
		expect(plugin.queue.get("a.md")).toMatchObject({ title: "The Byzantine Generals Problem", status: "archived" });
		void app;
	});
});
