// How many worker threads a run gets, from the cores and the limit on open files.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { FILES_FOR_WORKERS, openFilesLimit, workersFor } from "../../src/cli/workerCount";

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            24                   4096                 files
Max locked memory         8388608              8388608              bytes
`;

let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "omnivore-queue-limits-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

it("reads the soft limit on open files from the system's table, and nothing from what it cannot read", () => {
	writeFileSync(join(work, "limits"), LIMITS);
	expect(openFilesLimit(join(work, "limits"))).toBe(24);
	writeFileSync(join(work, "unlimited"), LIMITS.replace("24        ", "unlimited "));
	expect(openFilesLimit(join(work, "unlimited"))).toBeNull();
	expect(openFilesLimit(join(work, "missing"))).toBeNull();
});

it("gives one thread per core unless told, and none below the files workers need, saying so only when more were asked for", () => {
	const said: string[] = [];
	const say = (line: string) => void said.push(line);
	expect(workersFor("cli.js", null, null, say)).toEqual({ script: "cli.js", jobs: availableParallelism() });
	expect(workersFor("cli.js", 3, FILES_FOR_WORKERS, say)).toEqual({ script: "cli.js", jobs: 3 });
	expect(workersFor(undefined, 3, null, say)).toBeUndefined();
	expect(workersFor("cli.js", null, FILES_FOR_WORKERS - 1, say)).toBeUndefined();
	expect(said).toEqual([]);
	expect(workersFor("cli.js", 2, 24, say)).toBeUndefined();
	expect(said).toEqual(["omnivore-queue: only 24 files may be open at once (ulimit -n), too few for worker threads: running on one thread.\n"]);
});
