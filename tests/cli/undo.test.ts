// `omnivore-queue undo`: its options, and what it does with a note edited since the tidy.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitNote } from "../../src/core/note";
import { buildCli, runCli } from "./builtCli";

const DEMO = join(__dirname, "..", "..", "demo-vault");
const BYZANTINE = "Omnivore/2024-07-30/Byzantine Generals.md";
const SQLITE = "Omnivore/2023-11-02/How SQLite Scales Read Concurrency.md";

let built: ReturnType<typeof buildCli>;
let vault: string;
let original: Map<string, string>;
beforeAll(() => {
	built = buildCli("undo");
});
afterAll(() => built.remove());
beforeEach(() => {
	vault = join(mkdtempSync(join(tmpdir(), "omnivore-queue-undo-")), "vault");
	cpSync(DEMO, vault, { recursive: true });
	original = new Map([BYZANTINE, SQLITE].map((p) => [p, read(p)]));
});
afterEach(() => rmSync(join(vault, ".."), { recursive: true, force: true }));

function read(path: string): string {
	return readFileSync(join(vault, ...path.split("/")), "utf8");
}
const cli = (...args: string[]) => runCli(built.bundle, args);

it("undo --dry-run says what it would restore and writes nothing; --json prints the report", () => {
	expect(cli("tidy", vault).status).toBe(0);
	const tidied = read(BYZANTINE);
	const dry = cli("undo", vault, "--dry-run");
	expect(dry.status).toBe(0);
	expect(dry.stdout).toMatch(/^Undo of "omnivore-queue tidy" of .* would restore 10 notes\. Dry run: no file was written\.\n$/);
	expect(read(BYZANTINE)).toBe(tidied);

	const json = cli("undo", vault, "--json");
	expect(json.status).toBe(0);
	const report = JSON.parse(json.stdout) as { restored: string[]; skipped: unknown[]; dryRun: boolean };
	expect(report.restored).toHaveLength(10);
	expect(report).toMatchObject({ skipped: [], dryRun: false });
	expect(read(BYZANTINE)).toBe(original.get(BYZANTINE));
});

it("keeps the journal entry of a note edited since, says how to get it, and --show prints it", () => {
	expect(cli("tidy", vault).status).toBe(0);
	appendFileSync(join(vault, ...SQLITE.split("/")), "\nMy own thought, added after the tidy.\n");
	const edited = read(SQLITE);
	const undo = cli("undo", vault);
	expect(undo.status).toBe(0);
	expect(undo.stdout).toContain("9 notes restored.");
	expect(undo.stdout).toContain(`  ${SQLITE}: It was edited after this run wrote it, so it was left as it is.`);
	expect(undo.stdout).toMatch(/stays in the journal \(\.omnivore-queue\/journal\/\d+-\d+\.jsonl\); "omnivore-queue undo <vault> --show <note>" prints it\./);
	expect(read(SQLITE)).toBe(edited);
	expect(read(BYZANTINE)).toBe(original.get(BYZANTINE));

	// The frontmatter from before the tidy, over the note as it is now.
	const show = cli("undo", vault, "--show", SQLITE);
	expect(show.status).toBe(0);
	expect(show.stderr).toMatch(/was edited after "omnivore-queue tidy" of .*: its frontmatter from before that tidy, over its current body\.\n$/);
	const before = original.get(SQLITE) ?? "";
	expect(show.stdout).toBe(before.slice(0, before.length - splitNote(before).body.length) + splitNote(edited).body);

	// The undone batch is not undone twice.
	expect(cli("undo", vault).stdout).toBe("There is nothing to undo in this vault: every tidy, import or images run it recorded was undone already, or none ran.\n");
	expect(cli("undo", vault, "--show", "Inbox/Scratch.md")).toMatchObject({ status: 1, stderr: 'omnivore-queue: the journal holds no earlier text of "Inbox/Scratch.md".\n' });
});

it("--show prints a note's exact earlier text while it holds what the tidy wrote", () => {
	expect(cli("tidy", vault).status).toBe(0);
	const show = cli("undo", vault, "--show", BYZANTINE);
	expect(show.stdout).toBe(original.get(BYZANTINE));
	expect(show.stderr).toMatch(/as it was before "omnivore-queue tidy"/);
	// The path may also be given from where the command runs.
	expect(cli("undo", vault, "--show", join(vault, ...BYZANTINE.split("/"))).stdout).toBe(original.get(BYZANTINE));
	// A folder is a mistake said in words, not an "unexpected error".
	expect(cli("undo", vault, "--show", "Omnivore")).toMatchObject({ status: 2, stdout: "", stderr: "omnivore-queue: Omnivore is a folder; --show takes the path of one note in it.\n" });
});

it("after a tidy that changed nothing, there is nothing to undo and no journal", () => {
	const plain = join(vault, "..", "plain");
	cpSync(vault, plain, { recursive: true });
	expect(cli("tidy", plain).status).toBe(0);
	const journal = join(plain, ".omnivore-queue", "journal");
	const first = readdirSync(journal);
	expect(cli("tidy", plain).status).toBe(0);
	expect(readdirSync(journal)).toEqual(first);
	writeFileSync(join(plain, "new.md"), "# Not Omnivore\n");
	expect(cli("tidy", plain).status).toBe(0);
	expect(readdirSync(journal)).toEqual(first);
	expect(existsSync(join(plain, ".omnivore-queue", "lock"))).toBe(false);
});

it("leaves a note whose journal entry was changed by hand, says so, and does not offer --show", () => {
	expect(cli("tidy", vault).status).toBe(0);
	const tidied = read(SQLITE);
	const folder = join(vault, ".omnivore-queue", "journal");
	for (const name of readdirSync(folder).filter((n) => n.endsWith(".jsonl"))) {
		const file = join(folder, name);
		const escaped = SQLITE.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
		// The reverse edit of the note's frontmatter now holds text the note never had.
		writeFileSync(file, readFileSync(file, "utf8").replace(new RegExp(`("path":"${escaped}".*?"edits":\\[\\[\\d+,\\d+,")`), "$1EDITED BY HAND "));
	}
	const undo = cli("undo", vault, "--json");
	expect(undo.status).toBe(1);
	const report = JSON.parse(undo.stdout) as { restored: string[]; skipped: Array<{ path: string; edited: boolean; damaged?: boolean }>; incomplete: boolean };
	expect(report.restored).toHaveLength(9);
	expect(report.skipped).toEqual([expect.objectContaining({ path: SQLITE, edited: false, damaged: true })]);
	expect(report.incomplete).toBe(false);
	expect(read(SQLITE)).toBe(tidied);
});

it("says how many lines of the journal it could not read", () => {
	expect(cli("tidy", vault).status).toBe(0);
	const folder = join(vault, ".omnivore-queue", "journal");
	for (const name of readdirSync(folder).filter((n) => n.endsWith(".jsonl"))) {
		const file = join(folder, name);
		const lines = readFileSync(file, "utf8").split("\n");
		// One entry cut short, as by a crash or a careless edit.
		writeFileSync(file, [...lines.slice(0, 2), lines[2].slice(0, 20), ...lines.slice(3)].join("\n"));
	}
	const undo = cli("undo", vault);
	expect(undo.stdout).toContain("9 notes restored.");
	expect(undo.stdout).toMatch(/1 line of the journal \(.*\) could not be read \(cut short, or changed by hand\): the note it names was not undone\./);
});

it("names a batch of the journal that is no file any more, rather than pass over its run without a word", () => {
	expect(cli("tidy", vault).status).toBe(0);
	const folder = join(vault, ".omnivore-queue", "journal");
	const [name] = readdirSync(folder).filter((n) => n.endsWith(".jsonl"));
	rmSync(join(folder, name));
	mkdirSync(join(folder, name));
	const undo = cli("undo", vault);
	expect(undo.status).not.toBe(0);
	expect(undo.stderr).toBe(`omnivore-queue: stopped at ${join(folder, name)}: it is a folder.\n`);
	expect(read(BYZANTINE)).not.toBe(original.get(BYZANTINE));
});

it("undoes the last tidy even when the first line of its journal was damaged since", () => {
	expect(cli("tidy", vault).status).toBe(0);
	const folder = join(vault, ".omnivore-queue", "journal");
	const [name] = readdirSync(folder).filter((n) => n.endsWith(".jsonl"));
	const file = join(folder, name);
	const lines = readFileSync(file, "utf8").split("\n");
	writeFileSync(file, [lines[0].slice(0, 12), ...lines.slice(1)].join("\n"));
	const undo = cli("undo", vault);
	expect(undo.status).toBe(0);
	expect(undo.stdout).toMatch(/^Undid "a run whose journal header could not be read" of .*: 10 notes restored\.\n$/);
	expect(read(BYZANTINE)).toBe(original.get(BYZANTINE));
	expect(read(SQLITE)).toBe(original.get(SQLITE));
});
