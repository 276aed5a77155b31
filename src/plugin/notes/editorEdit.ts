// Applies the engine's new text to an open editor as small changes, so the cursor and undo history survive.

import { diffLines } from "diff";
import type { Editor, EditorChange } from "obsidian";

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

export function applyToEditor(editor: Editor, before: string, after: string): void {
	const changes = editorChanges(editor, before, after);
	if (changes.length > 0) editor.transaction({ changes });
}
