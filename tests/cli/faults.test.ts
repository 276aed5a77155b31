// Files the CLI cannot read or write get a clear report line and do not stop the run.
import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { hashText } from "../../src/core/hash";

jest.mock("../../src/cli/atomicWrite", () => {
	const actual = jest.requireActual<typeof import("../../src/cli/atomicWrite")>("../../src/cli/atomicWrite");
	return {
		...actual,
		writeFileAtomic: (path: string, text: string, options?: Parameters<typeof actual.writeFileAtomic>[2]) => {
			if (path.endsWith("locked.md")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
			return actual.writeFileAtomic(path, text, options);
		},
	};
});
import { main } from "../../src/cli/main";
import type { VaultReport } from "../../src/cli/tidyVault";

const NOTE = "#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";

let vault: string;
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-faults-"));
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

async function tidy(): Promise<{ code: number; report: VaultReport; text: string }> {
	let out = "";
	const code = await main(["tidy", vault, "--json"], { out: (t) => (out += t), err: (t) => (out += t) });
	let text = "";
	await main(["tidy", vault, "--dry-run"], { out: (t) => (text += t), err: (t) => (text += t) });
	return { code, report: JSON.parse(out) as VaultReport, text };
}

it("reports a note it cannot read, one too large, and one it cannot write, and tidies the rest", async () => {
	writeFileSync(join(vault, "good.md"), NOTE);
	writeFileSync(join(vault, "locked.md"), NOTE);
	symlinkSync(join(vault, "nowhere.md"), join(vault, "dangling.md"));
	writeFileSync(join(vault, "huge.md"), "#Omnivore\n");
	truncateSync(join(vault, "huge.md"), 50 * 1024 * 1024);
	mkdirSync(join(vault, "folder.md"));

	const { code, report } = await tidy();
	// The run finished, but some notes could not be read or written.
	expect(code).toBe(1);
	const problems = Object.fromEntries(report.notes.map((n) => [n.path, n.problems.map((p) => `${p.code}: ${p.message}`)]));
	expect(problems["dangling.md"]).toEqual(["unreadable-file: The note could not be read: it does not exist."]);
	expect(problems["huge.md"]).toEqual(["unreadable-file: The note is larger than 20 MB, more than any Omnivore export; it was skipped."]);
	expect(problems["locked.md"]).toEqual(["unwritable-file: The note could not be written: permission denied. It was left as it was."]);
	expect(readFileSync(join(vault, "good.md"), "utf8")).toContain("![](https://a.example/x.png)");
	expect(readFileSync(join(vault, "locked.md"), "utf8")).toBe(NOTE);
});

it("prints one line per unreadable file in the summary", async () => {
	symlinkSync(join(vault, "nowhere.md"), join(vault, "dangling.md"));
	const { text } = await tidy();
	expect(text).toContain("File could not be read [unreadable-file] (1)");
	expect(text).toContain("    dangling.md: The note could not be read: it does not exist.");
});

it("leaves notes linked from outside the vault unless --follow-links, and walks linked folders", async () => {
	const outside = mkdtempSync(join(tmpdir(), "omnivore-queue-outside-"));
	try {
		writeFileSync(join(outside, "real.md"), NOTE);
		mkdirSync(join(outside, "folder"));
		writeFileSync(join(outside, "folder", "inner.md"), NOTE);
		symlinkSync(join(outside, "real.md"), join(vault, "link.md"));
		symlinkSync(join(outside, "folder"), join(vault, "linked-folder"));
		symlinkSync(vault, join(vault, "loop"));
		writeFileSync(join(vault, "inside.md"), NOTE);
		symlinkSync(join(vault, "inside.md"), join(vault, "inside-link.md"));
		const { code, report } = await tidy();
		expect(code).toBe(1);
		const left = "unwritable-file: The note is a link to a file outside the vault (--follow-links edits such notes); it was left as it was.";
		const problems = Object.fromEntries(report.notes.map((n) => [n.path, n.problems.map((p) => `${p.code}: ${p.message}`)]));
		expect(problems["link.md"]).toEqual([left]);
		expect(problems["linked-folder/inner.md"]).toEqual([left]);
		expect(readFileSync(join(outside, "real.md"), "utf8")).toBe(NOTE);
		expect(readFileSync(join(outside, "folder", "inner.md"), "utf8")).toBe(NOTE);
		// A link to a note inside the vault is that note: tidied (once) where it lives.
		expect(readFileSync(join(vault, "inside.md"), "utf8")).toContain("![](https://a.example/x.png)");
		expect(report.written).toBe(1);

		let out = "";
		expect(await main(["tidy", vault, "--follow-links", "--json"], { out: (t) => (out += t), err: (t) => (out += t) })).toBe(0);
		expect((JSON.parse(out) as VaultReport).notes.filter((n) => n.written).map((n) => n.path).sort()).toEqual(["link.md", "linked-folder/inner.md"]);
		expect(fs.lstatSync(join(vault, "link.md")).isSymbolicLink()).toBe(true);
		expect(readFileSync(join(outside, "real.md"), "utf8")).toContain("![](https://a.example/x.png)");
		expect(readFileSync(join(outside, "folder", "inner.md"), "utf8")).toContain("![](https://a.example/x.png)");
	} finally {
		rmSync(outside, { recursive: true, force: true });
	}
});

const unixOnly = process.platform === "win32" ? it.skip : it;
unixOnly("never opens a pipe or a device named like a note (reading one may never end), and says so", async () => {
	writeFileSync(join(vault, "a.md"), NOTE);
	expect(spawnSync("mkfifo", [join(vault, "pipe.md")]).status).toBe(0);
	symlinkSync("/dev/zero", join(vault, "zero.md"));
	const { code, report, text } = await tidy();
	expect(code).toBe(1);
	const problems = Object.fromEntries(report.notes.map((n) => [n.path, n.problems.map((p) => p.message)]));
	const notOpened = "The note could not be read: it is not a file (a pipe, a socket or a device), so it was not opened.";
	expect(problems["pipe.md"]).toEqual([notOpened]);
	expect(problems["zero.md"]).toEqual([notOpened]);
	expect(report.written).toBe(1);
	expect(text).toContain(`    pipe.md: ${notOpened}`);
}, 20_000);

unixOnly("undo never waits on a pipe put where a note it tidied was", async () => {
	writeFileSync(join(vault, "a.md"), NOTE);
	expect((await tidy()).code).toBe(0);
	rmSync(join(vault, "a.md"));
	expect(spawnSync("mkfifo", [join(vault, "a.md")]).status).toBe(0);
	let out = "";
	expect(await main(["undo", vault], { out: (t) => (out += t), err: (t) => (out += t) })).toBe(1);
	expect(out).toContain("a.md: The note could not be read: it is not a file (a pipe, a socket or a device).");
}, 20_000);

it("undoes a run made with --follow-links only with --follow-links, and never half", async () => {
	const outside = mkdtempSync(join(tmpdir(), "omnivore-queue-outside-"));
	try {
		writeFileSync(join(outside, "real.md"), NOTE);
		symlinkSync(join(outside, "real.md"), join(vault, "link.md"));
		writeFileSync(join(vault, "inside.md"), NOTE);
		expect(await main(["tidy", vault, "--follow-links"], { out: () => undefined, err: () => undefined })).toBe(0);
		const tidied = readFileSync(join(vault, "inside.md"), "utf8");
		let err = "";
		expect(await main(["undo", vault], { out: () => undefined, err: (t) => (err += t) })).toBe(2);
		expect(err).toContain('the last run changed 1 note that is a link to a file outside the vault (link.md); "undo --follow-links" puts it back with the rest.');
		expect(readFileSync(join(vault, "inside.md"), "utf8")).toBe(tidied);
		expect(await main(["undo", vault, "--follow-links"], { out: () => undefined, err: () => undefined })).toBe(0);
		expect(readFileSync(join(outside, "real.md"), "utf8")).toBe(NOTE);
		expect(readFileSync(join(vault, "inside.md"), "utf8")).toBe(NOTE);
	} finally {
		rmSync(outside, { recursive: true, force: true });
	}
});

it("never writes or removes a file outside the vault for a journal a shared vault brought along", async () => {
	const outside = mkdtempSync(join(tmpdir(), "omnivore-queue-outside-"));
	try {
		const precious = join(outside, "precious.txt");
		writeFileSync(precious, "precious data\n");
		symlinkSync(precious, join(vault, "evil.md"));
		const folder = join(vault, ".omnivore-queue", "journal");
		mkdirSync(folder, { recursive: true });
		const hash = hashText("precious data\n");
		const lines = [
			{ batch: "001795755000000-0000", label: "omnivore-queue tidy", startedAt: 1795755000000 },
			{ path: "evil.md", before: "Overwritten.\n", afterHash: hash },
			{ path: `../${basename(outside)}/precious.txt`, before: "Overwritten.\n", afterHash: hash },
			{ path: `../${basename(outside)}/precious.txt`, created: true, afterHash: hash },
		];
		writeFileSync(join(folder, "001795755000000-0000.jsonl"), lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
		expect(await main(["undo", vault], { out: () => undefined, err: () => undefined })).toBe(2);
		expect(readFileSync(precious, "utf8")).toBe("precious data\n");
		// Without the link, the entries that climb out of the vault are no entries at all.
		rmSync(join(vault, "evil.md"));
		let out = "";
		await main(["undo", vault, "--follow-links"], { out: (t) => (out += t), err: (t) => (out += t) });
		expect(out).not.toContain("precious");
		expect(readFileSync(precious, "utf8")).toBe("precious data\n");
	} finally {
		rmSync(outside, { recursive: true, force: true });
	}
});

it("counts and writes a note reached by two names (a link to a note of the vault) once, by its own name", async () => {
	writeFileSync(join(vault, "b.md"), NOTE);
	symlinkSync(join(vault, "b.md"), join(vault, "a-link.md"));
	const { code, report } = await tidy();
	expect(code).toBe(0);
	expect(report).toMatchObject({ scanned: 1, omnivoreNotes: 1, written: 1 });
	expect(report.notes.map((n) => n.path)).toEqual(["b.md"]);
	expect(fs.lstatSync(join(vault, "a-link.md")).isSymbolicLink()).toBe(true);
});

it("removes, with --follow-links, what a killed run left beside a note linked from outside the vault", async () => {
	const outside = mkdtempSync(join(tmpdir(), "omnivore-queue-outside-"));
	try {
		writeFileSync(join(outside, "real.md"), NOTE);
		symlinkSync(join(outside, "real.md"), join(vault, "link.md"));
		const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
		const leftover = join(outside, `.real.md.${dead}-0.tmp`);
		writeFileSync(leftover, "half a note");
		await tidy();
		expect(fs.existsSync(leftover)).toBe(true);
		expect(await main(["tidy", vault, "--follow-links"], { out: () => undefined, err: () => undefined })).toBe(0);
		expect(fs.existsSync(leftover)).toBe(false);
	} finally {
		rmSync(outside, { recursive: true, force: true });
	}
});
