// Output into a file (`queue --json > report.json`): Node's stream for a file takes a short write
// (a disk that fills up partway) for a whole one, so a cut report would end with exit 0. Written here
// to its last byte, or the error that stopped it.

import { fstatSync, writeSync } from "node:fs";

/** Whether the descriptor is a regular file (not a terminal or a pipe, whose streams report failures themselves). */
export function isFile(fd: number): boolean {
	try {
		return fstatSync(fd).isFile();
	} catch {
		return false;
	}
}

/** Writes every byte of `text`, calling `write` again after a short write; its error (ENOSPC) is thrown. */
export function writeWhole(fd: number, text: string, write: typeof writeSync = writeSync): void {
	const bytes = Buffer.from(text, "utf8");
	for (let at = 0; at < bytes.length; ) at += write(fd, bytes, at, bytes.length - at);
}
