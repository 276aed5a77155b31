/** @jest-environment jsdom */
import { Plugin, QueryController, TFile, type BasesView } from "../__mocks__/obsidian";
import { BASES_VIEW_ID } from "../../src/plugin/bases/queueBasesView";
import { fake, settle, startObsidian } from "./harness";

function article(title: string, status: string): string {
	return `---\ntitle: ${title}\nstatus: ${status}\ndate_saved: 2024-01-20T19:03:11\nsite_name: fly.io\n---\n#Omnivore\n\nSome words.\n`;
}

const VAULT = {
	"Omnivore/a.md": article("How SQLite Scales", "unread"),
	"Omnivore/b.md": article("Rust in 2023", "read"),
	"Inbox/plain.md": "# A plain note\n",
};

async function openLayout() {
	const started = await startObsidian(VAULT);
	const registration = fake(started.plugin).testBasesViews.get(BASES_VIEW_ID);
	if (!registration) throw new Error("no Bases layout registered");
	const controller = Object.assign(new QueryController(), { app: started.app });
	const container = createDiv();
	const view = registration.factory(controller, container) as BasesView & { data: { data: Array<{ file: TFile }> } };
	// The base's own order, and a note that is not an Omnivore note.
	const files = ["Omnivore/b.md", "Inbox/plain.md", "Omnivore/a.md"].map((path) => started.app.vault.getFileByPath(path));
	view.data = { data: files.filter((file): file is TFile => file instanceof TFile).map((file) => ({ file })) };
	view.load();
	await settle();
	return { ...started, registration, view, container };
}

const titles = (root: HTMLElement) => Array.from(root.querySelectorAll(".omnivore-queue-row-title"), (el) => el.textContent);

describe("the Reading queue layout for Bases", () => {
	it("is registered as Reading queue", async () => {
		const { registration } = await openLayout();
		expect(registration.name).toBe("Reading queue");
		expect(registration.icon).toBe("book-open");
	});

	it("shows the base's Omnivore notes in the base's order, with their status, and says what it left out", async () => {
		const { container } = await openLayout();
		expect(titles(container)).toEqual(["Rust in 2023", "How SQLite Scales"]);
		const rows = Array.from(container.querySelectorAll(".omnivore-queue-row"));
		expect(rows.map((r) => r.classList.contains("is-read"))).toEqual([true, false]);
		expect(container.querySelector(".omnivore-queue-empty")?.textContent).toBe("1 note here is not an Omnivore note, so it is not shown.");
	});

	it("triages from its rows: marking read writes only the status", async () => {
		const { app, container } = await openLayout();
		const before = app.vault.testText("Omnivore/a.md") ?? "";
		container.querySelectorAll(".omnivore-queue-row")[1].querySelector<HTMLButtonElement>('button[aria-label^="Mark as read"]')?.click();
		await settle(3);
		expect(app.vault.testText("Omnivore/a.md")).toBe(before.replace("status: unread", "status: read"));
		expect(container.querySelectorAll(".omnivore-queue-row")[1].classList.contains("is-read")).toBe(true);
	});

	it("opens a note on click, and acts on the keys of the pane", async () => {
		const { app, container } = await openLayout();
		container.querySelector<HTMLElement>(".omnivore-queue-row")?.click();
		expect(app.workspace.testOpened.at(-1)).toBe("Omnivore/b.md");
		const list = container.querySelector<HTMLElement>(".omnivore-queue-scroll");
		list?.dispatchEvent(new KeyboardEvent("keydown", { key: "j" }));
		list?.dispatchEvent(new KeyboardEvent("keydown", { key: "e" }));
		await settle(3);
		expect(app.vault.testText("Omnivore/a.md")).toContain("status: archived");
	});

	it("is skipped on Obsidian before 1.10, which has no Bases API, and the plugin still loads", async () => {
		const prototype = Plugin.prototype as { registerBasesView?: unknown };
		const original = prototype.registerBasesView;
		delete prototype.registerBasesView;
		try {
			const { plugin } = await startObsidian(VAULT);
			expect(fake(plugin).testBasesViews.size).toBe(0);
			expect(fake(plugin).testCommands.has("open-reading-queue")).toBe(true);
		} finally {
			prototype.registerBasesView = original;
		}
	});
});
