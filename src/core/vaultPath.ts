// Paths our own files name (the journal, the record of downloaded images), checked before they are used.

/**
 * A path inside the vault, as the front ends write them. Our files are files of the vault, which a
 * sync or a shared vault may bring from someone else: one naming `../x` or `/x` could make undo write
 * or remove, or a note link to, a file outside the vault.
 */
export function isVaultPath(path: string): boolean {
	return path !== "" && !/^([/\\]|[A-Za-z]:)/.test(path) && !path.split(/[/\\]/).some((part) => part === ".." || part === "." || part === "");
}
