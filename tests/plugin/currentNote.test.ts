/** @jest-environment jsdom */
import { NoteTidier } from "../../src/core";
import { textBefore } from "../../src/core/journal/restore";
import type { MarkdownView } from "../__mocks__/obsidian";
import { fake, fixture, notices, omnivoreNote, P, runCommand, startObsidian } from "./harness";

const tidier = new NoteTidier();

async function openNote(app: Awaited<ReturnType<typeof startObsidian>>["app"], path: string, mode: "source" | "preview" = "source"): Promise<MarkdownView> {
	return app.workspace.testOpenInEditor(path, mode);
}

describe("Tidy current note", () => {
	it("tidies the note through the editor: cursor kept, one undo step", async () => {
		const text = fixture("vault/Omnivore/2024-07-30/Byzantine Generals.md");
		const { app, plugin } = await startObsidian({ "Byzantine.md": text });
		const view = await openNote(app, "Byzantine.md");
		// The cursor sits on a body line that does not change; the frontmatter above it grows.
		const line = text.split("\n").indexOf("See the [figure][fig] and [Lamport (1982)](https://en.wikipedia.org/wiki/Leslie_Lamport).");
		view.editor.setCursor({ line, ch: 8 });
		view.editor.history = [];
		await runCommand(plugin, "tidy-current-note");
		const expected = tidier.tidy(text).text;
		expect(view.editor.getValue()).toBe(expected);
		expect(view.editor.history).toHaveLength(1);
		const cursor = view.editor.getCursor();
		expect(view.editor.getLine(cursor.line)).toBe("See the [figure][fig] and [Lamport (1982)](https://en.wikipedia.org/wiki/Leslie_Lamport).");
		expect(cursor.ch).toBe(8);
		view.editor.undo();
		expect(view.editor.getValue()).toBe(text);
		expect(notices().at(-1)).toMatch(/^Tidied Byzantine: \d+ properties and 3 image URLs\.$/);
	});

	it("writes through vault.process when the note is shown in reading view, and journals it", async () => {
		const text = omnivoreNote("Reading");
		const { app, plugin } = await startObsidian({ "r.md": text });
		await openNote(app, "r.md", "preview");
		await runCommand(plugin, "tidy-current-note");
		expect(app.vault.testText("r.md")).toBe(tidier.tidy(text).text);
		const batch = await plugin.journal.latest();
		expect(batch?.entries.map((e) => [e.path, textBefore(e, app.vault.testText("r.md") ?? "")])).toEqual([["r.md", text]]);
	});

	it("says so and changes nothing on a note that is not an Omnivore note", async () => {
		const text = `# Scratch\n\n![](${P}/https://example.org/diagram.png)\n`;
		const { app, plugin } = await startObsidian({ "Scratch.md": text });
		await openNote(app, "Scratch.md", "preview");
		await runCommand(plugin, "tidy-current-note");
		expect(app.vault.testWrites).toEqual([]);
		expect(notices().at(-1)).toBe("Scratch does not look like an Omnivore note (no #Omnivore tag, no Omnivore link), so it was left as it was.");
	});

	it.each([
		[
			"an unclosed code block hides its Omnivore links",
			"---\ntitle: Fences\n---\n## Content\n\nStart with:\n\n```bash\nnpm install\n\n## Links\n#Omnivore\n[Read on Omnivore](https://omnivore.app/me/fences-18837a1c2d4)\n[Read Original](https://blog.example/fences)\n",
		],
		["its lines end in a carriage return alone", "---\rid: 1\rtitle: Old Mac\r---\r# Old Mac\r#Omnivore\r\r[Read Original](https://a.example/old-mac)\r"],
	])("says why it left a note with Omnivore's marks when %s, rather than that it has none", async (_, text) => {
		const { app, plugin } = await startObsidian({ "Fences.md": text });
		await openNote(app, "Fences.md", "preview");
		await runCommand(plugin, "tidy-current-note");
		expect(app.vault.testWrites).toEqual([]);
		expect(notices().at(-1)).toBe("Fences could not be tidied. 1 problem left.Show report");
	});

	it("is not offered when no note is open", async () => {
		const { plugin } = await startObsidian({});
		expect(fake(plugin).testCommands.get("tidy-current-note")?.checkCallback?.(true)).toBe(false);
	});

	it("points out problems it left", async () => {
		const text = "---\nstatus: read\ndate_saved: 03/04/2024\n---\n#Omnivore\n";
		const { app, plugin } = await startObsidian({ "d.md": text });
		await openNote(app, "d.md", "preview");
		await runCommand(plugin, "tidy-current-note");
		expect(notices().at(-1)).toBe("d has nothing to tidy. 1 problem left.Show report");
		expect(app.vault.testWrites).toEqual([]);
		expect(await plugin.journal.latest()).toBeNull();
	});
});

describe("Unwrap proxied images in current note", () => {
	it("works on any note and only touches images", async () => {
		const text = `---\ntitle: Scratch: notes\n---\n![](${P}/https://example.org/diagram.png)\n`;
		const { app, plugin } = await startObsidian({ "Scratch.md": text });
		const view = await openNote(app, "Scratch.md");
		await runCommand(plugin, "unwrap-current-note");
		expect(view.editor.getValue()).toBe("---\ntitle: Scratch: notes\n---\n![](https://example.org/diagram.png)\n");
		expect(notices().at(-1)).toBe("Unwrapped images in Scratch: 1 image URL.");
	});
});

describe("commands", () => {
	it("have sentence-case names without the plugin's name and no default hotkeys", async () => {
		const { plugin } = await startObsidian({});
		const commands = [...fake(plugin).testCommands.values()];
		expect(commands.map((c) => c.name)).toEqual([
			"Tidy current note",
			"Unwrap proxied images in current note",
			"Tidy all Omnivore notes…",
			"Unwrap proxied images in all notes…",
			"Download images of current note",
			"Download images of all Omnivore notes…",
			"Undo last tidy",
			"Import Omnivore export…",
			"Show tidy report",
			"Open reading queue",
			"Open next unread",
			"Mark current note read and open next",
			"Mark current note as unread",
			"Mark current note as reading",
			"Mark current note as archived",
			"Open a random unread note",
			"Create a Bases file for the queue",
		]);
		for (const command of commands) {
			expect(command.hotkeys).toBeUndefined();
			expect(command.id).not.toMatch(/omnivore-queue/);
		}
	});
});
