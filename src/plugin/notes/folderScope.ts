// Decides whether a path is in the folders the user chose (include list, minus exclude list).

function normalizeFolder(folder: string): string {
	return folder.trim().replace(/^\/+|\/+$/g, "");
}

function isInFolder(path: string, folder: string): boolean {
	return folder === "" || path === folder || path.startsWith(`${folder}/`);
}

export function isInScope(path: string, include: readonly string[], exclude: readonly string[]): boolean {
	const included = include.map(normalizeFolder).filter((f) => f !== "");
	if (included.length > 0 && !included.some((folder) => isInFolder(path, folder))) return false;
	return !exclude.map(normalizeFolder).filter((f) => f !== "").some((folder) => isInFolder(path, folder));
}
