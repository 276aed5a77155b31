import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, renameSync: jest.fn(actual.renameSync) };
});
import * as fs from "node:fs";
import { writeFileAtomic } from "../../src/cli/atomicWrite";

const renameMock = fs.renameSync as jest.MockedFunction<typeof fs.renameSync>;

describe("writeFileAtomic", () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), "atomic-"));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it("replaces the file's text", () => {
		const file = join(dir, "a.md");
		writeFileSync(file, "old");
		writeFileAtomic(file, "new");
		expect(readFileSync(file, "utf8")).toBe("new");
		expect(readdirSync(dir)).toEqual(["a.md"]);
	});

	it("leaves the old text and no temporary file when the final step fails", () => {
		const file = join(dir, "a.md");
		writeFileSync(file, "old");
		renameMock.mockImplementationOnce(() => {
			throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
		});
		expect(() => writeFileAtomic(file, "new")).toThrow("disk full");
		expect(readFileSync(file, "utf8")).toBe("old");
		expect(readdirSync(dir)).toEqual(["a.md"]);
	});
});
