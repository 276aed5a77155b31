// An edit that lands while the CLI tidies a note is never lost: the note is checked just before it is
// replaced (size, time, inode and text) and tidied again from the edited text.
import { spawn } from "node:child_process";
import { appendFileSync, chmodSync, closeSync, linkSync, mkdirSync, openSync, writeSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateVault } from "../../bench/generateVault";
import { NoteTidier, tidyAndRecord, undoBatch, type TidyResult } from "../../src/core";
import { FileNoteStore } from "../../src/cli/fileNoteStore";
import { vaultJournal } from "../../src/cli/journalStorage";
import { buildCli } from "./builtCli";

const tidier = new NoteTidier();
const NOTE = "---\ntitle: A\n---\n#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";

let vault: string;
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-edit-"));
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

function store(): FileNoteStore {
	return new FileNoteStore((p) => ({ path: p, absolute: join(vault, p), outside: false }), { followLinks: false });
}

/** Tidy a.md while `edit` changes it on disk once, between the read and the write. */
async function tidyWhileEditing(edit: (absolute: string) => void) {
	const absolute = join(vault, "a.md");
	writeFileSync(absolute, NOTE);
	const notes = store();
	const journal = vaultJournal(vault);
	let edited = false;
	const transform = (text: string): TidyResult => {
		if (!edited) {
			edited = true;
			edit(absolute);
		}
		return tidier.tidy(text);
	};
	const recorded = await tidyAndRecord(notes, "a.md", transform, () => journal.begin("test"));
	return { recorded, absolute, store: notes, journal };
}

it("tidies the edited text when an edit lands between the read and the write, and undo gives the edit back", async () => {
	const { recorded, absolute, store, journal } = await tidyWhileEditing((file) => appendFileSync(file, "\nMy note.\n"));
	expect(recorded.written).toBe(true);
	expect(readFileSync(absolute, "utf8")).toBe(tidier.tidy(`${NOTE}\nMy note.\n`).text);
	await undoBatch(journal, store);
	expect(readFileSync(absolute, "utf8")).toBe(`${NOTE}\nMy note.\n`);
});

it("sees an edit that keeps the size and the modification time, by its text", async () => {
	const { recorded, absolute } = await tidyWhileEditing((file) => {
		const { atime, mtime } = statSync(file);
		writeFileSync(file, NOTE.replace("title: A", "title: B"));
		utimesSync(file, atime, mtime);
	});
	expect(recorded.written).toBe(true);
	expect(readFileSync(absolute, "utf8")).toContain("title: B");
});

it("leaves a note made read-only between the read and the write, read-only", async () => {
	const absolute = join(vault, "a.md");
	writeFileSync(absolute, NOTE);
	const attempt = tidyWhileEditing((file) => chmodSync(file, 0o444));
	await expect(attempt).rejects.toThrow(/read-only/);
	expect(statSync(absolute).mode & 0o777).toBe(0o444);
	expect(readFileSync(absolute, "utf8")).toBe(NOTE);
});

it("never splits a hard link made between the read and the write", async () => {
	const attempt = tidyWhileEditing((file) => linkSync(file, join(vault, "b.md")));
	await expect(attempt).rejects.toThrow(/2 hard links/);
	expect(statSync(join(vault, "a.md")).ino).toBe(statSync(join(vault, "b.md")).ino);
	expect(readFileSync(join(vault, "a.md"), "utf8")).toBe(NOTE);
});

it("gives back an edit that reached the old file after it was replaced, for the run to tidy it again", async () => {
	const absolute = join(vault, "a.md");
	writeFileSync(absolute, NOTE);
	const notes = store();
	const text = notes.readNow("a.md");
	// A writer that opened the note just before the rename, and writes just after it.
	const late = openSync(absolute, "a");
	expect(await notes.replace("a.md", text, tidier.tidy(text).text)).toBe(true);
	writeSync(late, "\nLate thought.\n");
	closeSync(late);
	expect(await notes.settle()).toEqual(["a.md"]);
	expect(readFileSync(absolute, "utf8")).toBe(`${NOTE}\nLate thought.\n`);
});

it("loses no edit made by another process while a real run tidies the vault", async () => {
	const { bundle, remove } = buildCli("edit");
	try {
		const notes = [...generateVault(400, { seed: 11 })];
		for (const note of notes) {
			mkdirSync(dirname(join(vault, note.path)), { recursive: true });
			writeFileSync(join(vault, note.path), note.text);
		}
		const child = spawn(process.execPath, [bundle, "tidy", vault], { stdio: "ignore" });
		let running = true;
		child.on("exit", () => (running = false));
		const markers: Array<{ path: string; marker: string }> = [];
		let n = 0;
		while (running) {
			const note = notes[(n * 7919) % notes.length];
			const marker = `edit-${n++}-while-tidying`;
			appendFileSync(join(vault, note.path), `\n${marker}\n`);
			markers.push({ path: note.path, marker });
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		expect(markers.length).toBeGreaterThan(20);
		const lost = markers.filter(({ path, marker }) => !readFileSync(join(vault, path), "utf8").includes(marker));
		expect(lost).toEqual([]);
	} finally {
		remove();
	}
}, 60_000);
