// The notes as tidy-and-record and undo see them in Obsidian: read and replaced through the Vault.

import type { App, Vault } from "obsidian";
import { NoteGoneError, NoteLeftError, type CreatedFiles, type NoteStore } from "../../core";

export type NoteVault = Pick<Vault, "getFileByPath" | "read" | "process">;

export function vaultNoteStore(vault: NoteVault): NoteStore {
	const fileAt = (path: string) => {
		const file = vault.getFileByPath(path);
		if (!file) throw new NoteGoneError("The note was moved or deleted.");
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

/** Files a run created (an import, a download), taken back by undo: moved to the trash the user chose. */
export function vaultCreatedFiles(app: App): CreatedFiles {
	const fileAt = (path: string) => {
		const file = app.vault.getFileByPath(path);
		if (!file) throw new NoteLeftError("unreadable-file", "The file was moved or deleted.");
		return file;
	};
	return {
		exists: async (path) => app.vault.getFileByPath(path) !== null,
		readBytes: async (path) => new Uint8Array(await app.vault.readBinary(fileAt(path))),
		remove: async (path) => app.fileManager.trashFile(fileAt(path)),
	};
}
