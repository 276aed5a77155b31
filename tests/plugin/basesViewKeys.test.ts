/** @jest-environment jsdom */
// The keys of the Reading queue layout as the base drops the rows they archive.
import { QueryController, TFile, type BasesView } from "../__mocks__/obsidian";
import { BASES_VIEW_ID } from "../../src/plugin/bases/queueBasesView";
import { fake, settle, startObsidian } from "./harness";

function article(title: string, status: string): string {
	return `---\ntitle: ${title}\nstatus: ${status}\ndate_saved: 2024-01-20T19:03:11\nsite_name: fly.io\n---\n#Omnivore\n\nSome words.\n`;
}

const VAULT = {
	"Omnivore/a.md": article("Alpha", "unread"),
	"Omnivore/b.md": article("Bravo", "unread"),
	"Omnivore/c.md": article("Charlie", "unread"),
};

describe("the Reading queue layout of Bases", () => {
	it("keys keep working on an Unread base after the last row was archived and the base dropped it", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		const registration = fake(plugin).testBasesViews.get(BASES_VIEW_ID);
		if (!registration) throw new Error("no Bases layout registered");
		const controller = Object.assign(new QueryController(), { app });
		const container = createDiv();
		const view = registration.factory(controller, container) as BasesView & { data: { data: Array<{ file: TFile }> } };
		// Like Obsidian, the base (filtered on status == "unread") gives its entries and updates them when a note changes.
		const unread = () => ["Omnivore/a.md", "Omnivore/b.md", "Omnivore/c.md"].filter((path) => app.vault.testText(path)?.includes("status: unread"));
		const update = () => {
			view.data = { data: unread().flatMap((path) => app.vault.getFileByPath(path) ?? []).map((file) => ({ file })) };
			view.onDataUpdated();
		};
		update();
		view.load();
		await settle();
		app.metadataCache.on("changed", update);
		const list = container.querySelector<HTMLElement>(".omnivore-queue-scroll");
		if (!list) throw new Error("no list");
		const key = (k: string) => list.dispatchEvent(new KeyboardEvent("keydown", { key: k }));
		key("End");
		key("e");
		await settle(5);
		expect(app.vault.testText("Omnivore/c.md")).toContain("status: archived");
		expect(view.data.data).toHaveLength(2);
		// The reader presses E again: it archives the row now under the cursor (the new last row).
		const errors: unknown[] = [];
		const onError = (event: ErrorEvent) => errors.push(event.error);
		window.addEventListener("error", onError);
		try {
			key("e");
		} catch (error) {
			errors.push(error);
		}
		window.removeEventListener("error", onError);
		await settle(5);
		expect(errors).toEqual([]);
		expect(app.vault.testText("Omnivore/b.md")).toContain("status: archived");
	});
});
