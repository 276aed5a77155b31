// A run whose work is all gone from the event loop while its promise is still pending (a step
// waiting on something that can never come) would let Node exit with code 0 and nothing said, as if
// it had finished. It is said instead, with what state the vault is in, and the exit code is 1.

import { EXIT_FAILURE } from "./main";

export function guardUnfinished(run: Promise<unknown>, write: (text: string) => void, exit: (code: number) => void): void {
	let settled = false;
	void run.finally(() => (settled = true));
	process.once("beforeExit", () => {
		if (settled) return;
		write(
			"omnivore-queue: stopped before the run ended: a step waited for something that never came (please report it). Every note it wrote is whole and journaled: `omnivore-queue undo <vault>` puts them back, and running the command again does the rest.\n",
		);
		exit(EXIT_FAILURE);
	});
}
