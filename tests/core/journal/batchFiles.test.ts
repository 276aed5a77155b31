// The journal's files: which batches pruning keeps, which batch undo picks, and what a batch file may hold.

import { FakeDataAdapter } from "../../__mocks__/obsidian";
import { Journal, parseBatch, UNREADABLE_HEADER_LABEL, type JournalLimits } from "../../../src/core/journal/journal";

const FOLDER = "plugins/omnivore-queue/journal";
const NOTE_BEFORE = "---\ntitle: 'Rust in 2023: What Comes Next'\nomnivore_url: https://omnivore.app/me/rust-18de9d85b43\n---\n# Rust\n#Omnivore\n";
const NOTE_AFTER = "---\ntitle: \"Rust in 2023: What Comes Next\"\nomnivore_url: https://omnivore.app/me/rust-18de9d85b43\nstatus: unread\n---\n# Rust\n#Omnivore\n";

/** A run of the engine over one note: a batch with one entry. */
async function tidyRun(journal: Journal, label: string, path = `Omnivore/${label}.md`): Promise<void> {
	await (await journal.begin(label)).record(path, NOTE_BEFORE, NOTE_AFTER);
}

async function labels(adapter: FakeDataAdapter): Promise<string[]> {
	const files = (await adapter.list(FOLDER)).files.filter((f) => f.endsWith(".jsonl")).sort();
	return Promise.all(files.map(async (f) => parseBatch(await adapter.read(f))?.label ?? "?"));
}

async function folderSize(adapter: FakeDataAdapter): Promise<number> {
	const files = (await adapter.list(FOLDER)).files;
	const sizes = await Promise.all(files.map(async (f) => (await adapter.stat(f))?.size ?? 0));
	return sizes.reduce((a, b) => a + b, 0);
}

afterEach(() => jest.restoreAllMocks());

/** A folder listing in no particular order, as a file system may return it. */
class UnorderedListing extends FakeDataAdapter {
	override async list(path: string) {
		const listed = await super.list(path);
		return { files: [...listed.files].reverse(), folders: listed.folders };
	}
}

describe("journal pruning", () => {
	it("drops the oldest batches by size and keeps the newer ones", async () => {
		const adapter = new FakeDataAdapter();
		await tidyRun(new Journal(adapter, FOLDER), "probe");
		const oneBatch = await folderSize(adapter);
		await adapter.remove((await adapter.list(FOLDER)).files[0]);

		// Room for three runs before a new one starts: the fifth pushes out the first, and only the first.
		const limits: JournalLimits = { batches: 10, bytes: oneBatch * 3 + 10 };
		const journal = new Journal(adapter, FOLDER, limits);
		for (const label of ["run 1", "run 2", "run 3", "run 4", "run 5"]) await tidyRun(journal, label);
		expect(await labels(adapter)).toEqual(["run 2", "run 3", "run 4", "run 5"]);
	});

	it("keeps a journal that is exactly at its size limit", async () => {
		const adapter = new FakeDataAdapter();
		const sizing = new Journal(adapter, FOLDER);
		await tidyRun(sizing, "run 1");
		await tidyRun(sizing, "run 2");
		const journal = new Journal(adapter, FOLDER, { batches: 10, bytes: await folderSize(adapter) });
		await tidyRun(journal, "run 3");
		expect(await labels(adapter)).toEqual(["run 1", "run 2", "run 3"]);
	});

	it("removes the oldest batches even when the folder lists them newest first", async () => {
		const adapter = new UnorderedListing();
		const journal = new Journal(adapter, FOLDER, { batches: 2, bytes: 1_000_000 });
		for (const label of ["monday", "tuesday", "wednesday"]) await tidyRun(journal, label);
		expect(await labels(adapter)).toEqual(["tuesday", "wednesday"]);
		expect((await journal.latest())?.label).toBe("wednesday");
	});

	it("never touches other files in the journal folder", async () => {
		const adapter = new FakeDataAdapter();
		await adapter.mkdir(FOLDER);
		await adapter.write(`${FOLDER}/README.md`, "Undo history of Omnivore Queue.\n");
		await adapter.write(`${FOLDER}/.DS_Store`, "\0\0\0\u0001Bud1");
		const journal = new Journal(adapter, FOLDER, { batches: 1, bytes: 10 });
		await tidyRun(journal, "run 1");
		await tidyRun(journal, "run 2");
		const files = (await adapter.list(FOLDER)).files;
		expect(files).toContain(`${FOLDER}/README.md`);
		expect(files).toContain(`${FOLDER}/.DS_Store`);
		expect(files.filter((f) => f.endsWith(".jsonl"))).toHaveLength(1);
		expect((await journal.latest())?.label).toBe("run 2");
	});

	it("counts a batch removed by a sync between listing and measuring as empty", async () => {
		class VanishingStat extends FakeDataAdapter {
			override async stat(path: string) {
				return path.endsWith(".jsonl") ? null : super.stat(path);
			}
		}
		const adapter = new VanishingStat();
		const journal = new Journal(adapter, FOLDER, { batches: 5, bytes: 1_000_000 });
		await tidyRun(journal, "run 1");
		await tidyRun(journal, "run 2");
		expect(await labels(adapter)).toEqual(["run 1", "run 2"]);
	});

	it("keeps the last twenty runs by default, whatever their notes weigh (a run of one note each, as Tidy current note makes)", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER);
		const big = `${NOTE_BEFORE}${"A long article body. ".repeat(5_000)}`;
		for (let i = 1; i <= 22; i++) await (await journal.begin(`run ${i}`)).record("Omnivore/Long read.md", big, NOTE_AFTER);
		expect(await labels(adapter)).toEqual(Array.from({ length: 20 }, (_, i) => `run ${i + 3}`));
	});

	it("removes old batches only once a run is kept, when told to: a discarded run costs none of them (the CLI)", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER, { batches: 3, bytes: 1_000_000, pruneWhenKept: true });
		for (let i = 1; i <= 3; i++) {
			await tidyRun(journal, `run ${i}`);
			await journal.kept();
		}
		// A run that wrote nothing: its batch is discarded, and the three before it are all still there.
		const failed = await journal.begin("failed");
		await failed.record("Omnivore/Note.md", NOTE_BEFORE, NOTE_AFTER);
		await journal.discard(failed.file);
		expect(await labels(adapter)).toEqual(["run 1", "run 2", "run 3"]);
		await tidyRun(journal, "run 4");
		await journal.kept();
		expect(await labels(adapter)).toEqual(["run 2", "run 3", "run 4"]);
	});

	it("names a batch after the time it started", async () => {
		const now = jest.spyOn(Date, "now");
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER);
		now.mockReturnValue(1_709_025_286_979);
		await tidyRun(journal, "tuesday");
		now.mockReturnValue(1_709_111_686_979);
		await tidyRun(journal, "wednesday");
		const latest = await journal.latest();
		expect(latest?.file).toBe(`${FOLDER}/001709111686979-0000.jsonl`);
		expect(latest?.startedAt).toBe(1_709_111_686_979);
	});

	it("orders batches started within the same millisecond", async () => {
		jest.spyOn(Date, "now").mockReturnValue(1_709_025_286_979);
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER, { batches: 20, bytes: 1_000_000 });
		for (let i = 1; i <= 12; i++) await tidyRun(journal, `run ${i}`);
		expect((await journal.latest())?.label).toBe("run 12");
	});

	it("orders batches by start time when the clock's number of digits changes", async () => {
		const now = jest.spyOn(Date, "now");
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER, { batches: 20, bytes: 1_000_000 });
		now.mockReturnValue(999_999_999_999);
		await tidyRun(journal, "before the clock rolled over");
		now.mockReturnValue(1_000_000_000_000);
		await tidyRun(journal, "after");
		expect((await journal.latest())?.label).toBe("after");
	});
});

describe("the batch undo picks", () => {
	it("skips a newer batch that holds no entry (a run killed before its first write)", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER);
		await tidyRun(journal, "tidy all");
		await journal.begin("automatic cleanup");
		const latest = await journal.latest();
		expect(latest?.label).toBe("tidy all");
		expect(latest?.entries).toHaveLength(1);
	});

	it("skips a newer batch whose header was cut short", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER);
		await tidyRun(journal, "tidy all");
		await adapter.write(`${FOLDER}/999999999999999-0000.jsonl`, '{"batch":"9999');
		expect((await journal.latest())?.label).toBe("tidy all");
	});

	it("takes the newest batch even when its header was damaged since, and undo then writes it a header", async () => {
		const now = jest.spyOn(Date, "now");
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER);
		now.mockReturnValue(1_709_025_286_979);
		await tidyRun(journal, "tidy all", "Omnivore/Rust.md");
		now.mockReturnValue(1_709_111_686_979);
		await tidyRun(journal, "download images", "Omnivore/Go.md");
		const newest = `${FOLDER}/001709111686979-0000.jsonl`;
		const [, entry] = (await adapter.read(newest)).split("\n");
		await adapter.write(newest, `{"batch":"0017091116869\u0000\u0000\n${entry}\n`);

		const latest = await journal.latest();
		expect(latest).toMatchObject({ file: newest, label: UNREADABLE_HEADER_LABEL, startedAt: 1_709_111_686_979, entries: [{ path: "Omnivore/Go.md" }] });
		expect(latest).not.toHaveProperty("unreadable");
		if (!latest) throw new Error("no batch");
		await journal.markUndone(latest, latest.entries);
		expect(parseBatch(await adapter.read(newest))?.undoneAt).toBeGreaterThan(0);
		expect(parseBatch(await adapter.read(newest))?.label).toBe(UNREADABLE_HEADER_LABEL);
		expect((await journal.latest())?.label).toBe("tidy all");
	});

	it("moves to the batch before once the last one is discarded", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER);
		await tidyRun(journal, "first");
		await tidyRun(journal, "second");
		const latest = await journal.latest();
		await journal.discard(latest?.file ?? "");
		expect((await journal.latest())?.label).toBe("first");
		await journal.discard((await journal.latest())?.file ?? "");
		expect(await journal.latest()).toBeNull();
	});

	it("never overwrites a batch another journal started in the same millisecond", async () => {
		jest.spyOn(Date, "now").mockReturnValue(1_709_025_286_979);
		const adapter = new FakeDataAdapter();
		await tidyRun(new Journal(adapter, FOLDER), "first CLI run");
		await tidyRun(new Journal(adapter, FOLDER), "second CLI run");
		expect(await labels(adapter)).toEqual(["first CLI run", "second CLI run"]);
	});

	it("picks the newest run even after the clock went back", async () => {
		const now = jest.spyOn(Date, "now");
		const adapter = new FakeDataAdapter();
		now.mockReturnValue(1_709_025_286_979);
		await tidyRun(new Journal(adapter, FOLDER), "before the clock was corrected");
		now.mockReturnValue(1_709_025_000_000);
		await tidyRun(new Journal(adapter, FOLDER), "after");
		expect((await new Journal(adapter, FOLDER).latest())?.label).toBe("after");
	});

	it("never reuses the name of a batch it discarded", async () => {
		jest.spyOn(Date, "now").mockReturnValue(1_709_025_286_979);
		const journal = new Journal(new FakeDataAdapter(), FOLDER);
		const first = await journal.begin("automatic cleanup");
		await journal.discard(first.file);
		expect((await journal.begin("automatic cleanup")).file).not.toBe(first.file);
	});

	it("has nothing to undo before the journal folder exists", async () => {
		const adapter = new FakeDataAdapter();
		expect(await new Journal(adapter, FOLDER).latest()).toBeNull();
		expect(await adapter.exists(FOLDER)).toBe(false);
	});
});

describe("a batch being written", () => {
	it("starts the entry after one cut short (a full disk) on a line of its own, so undo still finds it", async () => {
		const adapter = new FakeDataAdapter();
		const journal = new Journal(adapter, FOLDER);
		const batch = await journal.begin("tidy all");
		const append = adapter.append.bind(adapter);
		jest.spyOn(adapter, "append").mockImplementationOnce(async (path, data) => {
			await append(path, data.slice(0, 20));
			throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
		});
		await expect(batch.record("Omnivore/Cut.md", NOTE_BEFORE, NOTE_AFTER)).rejects.toThrow("ENOSPC");
		await batch.record("Omnivore/Rust.md", NOTE_BEFORE, NOTE_AFTER);
		await batch.recordCreated("Omnivore/New.md", NOTE_AFTER);
		expect((await journal.latest())?.entries.map((e) => e.path)).toEqual(["Omnivore/Rust.md", "Omnivore/New.md"]);
	});
});

describe("parseBatch", () => {
	const header = '{"batch":"001709025286979-0000","label":"Tidy all Omnivore notes","startedAt":1709025286979}';
	const entry = { path: "Omnivore/Rust.md", before: NOTE_BEFORE, afterHash: "0a1b2c3d4e5f60123" };

	it("reads the header and every entry, whole texts and edits alike, across blank lines", () => {
		const edits = { path: "Omnivore/Go.md", edits: [[4, 12, "title: Go"]], afterHash: "99", beforeHash: "98" };
		const batch = parseBatch(`${header}\n${JSON.stringify(entry)}\n\n${JSON.stringify(edits)}\n`);
		expect(batch).toEqual({
			batch: "001709025286979-0000",
			label: "Tidy all Omnivore notes",
			startedAt: 1709025286979,
			entries: [entry, edits],
		});
	});

	it("is not a batch without a header, when its file is not known", () => {
		expect(parseBatch(`${JSON.stringify(entry)}\n`)).toBeNull();
		expect(parseBatch("")).toBeNull();
	});

	it("is still its batch when the header was damaged: its start is read from the file's name", () => {
		const file = `${FOLDER}/001709025286979-0003.jsonl`;
		const batch = parseBatch(`{"batch":"001709025286979-00\n${JSON.stringify(entry)}\n`, file);
		// The damaged header named no note: it is not counted among the lines undo could not read.
		expect(batch).toEqual({ batch: "001709025286979-0003", label: UNREADABLE_HEADER_LABEL, startedAt: 1709025286979, entries: [entry] });
	});

	it("counts the lines other than the damaged header that it cannot read", () => {
		const text = ['{"label":"Tidy all Omnivore notes"}', JSON.stringify(entry), '{"path":"Omnivore/Go.md","edits":[[4,'].join("\n");
		expect(parseBatch(text, `${FOLDER}/001709025286979-0000.jsonl`)).toMatchObject({ label: UNREADABLE_HEADER_LABEL, unreadable: 1 });
	});

	it("counts a first line that is an entry as an entry, when the header is missing", () => {
		const text = [JSON.stringify(entry), "not json"].join("\n");
		expect(parseBatch(text, `${FOLDER}/001709025286979-0000.jsonl`)).toMatchObject({ entries: [entry], unreadable: 1 });
	});

	it("is no batch when a file with a damaged header holds no entry either", () => {
		expect(parseBatch('{"batch":"0017090\n', `${FOLDER}/001709025286979-0000.jsonl`)).toBeNull();
	});

	it.each([
		["a line that is not an object", "null"],
		["a number", "42"],
		["a string", '"Omnivore/Rust.md"'],
		["an entry without its path", JSON.stringify({ ...entry, path: undefined })],
		["an entry whose path is not text", JSON.stringify({ ...entry, path: 7 })],
		["an entry with neither the previous text nor edits", JSON.stringify({ path: entry.path, afterHash: entry.afterHash })],
		["an entry whose edits are not a list", JSON.stringify({ path: entry.path, edits: "4,12", afterHash: entry.afterHash })],
		// Changed by hand: undo stopped on each of these with "x is not iterable", for good.
		["an entry whose edits hold no edit", JSON.stringify({ path: entry.path, edits: [null], afterHash: entry.afterHash })],
		["an entry whose edit is cut short", JSON.stringify({ path: entry.path, edits: [[0, 12]], afterHash: entry.afterHash })],
		["an entry whose edit has no number where one starts", JSON.stringify({ path: entry.path, edits: [["0", 12, "x"]], afterHash: entry.afterHash })],
		["an entry whose edit starts before the note", JSON.stringify({ path: entry.path, edits: [[-1, 2, "x"]], afterHash: entry.afterHash })],
		["an entry with the previous text but edits of another shape", JSON.stringify({ ...entry, edits: [{ start: 0 }] })],
		["an entry without the hash of what was written", JSON.stringify({ path: entry.path, before: entry.before })],
		["an entry for a file above the vault (a journal brought by a sync)", JSON.stringify({ ...entry, path: "../.bashrc" })],
		["an entry for a file in a folder above the vault", JSON.stringify({ ...entry, path: "Omnivore/../../notes.md" })],
		["an entry for an absolute path", JSON.stringify({ ...entry, path: "/home/someone/.profile" })],
		["an entry for a Windows path", JSON.stringify({ ...entry, path: "C:\\Users\\someone\\notes.md" })],
		["an entry for a path with backslashes up", JSON.stringify({ ...entry, path: "Omnivore\\..\\..\\notes.md" })],
		["an entry without a path", JSON.stringify({ ...entry, path: "" })],
	])("ignores %s", (_name, line) => {
		expect(parseBatch(`${header}\n${line}\n${JSON.stringify(entry)}\n`)?.entries).toEqual([entry]);
	});
});

describe("lines of a batch file that are not entries", () => {
	const header = JSON.stringify({ batch: "1", label: "tidy", startedAt: 1 });
	const entry = JSON.stringify({ path: "Rust.md", before: "a", afterHash: "h" });

	it("are counted, so undo can say the notes they named were not undone", () => {
		const text = [header, entry, '{"path":"Go.md","before":"a"', JSON.stringify({ path: 5, before: "a", afterHash: "h" }), "null", ""].join("\n");
		expect(parseBatch(text)).toMatchObject({ entries: [{ path: "Rust.md" }], unreadable: 3 });
	});

	it("are not counted when there are none, blank lines included", () => {
		expect(parseBatch([header, "", entry, "", ""].join("\n"))).not.toHaveProperty("unreadable");
	});
});
