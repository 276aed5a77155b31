// Every command, view action and settings change runs here: a failure is shown and logged, never lost.

import { Notice } from "obsidian";

// Node-style codes from the file system, in words a reader understands.
const PLAIN_CODES: Readonly<Record<string, string>> = {
	ENOENT: "the file or folder does not exist (any more)",
	EACCES: "permission was denied",
	EPERM: "the operation was not permitted",
	EROFS: "the disk is read-only",
	ENOSPC: "the disk is full",
	EBUSY: "the file is in use by another program",
	EMFILE: "too many files are open",
};

/** Why it failed, in a sentence fragment: the error's own message, or its code in words. */
export function plainReason(error: unknown): string {
	const message = (error instanceof Error ? error.message : typeof error === "string" ? error : "").trim().replace(/\.$/, "");
	const code = /^(E[A-Z]+)\b/.exec(message)?.[1] ?? (error as { code?: unknown } | null)?.code;
	if (typeof code === "string" && PLAIN_CODES[code]) return PLAIN_CODES[code];
	return message === "" ? "an unexpected error occurred" : message;
}

/**
 * Show what failed and log it with the note's path. `action` names it as the user knows it
 * ("Tidy current note", "Mark as read").
 */
export function reportFailure(action: string, error: unknown, path?: string): void {
	console.error(`Omnivore Queue: ${action} failed${path ? ` for ${path}` : ""}`, error);
	new Notice(`${action} failed${path ? ` for ${path}` : ""}: ${plainReason(error)}.`);
}

export interface NoteFailure {
	path: string;
	error: unknown;
}

/** Failures of one run over many notes: each logged with its path, one notice for all. */
export function reportFailures(action: string, failures: readonly NoteFailure[]): void {
	if (failures.length <= 1) {
		for (const { path, error } of failures) reportFailure(action, error, path);
		return;
	}
	for (const { path, error } of failures) console.error(`Omnivore Queue: ${action} failed for ${path}`, error);
	const [first] = failures;
	new Notice(`${action} failed for ${failures.length} notes, such as ${first.path}: ${plainReason(first.error)}. The developer console lists them all.`);
}

/** Run an action; a failure is reported and resolves to `undefined`, never a rejection nobody sees. */
export async function runGuarded<T>(action: string, run: () => T | Promise<T>, path?: string): Promise<T | undefined> {
	try {
		return await run();
	} catch (error) {
		reportFailure(action, error, path);
		return undefined;
	}
}

/** A handler for an event or a button that runs through the boundary (fire and forget). */
export function guarded<A extends unknown[]>(action: string, run: (...args: A) => unknown, pathOf?: (...args: A) => string | undefined): (...args: A) => void {
	return (...args: A) => void runGuarded(action, () => run(...args), pathOf?.(...args));
}
