// The workers' journal entries are appended in the vault's order, whichever worker is first.
import { EntriesInOrder } from "../../src/cli/entriesInOrder";

function journal(): { lines: string[]; entries: EntriesInOrder } {
	const lines: string[] = [];
	return { lines, entries: new EntriesInOrder(async (line) => void lines.push(line)) };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

it("holds a note's entry until every note before it has sent its entry or finished without one", async () => {
	const { lines, entries } = journal();
	let thirdOnDisk = false;
	const third = entries.entry(2, "c").then(() => (thirdOnDisk = true));
	await settled();
	// Its worker may not replace note 2 yet: notes 0 and 1 have not been heard from.
	expect(lines).toEqual([]);
	expect(thirdOnDisk).toBe(false);
	entries.finish(0);
	const second = entries.entry(1, "b");
	await Promise.all([second, third]);
	expect(lines).toEqual(["b", "c"]);
	// A note that writes again after an edit (its turn has passed) is appended at once.
	await entries.entry(1, "b again");
	expect(lines).toEqual(["b", "c", "b again"]);
});

it("tells the worker when its entry could not be written, and goes on with the next notes", async () => {
	const lines: string[] = [];
	const entries = new EntriesInOrder(async (line) => {
		if (line === "bad") throw new Error("EACCES: permission denied");
		lines.push(line);
	});
	await expect(entries.entry(0, "bad")).rejects.toThrow("permission denied");
	entries.finish(0);
	await entries.entry(1, "good");
	expect(lines).toEqual(["good"]);
});
