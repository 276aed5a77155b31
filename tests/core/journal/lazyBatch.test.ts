// A batch opened on first write and shared by every later write of a run, until undo closes it.

import { FakeDataAdapter } from "../../__mocks__/obsidian";
import { Journal } from "../../../src/core/journal/journal";
import { LazyBatch } from "../../../src/core/journal/lazyBatch";

function setUp() {
	const adapter = new FakeDataAdapter();
	const journal = new Journal(adapter, "journal");
	return { adapter, journal, batch: new LazyBatch(journal, "Tidy all Omnivore notes") };
}

describe("LazyBatch", () => {
	it("opens nothing until a note is written, then one batch for every note of the run", async () => {
		const { journal, batch } = setUp();
		const begin = jest.spyOn(journal, "begin");
		expect(await batch.opened()).toBeNull();
		const first = await batch.get();
		await first.record("Rust.md", "# Rust\n", "---\nstatus: unread\n---\n# Rust\n");
		const second = await batch.get();
		await second.record("Go.md", "# Go\n", "---\nstatus: unread\n---\n# Go\n");
		expect(second).toBe(first);
		expect(await batch.opened()).toBe(first);
		expect(begin).toHaveBeenCalledTimes(1);
		expect(begin).toHaveBeenCalledWith("Tidy all Omnivore notes");
		expect((await journal.latest())?.entries.map((e) => e.path)).toEqual(["Rust.md", "Go.md"]);
	});

	it("starts a new batch after a reset, so one run's undo never takes back the next run's notes", async () => {
		const { journal, batch } = setUp();
		const first = await batch.get();
		await first.record("Rust.md", "# Rust\n", "# Rust!\n");
		batch.reset();
		expect(await batch.opened()).toBeNull();
		const second = await batch.get();
		expect(second.file).not.toBe(first.file);
		await second.record("Go.md", "# Go\n", "# Go!\n");
		expect((await journal.batches()).map((b) => b.entries.map((e) => e.path))).toEqual([["Go.md"], ["Rust.md"]]);
	});

	it("says no batch is open when opening it failed", async () => {
		const { adapter, batch } = setUp();
		jest.spyOn(adapter, "write").mockRejectedValueOnce(new Error("disk full"));
		await expect(batch.get()).rejects.toThrow("disk full");
		expect(await batch.opened()).toBeNull();
	});

	it("keeps the batch opened after a reset when an earlier one fails to open late", async () => {
		const { adapter, batch } = setUp();
		let fail: (error: Error) => void = () => undefined;
		jest.spyOn(adapter, "write").mockImplementationOnce(() => new Promise((_resolve, reject) => (fail = reject)));
		const slow = batch.get();
		batch.reset();
		const current = await batch.get();
		fail(new Error("disk full"));
		await expect(slow).rejects.toThrow("disk full");
		expect(await batch.opened()).toBe(current);
		expect(await batch.get()).toBe(current);
	});
});
