// How many worker threads a run gets: one per core unless told, none under a tight limit on open
// files (`ulimit -n 24`), where the workers left no file for the notes and every note failed.

import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

/** Below this, runs stay on one thread: Node itself holds about 20 files, each worker about 4 more. */
export const FILES_FOR_WORKERS = 128;

let known: number | null | undefined;

/** The soft limit on open files, or null where it cannot be read (read once a thread). */
export function openFilesLimit(limits = "/proc/self/limits"): number | null {
	if (limits !== "/proc/self/limits") return readLimit(limits);
	known ??= readLimit(limits);
	return known;
}

function readLimit(limits: string): number | null {
	try {
		const line = readFileSync(limits, "utf8")
			.split("\n")
			.find((l) => l.startsWith("Max open files"));
		const soft = line?.slice("Max open files".length).trim().split(/\s+/)[0];
		return soft === undefined || soft === "unlimited" || !/^\d+$/.test(soft) ? null : Number(soft);
	} catch {
		return null;
	}
}

/**
 * Workers for `jobs` threads, or undefined for this thread alone: without a script to start them
 * from, or with too few files allowed open for workers and notes both (`say` tells why, when more
 * threads were asked for).
 */
export function workersFor(script: string | undefined, jobs: number | null, limit: number | null, say: (line: string) => void): { script: string; jobs: number } | undefined {
	if (!script) return undefined;
	if (limit !== null && limit < FILES_FOR_WORKERS) {
		if (jobs !== null && jobs > 1) say(`omnivore-queue: only ${limit} files may be open at once (ulimit -n), too few for worker threads: running on one thread.\n`);
		return undefined;
	}
	return { script, jobs: jobs ?? availableParallelism() };
}
