/** @jest-environment jsdom */
// CRLF line endings, a byte order mark, comments and keys the engine does not own survive every path
// of the plugin that writes a note, and undo gives back the exact bytes.
import { NoteTidier } from "../../src/core";
import { tidyAllNotes, unwrapAllNotes } from "../../src/plugin/commands/tidyAll";
import { P, runCommand, settle, startObsidian } from "./harness";

const tidier = new NoteTidier();
const BOM = "\uFEFF";
const NOTE = `${BOM}---\r\nid: 1\r\ntitle: Windows note # not a comment\r\n# a comment of mine\r\nmy_rating: 4\r\ndate_saved: 2024-02-27 01:30:06\r\n---\r\n# Windows note\r\n#Omnivore\r\n\r\n[Read Original](https://a.example/w)\r\n\r\n![](${P}/https://a.example/x.png)\r\n`;

function expectWindowsShape(text: string | undefined): void {
	expect(text?.startsWith(`${BOM}---\r\n`)).toBe(true);
	expect(text?.replace(/\r\n/g, "")).not.toContain("\n");
	expect(text).toContain("\r\n# a comment of mine\r\nmy_rating: 4\r\n");
}

describe("a note with CRLF line endings and a byte order mark", () => {
	it("keeps them through Tidy all, and undo gives back its exact bytes", async () => {
		const { app, plugin } = await startObsidian({ "w.md": NOTE }, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		expect(app.vault.testText("w.md")).toBe(tidier.tidy(NOTE).text);
		expect(app.vault.testText("w.md")).not.toBe(NOTE);
		expectWindowsShape(app.vault.testText("w.md"));
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("w.md")).toBe(NOTE);
	});

	it("keeps them through Unwrap all and Tidy current note", async () => {
		const { app, plugin } = await startObsidian({ "w.md": NOTE }, { autoTidy: false });
		await unwrapAllNotes(plugin, async () => true);
		expect(app.vault.testText("w.md")).toBe(NOTE.replace(`${P}/`, ""));
		await app.workspace.testOpenInEditor("w.md", "preview");
		await runCommand(plugin, "tidy-current-note");
		expectWindowsShape(app.vault.testText("w.md"));
		expect(app.vault.testText("w.md")).toBe(tidier.tidy(NOTE).text);
	});

	it("keeps them when its status is set, which changes that line only", async () => {
		const tidied = tidier.tidy(NOTE).text;
		const { app, plugin } = await startObsidian({ "w.md": tidied });
		await app.workspace.testOpenInEditor("w.md", "preview");
		await runCommand(plugin, "mark-archived");
		expect(tidied).toContain("\r\nstatus: unread\r\n");
		expect(app.vault.testText("w.md")).toBe(tidied.replace("status: unread\r\n", "status: archived\r\n"));
	});

	it("is left exactly as it is by automatic cleanup when it is already tidy", async () => {
		const tidied = tidier.tidy(NOTE).text;
		const { app } = await startObsidian({});
		await app.vault.create("w.md", tidied);
		await new Promise((resolve) => setTimeout(resolve, 120));
		await settle();
		expect(app.vault.testWrites).toEqual([]);
	});

	it("is undone when it was tidied closed and is now open in an editor, which holds it with LF", async () => {
		const { app, plugin } = await startObsidian({ "w.md": NOTE }, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const view = await app.workspace.testOpenInEditor("w.md");
		expect(view.editor.getValue()).toBe(tidier.tidy(NOTE).text.replace(/\r\n/g, "\n"));
		await runCommand(plugin, "undo-last-tidy");
		// Put back in the editor's form, which it saves: the text from before, its lines ended with LF.
		expect(view.editor.getValue()).toBe(NOTE.replace(/\r\n/g, "\n"));
		expect(app.vault.testText("w.md")).toBe(NOTE.replace(/\r\n/g, "\n"));
	});

	it("is undone in the editor's form also when it holds a stray carriage return, which the editor reads as a line break", async () => {
		const stray = NOTE.replace("[Read Original]", "Old\rMac [Read Original]");
		const { app, plugin } = await startObsidian({ "w.md": stray }, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const view = await app.workspace.testOpenInEditor("w.md");
		await runCommand(plugin, "undo-last-tidy");
		expect(view.editor.getValue()).toBe(stray.replace(/\r\n?/g, "\n"));
	});

	it("is left by undo when it was edited in the editor since", async () => {
		const { app, plugin } = await startObsidian({ "w.md": NOTE }, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const view = await app.workspace.testOpenInEditor("w.md");
		const typed = `${view.editor.getValue()}My own line.\n`;
		view.editor.setValue(typed);
		await runCommand(plugin, "undo-last-tidy");
		expect(view.editor.getValue()).toBe(typed);
	});
});
