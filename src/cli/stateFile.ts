// The tool's own files in `.omnivore-queue/` (lock, caches, record, journal) are read only when they are
// regular files: a FIFO or a device put there (by mistake or malice) would block a read for ever.

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** The file's bytes; throws for one that is not a regular file (opened without waiting on a FIFO's writer). */
export function readStateFile(path: string): Buffer {
	// `O_NONBLOCK` does not exist on Windows, where a FIFO cannot stand in a folder either.
	const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	try {
		const info = fstatSync(fd);
		if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: "EISDIR", path });
		if (!info.isFile()) throw Object.assign(new Error("it is not a regular file"), { code: "ENOTREG", path });
		const bytes = Buffer.allocUnsafe(info.size);
		for (let length = 0; length < bytes.length; ) {
			const read = readSync(fd, bytes, length, bytes.length - length, null);
			if (read === 0) return bytes.subarray(0, length);
			length += read;
		}
		// What the file grew by since its size was taken is read too.
		const parts = [bytes];
		const chunk = Buffer.allocUnsafe(64 * 1024);
		for (let read = readSync(fd, chunk, 0, chunk.length, null); read > 0; read = readSync(fd, chunk, 0, chunk.length, null)) parts.push(Buffer.from(chunk.subarray(0, read)));
		return parts.length === 1 ? bytes : Buffer.concat(parts);
	} finally {
		closeSync(fd);
	}
}

/** The same as text. */
export function readStateText(path: string): string {
	return readStateFile(path).toString("utf8");
}
