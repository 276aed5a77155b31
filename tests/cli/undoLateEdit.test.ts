// An edit that reaches a note's old file just as undo puts the note back, while someone else rewrites
// the note: it cannot be joined, so it is saved aside and reported, never dropped.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LATE = "\nA thought typed as undo ran.\n";
const REWRITTEN = "Rewritten by another app.\n";

jest.mock("../../src/cli/atomicWrite", () => {
	const actual = jest.requireActual<typeof import("../../src/cli/atomicWrite")>("../../src/cli/atomicWrite");
	return {
		...actual,
		writeFileAtomic: (path: string, text: string | Uint8Array, options: Parameters<typeof actual.writeFileAtomic>[2] = {}) => {
			const written = actual.writeFileAtomic(path, text, options);
			// Undo puts the proxied URL back; just after, another app rewrites the note.
			if (written && path.endsWith("late.md") && String(text).includes("proxy-prod")) writeFileSync(path, REWRITTEN);
			return written;
		},
	};
});
jest.mock("../../src/cli/lateEdits", () => {
	const actual = jest.requireActual<typeof import("../../src/cli/lateEdits")>("../../src/cli/lateEdits");
	const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
	class LateEditWatch extends actual.LateEditWatch {
		override hold(replaced: Parameters<InstanceType<typeof actual.LateEditWatch>["hold"]>[0]): void {
			// Undo's write: a writer that had the old file open appends to it just after the rename.
			if (replaced.path === "late.md" && replaced.written.includes("proxy-prod")) {
				const late = fs.openSync(`/proc/self/fd/${replaced.fd}`, "a");
				fs.writeSync(late, LATE);
				fs.closeSync(late);
			}
			super.hold(replaced);
		}
	}
	return { ...actual, LateEditWatch };
});
import { main } from "../../src/cli/main";

let vault: string;
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-undo-late-"));
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

const run = async (...args: string[]) => {
	let out = "";
	const code = await main(args, { out: (t) => (out += t), err: (t) => (out += t) });
	return { code, out };
};

(process.platform === "linux" ? it : it.skip)("reports a late edit it saved aside, and keeps it", async () => {
	const note = "---\ntitle: Late\n---\n#Omnivore\n\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";
	writeFileSync(join(vault, "late.md"), note);
	expect((await run("tidy", vault)).code).toBe(0);
	const undo = await run("undo", vault);
	expect(undo.code).toBe(1);
	expect(undo.out).toMatch(/Edits saved aside \(1\):\n {2}late\.md: An edit reached the note's old file just as it was replaced, .* saved in \.omnivore-queue\/late-edits\/late\.md\./);
	const savedAs = /saved in (\S+) \(copy/.exec(undo.out)?.[1] ?? "";
	expect(existsSync(join(vault, savedAs))).toBe(true);
	expect(readFileSync(join(vault, savedAs), "utf8")).toContain(LATE);
	expect(readFileSync(join(vault, "late.md"), "utf8")).toBe(REWRITTEN);
});
