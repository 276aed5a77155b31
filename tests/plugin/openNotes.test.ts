/** @jest-environment jsdom */
// A note open in an editor is changed through that editor, whatever the feature: the cursor stays, the
// change is one step of the note's undo history, and an edit typed meanwhile is never overwritten.
import { NoteTidier } from "../../src/core";
import { tidyAllNotes } from "../../src/plugin/commands/tidyAll";
import type { MarkdownView } from "../__mocks__/obsidian";
import { notices, omnivoreNote, runCommand, settle, startObsidian } from "./harness";

const tidier = new NoteTidier();
const BODY_LINE = "[Read Original](https://a.example/Open)";

/** Open the note in the editor with the cursor on a body line no tidy changes, and no undo history yet. */
async function openAtBody(app: Awaited<ReturnType<typeof startObsidian>>["app"], path: string): Promise<MarkdownView> {
	const view = await app.workspace.testOpenInEditor(path);
	view.editor.setCursor({ line: view.editor.getValue().split("\n").indexOf(BODY_LINE), ch: 5 });
	view.editor.history = [];
	return view;
}

/** The user types " (my note)" at the end of the body line just as the note is journaled, between its read and its write. */
function typeAtFirstJournalEntry(app: Awaited<ReturnType<typeof startObsidian>>["app"], view: MarkdownView): void {
	const append = app.vault.adapter.append.bind(app.vault.adapter);
	let typed = false;
	jest.spyOn(app.vault.adapter, "append").mockImplementation(async (path, data) => {
		if (!typed) {
			typed = true;
			view.editor.replaceRange(" (my note)", { line: view.editor.getValue().split("\n").indexOf(BODY_LINE), ch: BODY_LINE.length });
		}
		return append(path, data);
	});
}

function expectCursorOnBody(view: MarkdownView): void {
	const cursor = view.editor.getCursor();
	expect(view.editor.getLine(cursor.line)).toBe(BODY_LINE);
	expect(cursor.ch).toBe(5);
}

describe("a note open in the editor", () => {
	it("is tidied by Tidy all through the editor, and put back by Undo the same way", async () => {
		const text = omnivoreNote("Open");
		const { app, plugin } = await startObsidian({ "Open.md": text, "Closed.md": omnivoreNote("Closed") }, { autoTidy: false });
		const view = await openAtBody(app, "Open.md");
		await tidyAllNotes(plugin, async () => true);
		const tidied = tidier.tidy(text).text;
		expect(view.editor.getValue()).toBe(tidied);
		expect(app.vault.testText("Open.md")).toBe(tidied);
		expect(view.editor.history).toHaveLength(1);
		expectCursorOnBody(view);

		await runCommand(plugin, "undo-last-tidy");
		expect(view.editor.getValue()).toBe(text);
		expect(app.vault.testText("Open.md")).toBe(text);
		expect(app.vault.testText("Closed.md")).toBe(omnivoreNote("Closed"));
		expect(view.editor.history).toHaveLength(2);
		expectCursorOnBody(view);
	});

	it("gets its status from Mark current note as archived through the editor", async () => {
		const text = tidier.tidy(omnivoreNote("Open")).text;
		const { app, plugin } = await startObsidian({ "Open.md": text });
		const view = await openAtBody(app, "Open.md");
		await runCommand(plugin, "mark-archived");
		expect(view.editor.getValue()).toContain("status: archived");
		expect(app.vault.testText("Open.md")).toBe(view.editor.getValue());
		expect(view.editor.history).toHaveLength(1);
		expectCursorOnBody(view);
		expect(notices().at(-1)).toBe("Open: archived.");
	});

	it("keeps what the user typed while Tidy all was writing it", async () => {
		const text = omnivoreNote("Open");
		const { app, plugin } = await startObsidian({ "Open.md": text }, { autoTidy: false });
		const view = await openAtBody(app, "Open.md");
		typeAtFirstJournalEntry(app, view);
		await tidyAllNotes(plugin, async () => true);
		expect(view.editor.getValue()).toBe(tidier.tidy(text.replace(BODY_LINE, `${BODY_LINE} (my note)`)).text);
		expect(app.vault.testText("Open.md")).toBe(view.editor.getValue());
	});
});

describe("Tidy current note in the editor", () => {
	it("journals one batch when the user types while it writes, and keeps the typing", async () => {
		const text = omnivoreNote("Open");
		const { app, plugin } = await startObsidian({ "Open.md": text }, { autoTidy: false });
		const view = await openAtBody(app, "Open.md");
		typeAtFirstJournalEntry(app, view);
		await runCommand(plugin, "tidy-current-note");
		expect(view.editor.getValue()).toBe(tidier.tidy(text.replace(BODY_LINE, `${BODY_LINE} (my note)`)).text);
		expect(await plugin.journal.batches()).toHaveLength(1);
	});

	it("is what Undo last tidy takes back, not an earlier run", async () => {
		const { app, plugin } = await startObsidian({ "Earlier.md": omnivoreNote("Earlier") }, { autoTidy: false });
		await tidyAllNotes(plugin, async () => true);
		const text = omnivoreNote("Open");
		await app.vault.create("Open.md", text);
		await settle();
		const view = await openAtBody(app, "Open.md");
		await runCommand(plugin, "tidy-current-note");
		expect(view.editor.getValue()).toBe(tidier.tidy(text).text);

		await runCommand(plugin, "undo-last-tidy");
		expect(notices().at(-1)).toBe('Undid "Tidy Open": 1 note restored.');
		expect(view.editor.getValue()).toBe(text);
		expect(app.vault.testText("Open.md")).toBe(text);
		expectCursorOnBody(view);
		// The earlier run stays as it was, and is the next one undo takes.
		expect(app.vault.testText("Earlier.md")).toBe(tidier.tidy(omnivoreNote("Earlier")).text);
		await runCommand(plugin, "undo-last-tidy");
		expect(app.vault.testText("Earlier.md")).toBe(omnivoreNote("Earlier"));
	});
});
