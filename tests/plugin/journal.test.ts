import { FakeDataAdapter } from "../__mocks__/obsidian";
import { Journal, parseBatch } from "../../src/plugin/journal/journal";

describe("Journal", () => {
	it("keeps the last few batches", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, "plugin/journal", { batches: 3, bytes: 1_000_000 });
		for (let i = 0; i < 5; i++) await (await journal.begin(`batch ${i}`)).record(`${i}.md`, "old", "new");
		const files = (await adapter.list("plugin/journal")).files;
		expect(files).toHaveLength(3);
		expect((await journal.latest())?.label).toBe("batch 4");
	});

	it("drops the oldest batches when they take too much room", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, "j", { batches: 10, bytes: 2_000 });
		for (let i = 0; i < 4; i++) await (await journal.begin(`b${i}`)).record("a.md", "x".repeat(900), "new");
		const files = (await adapter.list("j")).files;
		expect(files.length).toBeLessThan(4);
		expect((await journal.latest())?.label).toBe("b3");
	});

	it("ignores a line cut short by a crash", () => {
		const text = '{"batch":"1","label":"x","startedAt":1}\n{"path":"a.md","before":"old","afterHash":"h"}\n{"path":"b.md","bef';
		expect(parseBatch(text)?.entries).toEqual([{ path: "a.md", before: "old", afterHash: "h" }]);
	});

	it("has nothing to undo when empty", async () => {
		expect(await new Journal(new FakeDataAdapter(), "j").latest()).toBeNull();
	});
});
