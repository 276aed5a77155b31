// Writes a file so that a crash leaves either the old or the new text, never a partial file.

import { renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Write to a temporary file beside the target (same folder, same file system), then rename over it. */
// Synchronous on purpose: a batch tool gains nothing from overlapping writes, and sync calls avoid
// waiting on the event loop between files.
let sequence = 0;

export function writeFileAtomic(path: string, text: string, mode = currentMode(path)): void {
	// Unique per process and write; `wx` refuses a name that exists (a leftover of a killed run).
	const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${sequence++}.tmp`);
	try {
		writeFileSync(temporary, text, { encoding: "utf8", mode, flag: "wx" });
		renameSync(temporary, path);
	} catch (error) {
		try {
			unlinkSync(temporary);
		} catch {
			// The temporary file was never created.
		}
		throw error;
	}
}

function currentMode(path: string): number {
	try {
		return statSync(path).mode & 0o777;
	} catch {
		return 0o644;
	}
}
