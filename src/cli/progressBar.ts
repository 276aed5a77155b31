// A one-line progress bar, redrawn in place, for runs whose output goes to a terminal.

export interface Progress {
	/** A line saying what is happening before there is anything to count. */
	note(text: string): void;
	update(done: number, total: number): void;
	/** Clears the line so what is printed next starts clean. */
	end(): void;
}

const WIDTH = 30;

/**
 * `columns`: the terminal's width, when known. A line as wide as the terminal wraps, and each redraw
 * (a carriage return) then starts a new line: the bar narrows, and a line that still does not fit is cut.
 */
export function progressBar(write: (text: string) => void, label: string, columns: () => number | undefined = () => undefined): Progress {
	let last = "";
	const fit = (line: string) => {
		const room = (columns() ?? Infinity) - 1;
		return line.length > room ? line.slice(0, Math.max(0, room)) : line;
	};
	const draw = (whole: string) => {
		const line = fit(whole);
		// Shorter than what it replaces: the rest of the old line is blanked.
		write(`\r${line}${" ".repeat(Math.max(0, last.length - line.length))}`);
		last = line;
	};
	return {
		note(text) {
			draw(text);
		},
		update(done, total) {
			const count = `${done}/${total}`;
			const width = Math.max(0, Math.min(WIDTH, (columns() ?? Infinity) - 1 - `${label} [] ${count}`.length));
			const filled = Math.round((total === 0 ? 1 : done / total) * width);
			const line = fit(`${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${count}`);
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
