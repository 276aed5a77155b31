// A late edit (one that reached a note's old file just after it was replaced) is never lost: put back,
// joined with what the note gained since, or saved aside and reported when the two cannot be joined.
import { closeSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, appendFileSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as atomicWrite from "../../src/cli/atomicWrite";
import { writeFileAtomic } from "../../src/cli/atomicWrite";
import { FileNoteStore } from "../../src/cli/fileNoteStore";
import { LateEditWatch } from "../../src/cli/lateEdits";
import { removeWatchLeftovers } from "../../src/cli/leftovers";
import { lateEditProblem, LATE_EDITS_FOLDER } from "../../src/cli/lateEditsSaved";

const READ = "---\ntitle: A\nomnivore_url: https://omnivore.app/me/a\n---\n#Omnivore\n\nSaved text.\n";
const WRITTEN = "---\ntitle: A\nsource: https://omnivore.app/me/a\ntags:\n  - omnivore\n---\n\nSaved text.\n";

let vault: string;
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-late-"));
	mkdirSync(join(vault, "notes"));
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

/** Replaces notes/a.md as tidy does, with a writer (`late`) that opened the old file just before the rename. */
function replaceWhileHeld(watch: LateEditWatch, openLate: "a" | "r+" = "a") {
	const absolute = join(vault, "notes", "a.md");
	writeFileSync(absolute, READ, { flag: "w" });
	const fd = openSync(absolute, "r");
	const late = openSync(absolute, openLate);
	const checked = fstatSync(fd);
	expect(writeFileAtomic(absolute, WRITTEN)).toBe(true);
	watch.hold({ path: "notes/a.md", absolute, fd, checked, read: Buffer.from(READ), written: WRITTEN, keep: {} });
	return { absolute, late };
}

it("puts back a line appended to the old file over the note as written", async () => {
	const watch = new LateEditWatch(vault);
	const { absolute, late } = replaceWhileHeld(watch);
	writeSync(late, "\nLINE-1\n");
	closeSync(late);
	expect(await watch.settle()).toEqual(["notes/a.md"]);
	expect(readFileSync(absolute, "utf8")).toBe(`${READ}\nLINE-1\n`);
	expect(watch.takeSaved()).toEqual([]);
});

it("still watches the note it replaced last when its watch is full", async () => {
	// Shared by many threads, each watch holds 8 old files at most: a.md is the eighth.
	const watch = new LateEditWatch(vault, 64);
	for (let i = 0; i < 7; i++) {
		const absolute = join(vault, "notes", `other-${i}.md`);
		writeFileSync(absolute, READ);
		const fd = openSync(absolute, "r");
		const checked = fstatSync(fd);
		expect(writeFileAtomic(absolute, WRITTEN)).toBe(true);
		watch.hold({ path: `notes/other-${i}.md`, absolute, fd, checked, read: Buffer.from(READ), written: WRITTEN, keep: {} });
	}
	const { absolute, late } = replaceWhileHeld(watch);
	writeSync(late, "\nLINE-1\n");
	closeSync(late);
	expect(await watch.settle()).toEqual(["notes/a.md"]);
	expect(readFileSync(absolute, "utf8")).toBe(`${READ}\nLINE-1\n`);
});

it("keeps both appends when one reached the old file and the next the new one", async () => {
	const watch = new LateEditWatch(vault);
	const { absolute, late } = replaceWhileHeld(watch);
	writeSync(late, "\nLINE-1\n");
	closeSync(late);
	appendFileSync(absolute, "\nLINE-2\n");
	expect(await watch.settle()).toEqual(["notes/a.md"]);
	expect(readFileSync(absolute, "utf8")).toBe(`${READ}\nLINE-1\n\nLINE-2\n`);
	expect(watch.takeSaved()).toEqual([]);
});

it("saves a late edit aside and never overwrites the note when the two cannot be joined", async () => {
	const watch = new LateEditWatch(vault);
	const { absolute, late } = replaceWhileHeld(watch, "r+");
	// The old file rewritten in place (not an append), the new one edited too.
	writeSync(late, READ.replace("title: A", "title: Z"), 0);
	writeSync(late, "\nMore.\n", Buffer.byteLength(READ));
	closeSync(late);
	writeFileSync(absolute, `${WRITTEN}\nNewer.\n`);
	expect(await watch.settle()).toEqual([]);
	expect(readFileSync(absolute, "utf8")).toBe(`${WRITTEN}\nNewer.\n`);
	const saved = watch.takeSaved();
	expect(saved.map((s) => s.path)).toEqual(["notes/a.md"]);
	const savedAs = saved[0].savedAs as string;
	expect(savedAs).toMatch(new RegExp(`^\\.omnivore-queue/late-edits/notes/a\\.md\\.\\S+-${process.pid}$`));
	expect(readFileSync(join(vault, savedAs), "utf8")).toBe(`${READ.replace("title: A", "title: Z")}\nMore.\n`);
	const problem = lateEditProblem(saved[0]);
	expect(problem.code).toBe("unwritable-file");
	expect(problem.message).toContain(savedAs);
});

it("saves each late edit under its own name, never over an earlier one", async () => {
	const first = new LateEditWatch(vault);
	const second = new LateEditWatch(vault);
	for (const watch of [first, second]) {
		const { absolute, late } = replaceWhileHeld(watch);
		writeSync(late, "\nLate.\n");
		closeSync(late);
		// The note no longer starts with what was written: an append cannot be joined.
		writeFileSync(absolute, "Rewritten by the user.\n");
		expect(await watch.settle()).toEqual([]);
	}
	const names = readdirSync(join(vault, LATE_EDITS_FOLDER, "notes"));
	expect(names).toHaveLength(2);
	expect(new Set([...first.takeSaved(), ...second.takeSaved()].map((s) => s.savedAs)).size).toBe(2);
	expect(readFileSync(join(vault, "notes", "a.md"), "utf8")).toBe("Rewritten by the user.\n");
});

it("hands the late edits a tidy run saved aside to the run, through the note store", async () => {
	const absolute = join(vault, "notes", "a.md");
	writeFileSync(absolute, READ);
	const store = new FileNoteStore((path) => ({ path, absolute: join(vault, path), outside: false }), { followLinks: false, vault });
	const text = store.readNow("notes/a.md");
	const late = openSync(absolute, "a");
	expect(await store.replace("notes/a.md", text, WRITTEN)).toBe(true);
	writeSync(late, "\nLINE-1\n");
	closeSync(late);
	// Appended to the new file, and then the start of the note changed: nothing can be joined.
	writeFileSync(absolute, `${WRITTEN.replace("title: A", "title: B")}\nLINE-2\n`);
	expect(await store.settle()).toEqual([]);
	const [saved] = store.lateEditsSaved();
	expect(readFileSync(join(vault, saved.savedAs as string), "utf8")).toBe(`${READ}\nLINE-1\n`);
	expect(readFileSync(absolute, "utf8")).toBe(`${WRITTEN.replace("title: A", "title: B")}\nLINE-2\n`);
});

it("saves a late edit aside when putting it back fails (a full disk), never drops it", async () => {
	const watch = new LateEditWatch(vault);
	const { absolute, late } = replaceWhileHeld(watch);
	writeSync(late, "\nLINE-1\n");
	closeSync(late);
	const full = jest.spyOn(atomicWrite, "writeFileAtomic").mockImplementationOnce(() => {
		throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
	});
	try {
		expect(await watch.settle()).toEqual([]);
	} finally {
		full.mockRestore();
	}
	expect(readFileSync(absolute, "utf8")).toBe(WRITTEN);
	const [saved] = watch.takeSaved();
	expect(readFileSync(join(vault, saved.savedAs as string), "utf8")).toBe(`${READ}\nLINE-1\n`);
});

it("saves aside the late edit of a note whose name is as long as the file system allows", async () => {
	const watch = new LateEditWatch(vault);
	const name = `${"长".repeat(83)}.md`;
	const absolute = join(vault, "notes", name);
	writeFileSync(absolute, READ);
	const fd = openSync(absolute, "r");
	const late = openSync(absolute, "a");
	const checked = fstatSync(fd);
	expect(writeFileAtomic(absolute, WRITTEN)).toBe(true);
	watch.hold({ path: `notes/${name}`, absolute, fd, checked, read: Buffer.from(READ), written: WRITTEN, keep: {} });
	writeSync(late, "\nLate.\n");
	closeSync(late);
	writeFileSync(absolute, "Rewritten by the user.\n");
	expect(await watch.settle()).toEqual([]);
	const [saved] = watch.takeSaved();
	expect(saved.savedAs).toMatch(/^\.omnivore-queue\/late-edits\/notes\/长+\.md\.\S+$/);
	expect(readFileSync(join(vault, saved.savedAs as string), "utf8")).toBe(`${READ}\nLate.\n`);
});

describe("an edit that reaches an old file long after it was replaced, past the files held open", () => {
	// 64 threads share 256 open files: each store holds 8 old files at most, so a.md's is closed
	// after the next notes are replaced, and only its link in the state folder still reaches it.
	const NOTES = 40;
	const storeOf = () => new FileNoteStore((path) => ({ path, absolute: join(vault, path), outside: false }), { followLinks: false, vault, threads: 64 });

	async function replaceMany(store: FileNoteStore, after: () => void, lateText: string | null = "\nWritten late.\n") {
		const absolute = join(vault, "notes", "a.md");
		writeFileSync(absolute, READ);
		const late = openSync(absolute, "a");
		expect(await store.replace("notes/a.md", store.readNow("notes/a.md"), WRITTEN)).toBe(true);
		for (let i = 0; i < NOTES; i++) {
			const path = `notes/other-${i}.md`;
			writeFileSync(join(vault, path), READ);
			expect(await store.replace(path, store.readNow(path), WRITTEN)).toBe(true);
		}
		// Well past the 50 ms any old file is held at least.
		await new Promise((resolve) => setTimeout(resolve, 120));
		if (lateText !== null) writeSync(late, lateText);
		closeSync(late);
		after();
		return absolute;
	}

	it("is put back at the end of the run", async () => {
		const store = storeOf();
		const absolute = await replaceMany(store, () => undefined);
		expect(await store.settle()).toEqual(["notes/a.md"]);
		expect(readFileSync(absolute, "utf8")).toBe(`${READ}\nWritten late.\n`);
		// The other notes keep what was written, and no link is left behind.
		expect(readFileSync(join(vault, "notes", "other-0.md"), "utf8")).toBe(WRITTEN);
		expect(readdirSync(join(vault, ".omnivore-queue"))).toEqual([]);
	});

	it("is saved aside, never over the note, when the note was edited since", async () => {
		const store = storeOf();
		const absolute = await replaceMany(store, () => writeFileSync(join(vault, "notes", "a.md"), "Rewritten by the user.\n"));
		expect(await store.settle()).toEqual([]);
		expect(readFileSync(absolute, "utf8")).toBe("Rewritten by the user.\n");
		const [saved] = store.lateEditsSaved();
		expect(readFileSync(join(vault, saved.savedAs as string), "utf8")).toBe(`${READ}\nWritten late.\n`);
	});

	it("leaves the notes as written when no edit came, and removes its links", async () => {
		const store = storeOf();
		const absolute = await replaceMany(store, () => undefined, null);
		expect(readdirSync(join(vault, ".omnivore-queue", `watch-${process.pid}-0`))).toHaveLength(NOTES + 1);
		expect(await store.settle()).toEqual([]);
		expect(store.lateEditsSaved()).toEqual([]);
		expect(readFileSync(absolute, "utf8")).toBe(WRITTEN);
		expect(readdirSync(join(vault, ".omnivore-queue"))).toEqual([]);
	});
});

describe("a watch folder found in the state folder is never used", () => {
	let elsewhere: string;
	beforeEach(() => (elsewhere = mkdtempSync(join(tmpdir(), "omnivore-queue-elsewhere-"))));
	afterEach(() => rmSync(elsewhere, { recursive: true, force: true }));

	it.each([
		["a link to a folder elsewhere", (at: string) => symlinkSync(elsewhere, at)],
		["a file", (at: string) => writeFileSync(at, "")],
		["a FIFO", (at: string) => execFileSync("mkfifo", [at])],
	])("when it is %s: the links go in a new folder of its own, and a late edit past the files held open is put back", async (_what, make) => {
		mkdirSync(join(vault, ".omnivore-queue"));
		const found = join(vault, ".omnivore-queue", `watch-${process.pid}-0`);
		make(found);
		const store = new FileNoteStore((path) => ({ path, absolute: join(vault, path), outside: false }), { followLinks: false, vault, threads: 64 });
		const absolute = join(vault, "notes", "a.md");
		writeFileSync(absolute, READ);
		const late = openSync(absolute, "a");
		expect(await store.replace("notes/a.md", store.readNow("notes/a.md"), WRITTEN)).toBe(true);
		// Past the eight files a watch shared by 64 threads holds open, and the 50 ms each is held.
		for (let i = 0; i < 20; i++) {
			writeFileSync(join(vault, "notes", `b${i}.md`), READ);
			expect(await store.replace(`notes/b${i}.md`, store.readNow(`notes/b${i}.md`), WRITTEN)).toBe(true);
		}
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(readdirSync(elsewhere)).toEqual([]);
		expect(readdirSync(join(vault, ".omnivore-queue", `watch-${process.pid}-0-1`))).toHaveLength(21);
		writeSync(late, "\nLINE-1\n");
		closeSync(late);
		expect(await store.settle()).toEqual(["notes/a.md"]);
		expect(readFileSync(absolute, "utf8")).toBe(`${READ}\nLINE-1\n`);
		// What was found there is left as it was; the folder of its own is gone.
		expect(readdirSync(join(vault, ".omnivore-queue"))).toEqual([`watch-${process.pid}-0`]);
	});
});

it("holds at most half the files the process may open, so the notes and the journal keep theirs", async () => {
	// 40 files allowed: 20 old files held at most, and the older half looked at and closed past that.
	const watch = new LateEditWatch(vault, 1, 40);
	const fds: number[] = [];
	const replace = (i: number) => {
		const absolute = join(vault, "notes", `n${i}.md`);
		writeFileSync(absolute, READ);
		const fd = openSync(absolute, "r");
		fds.push(fd);
		const checked = fstatSync(fd);
		expect(writeFileAtomic(absolute, WRITTEN)).toBe(true);
		watch.hold({ path: `notes/n${i}.md`, absolute, fd, checked, read: Buffer.from(READ), written: WRITTEN, keep: {} });
	};
	for (let i = 0; i < 19; i++) replace(i);
	// Held long enough to be looked at for the last time.
	await new Promise((resolve) => setTimeout(resolve, 60));
	replace(19);
	const open = fds.filter((fd) => {
		try {
			fstatSync(fd);
			return true;
		} catch {
			return false;
		}
	});
	expect(open).toHaveLength(10);
	expect(await watch.settle()).toEqual([]);
});

it("removes the watch folders an earlier process of this same id left (pid 1 in a container), never the one in use", async () => {
	const state = join(vault, ".omnivore-queue");
	const earlier = join(state, `watch-${process.pid}-0`);
	mkdirSync(earlier, { recursive: true });
	writeFileSync(join(earlier, "0.old"), READ);
	removeWatchLeftovers(vault);
	expect(readdirSync(state)).toEqual([]);
	// A folder this process is using, found by a later look, stays with its links.
	const store = new FileNoteStore((path) => ({ path, absolute: join(vault, path), outside: false }), { followLinks: false, vault });
	writeFileSync(join(vault, "notes", "a.md"), READ);
	expect(await store.replace("notes/a.md", store.readNow("notes/a.md"), WRITTEN)).toBe(true);
	removeWatchLeftovers(vault);
	expect(readdirSync(join(state, `watch-${process.pid}-0`))).toEqual([expect.stringMatching(/^\d+\.old$/)]);
	expect(await store.settle()).toEqual([]);
	expect(readdirSync(state)).toEqual([]);
});
