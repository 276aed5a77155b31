// A one-line progress bar, redrawn in place, for runs whose output goes to a terminal.

export interface Progress {
	/** A line saying what is happening before there is anything to count. */
	note(text: string): void;
	update(done: number, total: number): void;
	/** Clears the line so what is printed next starts clean. */
	end(): void;
}

const WIDTH = 30;

export function progressBar(write: (text: string) => void, label: string): Progress {
	let last = "";
	const draw = (line: string) => {
		// Shorter than what it replaces: the rest of the old line is blanked.
		write(`\r${line}${" ".repeat(Math.max(0, last.length - line.length))}`);
		last = line;
	};
	return {
		note(text) {
			draw(text);
		},
		update(done, total) {
			const share = total === 0 ? 1 : done / total;
			const filled = Math.round(share * WIDTH);
			const line = `${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total}`;
			// Redrawing the same line again would only flicker.
			if (line !== last) draw(line);
		},
		end() {
			if (last !== "") write(`\r${" ".repeat(last.length)}\r`);
			last = "";
		},
	};
}

/** No bar: for output that is not a terminal (a file, a pipe, JSON). */
export const NO_PROGRESS: Progress = { note: () => undefined, update: () => undefined, end: () => undefined };
