// The promises of a write, tried on real processes over temporary vaults: owner, group and mode kept,
// read-only notes and hard links left, one run per vault, leftovers of killed runs removed.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, runCli } from "./builtCli";

const NOTE = "---\ntitle: A\n---\n#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";
const TIDIED = "---\ntitle: A\nstatus: unread\n---\n#Omnivore\n\n![](https://a.example/x.png)\n";
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const asRoot = isRoot ? it : it.skip;

let built: ReturnType<typeof buildCli>;
let vault: string;
beforeAll(() => {
	built = buildCli("safety");
	chmodSync(built.bundle, 0o644);
});
afterAll(() => built.remove());
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-safety-"));
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

const tidy = (...args: string[]) => runCli(built.bundle, ["tidy", vault, ...args]);
const journalFolder = () => join(vault, ".omnivore-queue", "journal");
const batches = () => (existsSync(journalFolder()) ? readdirSync(journalFolder()) : []);

describe("owner, group and mode", () => {
	asRoot("keeps them when root tidies another user's note", () => {
		chownSync(vault, 1234, 2345);
		const note = join(vault, "a.md");
		writeFileSync(note, NOTE);
		chownSync(note, 1234, 2345);
		chmodSync(note, 0o640);
		expect(tidy().status).toBe(0);
		expect(readFileSync(note, "utf8")).toBe(TIDIED);
		const info = statSync(note);
		expect([info.uid, info.gid, info.mode & 0o7777]).toEqual([1234, 2345, 0o640]);
		// Its journal is the vault owner's too, so that user can undo and run it again.
		expect(statSync(join(vault, ".omnivore-queue", "journal")).uid).toBe(1234);
		expect(runCli(built.bundle, ["undo", vault], { uid: 1234, gid: 2345 }).stdout).toMatch(/1 note restored/);
		expect(readFileSync(note, "utf8")).toBe(NOTE);
	});

	asRoot("leaves a note another user owns when the run may not give it back, and says so", () => {
		chmodSync(vault, 0o777);
		const note = join(vault, "a.md");
		writeFileSync(note, NOTE);
		chownSync(note, 1234, 1234);
		chmodSync(note, 0o666);
		const run = runCli(built.bundle, ["tidy", vault], { uid: 4321, gid: 4321 });
		expect(run.status).toBe(1);
		expect(run.stdout).toContain("a.md: The note belongs to another user (uid 1234), and rewriting it would make it yours; it was left as it was.");
		expect(readFileSync(note, "utf8")).toBe(NOTE);
		expect(statSync(note).uid).toBe(1234);
		expect(batches()).toEqual([]);
	});
});

it("leaves a read-only note and lists it; a run that wrote nothing counts nothing and leaves no undo batch", () => {
	const note = join(vault, "a.md");
	writeFileSync(note, NOTE);
	chmodSync(note, 0o444);
	const run = tidy("--json");
	expect(run.status).toBe(1);
	const report = JSON.parse(run.stdout) as { changed: number; written: number; keysChanged: number; urlsUnwrapped: number; notes: Array<{ path: string; problems: Array<{ message: string }> }> };
	expect(report).toMatchObject({ changed: 0, written: 0, keysChanged: 0, urlsUnwrapped: 0 });
	expect(report.notes[0].problems.at(-1)?.message).toBe("The note is read-only (make it writable first); it was left as it was.");
	expect(readFileSync(note, "utf8")).toBe(NOTE);
	expect(batches()).toEqual([]);
	expect(runCli(built.bundle, ["undo", vault]).stdout).toBe("There is nothing to undo in this vault: every tidy, import or images run it recorded was undone already, or none ran.\n");
});

it("undo leaves a note made read-only since the tidy, says so, and puts it back once it is writable", () => {
	const note = join(vault, "a.md");
	writeFileSync(note, NOTE);
	expect(tidy().status).toBe(0);
	chmodSync(note, 0o444);
	const undo = runCli(built.bundle, ["undo", vault]);
	expect(undo.status).toBe(1);
	expect(undo.stdout).toContain("a.md: The note is read-only (make it writable first); it was left as it was.");
	expect(undo.stdout).toContain("Once what stopped them is put right, undo again: it takes this run again until they are back.");
	expect(readFileSync(note, "utf8")).toBe(TIDIED);
	chmodSync(note, 0o644);
	expect(runCli(built.bundle, ["undo", vault]).stdout).toMatch(/1 note restored\.\n$/);
	expect(readFileSync(note, "utf8")).toBe(NOTE);
	expect(runCli(built.bundle, ["undo", vault]).stdout).toBe("There is nothing to undo in this vault: every tidy, import or images run it recorded was undone already, or none ran.\n");
});

it("never splits a hard link: the note is left and listed", () => {
	const note = join(vault, "a.md");
	writeFileSync(note, NOTE);
	mkdirSync(join(vault, "elsewhere"));
	linkSync(note, join(vault, "elsewhere", "same.txt"));
	const run = tidy();
	expect(run.status).toBe(1);
	expect(run.stdout).toContain("a.md: The note has 2 hard links, and replacing it would split them; it was left as it was.");
	expect(statSync(note).ino).toBe(statSync(join(vault, "elsewhere", "same.txt")).ino);
	expect(readFileSync(note, "utf8")).toBe(NOTE);
});

asRoot("says what stopped the write of an immutable note, never that its owner could not be kept", () => {
	const note = join(vault, "a.md");
	writeFileSync(note, NOTE);
	const immutable = (flag: string) => spawnSync("chattr", [flag, note]).status === 0;
	if (!immutable("+i")) {
		console.warn("chattr +i is not available here: the immutable note test was not run");
		return;
	}
	try {
		const run = tidy();
		expect(run.status).toBe(1);
		expect(run.stdout).toContain("a.md: The note could not be written: the operation was not permitted (is the file or its folder immutable or append-only?). It was left as it was.");
	} finally {
		immutable("-i");
	}
	expect(readFileSync(note, "utf8")).toBe(NOTE);
	expect(batches()).toEqual([]);
});

describe("one run per vault", () => {
	it("refuses a second run while the first holds the vault, naming it, with exit 2", () => {
		writeFileSync(join(vault, "a.md"), NOTE);
		mkdirSync(join(vault, ".omnivore-queue"));
		// This test process is alive: its lock is not stale.
		writeFileSync(join(vault, ".omnivore-queue", "lock"), JSON.stringify({ pid: process.pid, host: hostname(), command: "tidy", startedAt: Date.now() }));
		const run = tidy();
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(new RegExp(`^omnivore-queue: omnivore-queue tidy \\(process ${process.pid} on .*\\) is working on this vault\\. Wait for it to finish`));
		expect(readFileSync(join(vault, "a.md"), "utf8")).toBe(NOTE);
		expect(runCli(built.bundle, ["undo", vault]).status).toBe(2);
		// A dry run writes nothing and needs no lock.
		expect(tidy("--dry-run").status).toBe(0);
	});

	it("takes over the lock of a run that died, and releases its own", async () => {
		const dead = spawn(process.execPath, ["-e", ""]);
		await new Promise((resolve) => dead.on("exit", resolve));
		writeFileSync(join(vault, "a.md"), NOTE);
		mkdirSync(join(vault, ".omnivore-queue"));
		writeFileSync(join(vault, ".omnivore-queue", "lock"), JSON.stringify({ pid: dead.pid, host: hostname(), command: "tidy", startedAt: 1 }));
		expect(tidy().status).toBe(0);
		expect(readFileSync(join(vault, "a.md"), "utf8")).toBe(TIDIED);
		expect(existsSync(join(vault, ".omnivore-queue", "lock"))).toBe(false);
	});
});

it("removes the temporary files a killed run left, but not in a dry run", async () => {
	const dead = spawn(process.execPath, ["-e", ""]);
	await new Promise((resolve) => dead.on("exit", resolve));
	mkdirSync(join(vault, "Omnivore"));
	writeFileSync(join(vault, "Omnivore", "a.md"), NOTE);
	const leftover = join(vault, "Omnivore", `.a.md.${dead.pid}-0.tmp`);
	writeFileSync(leftover, "half a note");
	const other = join(vault, "Omnivore", ".sync-state.tmp");
	writeFileSync(other, "not ours");
	const alike = join(vault, "Omnivore", `.photo.png.${dead.pid}-0.tmp`);
	writeFileSync(alike, "not ours either");
	// And the link to a note's old file it kept to watch for late edits.
	const watch = join(vault, ".omnivore-queue", `watch-${dead.pid}-1`);
	mkdirSync(watch, { recursive: true });
	const oldFile = join(watch, "7.old");
	writeFileSync(oldFile, NOTE);
	// A link in its place leads elsewhere: nothing there is removed.
	const elsewhere = join(vault, "..", `elsewhere-${dead.pid}`);
	mkdirSync(elsewhere, { recursive: true });
	writeFileSync(join(elsewhere, "1.old"), "not ours");
	symlinkSync(elsewhere, join(vault, ".omnivore-queue", `watch-${dead.pid}-2`));
	tidy("--dry-run");
	expect(existsSync(leftover)).toBe(true);
	expect(existsSync(oldFile)).toBe(true);
	tidy();
	expect(existsSync(leftover)).toBe(false);
	expect(existsSync(oldFile)).toBe(false);
	expect(existsSync(watch)).toBe(false);
	expect(readFileSync(join(elsewhere, "1.old"), "utf8")).toBe("not ours");
	rmSync(elsewhere, { recursive: true, force: true });
	expect(existsSync(other)).toBe(true);
	expect(existsSync(alike)).toBe(true);
});

it("undo removes the temporary file a killed run left too", async () => {
	writeFileSync(join(vault, "a.md"), NOTE);
	expect(tidy().status).toBe(0);
	const dead = spawn(process.execPath, ["-e", ""]);
	await new Promise((resolve) => dead.on("exit", resolve));
	const leftover = join(vault, `.a.md.${dead.pid}-3.tmp`);
	writeFileSync(leftover, "half a note");
	expect(runCli(built.bundle, ["undo", vault, "--dry-run"]).status).toBe(0);
	expect(existsSync(leftover)).toBe(true);
	expect(runCli(built.bundle, ["undo", vault]).stdout).toMatch(/1 note restored/);
	expect(existsSync(leftover)).toBe(false);
	expect(readFileSync(join(vault, "a.md"), "utf8")).toBe(NOTE);
});

it("gives a folder without Omnivore notes no .omnivore-queue folder", () => {
	writeFileSync(join(vault, "Ideas.md"), "# Ideas\n");
	expect(tidy().status).toBe(0);
	expect(readdirSync(vault)).toEqual(["Ideas.md"]);
	const empty = join(vault, "empty");
	mkdirSync(empty);
	expect(runCli(built.bundle, ["tidy", empty]).status).toBe(0);
	expect(readdirSync(empty)).toEqual([]);
});

it("says when the vault folder cannot be read, with exit 2", () => {
	if (!isRoot) return;
	chmodSync(vault, 0o000);
	const run = runCli(built.bundle, ["tidy", vault], { uid: 4321, gid: 4321 });
	chmodSync(vault, 0o700);
	expect(run.status).toBe(2);
	expect(run.stderr).toBe(`omnivore-queue: Cannot read vault folder "${vault}": permission denied.\n`);
});
