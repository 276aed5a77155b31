import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs/promises", () => {
	const actual = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
	return { ...actual, rename: jest.fn(actual.rename) };
});
import * as fsPromises from "node:fs/promises";
import { writeFileAtomic } from "../../src/cli/atomicWrite";

const renameMock = fsPromises.rename as jest.MockedFunction<typeof fsPromises.rename>;

describe("writeFileAtomic", () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), "atomic-"));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it("replaces the file's text", async () => {
		const file = join(dir, "a.md");
		writeFileSync(file, "old");
		await writeFileAtomic(file, "new");
		expect(readFileSync(file, "utf8")).toBe("new");
		expect(readdirSync(dir)).toEqual(["a.md"]);
	});

	it("leaves the old text and no temporary file when the final step fails", async () => {
		const file = join(dir, "a.md");
		writeFileSync(file, "old");
		renameMock.mockRejectedValueOnce(Object.assign(new Error("disk full"), { code: "ENOSPC" }));
		await expect(writeFileAtomic(file, "new")).rejects.toThrow("disk full");
		expect(readFileSync(file, "utf8")).toBe("old");
		expect(readdirSync(dir)).toEqual(["a.md"]);
	});
});
