// `tidy --jobs N` runs the engine on worker threads: the notes, the report, the journal and undo are
// exactly those of a run on one thread.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateVault } from "../../bench/generateVault";
import { JOURNAL_FOLDER } from "../../src/cli/journalStorage";
import { buildCli, runCli } from "./builtCli";

let work: string;
let cli: ReturnType<typeof buildCli>;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-parallel-"));
	cli = buildCli("parallel");
	const pristine = join(work, "pristine");
	// Enough notes that workers are started (a run reading few notes stays on one thread).
	for (const note of generateVault(300, { seed: 3, maxBytes: 8000 })) {
		const path = join(pristine, note.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, note.text);
	}
});
afterAll(() => {
	cli.remove();
	rmSync(work, { recursive: true, force: true });
});

function copy(name: string): string {
	const vault = join(work, name);
	cpSync(join(work, "pristine"), vault, { recursive: true });
	return vault;
}

function files(folder: string, under = ""): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of readdirSync(join(folder, under), { withFileTypes: true })) {
		const path = under ? `${under}/${entry.name}` : entry.name;
		if (entry.name === ".omnivore-queue") continue;
		if (entry.isDirectory()) Object.assign(out, files(folder, path));
		else out[path] = readFileSync(join(folder, path), "utf8");
	}
	return out;
}

/** The journal's entries without the batch's name and start time. */
function journal(vault: string): unknown[] {
	const folder = join(vault, ...JOURNAL_FOLDER.split("/"));
	return readdirSync(folder).flatMap((file) =>
		readFileSync(join(folder, file), "utf8")
			.split("\n")
			.filter((line) => line !== "")
			.map((line) => JSON.parse(line) as Record<string, unknown>)
			.map(({ batch: _batch, startedAt: _startedAt, ...rest }) => rest),
	);
}

const tidy = (vault: string, ...args: string[]) => runCli(cli.bundle, ["tidy", vault, ...args], { maxBuffer: 1 << 30 });

it("writes the same notes, report and journal on two threads as on one", () => {
	const one = copy("one");
	const two = copy("two");
	const first = tidy(one, "--json", "--jobs", "1");
	const second = tidy(two, "--json", "--jobs", "2");
	expect(first.status).toBe(0);
	expect(second.status).toBe(first.status);
	expect(second.stdout.split(two).join("VAULT")).toBe(first.stdout.split(one).join("VAULT"));
	const written = (JSON.parse(first.stdout) as { written: number }).written;
	expect(written).toBeGreaterThan(200);
	expect(files(two)).toEqual(files(one));
	expect(journal(two)).toEqual(journal(one));
	expect(journal(two).length).toBe(written + 1);

	// A second run on two threads changes nothing, and undo puts every note back.
	expect(JSON.parse(tidy(two, "--json", "--jobs", "2").stdout)).toMatchObject({ changed: 0, written: 0 });
	expect(runCli(cli.bundle, ["undo", two]).status).toBe(0);
	expect(files(two)).toEqual(files(join(work, "pristine")));
});

it("leaves and reports the notes it cannot read or write on two threads as on one", () => {
	const spoil = (vault: string) => {
		const note = "#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";
		// Spread through the vault's order, so that both workers meet some.
		for (const folder of ["Omnivore/2024-01", "Omnivore/2024-06", "Omnivore/2024-12"]) {
			mkdirSync(join(vault, folder), { recursive: true });
			writeFileSync(join(vault, folder, "read-only.md"), note);
			chmodSync(join(vault, folder, "read-only.md"), 0o444);
			symlinkSync(join(vault, folder, "nowhere.md"), join(vault, folder, "dangling.md"));
			mkdirSync(join(vault, folder, "folder.md"));
			writeFileSync(join(vault, folder, "huge.md"), "#Omnivore\n");
			truncateSync(join(vault, folder, "huge.md"), 21 * 1024 * 1024);
		}
		return vault;
	};
	const one = spoil(copy("spoiled-one"));
	const two = spoil(copy("spoiled-two"));
	const first = tidy(one, "--json", "--jobs", "1");
	const second = tidy(two, "--json", "--jobs", "2");
	expect(first.status).toBe(1);
	expect(second.status).toBe(1);
	expect(second.stdout.split(two).join("VAULT")).toBe(first.stdout.split(one).join("VAULT"));
	const report = JSON.parse(first.stdout) as { failed: number; notes: Array<{ path: string; problems: Array<{ message: string }> }> };
	expect(report.failed).toBe(9);
	expect(report.notes.find((n) => n.path === "Omnivore/2024-06/read-only.md")?.problems[0].message).toMatch(/read-only/);
	expect(readFileSync(join(two, "Omnivore/2024-12/read-only.md"), "utf8")).toContain("proxy-prod");
	expect(journal(two)).toEqual(journal(one));
});

it("reports a dry run on two threads as on one, and writes nothing", () => {
	const vault = copy("dry");
	const one = tidy(vault, "--dry-run", "--diff", "--jobs", "1");
	const two = tidy(vault, "--dry-run", "--diff", "--jobs", "2");
	expect(two.stdout).toBe(one.stdout);
	expect(files(vault)).toEqual(files(join(work, "pristine")));
});

// Node raises the limit of open files to the hard one, but `ulimit -n 256` (or a container's) sets that
// too. The late-edit watch keeps replaced notes open, and on many threads each worker kept its own 256.
const lowLimit = process.platform === "win32" ? it.skip : it;
lowLimit("tidies every note under a low limit of open files, on one thread and on two", () => {
	for (const jobs of ["1", "2"]) {
		const vault = copy(`few-files-${jobs}`);
		const run = spawnSync("sh", ["-c", 'ulimit -n 256 && exec "$0" "$@"', process.execPath, cli.bundle, "tidy", vault, "--json", "--jobs", jobs], { encoding: "utf8", maxBuffer: 1 << 30 });
		expect(run.stderr).toBe("");
		const report = JSON.parse(run.stdout) as { failed: number; written: number };
		expect([jobs, report.failed]).toEqual([jobs, 0]);
		expect(report.written).toBeGreaterThan(200);
	}
});

it("refuses a number of jobs that is not a positive whole number", () => {
	const run = tidy(copy("usage"), "--jobs", "0");
	expect(run.status).toBe(2);
	expect(run.stderr).toMatch(/--jobs needs a positive whole number, not "0"/);
});

const queue = (vault: string, ...args: string[]) => runCli(cli.bundle, ["queue", vault, "--json", ...args], { maxBuffer: 1 << 30 });

it("lists the same queue on two threads as on one, and the same again from its cache", () => {
	const vault = copy("queue");
	// Notes that cannot be read are left out alike: a link to nothing, a folder named like a note.
	for (const folder of ["Omnivore/2024-01", "Omnivore/2024-12"]) {
		mkdirSync(join(vault, folder), { recursive: true });
		symlinkSync(join(vault, folder, "nowhere.md"), join(vault, folder, "dangling.md"));
		mkdirSync(join(vault, folder, "folder.md"));
	}
	// Never tidied, so no cache (it is kept in tidy's folder): each listing reads every note.
	const one = queue(vault, "--jobs", "1");
	const two = queue(vault, "--jobs", "2");
	// Exit 1, and the notes it could not read named on stderr, as tidy does.
	expect([one.status, two.status]).toEqual([1, 1]);
	expect(two.stderr).toBe(one.stderr);
	expect(one.stderr).toBe(
		"omnivore-queue: 2 notes or folders could not be read, so their articles are not listed:\n" +
			"  Omnivore/2024-01/dangling.md: it does not exist\n  Omnivore/2024-12/dangling.md: it does not exist\n",
	);
	const items = (JSON.parse(one.stdout) as { items: unknown[] }).items;
	expect(items.length).toBeGreaterThan(200);
	expect(two.stdout).toBe(one.stdout);

	// Exit 1: it reports the notes it could not read.
	expect(tidy(vault, "--jobs", "1").status).toBe(1);
	const afterTidy = queue(vault, "--jobs", "2");
	const cached = queue(vault, "--jobs", "2");
	expect(readdirSync(join(vault, ".omnivore-queue"))).toContain("queue.json");
	expect(cached.stdout).toBe(afterTidy.stdout);
	expect(queue(vault, "--jobs", "1", "--sort", "title", "--limit", "5").stdout).toBe(queue(vault, "--jobs", "2", "--sort", "title", "--limit", "5").stdout);
});

it("runs on one thread, and says so, where too few files may be open for worker threads (ulimit -n 24)", () => {
	const one = copy("limit-one");
	const tight = copy("limit-tight");
	const first = tidy(one, "--json", "--jobs", "1");
	const limited = spawnSync("/bin/sh", ["-c", `ulimit -n 24 && exec "${process.execPath}" "${cli.bundle}" tidy "${tight}" --json --jobs 2`], { encoding: "utf8", maxBuffer: 1 << 30 });
	// Every worker had taken files the notes needed: each note failed "too many files are open".
	expect(limited.stderr).toBe("omnivore-queue: only 24 files may be open at once (ulimit -n), too few for worker threads: running on one thread.\n");
	expect(limited.status).toBe(first.status);
	expect(JSON.parse(limited.stdout)).toEqual(JSON.parse(first.stdout.split(one).join(tight)));
	expect(files(tight)).toEqual(files(one));
});
