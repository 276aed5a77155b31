/** @jest-environment jsdom */
// Saved filter sets and view states edited by hand: a field of the wrong shape gets its empty value.
import { Menu } from "../__mocks__/obsidian";
import { QUEUE_VIEW_TYPE, QueueView } from "../../src/plugin/queue/queueView";
import { runCommand, settle, startObsidian } from "./harness";

function article(title: string, tags: string[]): string {
	return `---\ntitle: ${title}\nstatus: unread\ndate_saved: 2024-03-01T10:00:00\ntags: [${tags.join(", ")}]\n---\n#Omnivore\n\nSome words to read.\n`;
}

const VAULT = { "Omnivore/rust.md": article("Rust", ["rust"]), "Omnivore/go.md": article("Go", ["go"]) };
const titles = (root: HTMLElement) => Array.from(root.querySelectorAll(".omnivore-queue-row-title"), (el) => el.textContent).sort();
const wait = async () => {
	await new Promise((resolve) => setTimeout(resolve, 150));
	await settle();
};

async function openView(dataFile: string) {
	const started = await startObsidian(VAULT, {}, dataFile);
	await runCommand(started.plugin, "open-reading-queue");
	await wait();
	const leaf = started.app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0];
	return { ...started, view: leaf.view as unknown as QueueView & { contentEl: HTMLElement } };
}

describe("saved filter sets edited by hand", () => {
	it("a saved filter set edited by hand with a tag written as text (not a list) applies that tag", async () => {
		// README: "A settings file edited by hand keeps every setting it holds that is valid; a value of the wrong type gets its default."
		const data = JSON.stringify({ autoTidyDelaySeconds: 0.05, savedFilters: [{ name: "Rust", filter: { tags: "rust", statuses: ["unread"] }, sort: "title" }] });
		const { view } = await openView(data);
		expect(titles(view.contentEl)).toEqual(["Go", "Rust"]);
		view.contentEl.querySelector<HTMLButtonElement>('button[aria-label="Saved filters"]')?.click();
		// Choosing it applies it: the one tag it names.
		Menu.last?.items.find((item) => item.title === "Rust")?.callback?.();
		expect(titles(view.contentEl)).toEqual(["Rust"]);
		// The pane still answers: the All tab and a search redraw it.
		const search = view.contentEl.querySelector<HTMLInputElement>(".omnivore-queue-search");
		if (!search) throw new Error("no search box");
		search.value = "go";
		expect(() => search.dispatchEvent(new Event("input"))).not.toThrow();
	});

	it("a saved filter set with an author written as a number does not break the pane", async () => {
		const data = JSON.stringify({ autoTidyDelaySeconds: 0.05, savedFilters: [{ name: "Odd", filter: { author: 42 }, sort: "title" }] });
		const { view } = await openView(data);
		view.contentEl.querySelector<HTMLButtonElement>('button[aria-label="Saved filters"]')?.click();
		// Applied without the author it cannot hold: every article shows.
		Menu.last?.items.find((item) => item.title === "Odd")?.callback?.();
		expect(titles(view.contentEl)).toEqual(["Go", "Rust"]);
	});

	it("a broken filter, once applied, is not saved with the workspace to break the pane on the next start", async () => {
		const data = JSON.stringify({ autoTidyDelaySeconds: 0.05, savedFilters: [{ name: "Rust", filter: { tags: "rust" }, sort: "title" }] });
		const { view } = await openView(data);
		view.contentEl.querySelector<HTMLButtonElement>('button[aria-label="Saved filters"]')?.click();
		Menu.last?.items.find((item) => item.title === "Rust")?.callback?.();
		const stored = JSON.parse(JSON.stringify(view.getState())) as unknown;
		// Obsidian restores the pane from workspace.json on the next start with this state.
		const started = await startObsidian(VAULT);
		await runCommand(started.plugin, "open-reading-queue");
		await wait();
		const next = started.app.workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0].view as unknown as QueueView & { contentEl: HTMLElement };
		await expect(next.setState(stored, { history: false })).resolves.toBeUndefined();
	});
});
