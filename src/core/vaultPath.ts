// Paths our own files name (the journal, the record of downloaded images), checked before they are used.

/**
 * A path inside the vault, as the front ends write them. Our files are files of the vault, which a
 * sync or a shared vault may bring from someone else: one naming `../x` or `/x` could make undo write
 * or remove, or a note link to, a file outside the vault.
 */
export function isVaultPath(path: string): boolean {
	return path !== "" && !/^([/\\]|[A-Za-z]:)/.test(path) && !path.split(/[/\\]/).some((part) => part === ".." || part === "." || part === "");
}

/** The folder a path lies in (`a/b` for `a/b/c.md`), or "" at the vault's root. */
export function folderOf(path: string): string {
	return path.slice(0, Math.max(0, path.lastIndexOf("/")));
}

/** A folder and each folder above it, outermost first (`a`, `a/b`, `a/b/c`): the ones a file there needs. */
export function foldersDownTo(folder: string): string[] {
	const parts = folder.split("/").filter((part) => part !== "");
	return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}
