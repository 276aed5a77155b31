// Where the plugin saves downloaded images: where the vault's attachment settings put them, linked
// the way the vault's link settings write links.

import { normalizePath, TFile, type App } from "obsidian";
import { folderOf, foldersDownTo, type AttachmentStore } from "../../core";

// Another run (or a sync) may take a name between choosing it and creating the file: choose again.
const ATTEMPTS = 5;

export function vaultAttachments(app: App): AttachmentStore {
	const { vault, fileManager } = app;
	return {
		readBytes: async (path) => {
			const file = vault.getFileByPath(normalizePath(path));
			return file ? new Uint8Array(await vault.readBinary(file)) : null;
		},
		saveNew: async (stem, extension, notePath, bytes, beforeCreate, beforeCreateFolder) => {
			let lastError: unknown = null;
			for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
				const name = attempt === 0 ? `${stem}.${extension}` : `${stem} ${attempt}.${extension}`;
				const path = normalizePath(await fileManager.getAvailablePathForAttachment(name, notePath));
				const folder = folderOf(path);
				if (folder !== "" && !vault.getFolderByPath(folder)) {
					// Journaled before they are made: undo removes them once empty.
					for (const level of foldersDownTo(folder)) if (!vault.getFolderByPath(level)) await beforeCreateFolder(level);
					await vault.createFolder(folder).catch(() => undefined);
				}
				await beforeCreate(path);
				try {
					// createBinary refuses a path that exists: nothing is ever overwritten.
					await vault.createBinary(path, bytes.slice().buffer);
					return path;
				} catch (error) {
					lastError = error;
					if (!vault.getAbstractFileByPath(path)) throw error;
				}
			}
			throw lastError instanceof Error ? lastError : new Error("no free file name was found");
		},
		linkTo: (file, notePath) => {
			const target = vault.getFileByPath(file);
			return target instanceof TFile ? linkTarget(fileManager.generateMarkdownLink(target, notePath)) ?? file : file;
		},
	};
}

/** The path inside a link Obsidian generated (`![](a%20b.png)`, `![[a b.png]]`), decoded. */
export function linkTarget(link: string): string | null {
	const markdown = /^!?\[[^\]]*\]\((.*)\)$/.exec(link);
	if (markdown) {
		const destination = markdown[1].replace(/^<(.*)>$/, "$1");
		try {
			return decodeURI(destination);
		} catch {
			return destination;
		}
	}
	const wiki = /^!?\[\[([^|#\]]+)/.exec(link);
	return wiki ? wiki[1] : null;
}
