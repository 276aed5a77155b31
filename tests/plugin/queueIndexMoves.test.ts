/** @jest-environment jsdom */
// The queue index as notes move in and out of the folders it looks in, during a build and after.
import { notices, runCommand, settle, startObsidian, steppingClock } from "./harness";

const paths = (items: Array<{ path: string }>) => items.map((item) => item.path).sort();

/** A note from an old custom template: no tag, no id, only Omnivore's link in its text. */
const linkOnly = "---\ntitle: Rust in 2023\nstatus: unread\n---\n# Rust in 2023\n\n[Read on Omnivore](https://omnivore.app/me/rust-in-2023-18d27c31f2a)\n\nSome words.\n";

describe("the queue index, as notes move", () => {
	it("an Omnivore note found by its link alone is listed again when moved back into the chosen folders", async () => {
		const { app, plugin } = await startObsidian({ "Omnivore/rust.md": linkOnly, "Omnivore/other.md": "# Other\n" }, { includeFolders: ["Omnivore"] });
		await plugin.queue.ensureBuilt();
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/rust.md"]);
		const file = app.vault.getFileByPath("Omnivore/rust.md");
		if (!file) throw new Error("missing");
		// Moved out of the folder by mistake, then back.
		await app.vault.rename(file, "Inbox/rust.md");
		await settle();
		expect(paths(plugin.queue.all())).toEqual([]);
		await app.vault.rename(file, "Omnivore/rust.md");
		await settle();
		// A rebuild (what the next start does) lists it: the live index should agree.
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/rust.md"]);
		await plugin.queue.rebuild();
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/rust.md"]);
	});

	it("marking an Omnivore note outside the chosen folders says why it is not in the queue, not that it is no Omnivore note", async () => {
		const note = "---\ntitle: Rust\nstatus: unread\ndate_saved: 2024-01-01T10:00:00\n---\n#Omnivore\n\nWords.\n";
		const { app, plugin } = await startObsidian({ "Omnivore/rust.md": note, "Archive/old.md": note }, { excludeFolders: ["Archive"] });
		await app.workspace.testOpenInEditor("Archive/old.md", "preview");
		await runCommand(plugin, "mark-archived");
		expect(notices().at(-1)).not.toMatch(/does not look like an Omnivore note/);
	});

	it("an article titled by its file name shows its new name right after the rename (no rebuild)", async () => {
		const note = "---\nstatus: unread\ndate_saved: 2024-01-01T10:00:00\nomnivore_url: https://omnivore.app/me/some-article-18d27c31f2a\n---\n#Omnivore\n\nWords.\n";
		const { app, plugin } = await startObsidian({ "Omnivore/Old name.md": note });
		await plugin.queue.ensureBuilt();
		const file = app.vault.getFileByPath("Omnivore/Old name.md");
		if (!file) throw new Error("missing");
		await app.vault.rename(file, "Omnivore/New name.md");
		await settle();
		expect(plugin.queue.get("Omnivore/New name.md")?.title).toBe("New name");
	});

	it("a note moved to another folder, its name kept, is not read again (a folder of thousands renamed)", async () => {
		const note = "---\nstatus: unread\ndate_saved: 2024-01-01T10:00:00\nomnivore_url: https://omnivore.app/me/some-article-18d27c31f2a\n---\n#Omnivore\n\nWords.\n";
		const { app, plugin } = await startObsidian({ "Omnivore/Old name.md": note, "Omnivore/titled.md": `---\ntitle: Titled\n${note.slice(4)}` });
		await plugin.queue.ensureBuilt();
		const reads = jest.spyOn(app.vault, "cachedRead");
		for (const path of ["Omnivore/Old name.md", "Omnivore/titled.md"]) {
			const file = app.vault.getFileByPath(path);
			if (!file) throw new Error(`missing ${path}`);
			await app.vault.rename(file, path.replace("Omnivore/", "Read later/"));
		}
		// A title of its own does not change with the file's name either.
		const titled = app.vault.getFileByPath("Read later/titled.md");
		if (!titled) throw new Error("missing titled.md");
		await app.vault.rename(titled, "Read later/renamed.md");
		await settle();
		expect(reads).not.toHaveBeenCalled();
		expect(plugin.queue.all().map((item) => [item.path, item.title]).sort()).toEqual([
			["Read later/Old name.md", "Old name"],
			["Read later/renamed.md", "Titled"],
		]);
	});

	it("a note moved out of the chosen folders during the first build, before it was read, is not listed", async () => {
		const note = (title: string) => `---\nid: 1\ntitle: ${title}\nstatus: unread\n---\n#Omnivore\n\nSome words.\n`;
		const { app, plugin } = await startObsidian(
			{ "Omnivore/a.md": note("A"), "Omnivore/b.md": note("B"), "Omnivore/c.md": note("C") },
			{ includeFolders: ["Omnivore"] },
		);
		plugin.clock = steppingClock(async (turn) => {
			if (turn !== 1) return;
			// After a was read, a sync moves b out of the folder the queue looks in.
			const b = app.vault.getFileByPath("Omnivore/b.md");
			if (b) await app.vault.rename(b, "Elsewhere/b.md");
		});
		await plugin.queue.ensureBuilt();
		await settle();
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/a.md", "Omnivore/c.md"]);
	});
});
