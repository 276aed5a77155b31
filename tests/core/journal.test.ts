import { FakeDataAdapter } from "../__mocks__/obsidian";
import { Journal, parseBatch } from "../../src/core/journal/journal";
import { decideRestore, earlierText } from "../../src/core/journal/restore";
import { LazyBatch } from "../../src/core/journal/lazyBatch";
import { splitNote } from "../../src/core/note";
import { hashBytes, hashText } from "../../src/core/hash";
import { applyReverseEdits, reverseEdits } from "../../src/core/journal/edits";
import { NoteTidier } from "../../src/core";
import { localizeNote } from "../../src/core/images/localizeNote";
import { buildProxyMatcher } from "../../src/core/proxyUrls";

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

describe("decideRestore", () => {
	const entry = (before: string, after: string) => ({ path: "a.md", before, afterHash: hashText(after) });

	it("restores a note that still holds what was written", () => {
		expect(decideRestore("new", [entry("old", "new")])).toEqual({ kind: "restore", text: "old" });
	});

	it("walks back a note written twice", () => {
		expect(decideRestore("v3", [entry("v2", "v3"), entry("v1", "v2")])).toEqual({ kind: "restore", text: "v1" });
	});

	it("leaves a note edited since", () => {
		expect(decideRestore("new, edited", [entry("old", "new")])).toEqual({ kind: "edited" });
	});

	it("does nothing for a write that never happened (a run killed between the journal and the write)", () => {
		expect(decideRestore("old", [entry("old", "new")])).toEqual({ kind: "unchanged" });
	});
});

describe("compact entries", () => {
	it("rebuild the previous text from the text written and the engine's changes", async () => {
		const tidier = new NoteTidier();
		const before = "---\r\ntitle: |\r\n  A\r\n---\r\n#Omnivore\r\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/1.png) and ![x](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https%3A%2F%2Fa.example%2F2.png \"t\")\r\n";
		const result = tidier.tidy(before);
		const edits = reverseEdits(before, result.text, result.report.changes);
		expect(edits).not.toBeNull();
		expect(applyReverseEdits(result.text, edits ?? [])).toBe(before);

		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, "j");
		await (await journal.begin("t")).record("a.md", before, result.text, result.report.changes);
		const [entry] = (await journal.latest())?.entries ?? [];
		expect(entry.before).toBeUndefined();
		expect(decideRestore(result.text, [entry])).toEqual({ kind: "restore", text: before });
		expect(decideRestore(before, [entry])).toEqual({ kind: "unchanged" });
	});

	it("rebuild a note whose images were pointed to their downloaded files", () => {
		const before =
			"---\ntitle: Rust in 2023\n---\n# Rust in 2023\n#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://cdn.example.com/ferris.png)\n\n" +
			"Text between.\n\n<img src=\"https://cdn.example.com/roadmap.png\">\n";
		const result = localizeNote(before, {
			matcher: buildProxyMatcher(),
			articleUrl: () => undefined,
			localOf: (url) => ({ file: `Omnivore/attachments/${url.split("/").pop() ?? ""}`, link: `attachments/${url.split("/").pop() ?? ""}` }),
			failureOf: () => undefined,
		});
		expect(result.report.changes.map((change) => change.kind)).toEqual(["image-localized", "image-localized"]);
		const edits = reverseEdits(before, result.text, result.report.changes);
		expect(edits).toHaveLength(2);
		expect(applyReverseEdits(result.text, edits ?? [])).toBe(before);
	});

	it("fall back to the whole text when the changes do not account for everything", () => {
		expect(reverseEdits("abc", "abd", [])).toBeNull();
	});
});

describe("a batch undone or discarded", () => {
	it("is closed: its writer refuses entries, and a lazy batch opens a new one", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, "j");
		const automatic = new LazyBatch(journal, "Automatic cleanup");
		const first = await automatic.get();
		await first.record("a.md", "old", "new");
		const batch = await journal.latest();
		if (!batch) throw new Error("no batch");
		await journal.markUndone(batch, []);
		expect(first.open).toBe(false);
		await expect(first.record("b.md", "old", "new")).rejects.toThrow("closed");
		const second = await automatic.get();
		expect(second.file).not.toBe(first.file);
		await second.record("b.md", "old", "new");
		expect((await journal.latest())?.entries.map((e) => e.path)).toEqual(["b.md"]);
	});

	it("keeps the entries of notes undo left, marked undone, so it is not undone twice", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, "j");
		const writer = await journal.begin("t");
		await writer.record("a.md", "old a", "new a");
		await writer.record("b.md", "old b", "new b");
		const batch = await journal.latest();
		if (!batch) throw new Error("no batch");
		await journal.markUndone(batch, batch.entries.slice(1));
		expect(await journal.latest()).toBeNull();
		const [kept] = await journal.batches();
		expect(kept.undoneAt).toEqual(expect.any(Number));
		expect(kept.entries.map((e) => e.path)).toEqual(["b.md"]);
	});

	it("that failed to open is not kept: the next write tries again", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, "j");
		const automatic = new LazyBatch(journal, "Automatic cleanup");
		const write = jest.spyOn(adapter, "write").mockRejectedValueOnce(new Error("disk full"));
		await expect(automatic.get()).rejects.toThrow("disk full");
		write.mockRestore();
		await (await automatic.get()).record("a.md", "old", "new");
		expect((await journal.latest())?.entries).toHaveLength(1);
	});
});

describe("earlierText", () => {
	it("is exact while the note holds what was written, and otherwise the old frontmatter over the current body", () => {
		const tidier = new NoteTidier();
		const before = "---\ntitle: |\n  A\n---\n#Omnivore\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/1.png)\n";
		const result = tidier.tidy(before);
		const edits = reverseEdits(before, result.text, result.report.changes) ?? [];
		const entry = { path: "a.md", edits, afterHash: hashText(result.text), beforeHash: hashText(before) };
		expect(earlierText(result.text, [entry])).toEqual({ text: before, exact: true });
		const edited = `${result.text}More.\n`;
		expect(earlierText(edited, [entry])).toEqual({ text: `---\ntitle: |\n  A\n---\n${splitNote(edited).body}`, exact: false });
		expect(earlierText(edited, [{ path: "a.md", before, afterHash: hashText(result.text) }])).toEqual({ text: before, exact: true });
		// The write never happened: the note is its own earlier text.
		expect(earlierText(before, [entry])).toEqual({ text: before, exact: true });
	});
});

describe("files a run created", () => {
	it("are removed by undo only while they hold what was written", () => {
		const entry = { path: "Omnivore/A.md", created: true as const, afterHash: hashText("# A\n") };
		expect(decideRestore("# A\n", [entry])).toEqual({ kind: "remove" });
		expect(decideRestore("# A\n\nMy own line.\n", [entry])).toEqual({ kind: "edited" });
	});

	it("a copied PDF too, by its bytes", () => {
		const bytes = new Uint8Array([37, 80, 68, 70, 0, 255, 1]);
		const entry = { path: "Omnivore/A.pdf", created: true as const, binary: true as const, afterHash: hashBytes(bytes) };
		expect(decideRestore(bytes, [entry])).toEqual({ kind: "remove" });
		expect(decideRestore(new Uint8Array([37, 80]), [entry])).toEqual({ kind: "edited" });
	});

	it("are journaled as created entries that a batch reads back", async () => {
		const journal = new Journal(new FakeDataAdapter(), "journal");
		const batch = await journal.begin("import");
		await batch.recordCreated("Omnivore/A.md", "# A\n");
		await batch.recordCreated("Omnivore/A.pdf", new Uint8Array([1, 2]));
		expect((await journal.latest())?.entries).toEqual([
			{ path: "Omnivore/A.md", created: true, afterHash: hashText("# A\n") },
			{ path: "Omnivore/A.pdf", created: true, binary: true, afterHash: hashBytes(new Uint8Array([1, 2])) },
		]);
	});

	it("a note created then written again in the same batch is removed when it still holds the last text", () => {
		const created = { path: "Omnivore/A.md", created: true as const, afterHash: hashText("# A\n") };
		const tidied = { path: "Omnivore/A.md", before: "# A\n", afterHash: hashText("# A!\n"), beforeHash: hashText("# A\n") };
		expect(decideRestore("# A!\n", [tidied, created])).toEqual({ kind: "remove" });
	});
});

describe("hashText", () => {
	// Journals written by earlier versions hold these hashes: undo must still recognize the notes they describe.
	it.each([
		["", "0bdcb81aee8d830"],
		["hello", "106f3a63cd72265"],
		["---\ntitle: é 東京\n---\n", "03e3365678c1b714"],
	])("gives %j the hash earlier versions gave it", (text, hash) => {
		expect(hashText(text)).toBe(hash);
	});
});

describe("edits written in another order", () => {
	// Journals outlive versions of the tool: an entry whose edits are not in order, or overlap, is
	// applied from the last edit to the first, each on the text the next one left.
	it("apply overlapping edits one on the other, the first listed last", () => {
		expect(applyReverseEdits("abcdef", [[0, 3, "X"], [1, 1, "Y"]])).toBe("Xdef");
	});

	it("apply edits listed last to first, each on the text the next one left", () => {
		expect(applyReverseEdits("title: Rust\n![](a.png) ![](b.png)\n", [[45, 5, "https://b.example/b.png"], [16, 5, "https://a.example/a.png"]])).toBe(
			"title: Rust\n![](https://a.example/a.png) ![](https://b.example/b.png)\n",
		);
	});

	it("apply an edit that runs past the end of the text to its end", () => {
		expect(applyReverseEdits("abcdef", [[5, 3, "Z"]])).toBe("abcdeZ");
	});
});

describe("hashBytes", () => {
	// Image records and the journal entries of copied files hold these: a later run must still know the files.
	it.each([
		[[], "0bdcb81aee8d8310c329583afc3b-0"],
		[[1, 2], "1ff43ee737ebc5043f7ba1b9a939-2"],
		[Array.from({ length: 100000 }, (_, i) => (i * 7919) & 255), "053a892b10edb50f189d4f6b8642-186a0"],
	])("gives the bytes the hash earlier versions gave them (%#)", (bytes, hash) => {
		expect(hashBytes(new Uint8Array(bytes))).toBe(hash);
	});
});
