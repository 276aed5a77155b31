// A command line the CLI refuses: one sentence, and the command whose help to point to.

import type { CommandName } from "./usage";

export class UsageError extends Error {
	constructor(
		message: string,
		/** The command whose help to point to. */
		readonly topic?: CommandName,
	) {
		super(message);
	}
}
