/** @jest-environment jsdom */
import { TextComponent, type Setting } from "../__mocks__/obsidian";
import { fake, notices, runCommand, settle, startObsidian, steppingClock, until } from "./harness";

function article(title: string, status: string, tag = "Omnivore", extra = ""): string {
	return `---\nid: 1\ntitle: ${title}\nstatus: ${status}\n${extra}---\n#${tag}\n\nSome words.\n`;
}

const paths = (items: Array<{ path: string }>) => items.map((item) => item.path).sort();

describe("the queue index", () => {
	it("applies changes that arrive during its first build: edits, new notes, renames and deletes", async () => {
		const { app, plugin } = await startObsidian({
			"Omnivore/a.md": article("A", "unread"),
			"Omnivore/b.md": article("B", "unread"),
			"Omnivore/c.md": article("C", "unread"),
			"Omnivore/d.md": article("D", "unread"),
			"Omnivore/e.md": article("E", "unread"),
		});
		const file = (path: string) => {
			const found = app.vault.getFileByPath(path);
			if (!found) throw new Error(`no ${path}`);
			return found;
		};
		// After a, b and c were read: edit a, move b, delete d (not read yet), add f.
		plugin.clock = steppingClock(async (turn) => {
			if (turn !== 3) return;
			await app.vault.modify(file("Omnivore/a.md"), article("A", "read"));
			await app.vault.rename(file("Omnivore/b.md"), "Omnivore/Later/b.md");
			await app.fileManager.trashFile(file("Omnivore/d.md"));
			await app.vault.create("Omnivore/f.md", article("F", "unread"));
		});
		await plugin.queue.ensureBuilt();
		await settle();
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/Later/b.md", "Omnivore/a.md", "Omnivore/c.md", "Omnivore/e.md", "Omnivore/f.md"]);
		expect(plugin.queue.get("Omnivore/a.md")?.status).toBe("read");
		expect(notices()).toEqual([]);
	});

	it("never runs two builds at once: the later one, with the newer settings, has the last word", async () => {
		const { plugin } = await startObsidian({
			"Omnivore/a.md": article("A", "unread"),
			"Omnivore/b.md": article("B", "unread"),
			"Omnivore/c.md": article("C", "unread"),
			"Later/x.md": article("X", "unread", "Later"),
		});
		await plugin.queue.ensureBuilt();
		const second: Array<Promise<void>> = [];
		plugin.clock = steppingClock((turn) => {
			if (turn !== 1) return;
			// The tag changes while the first rebuild runs, and a second rebuild is asked for.
			plugin.settings.tagName = "Later";
			(plugin as unknown as { engine: null }).engine = null;
			second.push(plugin.queue.rebuild());
		});
		const first = plugin.queue.rebuild();
		await first;
		await Promise.all(second);
		expect(second).toHaveLength(1);
		expect(paths(plugin.queue.all())).toEqual(["Later/x.md"]);
	});

	it("shares one waiting rebuild among the calls made while another runs", async () => {
		const { plugin } = await startObsidian({ "Omnivore/a.md": article("A", "unread"), "Omnivore/b.md": article("B", "unread") });
		await plugin.queue.ensureBuilt();
		let reads = 0;
		const settings = plugin.settings;
		Object.defineProperty(plugin, "settings", {
			get: () => {
				reads++;
				return settings;
			},
		});
		let waiting: Array<Promise<void>> = [];
		plugin.clock = steppingClock((turn) => {
			if (turn === 1) waiting = [plugin.queue.rebuild(), plugin.queue.rebuild(), plugin.queue.rebuild()];
		});
		const running = plugin.queue.rebuild();
		await running;
		expect(waiting).toHaveLength(3);
		expect(waiting[0]).toBe(waiting[2]);
		expect(waiting[0]).not.toBe(running);
		await Promise.all(waiting);
		// One reading of the settings per build, and two builds: the one running and the one that waited.
		expect(reads).toBe(2);
	});

	it("reads the settings once per build: a change made during a build applies to the next one, not half of this one", async () => {
		const notes = Object.fromEntries(["a", "b", "c", "d"].map((name) => [`Omnivore/${name}.md`, article(name.toUpperCase(), "unread", "Omnivore", "state: archived\n")]));
		const { plugin } = await startObsidian(notes);
		const tab = fake(plugin).testSettingTabs[0];
		tab.display();
		// The property name (a text field), not the "recover the status" toggle of the same name.
		const statusKey = (tab.containerEl as unknown as { testSettings: Setting[] }).testSettings.find(
			(s) => s.nameEl.textContent === "Status" && s.components[0] instanceof TextComponent,
		);
		if (!statusKey) throw new Error("no status property setting");
		plugin.clock = steppingClock(async (turn) => {
			// Halfway through, the status property is renamed to `state` in the settings.
			if (turn === 2) await (statusKey.components[0] as TextComponent).testInput("state");
		});
		await plugin.queue.ensureBuilt();
		expect(plugin.queue.all().map((item) => item.status)).toEqual(["unread", "unread", "unread", "unread"]);
		// The change asked for a rebuild, which runs after a pause for typing (a second).
		const statuses = () => plugin.queue.all().map((item) => item.status);
		await until(() => statuses().every((status) => status === "archived"));
		expect(statuses()).toEqual(["archived", "archived", "archived", "archived"]);
	});

	it("keeps building when one note cannot be read, and says which", async () => {
		const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
		const { app, plugin } = await startObsidian({ "Omnivore/a.md": article("A", "unread"), "Omnivore/b.md": article("B", "unread") });
		const read = app.vault.cachedRead.bind(app.vault);
		app.vault.cachedRead = async (file) => {
			if (file.path === "Omnivore/a.md") throw Object.assign(new Error("EACCES: permission denied, open 'Omnivore/a.md'"), { code: "EACCES" });
			return read(file);
		};
		await plugin.queue.ensureBuilt();
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/b.md"]);
		expect(notices()).toEqual(["Reading notes into the reading queue failed for Omnivore/a.md: permission was denied."]);
		expect(logged).toHaveBeenCalledWith("Omnivore Queue: Reading notes into the reading queue failed for Omnivore/a.md", expect.any(Error));
		logged.mockRestore();
	});

	it("picks up an Omnivore note moved into the chosen folders", async () => {
		const { app, plugin } = await startObsidian({ "Inbox/a.md": article("A", "unread"), "Omnivore/b.md": article("B", "unread") }, { includeFolders: ["Omnivore"] });
		await plugin.queue.ensureBuilt();
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/b.md"]);
		const moved = app.vault.getFileByPath("Inbox/a.md");
		if (!moved) throw new Error("missing");
		await app.vault.rename(moved, "Omnivore/a.md");
		await settle();
		expect(paths(plugin.queue.all())).toEqual(["Omnivore/a.md", "Omnivore/b.md"]);
	});
});

/** A note from an old custom template: no tag, no id, only Omnivore's link in its text. */
const linkOnly = "---\ntitle: Rust in 2023\nstatus: unread\n---\n# Rust in 2023\n\n[Read on Omnivore](https://omnivore.app/me/rust-in-2023-18d27c31f2a)\n\nSome words.\n";

describe("the queue index, as notes move in and out of the chosen folders", () => {
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
