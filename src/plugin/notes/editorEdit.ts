// A note open in an editor is changed through that editor, never under it: the cursor and the note's
// undo history survive, and the change meets exactly the text the user sees (typed but not yet saved).

import { diffLines } from "diff";
import { MarkdownView, type Editor, type EditorChange, type TFile, type Vault, type Workspace } from "obsidian";

/** What reading and changing notes needs of the app: the vault, and the open editors. */
export interface NoteApp {
	vault: Pick<Vault, "getFileByPath" | "read" | "process">;
	workspace: Pick<Workspace, "iterateAllLeaves">;
}

function viewsOf(workspace: NoteApp["workspace"], path: string): MarkdownView[] {
	const views: MarkdownView[] = [];
	workspace.iterateAllLeaves((leaf) => {
		if (leaf.view instanceof MarkdownView && leaf.view.file?.path === path) views.push(leaf.view);
	});
	return views;
}

/** Whether the note is shown in a tab, for editing or reading. */
export function isOpen(workspace: NoteApp["workspace"], path: string): boolean {
	return viewsOf(workspace, path).length > 0;
}

/** The editor of a tab that edits the note (source mode or live preview); reading view has none in use. */
export function openEditor(workspace: NoteApp["workspace"], path: string): Editor | null {
	return viewsOf(workspace, path).find((view) => view.getMode() === "source")?.editor ?? null;
}

/** The note's current text: the editor's when it is being edited there (it may hold typing not saved yet). */
export async function readNote(app: NoteApp, file: TFile): Promise<string> {
	return openEditor(app.workspace, file.path)?.getValue() ?? app.vault.read(file);
}

/**
 * Change a note in one step, `change` given its current text: in its editor when it is being edited
 * (synchronously, so no keystroke lands in between), else with `vault.process`.
 */
export async function processNote(app: NoteApp, file: TFile, change: (text: string) => string): Promise<void> {
	const editor = openEditor(app.workspace, file.path);
	if (!editor) {
		await app.vault.process(file, change);
		return;
	}
	const before = editor.getValue();
	applyToEditor(editor, before, change(before));
}

/** Line-level changes from `before` to `after`, with positions in `before`. */
export function editorChanges(editor: Pick<Editor, "offsetToPos">, before: string, after: string): EditorChange[] {
	const changes: EditorChange[] = [];
	let offset = 0;
	let pending: { from: number; to: number; text: string } | null = null;
	const flush = () => {
		if (pending) changes.push({ from: editor.offsetToPos(pending.from), to: editor.offsetToPos(pending.to), text: pending.text });
		pending = null;
	};
	for (const part of diffLines(before, after)) {
		if (part.added) {
			pending ??= { from: offset, to: offset, text: "" };
			pending.text += part.value;
		} else if (part.removed) {
			pending ??= { from: offset, to: offset, text: "" };
			offset += part.value.length;
			pending.to = offset;
		} else {
			flush();
			offset += part.value.length;
		}
	}
	flush();
	return changes;
}

/** One transaction, so the change is one step of the note's undo history and the cursor moves with the text. */
export function applyToEditor(editor: Editor, before: string, after: string): void {
	const changes = editorChanges(editor, before, after);
	if (changes.length > 0) editor.transaction({ changes });
}
