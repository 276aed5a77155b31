// Remembers which notes a run left clean (by size, modification time and inode), so the next run
// skips them without reading them. Any change to a note, the settings or the version reads it again.

import { statSync, type Stats } from "node:fs";
import { join } from "node:path";
import { hashText, TIDY_RULES_VERSION, timeZoneKey, type Problem, type TidyOptions } from "../core";
import { writeFileAtomic } from "./atomicWrite";
import { readStateText } from "./stateFile";

export const CHECKED_FILE = ".omnivore-queue/checked.json";

export interface CheckedNote {
	/** `size:mtimeMs:inode:ctimeMs` of the file when it was found clean (`fileStamp`). */
	stamp: string;
	omnivore: boolean;
	problems: Problem[];
}

interface CheckedFile {
	fingerprint: string;
	notes: Record<string, CheckedNote>;
}

/**
 * What tells a note changed: size, modification time, inode, and the change time, which no tool can
 * set back (an edit of the same size with its modification time restored, a note made unreadable).
 */
export function fileStamp(info: Pick<Stats, "size" | "mtimeMs" | "ctimeMs" | "ino">): string {
	return `${info.size}:${info.mtimeMs}:${info.ino}:${info.ctimeMs}`;
}

/** What makes earlier verdicts valid: the CLI's and the engine's rules' versions, the options, and the time zone. */
export function fingerprint(version: string, options: TidyOptions, rules = TIDY_RULES_VERSION): string {
	// The time zone too: a date without one is read in it (`TZ=…` changes what the queue lists).
	return hashText(`${version}\n${rules}\n${timeZoneKey()}\n${JSON.stringify(options)}`);
}

export function readChecked(vault: string, expected: string): Map<string, CheckedNote> {
	try {
		const data = JSON.parse(readStateText(join(vault, CHECKED_FILE))) as CheckedFile;
		return data.fingerprint === expected ? new Map<string, CheckedNote>(Object.entries(data.notes)) : new Map<string, CheckedNote>();
	} catch {
		return new Map();
	}
}

export function writeChecked(vault: string, print: string, notes: Map<string, CheckedNote>): void {
	const data: CheckedFile = { fingerprint: print, notes: Object.fromEntries(notes) };
	writeFileAtomic(join(vault, CHECKED_FILE), JSON.stringify(data));
}

export function stampOf(path: string): string | null {
	try {
		return fileStamp(statSync(path));
	} catch {
		return null;
	}
}
