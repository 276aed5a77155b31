import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, renameSync: jest.fn(actual.renameSync), fchownSync: jest.fn(actual.fchownSync) };
});
import * as fs from "node:fs";
import { fittedName, OwnerNotKeptError, renameRetrying, TEMPORARY_NAME, temporaryPath, writeFileAtomic } from "../../src/cli/atomicWrite";

const renameMock = fs.renameSync as jest.MockedFunction<typeof fs.renameSync>;
const chownMock = fs.fchownSync as jest.MockedFunction<typeof fs.fchownSync>;

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

	it("says the owner could not be kept only when giving it failed, not for any refusal (an immutable note)", () => {
		const file = join(dir, "a.md");
		writeFileSync(file, "old");
		const owner = { uid: fs.statSync(file).uid, gid: fs.statSync(file).gid };
		const refused = () => {
			throw Object.assign(new Error("EPERM: operation not permitted"), { code: "EPERM" });
		};
		chownMock.mockImplementationOnce(refused);
		expect(() => writeFileAtomic(file, "new", { owner })).toThrow(OwnerNotKeptError);
		renameMock.mockImplementationOnce(refused);
		let error: unknown;
		try {
			writeFileAtomic(file, "new", { owner });
		} catch (thrown) {
			error = thrown;
		}
		expect(error).not.toBeInstanceOf(OwnerNotKeptError);
		expect((error as NodeJS.ErrnoException).code).toBe("EPERM");
		expect(readFileSync(file, "utf8")).toBe("old");
		expect(readdirSync(dir)).toEqual(["a.md"]);
	});

	it("writes a note whose name is as long as the file system allows, its temporary file's name cut to fit", () => {
		// 83 three-byte characters and ".md": 252 bytes.
		const name = `${"长".repeat(83)}.md`;
		const file = join(dir, name);
		writeFileSync(file, "old");
		expect(writeFileAtomic(file, "new")).toBe(true);
		expect(readFileSync(file, "utf8")).toBe("new");
		expect(readdirSync(dir)).toEqual([name]);
		const temporary = basename(temporaryPath(file));
		expect(Buffer.byteLength(temporary)).toBeLessThanOrEqual(255);
		expect(temporary).toMatch(TEMPORARY_NAME);
		expect(fittedName(name, ".suffix")).toBe(`${"长".repeat(81)}.md.suffix`);
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

	it("keeps the mode of the file it replaces, not of a link's target", () => {
		const kept = join(dir, "checked.json");
		writeFileSync(kept, "{}", { mode: 0o600 });
		fs.chmodSync(kept, 0o600);
		writeFileAtomic(kept, "{}");
		expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
		// A state file replaced by a link to a device anyone may write: the new file is not world-writable.
		const linked = join(dir, "queue.json");
		fs.symlinkSync("/dev/zero", linked);
		const umask = process.umask(0o022);
		try {
			writeFileAtomic(linked, "{}");
		} finally {
			process.umask(umask);
		}
		expect(fs.lstatSync(linked).isFile()).toBe(true);
		expect(fs.statSync(linked).mode & 0o777).toBe(0o644);
	});
});
