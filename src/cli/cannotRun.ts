// Nothing can run on this vault (unreadable, locked, its own state unusable): said in one line, exit 2.
// A run that stops partway is said in one line too, exit 1: in words where the disk is the cause.

import { describeFsError } from "./vaultFiles";

export class CannotRun extends Error {}

/** The run stopped partway for a reason outside the tool (its journal could not be written). */
export class RunStopped extends Error {}

/** The line said for an error a run stopped on: never a stack. */
export function stoppedLine(error: unknown): string {
	if (error instanceof RunStopped) return `omnivore-queue: stopped: ${error.message}.\n`;
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
		// A full disk or a file taken away mid-run is said as such, where it happened.
		const path = (error as NodeJS.ErrnoException).path;
		return `omnivore-queue: stopped${path ? ` at ${path}` : ""}: ${describeFsError(error)}.\n`;
	}
	return `omnivore-queue: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`;
}
