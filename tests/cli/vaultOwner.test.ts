// Run with sudo, the files and folders a command creates are given the vault's owner, who can then edit
// them and undo the run. Only root can give files away: as another user, these tests have nothing to check.
import { chownSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExclusive } from "../../src/cli/importVault";
import { makeFolders } from "../../src/cli/vaultOwner";
import { acquireVaultLock } from "../../src/cli/vaultLock";
import { vaultJournal } from "../../src/cli/journalStorage";

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
const owner = (path: string) => `${statSync(path).uid}:${statSync(path).gid}`;

let work: string;
let vault: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-owner-"));
	vault = join(work, "vault");
	mkdirSync(vault);
	if (asRoot) chownSync(vault, 65534, 65534);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

(asRoot ? it : it.skip)("gives an imported note and the folders made for it the vault's owner, and nothing above the vault", () => {
	mkdirSync(join(vault, "Omnivore"));
	createExclusive(join(vault, "Omnivore", "2024", "Rust", "Article.md"), "Text.\n", vault);
	for (const path of ["Omnivore/2024", "Omnivore/2024/Rust", "Omnivore/2024/Rust/Article.md"]) expect([path, owner(join(vault, path))]).toEqual([path, "65534:65534"]);
	// A folder that was there keeps its owner.
	expect(owner(join(vault, "Omnivore"))).toBe("0:0");
	expect(owner(work)).toBe("0:0");
});

(asRoot ? it : it.skip)("gives an attachments folder it makes the vault's owner, and makes none of a vault root owns", () => {
	makeFolders(vault, join(vault, "Omnivore", "attachments"));
	expect(owner(join(vault, "Omnivore", "attachments"))).toBe("65534:65534");
	expect(owner(join(vault, "Omnivore"))).toBe("65534:65534");
	chownSync(vault, 0, 0);
	makeFolders(vault, join(vault, "Other", "attachments"));
	expect(owner(join(vault, "Other", "attachments"))).toBe("0:0");
});

(asRoot ? it : it.skip)("gives the state folder's files the vault's owner after every run under sudo, not only the first", () => {
	// A state folder an earlier run left, the owner's; this run under sudo writes a new journal file in it.
	const state = join(vault, ".omnivore-queue");
	mkdirSync(join(state, "journal"), { recursive: true });
	chownSync(state, 65534, 65534);
	chownSync(join(state, "journal"), 65534, 65534);
	const lock = acquireVaultLock(vault, "tidy");
	writeFileSync(join(state, "journal", "batch-2.jsonl"), "{}\n");
	lock.release();
	expect(owner(join(state, "journal", "batch-2.jsonl"))).toBe("65534:65534");
});

(asRoot ? it : it.skip)("gives the state folder and the journal's folder the vault's owner as soon as they are made, so a run killed under sudo leaves them usable", async () => {
	acquireVaultLock(vault, "tidy");
	const journal = vaultJournal(vault);
	await journal.begin("omnivore-queue tidy");
	// Killed here: no release, nothing given back at the end.
	expect(owner(join(vault, ".omnivore-queue"))).toBe("65534:65534");
	expect(owner(join(vault, ".omnivore-queue", "journal"))).toBe("65534:65534");
});
