// The import's progress bar stays on one line of the terminal, however narrow: a line that wraps
// makes each redraw start a new line, and the screen fills with bars.
import { progressBar } from "../../src/cli/progressBar";

function drawn(columns: number | undefined, steps: Array<[number, number]>): string[] {
	const writes: string[] = [];
	const bar = progressBar((text) => void writes.push(text), "Importing", () => columns);
	for (const [done, total] of steps) bar.update(done, total);
	return writes;
}

it("draws a bar of 30 where the terminal is wide, or its width is not known", () => {
	expect(drawn(undefined, [[9, 9]])).toEqual(["\rImporting [##############################] 9/9"]);
	expect(drawn(120, [[5, 10]])).toEqual(["\rImporting [###############---------------] 5/10"]);
});

it("narrows the bar to fit a narrow terminal, one column to spare", () => {
	const [line] = drawn(30, [[5, 10]]);
	expect(line).toBe("\rImporting [######------] 5/10");
	expect(line.length - 1).toBe(29);
});

it("cuts a line that cannot fit even without a bar", () => {
	const [line] = drawn(12, [[1234, 5678]]);
	expect(line).toBe("\rImporting [");
	expect(line.length - 1).toBe(11);
});

it("cuts a long note to the terminal too, and redraws the bar over it", () => {
	const writes: string[] = [];
	const bar = progressBar((text) => void writes.push(text), "Importing", () => 20);
	bar.note("Reading the export of 9 articles…");
	bar.update(1, 2);
	expect(writes).toEqual(["\rReading the export ", "\rImporting [##-] 1/2"]);
});
