// The notes as tidy-and-record and undo see them in Obsidian: read and replaced through the Vault.

import type { Vault } from "obsidian";
import { NoteLeftError, type NoteStore } from "../../core";

export type NoteVault = Pick<Vault, "getFileByPath" | "read" | "process">;

export function vaultNoteStore(vault: NoteVault): NoteStore {
	const fileAt = (path: string) => {
		const file = vault.getFileByPath(path);
		if (!file) throw new NoteLeftError("unreadable-file", "The note was moved or deleted.");
		return file;
	};
	return {
		read: async (path) => vault.read(fileAt(path)),
		// `process` reads and writes in one step, so an edit that landed since the read is never overwritten.
		replace: async (path, expected, text) => {
			let replaced = false;
			await vault.process(fileAt(path), (current) => {
				if (current !== expected) return current;
				replaced = true;
				return text;
			});
			return replaced;
		},
	};
}
