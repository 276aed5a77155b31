// Edits that reach a note's old file after it was checked and replaced (a writer that opened it just
// before the rename): the old file is kept open for a while and looked at again; such an edit is put
// back in place of the tidied text, for the run to tidy it anew.

import { closeSync, fstatSync, readFileSync, readSync, type Stats } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { writeFileAtomic, type AtomicWriteOptions } from "./atomicWrite";

interface Replaced {
	path: string;
	absolute: string;
	/** Descriptor of the replaced (old) file. */
	fd: number;
	/** Its stat when it was checked, just before the rename. */
	checked: Stats;
	/** What replaced it. */
	written: string;
	keep: AtomicWriteOptions;
}

// Enough to look again long after the rename, few enough to stay far below the open-files limit.
const HELD = 256;
// Before the last look: a writer that opened the old file just before the rename has written by then.
const SETTLE_MS = 50;

/** The whole file behind a descriptor, from its start. */
export function readBytes(fd: number, size: number): Buffer {
	const buffer = Buffer.alloc(size);
	let offset = 0;
	while (offset < size) {
		const read = readSync(fd, buffer, offset, size - offset, offset);
		if (read === 0) break;
		offset += read;
	}
	return buffer.subarray(0, offset);
}

function readText(absolute: string): string | null {
	try {
		return readFileSync(absolute, "utf8");
	} catch {
		return null;
	}
}

export class LateEditWatch {
	private readonly held: Replaced[] = [];
	private readonly putBack: string[] = [];

	hold(replaced: Replaced): void {
		this.held.push(replaced);
		if (this.held.length >= HELD) this.sweep();
	}

	/** Look at every old file again; returns nothing, the paths put back accumulate for `settle`. */
	private sweep(): void {
		for (const replaced of this.held.splice(0)) {
			try {
				const now = fstatSync(replaced.fd);
				if (now.size === replaced.checked.size && now.mtimeMs === replaced.checked.mtimeMs) continue;
				const edited = readBytes(replaced.fd, now.size);
				// Only over our own text: a newer write to the note holds the user's latest anyway.
				const { absolute, written } = replaced;
				if (writeFileAtomic(absolute, edited, { ...replaced.keep, stillCurrent: () => readText(absolute) === written })) {
					this.putBack.push(replaced.path);
				}
			} catch {
				// The old file could not be read again: nothing more can be done for it.
			} finally {
				closeSync(replaced.fd);
			}
		}
	}

	/** At the end of a run: the last look, and the notes whose late edit was put back. */
	async settle(): Promise<string[]> {
		if (this.held.length > 0) await sleep(SETTLE_MS);
		this.sweep();
		return this.putBack.splice(0);
	}
}
