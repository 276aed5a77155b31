// The vault's lock when two runs start at once beside the lock of a run that died: one of them runs.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, mkdirSync: jest.fn(actual.mkdirSync), renameSync: jest.fn(actual.renameSync), writeSync: jest.fn(actual.writeSync) };
});
jest.mock("../../src/cli/stateFile", () => {
	const actual = jest.requireActual<typeof import("../../src/cli/stateFile")>("../../src/cli/stateFile");
	return { ...actual, readStateFile: jest.fn(actual.readStateFile) };
});
import * as fs from "node:fs";
import * as stateFile from "../../src/cli/stateFile";
import { main } from "../../src/cli/main";
import { acquireVaultLock, LockHeldError } from "../../src/cli/vaultLock";

const readMock = stateFile.readStateFile as jest.MockedFunction<typeof stateFile.readStateFile>;
const mkdirMock = fs.mkdirSync as jest.MockedFunction<typeof fs.mkdirSync>;
const renameMock = fs.renameSync as jest.MockedFunction<typeof fs.renameSync>;
const writeMock = fs.writeSync as jest.MockedFunction<typeof fs.writeSync>;
const actualRead = jest.requireActual<typeof import("../../src/cli/stateFile")>("../../src/cli/stateFile").readStateFile;

let vault: string;
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-lock-"));
	mkdirSync(join(vault, ".omnivore-queue"));
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

const lockFile = () => join(vault, ".omnivore-queue", "lock");
// No process has this id (above the largest Linux allows).
const DEAD = { pid: 2 ** 22 + 1, host: hostname(), command: "tidy", startedAt: 1 };

it("never removes the lock another run took over after this run found it stale", () => {
	writeFileSync(lockFile(), JSON.stringify(DEAD));
	let other: ReturnType<typeof acquireVaultLock> | null = null;
	// This run reads the dead run's lock; before it acts on it, another run takes the lock over.
	readMock.mockImplementationOnce((...args: Parameters<typeof actualRead>) => {
		const stale = actualRead(...args);
		other = acquireVaultLock(vault, "undo");
		return stale;
	});
	expect(() => acquireVaultLock(vault, "tidy")).toThrow(LockHeldError);
	expect(other).not.toBeNull();
	expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid, command: "undo" });
	expect(readdirSync(join(vault, ".omnivore-queue"))).toEqual(["lock"]);
	(other as unknown as { release(): void }).release();
	expect(existsSync(lockFile())).toBe(false);
});

it("leaves no empty lock when the disk fills as the lock is written (it stopped every run for ten seconds)", () => {
	writeMock.mockImplementationOnce(() => {
		throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
	});
	expect(() => acquireVaultLock(vault, "tidy")).toThrow("ENOSPC");
	expect(existsSync(lockFile())).toBe(false);
	// The next run, with room again, takes the lock at once.
	const lock = acquireVaultLock(vault, "tidy");
	expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid });
	lock.release();
});

it("takes over the lock an earlier process of this very id left (pid 1 in a container, each run)", () => {
	writeFileSync(lockFile(), JSON.stringify({ ...DEAD, pid: process.pid }));
	const lock = acquireVaultLock(vault, "tidy");
	expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid, command: "tidy" });
	// Its own lock, taken since it started, it does not take over.
	expect(() => acquireVaultLock(vault, "undo")).toThrow(LockHeldError);
	lock.release();
});

it("takes over the lock of a run that died", () => {
	writeFileSync(lockFile(), JSON.stringify(DEAD));
	const lock = acquireVaultLock(vault, "tidy");
	expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid, command: "tidy" });
	lock.release();
	expect(readdirSync(join(vault, ".omnivore-queue"))).toEqual([]);
});

it("says why the lock of a run that died cannot be taken over (root's lock, a user's run), not that the run still works", () => {
	writeFileSync(lockFile(), JSON.stringify(DEAD));
	renameMock.mockImplementationOnce(() => {
		throw Object.assign(new Error("EACCES: permission denied, rename"), { code: "EACCES" });
	});
	expect(() => acquireVaultLock(vault, "tidy")).toThrow("EACCES");
	expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toEqual(DEAD);
});

it("says the disk is read-only when it is, not that the vault's folder does not exist", async () => {
	const bare = mkdtempSync(join(tmpdir(), "omnivore-queue-lock-"));
	try {
		// What libuv says on a read-only disk: ENOENT when asked to make the folders on the way, EROFS otherwise.
		mkdirMock.mockImplementationOnce((_path, options) => {
			const code = (options as { recursive?: boolean } | undefined)?.recursive ? "ENOENT" : "EROFS";
			throw Object.assign(new Error(`${code}: mkdir`), { code });
		});
		let err = "";
		expect(await main(["tidy", bare], { out: () => undefined, err: (text) => (err += text) })).toBe(2);
		expect(err).toBe("omnivore-queue: Cannot use the vault's .omnivore-queue folder: the disk is read-only.\n");
	} finally {
		rmSync(bare, { recursive: true, force: true });
	}
});

it("makes the state folder its owner's only: the journal holds old text of notes others may not read", () => {
	rmSync(join(vault, ".omnivore-queue"), { recursive: true });
	const lock = acquireVaultLock(vault, "tidy");
	expect(fs.statSync(join(vault, ".omnivore-queue")).mode & 0o777).toBe(0o700);
	lock.release();
	// One an older version made readable by others is made private too.
	mkdirSync(join(vault, ".omnivore-queue", "journal"), { recursive: true });
	fs.chmodSync(join(vault, ".omnivore-queue"), 0o755);
	const again = acquireVaultLock(vault, "tidy");
	expect(fs.statSync(join(vault, ".omnivore-queue")).mode & 0o777).toBe(0o700);
	again.release();
});

it("says once, before anything runs, that the journal's place holds a file rather than a folder", async () => {
	writeFileSync(join(vault, ".omnivore-queue", "journal"), "not a folder");
	writeFileSync(join(vault, "a.md"), "---\nid: 1\n---\n#Omnivore\n[Read Original](https://a.example/post)\n");
	let err = "";
	const code = await main(["tidy", vault], { out: () => undefined, err: (t) => (err += t) });
	expect(code).toBe(2);
	expect(err).toMatch(/^omnivore-queue: Cannot use the vault's \.omnivore-queue folder: its journal for undo, .*journal, is not a folder; move it aside and run again\.\n$/);
	expect(readFileSync(join(vault, "a.md"), "utf8")).not.toContain("original_url");
	expect(existsSync(lockFile())).toBe(false);
});
