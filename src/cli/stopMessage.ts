// Ctrl-C during a run that writes. The run stops at once, as it always did: every write is atomic and
// journaled before it lands, and the next run removes a killed run's temporary files, so nothing is
// half-written. What was missing is a word on where that leaves the vault.

import type { VaultLock } from "./vaultLock";

export type WritingCommand = "tidy" | "images" | "import" | "undo";

function whereItStands(command: WritingCommand, vault: string): string {
	const undo = `"omnivore-queue undo ${vault}"`;
	switch (command) {
		case "tidy":
			return `The notes tidied so far are journaled (${undo} puts them back); run tidy again to do the rest.`;
		case "images":
			return `The notes pointed at their images so far are journaled (${undo} puts them back and removes the files); run images again to do the rest.`;
		case "import":
			return `The notes written so far are journaled (${undo} removes or puts them back); run the import again to do the rest.`;
		case "undo":
			return "The notes put back so far stay put back; run undo again to finish.";
	}
}

/**
 * The lock with a stop message: until it is released, Ctrl-C releases it, says where the run
 * stopped, and exits with 130 (the shell's code for an interrupt).
 */
export function withStopMessage(lock: VaultLock, command: WritingCommand, vault: string, err: (text: string) => void): VaultLock {
	const stop = (): void => {
		lock.release();
		// A progress bar may hold the line: the message starts on a fresh one.
		err(`\nomnivore-queue: stopped (Ctrl-C). ${whereItStands(command, vault)}\n`);
		process.exit(130);
	};
	process.once("SIGINT", stop);
	return {
		createdFolder: lock.createdFolder,
		release: () => {
			process.removeListener("SIGINT", stop);
			lock.release();
		},
	};
}
