// A disk that fills up while a new file is written leaves no partial temporary file in the vault.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, writeFileSync: jest.fn(actual.writeFileSync), openSync: jest.fn(actual.openSync) };
});
import * as fs from "node:fs";
import { createExclusive } from "../../src/cli/importVault";
import { main } from "../../src/cli/main";

const writeMock = fs.writeFileSync as jest.MockedFunction<typeof fs.writeFileSync>;
const openMock = fs.openSync as jest.MockedFunction<typeof fs.openSync>;
const actual = jest.requireActual<typeof import("node:fs")>("node:fs");

let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "omnivore-queue-full-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

it("removes the temporary file of a note the disk could only take part of, and says why", () => {
	writeMock.mockImplementationOnce((path) => {
		actual.writeFileSync(path, "---\ntitle: Half");
		throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
	});
	expect(() => createExclusive(join(work, "Omnivore", "Article.md"), "---\ntitle: Article\n---\nText.\n")).toThrow("ENOSPC");
	expect(readdirSync(join(work, "Omnivore"))).toEqual([]);
});

it("creates the note whole when the disk takes it", () => {
	createExclusive(join(work, "Omnivore", "Article.md"), "Text.\n");
	expect(readdirSync(join(work, "Omnivore"))).toEqual(["Article.md"]);
});

it("says in one line that undo stopped because its journal could not be written, and takes the same run again", async () => {
	const vault = join(work, "vault");
	mkdirSync(join(vault, "Omnivore"), { recursive: true });
	const note = join(vault, "Omnivore", "Article.md");
	const text = "---\nid: 0d8d5f3e-5c5a-4b7e-9a39-6f7f2d1b9c11\ntags: [Omnivore]\ndate_saved: 2024-03-15\n---\n# Article\n\n[Read Original](https://example.com/a)\n";
	writeFileSync(note, text);
	const out: string[] = [];
	const err: string[] = [];
	const output = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
	expect(await main(["tidy", vault], output)).toBe(0);
	const tidied = readFileSync(note, "utf8");
	expect(tidied).not.toBe(text);
	// A second note undo must leave (read-only), so the journal is rewritten to keep its entry; and
	// the disk is full: no new file can be made in the journal's folder.
	const other = join(vault, "Omnivore", "Other.md");
	writeFileSync(other, text.replace("a)", "b)").replace("0d8d", "1d8d"));
	expect(await main(["tidy", vault, "--force"], output)).toBe(0);
	chmodSync(other, 0o444);
	openMock.mockImplementation((path, ...rest) => {
		if (String(path).includes(".omnivore-queue/journal/") && rest[0] === "wx") throw Object.assign(new Error("ENOSPC: no space left on device, open"), { code: "ENOSPC" });
		return actual.openSync(path, ...rest);
	});
	err.length = 0;
	try {
		expect(await main(["undo", vault], output)).toBe(1);
	} finally {
		openMock.mockImplementation(actual.openSync);
	}
	expect(err.join("")).toBe("omnivore-queue: stopped: the journal for undo could not be written (the disk is full); make room and run it again.\n");
	// With room again and the note writable, the same run is undone whole.
	chmodSync(other, 0o644);
	expect(await main(["undo", vault], output)).toBe(0);
	expect(readFileSync(other, "utf8")).toBe(text.replace("a)", "b)").replace("0d8d", "1d8d"));
});
