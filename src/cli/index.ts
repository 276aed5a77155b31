// Entry point of the CLI bundle: wires `main` to the process. The bundle is also the script of the
// worker threads of `tidy --jobs` and `queue --jobs`, which only serve the engine.

import { EXIT_FAILURE, main } from "./main";
import { forTerminal } from "./terminalText";
import { describeFsError } from "./vaultFiles";
import { isFile, writeWhole } from "./wholeWrite";
import { isTidyWorker, serveTidyWorker } from "./tidyPool";
import { isQueueWorker, serveQueueWorker } from "./queuePool";
import { guardUnfinished } from "./unfinishedRun";

/** Output that cannot be written (`> report.json` on a full disk): one line, never a stack. */
function outputFailed(error: unknown): never {
	process.stderr.write(`omnivore-queue: its output could not be written: ${describeFsError(error)}.\n`);
	process.exit(EXIT_FAILURE);
}

function start(): void {
	for (const stream of [process.stdout, process.stderr]) {
		stream.on("error", (error: NodeJS.ErrnoException) => {
			if (error.code === "EPIPE") {
				// The reader went away. Messages go to stderr while a run works (`2>&1 >report | true`): it
				// goes on without them, and ends with its own code. The output on stdout comes once the run
				// is done (`tidy --diff | head`): end quietly.
				if (stream === process.stderr) return;
				process.exit(process.exitCode ?? 0);
			}
			if (stream === process.stdout) outputFailed(error);
			process.exit(EXIT_FAILURE);
		});
	}
	const toFile = isFile(1);
	const writeFile = (text: string) => {
		try {
			writeWhole(1, text);
		} catch (error) {
			outputFailed(error);
		}
	};
	const run = main(
		process.argv.slice(2),
		{
			out: (text) => (toFile ? writeFile(text) : process.stdout.write(process.stdout.isTTY ? forTerminal(text) : text)),
			err: (text) => process.stderr.write(process.stderr.isTTY ? forTerminal(text) : text),
			isTerminal: process.stdout.isTTY === true,
			columns: () => process.stdout.columns,
		},
		{ workerScript: __filename },
	);
	void run.then((code) => {
		process.exitCode = code;
	});
	guardUnfinished(run, (text) => process.stderr.write(text), (code) => process.exit(code));
}

if (isTidyWorker()) serveTidyWorker();
else if (isQueueWorker()) serveQueueWorker();
else start();
