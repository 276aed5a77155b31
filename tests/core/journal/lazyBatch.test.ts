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

	describe("record", () => {
		it("writes to a new batch when its batch was closed meanwhile (undone)", async () => {
			const { journal, batch } = setUp();
			await batch.record("Rust.md", "# Rust\n", "# Rust!\n");
			const first = await batch.get();
			first.close();
			await batch.record("Go.md", "# Go\n", "# Go!\n");
			expect((await batch.get()).file).not.toBe(first.file);
			expect((await journal.batches()).map((b) => b.entries.map((e) => e.path))).toEqual([["Go.md"], ["Rust.md"]]);
		});

		it("writes to a new batch when the journal folder was deleted", async () => {
			const { adapter, journal, batch } = setUp();
			await batch.record("Rust.md", "# Rust\n", "# Rust!\n");
			for (const path of [...adapter.files.keys()]) await adapter.remove(path);
			adapter.folders.delete("journal");
			await batch.record("Go.md", "# Go\n", "# Go!\n");
			expect((await journal.batches()).map((b) => b.entries.map((e) => e.path))).toEqual([["Go.md"]]);
		});

		it("passes on any other failure: the note is then not written", async () => {
			const { adapter, journal, batch } = setUp();
			await batch.record("Rust.md", "# Rust\n", "# Rust!\n");
			jest.spyOn(adapter, "append").mockRejectedValueOnce(new Error("disk full"));
			await expect(batch.record("Go.md", "# Go\n", "# Go!\n")).rejects.toThrow("disk full");
			expect((await journal.batches()).length).toBe(1);
		});
	});
});
