/** @jest-environment jsdom */
// Triage from the keys and commands while a sync changes the vault: each acts on the article the reader chose.
import { QUEUE_VIEW_TYPE, QueueView } from "../../src/plugin/queue/queueView";
import { runCommand, settle, startObsidian } from "./harness";

function article(title: string, saved: string, status = "unread"): string {
	return `---\ntitle: ${title}\nstatus: ${status}\ndate_saved: ${saved}\noriginal_url: https://a.example/${encodeURIComponent(title)}\n---\n#Omnivore\n\nSome words to read.\n`;
}

const VAULT = {
	"Omnivore/a.md": article("Alpha", "2024-03-01T10:00:00"),
	"Omnivore/b.md": article("Bravo", "2024-02-01T10:00:00"),
	"Omnivore/c.md": article("Charlie", "2024-01-01T10:00:00"),
};

const wait = async () => {
	await new Promise((resolve) => setTimeout(resolve, 150));
	await settle();
};

async function openView() {
	const started = await startObsidian(VAULT);
	await runCommand(started.plugin, "open-reading-queue");
	await wait();
	const leaf = started.app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0];
	if (!leaf || !(leaf.view instanceof QueueView)) throw new Error("queue view not open");
	return { ...started, view: leaf.view as unknown as QueueView & { contentEl: HTMLElement } };
}

describe("triage while the vault changes", () => {
	it("mark read and open next, twice in a row, never reopens the article just marked read", async () => {
		const { app, plugin } = await openView();
		await runCommand(plugin, "open-next-unread");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/a.md");
		await runCommand(plugin, "mark-read-and-open-next");
		expect(app.vault.testText("Omnivore/a.md")).toContain("status: read");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/b.md");
		// The reader goes on at once (a hotkey pressed again within a tenth of a second).
		await runCommand(plugin, "mark-read-and-open-next");
		expect(app.vault.testText("Omnivore/b.md")).toContain("status: read");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/c.md");
	});

	it("mark read and open next, while a sync keeps changing other notes, never reopens the article just marked read", async () => {
		const { app, plugin } = await openView();
		const synced = await app.vault.create("Omnivore/synced.md", article("Synced", "2023-01-01T10:00:00", "read"));
		await runCommand(plugin, "open-next-unread");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/a.md");
		await runCommand(plugin, "mark-read-and-open-next");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/b.md");
		// Half a second of reading while a sync writes another article every 50 ms.
		for (let i = 0; i < 10; i++) {
			await app.vault.modify(synced, article("Synced", "2023-01-01T10:00:00", "read") + `\nsynced ${i}\n`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		await runCommand(plugin, "mark-read-and-open-next");
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/c.md");
	});

	it("the row the keys act on stays on its article when a new article arrives above it", async () => {
		const { app, view } = await openView();
		const list = view.contentEl.querySelector<HTMLElement>(".omnivore-queue-scroll");
		if (!list) throw new Error("no list");
		const key = (k: string) => list.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
		list.focus();
		key("ArrowDown");
		const selected = () => view.contentEl.querySelector(".omnivore-queue-row.is-selected .omnivore-queue-row-title")?.textContent;
		expect(selected()).toBe("Bravo");
		// A sync brings a newer article, which sorts first.
		await app.vault.create("Omnivore/new.md", article("Newer", "2024-04-01T10:00:00"));
		await new Promise((resolve) => setTimeout(resolve, 400));
		await settle();
		expect(view.visibleItems().map((item) => item.title)).toEqual(["Newer", "Alpha", "Bravo", "Charlie"]);
		// E archives the article the reader had chosen, not the one that slid under the cursor.
		key("e");
		await wait();
		expect(app.vault.testText("Omnivore/a.md")).toContain("status: unread");
		expect(app.vault.testText("Omnivore/b.md")).toContain("status: archived");
	});

	it("a deleted article leaves the pane while a sync keeps writing other notes", async () => {
		const { app, view } = await openView();
		const synced = await app.vault.create("Omnivore/synced.md", article("Synced", "2023-01-01T10:00:00", "read"));
		await new Promise((resolve) => setTimeout(resolve, 400));
		const charlie = app.vault.getFileByPath("Omnivore/c.md");
		if (!charlie) throw new Error("missing");
		await app.fileManager.trashFile(charlie);
		// A sync goes on writing another note every 50 ms, for a second.
		for (let i = 0; i < 20; i++) {
			await app.vault.modify(synced, article("Synced", "2023-01-01T10:00:00", "read") + `\nsynced ${i}\n`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const titles = Array.from(view.contentEl.querySelectorAll(".omnivore-queue-row-title"), (el) => el.textContent);
		expect(titles).toEqual(["Alpha", "Bravo"]);
	});
});
