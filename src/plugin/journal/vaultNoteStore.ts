// The notes as tidy-and-record and undo see them in Obsidian: read and replaced through the Vault, or
// through the editor a note is being edited in.

import type { App } from "obsidian";
import { NoteGoneError, NoteLeftError, type CreatedFiles, type NoteStore } from "../../core";
import { isOpen, processNote, readNote, type NoteApp } from "../notes/editorEdit";

/** A note opened in a tab while automatic cleanup was about to write it: it waits until the note is closed. */
export class NoteOpenedError extends Error {
	constructor() {
		super("The note was opened before it was written, so it was left as it was.");
		this.name = "NoteOpenedError";
	}
}

export interface VaultNoteStoreOptions {
	/** True once the plugin is unloaded, from when no note is written any more. */
	stopped?: () => boolean;
	/** A note open in a tab is not written (automatic cleanup never changes a note under the user's eyes). */
	leaveOpen?: boolean;
	/**
	 * For undo: a CRLF note open in an editor that shows it as saved (the editor holds LF) reads as
	 * the file, whose hash the journal has, and is put back in the editor's form.
	 */
	savedForm?: boolean;
}

/** As an editor holds a text: its lines joined with LF, whatever ended them (CRLF, or a CR alone). */
const lf = (text: string) => text.replace(/\r\n?/g, "\n");

export function vaultNoteStore(app: NoteApp, { stopped = () => false, leaveOpen = false, savedForm = false }: VaultNoteStoreOptions = {}): NoteStore {
	const fileAt = (path: string) => {
		const file = app.vault.getFileByPath(path);
		if (!file) throw new NoteGoneError("The note was moved or deleted.");
		return file;
	};
	const refuseUnlessWritable = (path: string) => {
		if (stopped()) throw new NoteLeftError("unwritable-file", "The plugin was turned off before the note was written, so it was left as it was.");
		if (leaveOpen && isOpen(app.workspace, path)) throw new NoteOpenedError();
	};
	const read = async (path: string) => {
		const file = fileAt(path);
		const shown = await readNote(app, file);
		if (!savedForm || !isOpen(app.workspace, path)) return shown;
		const saved = await app.vault.read(file);
		return saved.includes("\r") && lf(saved) === shown ? saved : shown;
	};
	return {
		read,
		checkWritable: async (path) => refuseUnlessWritable(path),
		// Read and written in one step, so an edit that landed since the read is never overwritten.
		// Checked again here: the journal's entry was written in between.
		replace: async (path, expected, text) => {
			refuseUnlessWritable(path);
			let replaced = false;
			await processNote(app, fileAt(path), (current) => {
				if (current === expected) {
					replaced = true;
					return text;
				}
				// The editor's form of the saved CRLF text (see `savedForm`): put back in that form.
				if (savedForm && expected.includes("\r") && current === lf(expected)) {
					replaced = true;
					return lf(text);
				}
				return current;
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
		removeFolderIfEmpty: async (path) => {
			const folder = app.vault.getFolderByPath(path);
			if (!folder || folder.children.length > 0) return false;
			// Obsidian's index leaves out dot-files (`.DS_Store`, `.gitkeep`): the folder on disk must be empty too.
			const listed = await app.vault.adapter.list(path).catch(() => null);
			if (listed && listed.files.length + listed.folders.length > 0) return false;
			await app.fileManager.trashFile(folder);
			return true;
		},
		noteTexts: async function* () {
			// Notes, and canvases, whose cards link to files too.
			for (const file of app.vault.getFiles().filter((f) => f.extension === "md" || f.extension === "canvas")) {
				try {
					yield { path: file.path, text: await app.vault.cachedRead(file) };
				} catch {
					// Deleted since it was listed: it names nothing.
				}
			}
		},
	};
}
