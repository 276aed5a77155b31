// Every change the plugin makes to a note being edited goes through `applyToEditor`: whatever the two
// texts, the editor ends up holding exactly the new one, in one step of its undo history.
import fc from "fast-check";
import { applyToEditor } from "../../src/plugin/notes/editorEdit";
import { FakeEditor } from "../__mocks__/obsidian";
import type { Editor } from "obsidian";

// No carriage returns: an editor holds its lines joined with LF, whatever ends them in the file (CodeMirror).
const line = fc.constantFrom("", "---", "title: A", "status: read", "#Omnivore", "![](x.png)", "text", " ", "a\tb");
const note = fc.array(line, { maxLength: 12 }).chain((lines) => fc.boolean().map((end) => lines.join("\n") + (end ? "\n" : "")));

describe("applyToEditor", () => {
	it("leaves the editor holding exactly the new text, in one undo step, and undo gives back the old", () => {
		fc.assert(
			fc.property(note, note, (before, after) => {
				const editor = new FakeEditor(before);
				applyToEditor(editor as unknown as Editor, before, after);
				expect(editor.getValue()).toBe(after);
				expect(editor.history).toHaveLength(before === after ? 0 : 1);
				editor.undo();
				expect(editor.getValue()).toBe(before);
			}),
			{ numRuns: 500 },
		);
	});

	it("keeps the cursor on a line it does not change", () => {
		const before = "---\ntitle: A\n---\nBody line\n";
		const editor = new FakeEditor(before);
		editor.setCursor({ line: 3, ch: 4 });
		applyToEditor(editor as unknown as Editor, before, "---\ntitle: A\nstatus: read\n---\nBody line\n");
		expect(editor.getCursor()).toEqual({ line: 4, ch: 4 });
	});
});
