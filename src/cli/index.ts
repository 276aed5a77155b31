// Entry point of the CLI bundle: wires `main` to the process. The bundle is also the script of the
// engine's worker threads (`tidy --jobs`), which only serve the engine.

import { main } from "./main";
import { isTidyWorker, serveTidyWorker } from "./tidyPool";

function start(): void {
	// `omnivore-queue tidy --diff | head`: the reader went away; the run itself is done, so end quietly.
	for (const stream of [process.stdout, process.stderr]) {
		stream.on("error", (error: NodeJS.ErrnoException) => {
			if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
			throw error;
		});
	}
	void main(
		process.argv.slice(2),
		{ out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), isTerminal: process.stdout.isTTY === true },
		{ workerScript: __filename },
	).then((code) => {
		process.exitCode = code;
	});
}

if (isTidyWorker()) serveTidyWorker();
else start();
