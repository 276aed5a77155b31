import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, renameSync: jest.fn(actual.renameSync) };
});
import * as fs from "node:fs";
import { renameRetrying, writeFileAtomic } from "../../src/cli/atomicWrite";

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

	it("retries a rename Windows refuses for a moment (EPERM, EBUSY), and gives up on other errors", () => {
		const from = join(dir, ".a.md.tmp");
		const to = join(dir, "a.md");
		writeFileSync(from, "new");
		const busy = (code: string) => () => {
			throw Object.assign(new Error(code), { code });
		};
		renameMock.mockImplementationOnce(busy("EPERM")).mockImplementationOnce(busy("EBUSY"));
		renameRetrying(from, to, true);
		expect(readFileSync(to, "utf8")).toBe("new");

		writeFileSync(from, "newer");
		renameMock.mockImplementationOnce(busy("ENOSPC"));
		expect(() => renameRetrying(from, to, true)).toThrow("ENOSPC");
		renameMock.mockImplementationOnce(busy("EBUSY"));
		expect(() => renameRetrying(from, to, false)).toThrow("EBUSY");
	});

	it("gives the new file the mode asked for, whatever the umask", () => {
		const file = join(dir, "a.md");
		writeFileSync(file, "old");
		const umask = process.umask(0o077);
		try {
			writeFileAtomic(file, "new", { mode: 0o664 });
		} finally {
			process.umask(umask);
		}
		expect(fs.statSync(file).mode & 0o777).toBe(0o664);
	});
});
