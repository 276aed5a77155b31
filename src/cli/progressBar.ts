// A one-line progress bar, redrawn in place, for runs whose output goes to a terminal.

export interface Progress {
	update(done: number, total: number): void;
	/** Clears the line so what is printed next starts clean. */
	end(): void;
}

const WIDTH = 30;

export function progressBar(write: (text: string) => void, label: string): Progress {
	let last = "";
	return {
		update(done, total) {
			const share = total === 0 ? 1 : done / total;
			const filled = Math.round(share * WIDTH);
			const line = `${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total}`;
			// Redrawing the same line again would only flicker.
			if (line === last) return;
			last = line;
			write(`\r${line}`);
		},
		end() {
			if (last !== "") write(`\r${" ".repeat(last.length)}\r`);
			last = "";
		},
	};
}

/** No bar: for output that is not a terminal (a file, a pipe, JSON). */
export const NO_PROGRESS: Progress = { update: () => undefined, end: () => undefined };
