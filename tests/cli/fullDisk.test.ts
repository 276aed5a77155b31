// A disk that fills up while a new file is written leaves no partial temporary file in the vault.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, writeFileSync: jest.fn(actual.writeFileSync) };
});
import * as fs from "node:fs";
import { createExclusive } from "../../src/cli/importVault";

const writeMock = fs.writeFileSync as jest.MockedFunction<typeof fs.writeFileSync>;
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
