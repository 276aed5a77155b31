// A note or its folder swapped for something else while the CLI tidies it (found by a hostile trial):
// a folder swapped for a link out of the vault had its notes written out there, a note swapped for a
// link was replaced by a copy of what it led to, and one swapped for a pipe made the run wait for ever.
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NoteLeftError, NoteTidier, tidyAndRecord, type TidyResult } from "../../src/core";
import { FileNoteStore } from "../../src/cli/fileNoteStore";
import { vaultJournal } from "../../src/cli/journalStorage";
import { listNotes } from "../../src/cli/vaultFiles";

const tidier = new NoteTidier();
const NOTE = "---\ntitle: A\n---\n#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";

let root: string;
let vault: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "omnivore-queue-swap-"));
	vault = join(root, "vault");
	mkdirSync(join(vault, "Omnivore"), { recursive: true });
	writeFileSync(join(vault, "Omnivore", "a.md"), NOTE);
	writeFileSync(join(vault, "b.md"), NOTE.replace("title: A", "title: B"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Tidy `path` as the CLI does (the vault listed first), with `swap` run between its read and its write. */
async function tidyWhileSwapping(path: string, swap: () => void) {
	const files = new Map(listNotes(vault).files.map((file) => [file.path, file]));
	const store = new FileNoteStore((p) => files.get(p)!, { followLinks: false });
	let swapped = false;
	const transform = (text: string): TidyResult => {
		if (!swapped) {
			swapped = true;
			swap();
		}
		return tidier.tidy(text);
	};
	return tidyAndRecord(store, path, transform, () => vaultJournal(vault).begin("test"));
}

it("leaves the notes of a folder swapped for a link out of the vault, and writes nothing there", async () => {
	const outside = join(root, "outside");
	mkdirSync(outside);
	writeFileSync(join(outside, "a.md"), NOTE);
	const tidying = tidyWhileSwapping("Omnivore/a.md", () => {
		renameSync(join(vault, "Omnivore"), join(root, "moved"));
		symlinkSync(outside, join(vault, "Omnivore"));
	});
	await expect(tidying).rejects.toThrow(new NoteLeftError("unreadable-file", "The note, or a folder above it, was replaced by a link while the run went on; it was left as it was."));
	expect(readFileSync(join(outside, "a.md"), "utf8")).toBe(NOTE);
});

it("leaves a note swapped for a link, which stays a link", async () => {
	const tidying = tidyWhileSwapping("Omnivore/a.md", () => {
		unlinkSync(join(vault, "Omnivore", "a.md"));
		symlinkSync(join(vault, "b.md"), join(vault, "Omnivore", "a.md"));
	});
	await expect(tidying).rejects.toThrow("was replaced by a link");
	expect(readlinkSync(join(vault, "Omnivore", "a.md"))).toBe(join(vault, "b.md"));
	expect(readFileSync(join(vault, "b.md"), "utf8")).toBe(NOTE.replace("title: A", "title: B"));
});

it("leaves a note swapped for a pipe, without waiting for a writer", async () => {
	const tidying = tidyWhileSwapping("Omnivore/a.md", () => {
		unlinkSync(join(vault, "Omnivore", "a.md"));
		execFileSync("mkfifo", [join(vault, "Omnivore", "a.md")]);
	});
	await expect(tidying).rejects.toThrow("it is not a file (a pipe, a socket or a device)");
});
