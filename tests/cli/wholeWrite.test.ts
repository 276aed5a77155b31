// Output into a file is written to its last byte: a disk that fills up partway is an error, not a cut report.
import { mkdtempSync, readFileSync, rmSync, writeSync, openSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isFile, writeWhole } from "../../src/cli/wholeWrite";

let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "omnivore-queue-whole-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

it("writes again after each short write until every byte is out, multi-byte characters included", () => {
	const path = join(work, "report.json");
	const fd = openSync(path, "w");
	const text = JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ title: `これは記事 ${i} — “quoted”` })) });
	// A disk that takes at most seven bytes a call.
	const short = ((target: number, buffer: Buffer, offset: number, length: number) => writeSync(target, buffer, offset, Math.min(7, length))) as typeof writeSync;
	writeWhole(fd, text, short);
	closeSync(fd);
	expect(readFileSync(path, "utf8")).toBe(text);
	expect(isFile(fd)).toBe(false);
});

it("throws the error that stops a write partway (a full disk), rather than end as if it were whole", () => {
	let calls = 0;
	const filling = ((_fd: number, _buffer: Buffer, _offset: number, length: number) => {
		if (calls++ === 0) return Math.floor(length / 2);
		throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
	}) as typeof writeSync;
	expect(() => writeWhole(1, "x".repeat(100), filling)).toThrow("ENOSPC");
	expect(calls).toBe(2);
});

it("tells a regular file from what is not one", () => {
	const fd = openSync(join(work, "out.txt"), "w");
	expect(isFile(fd)).toBe(true);
	closeSync(fd);
});
