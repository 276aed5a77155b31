import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { main } from "../../src/cli/main";
import type { VaultReport } from "../../src/cli/tidyVault";
import { snapshot } from "./vaultSnapshot";

const ROOT = join(__dirname, "..", "..");
const DEMO = join(ROOT, "demo-vault");
const P = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";

let work: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-cli-"));
});
afterEach(() => {
	rmSync(work, { recursive: true, force: true });
});

function demoCopy(): string {
	const vault = join(work, "vault");
	cpSync(DEMO, vault, { recursive: true });
	return vault;
}

function parseReport(out: string): VaultReport {
	return JSON.parse(out) as VaultReport;
}

async function run(...args: string[]) {
	let out = "";
	let err = "";
	const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
	return { code, out, err };
}

describe("omnivore-queue tidy", () => {
	it("writes nothing in a dry run and says what it would do", async () => {
		const vault = demoCopy();
		const before = snapshot(vault);
		const result = await run("tidy", vault, "--dry-run");
		expect(result.code).toBe(0);
		expect(snapshot(vault)).toEqual(before);
		expect(result.out).toMatch(/Scanned 11 notes in .*: 10 Omnivore notes, 10 would change\./);
		expect(result.out).toContain("Dry run: no file was written.");
		expect(result.out).toContain("Frontmatter is not valid YAML [invalid-frontmatter] (1)");
		expect(result.out).toContain("Omnivore/2024-09-03/The Weekly Dispatch.md:20:");
	});

	it("tidies the vault, then a second run changes and writes nothing", async () => {
		const vault = demoCopy();
		const first = await run("tidy", vault, "--json");
		const report = parseReport(first.out);
		expect(report.written).toBe(10);
		expect(report.urlsUnwrapped).toBeGreaterThan(20);
		const scratch = readFileSync(join(vault, "Inbox", "Scratch.md"), "utf8");
		expect(scratch).toContain("proxy-prod.omnivore-image-cache.app");
		const rust = readFileSync(join(vault, "Omnivore", "2023-01-20", "Rust in 2023- What Comes Next.md"), "utf8");
		expect(rust).toContain('title: "Rust in 2023: What Comes Next"');
		expect(rust).toContain("```markdown\nExample of a proxied URL kept verbatim inside code:\n![](https://proxy-prod");

		const afterFirst = snapshot(vault);
		const second = parseReport((await run("tidy", vault, "--json")).out);
		expect(second.changed).toBe(0);
		expect(second.written).toBe(0);
		expect(snapshot(vault)).toEqual(afterFirst);
	});

	it("keeps CRLF and the BOM of the notes it writes, and leaves no temporary files", async () => {
		const vault = demoCopy();
		await run("tidy", vault);
		const local = readFileSync(join(vault, "Omnivore", "2024-05-09", "Notes on Local-First Software.md"), "utf8");
		expect(local).toContain("status: unread\r\n");
		expect(local.replace(/\r\n/g, "")).not.toContain("\n");
		const duplicate = readFileSync(join(vault, "Omnivore", "2024-04-02", "Two Templates, One Note.md"), "utf8");
		expect(duplicate.startsWith("\uFEFF---\r\n")).toBe(true);
		const names = [...snapshot(vault).keys()];
		expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
	});

	it("finds untagged Omnivore notes unless told to go by the tag alone, and lists notes about Omnivore", async () => {
		const vault = join(work, "untagged");
		mkdirSync(vault);
		const untagged = "---\nid: 1\n---\n# T\n\n[Read on Omnivore](https://read.example.org/me/t-18c2f4a1b2c)\n";
		writeFileSync(join(vault, "a.md"), untagged);
		writeFileSync(join(vault, "about.md"), "---\ntags: [Omnivore]\n---\n# Why I liked Omnivore\n");
		const byTag = await run("tidy", vault, "--match", "tag", "--omnivore-host", "read.example.org");
		expect(readFileSync(join(vault, "a.md"), "utf8")).toBe(untagged);
		expect(byTag.out).toMatch(/about\.md: Tagged #Omnivore but does not look like a saved article/);
		await run("tidy", vault, "--omnivore-host", "read.example.org");
		expect(readFileSync(join(vault, "a.md"), "utf8")).toContain("omnivore_url: https://read.example.org/me/t-18c2f4a1b2c\n");
	});

	it("reports frontmatter nested thousands deep (a flow list) or hundreds (a block), leaves it, and tidies the rest of the vault", async () => {
		const vault = join(work, "deep");
		mkdirSync(vault);
		const body = "#Omnivore\n[Read Original](https://deep.example.org/a)\n";
		const flow = `---\nid: 1\ntags: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n${body}`;
		const block = `---\nid: 2\nmeta:\n${Array.from({ length: 400 }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")}\n---\n${body}`;
		// Thousands of empty keys on one line, each a map inside the last: the parser's stack ran out on it.
		const keys = `---\nid: 4\ntitle: ${": ".repeat(5000)}]\n---\n${body}`;
		writeFileSync(join(vault, "flow.md"), flow);
		writeFileSync(join(vault, "block.md"), block);
		writeFileSync(join(vault, "keys.md"), keys);
		writeFileSync(join(vault, "fine.md"), `---\nid: 3\n---\n${body}`);
		const result = await run("tidy", vault);
		expect(result.code).toBe(0);
		expect(result.err).toBe("");
		expect(result.out).toContain("Frontmatter is too deeply nested [too-deeply-nested] (3)");
		expect(result.out).not.toMatch(/call stack|heap|RangeError/i);
		expect(readFileSync(join(vault, "flow.md"), "utf8")).toBe(flow);
		expect(readFileSync(join(vault, "block.md"), "utf8")).toBe(block);
		expect(readFileSync(join(vault, "keys.md"), "utf8")).toBe(keys);
		expect(readFileSync(join(vault, "fine.md"), "utf8")).toContain("original_url: https://deep.example.org/a\n");
		const queue = await run("queue", vault, "--json");
		expect(queue.code).toBe(0);
		expect((JSON.parse(queue.out) as { items: unknown[] }).items).toHaveLength(4);
	});

	it("keeps a note's file mode", async () => {
		const vault = join(work, "v");
		mkdirSync(vault);
		const note = join(vault, "a.md");
		writeFileSync(note, "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n");
		chmodSync(note, 0o600);
		await run("tidy", vault);
		expect(readFileSync(note, "utf8")).toBe("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstatus: unread\n---\n#Omnivore\n");
		expect(statSync(note).mode & 0o777).toBe(0o600);
	});

	it("skips dot-folders, folders named like notes, huge notes and text that is not UTF-8", async () => {
		const vault = join(work, "v");
		// Any dot-folder is skipped: the config folder (named by the user), the trash, sync tools' folders.
		for (const dir of [".config", ".trash", "odd.md"]) mkdirSync(join(vault, dir), { recursive: true });
		const tagged = `#Omnivore\n![](${P}/https://a.example/x.png)\n`;
		writeFileSync(join(vault, ".config", "a.md"), tagged);
		writeFileSync(join(vault, ".trash", "b.md"), tagged);
		writeFileSync(join(vault, "odd.md", "inside.md"), tagged);
		writeFileSync(join(vault, "junk.md"), Buffer.concat([Buffer.from(tagged), Buffer.from([0xff, 0xfe, 0x00, 0x81])]));
		const before = snapshot(vault);
		const result = await run("tidy", vault, "--json");
		const report = parseReport(result.out);
		// The note that is not UTF-8 could not be written: exit 1, and it is listed.
		expect(result.code).toBe(1);
		expect(report.scanned).toBe(2);
		expect(report.written).toBe(1);
		const after = snapshot(vault);
		expect(after.get("/.config/a.md")).toBe(before.get("/.config/a.md"));
		expect(after.get("/.trash/b.md")).toBe(before.get("/.trash/b.md"));
		expect(after.get("/junk.md")).toBe(before.get("/junk.md"));
		expect(after.get("/odd.md/inside.md")).not.toBe(before.get("/odd.md/inside.md"));
		expect(report.notes.find((n) => n.path === "junk.md")?.problems[0].message).toMatch(/not valid UTF-8/);
	});

	it("reports an Omnivore note saved as UTF-16 (either byte order) and leaves it, and passes over other UTF-16 files", async () => {
		const vault = join(work, "v");
		mkdirSync(vault, { recursive: true });
		const note = "---\nid: 0d8d5f3e-5c5a-4b7e-9a39-6f7f2d1b9c11\ntags: [Omnivore]\n---\n# Article\n\n[Read Original](https://example.com/a)\n";
		const bigEndian = (text: string) => Buffer.from(text, "utf16le").swap16();
		writeFileSync(join(vault, "le.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(note, "utf16le")]));
		writeFileSync(join(vault, "be.md"), Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian(note)]));
		writeFileSync(join(vault, "shopping.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("- milk\n- bread\n", "utf16le")]));
		const before = snapshot(vault);
		const result = await run("tidy", vault, "--json");
		expect(result.code).toBe(1);
		const report = parseReport(result.out);
		expect(report.notes.map((n) => [n.path, n.problems.map((p) => p.message)])).toEqual([
			["be.md", ["The note is saved as UTF-16 text, not the UTF-8 Obsidian reads; save it as UTF-8 to have it tidied. It was left as it was."]],
			["le.md", ["The note is saved as UTF-16 text, not the UTF-8 Obsidian reads; save it as UTF-8 to have it tidied. It was left as it was."]],
		]);
		const after = snapshot(vault);
		for (const path of before.keys()) expect([path, after.get(path)]).toEqual([path, before.get(path)]);
	});

	it("shows unified diffs after the summary, with paths as written", async () => {
		const vault = demoCopy();
		const result = await run("tidy", vault, "--dry-run", "--diff");
		expect(result.out).toContain("--- a/Omnivore/2024-07-30/Byzantine Generals.md");
		const chinese = "Omnivore/2024-02-27/逼近 GPT-4 的新模型发布！「欧洲版 OpenAI」联手微软，却被质疑违背初心 - 爱范儿.md";
		expect(result.out).toContain(`\n--- a/${chinese}\n+++ b/${chinese}\n`);
		expect(result.out.indexOf("Scanned 11 notes")).toBeLessThan(result.out.indexOf("--- a/"));
		expect(result.out).toMatch(/^Scanned 11 notes/);
		expect(result.out).toContain("\n-state: ARCHIVED\n");
		expect(result.out).toContain("\n+status: archived\n");
	});

	it("passes the tag, proxy host and date order options to the engine", async () => {
		const vault = join(work, "v");
		mkdirSync(vault);
		writeFileSync(join(vault, "a.md"), "---\ndate_saved: 03/04/2024\n---\n#later\n![](http://localhost:7070/0x0,sAbc/https://a.example/x.png)\n");
		expect((await run("tidy", vault, "--omnivore-tag", "later", "--proxy-host", "http://localhost:7070", "--date-order", "day-first")).code).toBe(0);
		expect(readFileSync(join(vault, "a.md"), "utf8")).toBe(
			"---\ndate_saved: 2024-04-03\nstatus: unread\n---\n#later\n![](https://a.example/x.png)\n",
		);
	});

	it("says how to convert dates that could be day-first or month-first", async () => {
		const vault = join(work, "v");
		mkdirSync(vault);
		writeFileSync(join(vault, "a.md"), "---\ndate_saved: 03/04/2024\n---\n#Omnivore\n");
		const result = await run("tidy", vault, "--dry-run");
		expect(result.out).toContain("Date is ambiguous (day or month first?) [ambiguous-date] (1)\n    (Run again with --date-order day-first or month-first to convert them.)\n");
	});

	it.each([
		[[], /No command given/],
		[["tidy"], /needs the path of a vault folder/],
		[["tidy", "/no/such/folder"], /Cannot open vault folder "\/no\/such\/folder": it does not exist\./],
		[["tidy", join(__dirname, "cli.test.ts")], /is not a folder/],
		// A run there would walk /proc and every user's files.
		[["tidy", "/", "--dry-run"], /"\/" is the root of the file system, not a vault/],
		[["queue", "/"], /"\/" is the root of the file system, not a vault/],
		[["queue", "/proc/self/root"], /is the root of the file system, not a vault/],
		[["import", join(__dirname, "cli.test.ts"), "/"], /"\/" is the root of the file system, not a vault/],
		[["tidy", ".", "--frobnicate"], /^omnivore-queue: tidy has no option "--frobnicate"\.\nRun "omnivore-queue tidy --help" for usage\.\n$/],
		[["tidy", ".", "--limit", "3"], /tidy has no option "--limit"\. It belongs to the queue command\./],
		[["undo", ".", "--frobnicate"], /undo has no option "--frobnicate"/],
		[["undo", ".", "--force"], /undo has no option "--force"\. It belongs to the tidy command\./],
		// Scripts write `--dry-run=false` expecting it off; said plainly, rather than "could not read its options".
		[["tidy", ".", "--dry-run=false"], /^omnivore-queue: --dry-run takes no value: give it to turn it on, leave it out to leave it off\.\n/],
		[["queue", ".", "--json=true"], /--json takes no value/],
		[["queue", ".", "--limit", "-1"], /--limit needs a positive whole number, not "-1"/],
		[["queue", ".", "--limit"], /--limit needs a value\./],
		[["queue", ".", "--omnivore-tag", ""], /--omnivore-tag needs a tag name such as Omnivore, not ""/],
		[["tidy", ".", "--omnivore-tag", "#"], /--omnivore-tag needs a tag name/],
		[["tidy", ".", "--date-order", "sideways"], /--date-order must be/],
		[["sort", "."], /Unknown command "sort"/],
		[["tidy", ".", "--tag", "x"], /tidy has no option "--tag"\. It belongs to the queue command; tidy takes --omnivore-tag\./],
		[["queue", ".", "--dry-run"], /queue has no option "--dry-run"\. It belongs to the tidy command\./],
		[["queue", ".", "--status", "done"], /--status must be one of unread, reading, read, archived, unknown, not "done"/],
		[["queue", ".", "--sort", "random"], /--sort must be one of/],
		[["queue", ".", "--limit", "0"], /--limit needs a positive whole number/],
		[["tidy", ".", "--match", "loose"], /--match must be tag or fingerprint, not "loose"/],
		[["tidy", ".", "--omnivore-host", "not a host"], /--omnivore-host needs a host such as omnivore.example.com/],
	])("exits 2 with one clear line for %p", async (args, message) => {
		const result = await run(...args);
		expect(result.code).toBe(2);
		expect(result.out).toBe("");
		expect(result.err).toMatch(message);
		expect(result.err).not.toMatch(/\n\s+at /);
	});
});

describe("the built command", () => {
	const bundle = join(tmpdir(), `omnivore-queue-cli-${process.pid}.js`);
	beforeAll(() => {
		buildSync({ entryPoints: [join(ROOT, "src", "cli", "index.ts")], bundle: true, platform: "node", format: "cjs", outfile: bundle, logLevel: "silent", define: { OMNIVORE_QUEUE_VERSION: '"test"' } });
	});
	afterAll(() => rmSync(bundle, { force: true }));

	it("exits 0 after a run and 2 on a usage error, without a stack trace", () => {
		const vault = demoCopy();
		const ok = spawnSync(process.execPath, [bundle, "tidy", vault, "--dry-run"], { encoding: "utf8" });
		expect(ok.status).toBe(0);
		expect(ok.stdout).toContain("10 would change");
		const bad = spawnSync(process.execPath, [bundle, "tidy", join(work, "missing")], { encoding: "utf8" });
		expect(bad.status).toBe(2);
		expect(bad.stderr.trim().split("\n")).toHaveLength(2);
		expect(bad.stderr).not.toMatch(/\n\s+at /);
	});

	it("repairs broken frontmatter the same under `node --frozen-intrinsics`, where Error cannot be changed", () => {
		const vault = join(work, "frozen");
		mkdirSync(vault);
		writeFileSync(join(vault, "a.md"), "---\nid: 1\ntitle: Rust: what comes next\ntags: [omnivore\n---\n# Rust\n\n[Read on Omnivore](https://omnivore.app/me/rust-18c1d2e3f4a)\n");
		const run = spawnSync(process.execPath, ["--frozen-intrinsics", bundle, "tidy", vault], { encoding: "utf8" });
		expect(run.stdout).not.toContain("unexpected");
		expect(run.status).toBe(0);
		expect(readFileSync(join(vault, "a.md"), "utf8")).toContain('title: "Rust: what comes next"\n');
	});

	it("lists from its cache only in the time zone the cache was made in: dates without one are read in it", () => {
		const vault = demoCopy();
		const queue = (zone: string) => spawnSync(process.execPath, [bundle, "queue", vault, "--json"], { encoding: "utf8", env: { ...process.env, TZ: zone } }).stdout;
		spawnSync(process.execPath, [bundle, "tidy", vault], { env: { ...process.env, TZ: "UTC" } });
		const utc = queue("UTC");
		const newYork = queue("America/New_York");
		expect(newYork).not.toBe(utc);
		rmSync(join(vault, ".omnivore-queue", "queue.json"));
		expect(queue("America/New_York")).toBe(newYork);
		// Zones without a name (POSIX rules) are told apart by their offsets.
		const tokyo = queue("JST-9");
		expect(queue("UTC+7")).not.toBe(tokyo);
		rmSync(join(vault, ".omnivore-queue", "queue.json"));
		expect(queue("JST-9")).toBe(tokyo);
	});

	it("keeps a table row on one line whatever the title holds", () => {
		const vault = join(work, "row");
		mkdirSync(vault);
		writeFileSync(join(vault, "a.md"), '---\nid: 1\ntitle: "tab\\there\\u2028and a line separator"\n---\n# T\n\n[Read on Omnivore](https://omnivore.app/me/t-18c1d2e3f4a)\n');
		const table = spawnSync(process.execPath, [bundle, "queue", vault], { encoding: "utf8" }).stdout;
		expect(table).toContain("tab here and a line separator");
		expect(table).not.toMatch(/[\t\u2028]/);
	});

	it("shows a saved calendar date as the day written, west of Greenwich too", () => {
		const vault = join(work, "calendar");
		mkdirSync(vault);
		writeFileSync(join(vault, "a.md"), "---\nid: 1\ntitle: Poisson Distribution\ndate_saved: 2024-03-04\n---\n# T\n\n[Read on Omnivore](https://omnivore.app/me/t-18c1d2e3f4a)\n");
		for (const zone of ["America/New_York", "Pacific/Honolulu", "Asia/Tokyo"]) {
			const table = spawnSync(process.execPath, [bundle, "queue", vault], { encoding: "utf8", env: { ...process.env, TZ: zone } }).stdout;
			expect([zone, table.includes("2024-03-04"), table.includes("2024-03-03")]).toEqual([zone, true, false]);
		}
	});

	const withTerminal = existsSync("/usr/bin/script") ? it : it.skip;
	withTerminal("prints a title's control characters to a terminal as U+FFFD, and to a pipe as they are", () => {
		const vault = join(work, "escapes");
		mkdirSync(vault);
		const title = "Red \u001b[31malert\u001b]0;pwned\u0007 \u202egpj.md";
		writeFileSync(join(vault, "a.md"), `---\nid: 1\ntitle: ${JSON.stringify(title)}\n---\n# T\n\n[Read on Omnivore](https://omnivore.app/me/t-18c1d2e3f4a)\n`);
		const piped = spawnSync(process.execPath, [bundle, "queue", vault], { encoding: "utf8" });
		expect(piped.stdout).toContain(title);
		// `script` gives the command a terminal and copies what it printed there.
		const command = [process.execPath, bundle, "queue", vault].map((part) => `'${part}'`).join(" ");
		const onTerminal = spawnSync("/usr/bin/script", ["-qec", command, "/dev/null"], { encoding: "utf8" });
		expect(onTerminal.stdout).toContain("Red \uFFFD[31malert\uFFFD]0;pwned\uFFFD \uFFFDgpj.md");
		expect(onTerminal.stdout).not.toContain("\u001b");
	});

	it("prints nothing on stderr for a template placeholder YAML reads as a map key", () => {
		const vault = join(work, "templated");
		mkdirSync(vault);
		writeFileSync(join(vault, "a.md"), "---\ndate_saved: {{date:YYYY-MM-DD}}\n---\n#Omnivore\n");
		const run = spawnSync(process.execPath, [bundle, "tidy", vault], { encoding: "utf8" });
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
	});

	it("ends quietly when the reader of its output goes away (tidy --diff | head)", () => {
		const vault = join(work, "big");
		for (let i = 0; i < 10; i++) {
			mkdirSync(join(vault, `${i}`), { recursive: true });
			cpSync(DEMO, join(vault, `${i}`), { recursive: true });
		}
		const command = `"${process.execPath}" "${bundle}" tidy "${vault}" --dry-run --diff`;
		const head = spawnSync("sh", ["-c", `${command} | head -n 3`], { encoding: "utf8" });
		expect(head.stdout.split("\n")).toHaveLength(4);
		expect(head.stderr).toBe("");
		// A reader that leaves before the first line: the write fails for certain.
		const gone = spawnSync("sh", ["-c", `${command} | true; echo "exit $?"`], { encoding: "utf8" });
		expect(gone.stderr).toBe("");
	});

	const withDevFull = existsSync("/dev/full") ? it : it.skip;
	withDevFull("says in one line when its output cannot be written (tidy --json > report.json on a full disk)", () => {
		const run = spawnSync("sh", ["-c", `"${process.execPath}" "${bundle}" tidy "${demoCopy()}" --dry-run --json > /dev/full`], { encoding: "utf8" });
		expect(run.stderr).toBe("omnivore-queue: its output could not be written: the disk is full.\n");
		expect(run.status).toBe(1);
	});

	it("prints help and its version", () => {
		const help = execFileSync(process.execPath, [bundle, "--help"], { encoding: "utf8" });
		expect(help).toMatch(/^ {2}omnivore-queue tidy <vault> +repair the Omnivore notes/m);
		expect(help).toMatch(/^ {2}omnivore-queue undo <vault> +put back/m);
		expect(help).toContain('Run "omnivore-queue <command> --help"');
		// Each command its own help, with its own options only.
		const tidy = execFileSync(process.execPath, [bundle, "tidy", "--help"], { encoding: "utf8" });
		expect(tidy).toMatch(/^Usage: omnivore-queue tidy <vault> \[--dry-run\] \[--diff\] \[--json\] \[--force\]/);
		expect(tidy).toContain("--follow-links");
		expect(tidy).not.toContain("--status");
		const undo = execFileSync(process.execPath, [bundle, "undo", "--help"], { encoding: "utf8" });
		expect(undo).toContain("--show <note>");
		expect(undo).not.toContain("--force");
		expect(execFileSync(process.execPath, [bundle, "help", "queue"], { encoding: "utf8" })).toContain("--limit <n>");
		expect(execFileSync(process.execPath, [bundle, "--version"], { encoding: "utf8" }).trim()).toBe("test");
	});
});

describe("omnivore-queue queue", () => {
	it("prints a table of the queue, newest saved first, untidied notes included", async () => {
		const result = await run("queue", demoCopy());
		expect(result.code).toBe(0);
		const lines = result.out.trim().split("\n");
		expect(lines[0]).toMatch(/^Status\s+Saved\s+Min\s+Title\s+Site$/);
		expect(lines[1]).toMatch(/^read\s+2024-09-03\s+1\s+The Weekly Dispatch #112\s*$/);
		expect(lines).toContainEqual(expect.stringMatching(/^reading\s+2024-03-15\s+12\s+The Case for Slow Reading\s+The Atlantic$/));
		expect(lines.at(-1)).toBe("10 articles.");
	});

	it("filters, sorts and limits, and prints JSON items with the QueueItem fields", async () => {
		const result = await run("queue", demoCopy(), "--status", "unread", "--sort", "title", "--limit", "2", "--json");
		const { items } = JSON.parse(result.out) as { items: Array<Record<string, unknown>> };
		expect(items.map((i) => i.title)).toEqual(["Against Productivity (2 articles)", "Designing Data-Intensive Pipelines: A Field Guide"]);
		expect(Object.keys(items[1])).toEqual(["path", "title", "author", "site", "url", "tags", "status", "savedAt", "publishedAt", "readingMinutes", "hasImageProblems"]);
		expect(items[1]).toMatchObject({ site: "Example Engineering", url: "https://engineering.example.com/blog/pipelines", tags: ["data", "Read_Later"] });
	});

	it("filters by tag and words", async () => {
		const vault = demoCopy();
		const byTag = JSON.parse((await run("queue", vault, "--tag", "papers_to_read", "--json")).out) as { items: Array<{ title: string }> };
		expect(byTag.items.map((i) => i.title)).toEqual(["The Byzantine Generals Problem"]);
		const bySearch = JSON.parse((await run("queue", vault, "--search", "sqlite", "--json")).out) as { items: Array<{ title: string }> };
		expect(bySearch.items.map((i) => i.title)).toEqual(["How SQLite Scales Read Concurrency"]);
		expect((await run("queue", vault, "--search", "nothing like this")).out).toBe("No articles match.\n");
	});

	const posixNames = process.platform === "linux" ? it : it.skip;
	posixNames("lists what it can read, names on stderr what it cannot, and exits 1", async () => {
		const vault = demoCopy();
		// A file name that is not UTF-8 (a vault copied from an old system), and a link to nothing.
		writeFileSync(Buffer.concat([Buffer.from(`${vault}/Omnivore/caf`), Buffer.from([0xe9]), Buffer.from(".md")]), "#Omnivore\n");
		mkdirSync(Buffer.concat([Buffer.from(`${vault}/Omnivore/d`), Buffer.from([0xfe])]));
		symlinkSync(join(vault, "nowhere.md"), join(vault, "gone.md"));
		const result = await run("queue", vault, "--json");
		expect(result.code).toBe(1);
		expect((JSON.parse(result.out) as { items: unknown[] }).items).toHaveLength(10);
		expect(result.err).toBe(
			"omnivore-queue: 3 notes or folders could not be read, so their articles are not listed:\n" +
				"  Omnivore/caf\uFFFD.md: its name is not valid UTF-8, so it cannot be opened by the name it is listed under\n" +
				"  Omnivore/d\uFFFD: the folder could not be read: its name is not valid UTF-8, so it cannot be opened by the name it is listed under\n" +
				"  gone.md: it does not exist\n",
		);
	});
});
