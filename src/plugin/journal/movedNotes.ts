// Undo in Obsidian follows a note renamed or moved since the run: a note no longer where the journal
// says is looked for by its text, the exact text the run wrote (a rename or a move does not change it).

import type { Vault } from "obsidian";
import { entriesByNote, hashText, type Journal, type NoteStore } from "../../core";

type Notes = Pick<Vault, "getFileByPath" | "getMarkdownFiles" | "cachedRead">;

/**
 * Where the notes of the batch undo takes went: the journal's path → the note's path now. Only a note
 * that is gone from its path, and whose text is found in exactly one other note, is followed; one
 * edited since is not found, and undo leaves it as it would leave it in place.
 */
export async function movedNotes(journal: Journal, vault: Notes): Promise<Map<string, string>> {
	const moved = new Map<string, string>();
	const batch = await journal.latest();
	if (!batch) return moved;
	const byPath = entriesByNote(batch.entries);
	// Notes the run created (an import) are not followed: moved, they are the user's to keep.
	const gone = [...byPath].filter(([path, entries]) => !entries.some((e) => e.created) && !vault.getFileByPath(path));
	if (gone.length === 0) return moved;
	const wanted = new Map<string, string[]>();
	for (const [path, entries] of gone) wanted.set(entries[0].afterHash, [...(wanted.get(entries[0].afterHash) ?? []), path]);
	const found = new Map<string, string[]>();
	for (const file of vault.getMarkdownFiles()) {
		if (byPath.has(file.path)) continue;
		const hash = hashText(await vault.cachedRead(file));
		if (wanted.has(hash)) found.set(hash, [...(found.get(hash) ?? []), file.path]);
	}
	for (const [hash, paths] of wanted) {
		const at = found.get(hash) ?? [];
		// Two notes gone with the same text, or two copies of it: which is which cannot be told.
		if (paths.length === 1 && at.length === 1) moved.set(paths[0], at[0]);
	}
	return moved;
}

/** The store, reading and writing a moved note where it is now. */
export function followingMoves(store: NoteStore, moved: ReadonlyMap<string, string>): NoteStore {
	const at = (path: string) => moved.get(path) ?? path;
	return {
		read: (path) => store.read(at(path)),
		replace: (path, expected, text) => store.replace(at(path), expected, text),
		checkWritable: async (path) => store.checkWritable?.(at(path)),
	};
}
