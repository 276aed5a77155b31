// Approval tests: every fixture note is tidied and compared with its approved output, committed beside it.
// After a deliberate change, regenerate with `UPDATE_APPROVED=1 npx jest tests/core/fixtures.test.ts` and review the diff.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { NoteTidier } from "../../src/core";

const NOTES = join(__dirname, "..", "fixtures", "notes");
const APPROVED = join(__dirname, "..", "fixtures", "approved");

function walk(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? walk(path) : path.endsWith(".md") ? [path] : [];
	});
}

const tidier = new NoteTidier();
const notes = walk(NOTES).map((path) => relative(NOTES, path)).sort();

describe("fixture notes", () => {
	it("are there", () => {
		expect(notes.length).toBeGreaterThanOrEqual(12);
	});

	it.each(notes)("%s matches its approved output", (path) => {
		const input = readFileSync(join(NOTES, path), "utf8");
		const result = tidier.tidy(input);
		const approvedPath = join(APPROVED, path);
		if (process.env.UPDATE_APPROVED) {
			mkdirSync(dirname(approvedPath), { recursive: true });
			writeFileSync(approvedPath, result.text);
		}
		expect(result.text).toBe(readFileSync(approvedPath, "utf8"));
	});

	it.each(notes)("%s changes nothing on a second run", (path) => {
		const once = tidier.tidy(readFileSync(join(NOTES, path), "utf8"));
		const twice = tidier.tidy(once.text);
		expect(twice.text).toBe(once.text);
		expect(twice.report.changes).toEqual([]);
	});
});
