// A run the event loop no longer waits on, its promise still pending, ends with a line and exit 1,
// never the silent 0 Node gives when nothing is left to do.
import { EXIT_FAILURE } from "../../src/cli/main";
import { guardUnfinished } from "../../src/cli/unfinishedRun";

it("says a run that never ended stopped, and exits 1", () => {
	const written: string[] = [];
	const exits: number[] = [];
	guardUnfinished(new Promise(() => undefined), (text) => written.push(text), (code) => exits.push(code));
	process.emit("beforeExit", 0);
	expect(exits).toEqual([EXIT_FAILURE]);
	expect(written).toHaveLength(1);
	expect(written[0]).toMatch(/^omnivore-queue: stopped before the run ended: .*undo.*\n$/);
});

it("lets a run that ended exit as it chose", async () => {
	const exits: number[] = [];
	const run = Promise.resolve(0);
	guardUnfinished(run, () => undefined, (code) => exits.push(code));
	await run;
	await Promise.resolve();
	process.emit("beforeExit", 0);
	expect(exits).toEqual([]);
});
