// Decides whether a path is in the folders the user chose (include list, minus exclude list).

import { normalizePath } from "obsidian";

/** A folder as the vault spells paths: `/`, never `\`, no slash at either end; "" for the vault root. */
export function normalizeFolder(folder: string): string {
	const path = normalizePath(folder.trim());
	return path === "/" ? "" : path;
}

/** Folders as typed or saved (Windows paths, stray slashes), normalized, without the root or repeats. */
export function normalizeFolders(folders: readonly string[]): string[] {
	return [...new Set(folders.map(normalizeFolder).filter((folder) => folder !== ""))];
}

function isInFolder(path: string, folder: string): boolean {
	return path === folder || path.startsWith(`${folder}/`);
}

/** Whether a path is in scope, the folders normalized once for every path asked about. */
export function scopeOf(include: readonly string[], exclude: readonly string[]): (path: string) => boolean {
	const included = normalizeFolders(include);
	const excluded = normalizeFolders(exclude);
	return (path) => (included.length === 0 || included.some((folder) => isInFolder(path, folder))) && !excluded.some((folder) => isInFolder(path, folder));
}

export function isInScope(path: string, include: readonly string[], exclude: readonly string[]): boolean {
	return scopeOf(include, exclude)(path);
}
