// Progress of a long run on stderr, redrawn in place, only when a person watches (stderr is a terminal).

import type { ImageRunPhase } from "../core";

const PHASES: Record<ImageRunPhase, string> = { scan: "Reading notes", download: "Downloading images", write: "Updating notes" };

export function progressLine(output: { err: (text: string) => void }, isTerminal = process.stderr.isTTY === true): ((phase: ImageRunPhase, done: number, total: number) => void) | undefined {
	if (!isTerminal) return undefined;
	let last = 0;
	return (phase, done, total) => {
		const now = Date.now();
		// Ten redraws a second at most; the last of each phase always.
		if (done !== total && now - last < 100) return;
		last = now;
		output.err(`\r\u001b[2K${PHASES[phase]}: ${done} / ${total}${done === total ? "\n" : ""}`);
	};
}
