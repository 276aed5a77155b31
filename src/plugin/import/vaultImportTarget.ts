// The vault as the import's port in Obsidian: notes read and written through the Vault API, every
// write journaled first so "Undo last tidy" takes the import back.

import { normalizePath, type App, type TFile } from "obsidian";
import { asTidyTransform, folderOf, foldersDownTo, type ImportTarget, type JournalBatchWriter } from "../../core";
import { tidyFile } from "../batch/tidyBatch";

export class VaultImportTarget implements ImportTarget {
	/** Paths in use, lower-cased: a new note must not clash with one on a case-insensitive disk. */
	private readonly taken: Set<string>;

	constructor(
		private readonly app: App,
		private readonly openJournal: () => Promise<JournalBatchWriter>,
		/** True once the plugin is unloaded: no note is written any more. */
		private readonly stopped: () => boolean = () => false,
	) {
		this.taken = new Set(app.vault.getAllLoadedFiles().map((file) => file.path.toLowerCase()));
	}

	async notePaths(): Promise<string[]> {
		return this.app.vault.getMarkdownFiles().map((file) => file.path);
	}

	private file(path: string): TFile {
		const file = this.app.vault.getFileByPath(normalizePath(path));
		if (!file) throw new Error("the note was moved or deleted");
		return file;
	}

	/** For matching and the preview; a note is read afresh before it is written. */
	async read(path: string): Promise<string> {
		return this.app.vault.cachedRead(this.file(path));
	}

	async exists(path: string): Promise<boolean> {
		return this.taken.has(normalizePath(path).toLowerCase()) || (await this.app.vault.adapter.exists(normalizePath(path)));
	}

	/** The folders a new file goes in, each journaled before it is made: undo removes them once empty. */
	private async ensureFolder(path: string): Promise<void> {
		for (const folder of foldersDownTo(folderOf(normalizePath(path)))) {
			if (this.app.vault.getFolderByPath(folder)) continue;
			await (await this.openJournal()).recordCreatedFolder(folder);
			await this.app.vault.createFolder(folder);
		}
	}

	async createNote(path: string, text: string): Promise<void> {
		const normalized = normalizePath(path);
		await this.ensureFolder(normalized);
		await (await this.openJournal()).recordCreated(normalized, text);
		await this.app.vault.create(normalized, text);
		this.taken.add(normalized.toLowerCase());
	}

	async createFile(path: string, data: Uint8Array): Promise<void> {
		const normalized = normalizePath(path);
		await this.ensureFolder(normalized);
		await (await this.openJournal()).recordCreated(normalized, data);
		await this.app.vault.createBinary(normalized, data.slice().buffer);
		this.taken.add(normalized.toLowerCase());
	}

	async updateNote(path: string, transform: (current: string) => string | null): Promise<boolean> {
		return (await tidyFile(this.file(path), this.app, this.openJournal, asTidyTransform(transform), this.stopped)).written;
	}
}
