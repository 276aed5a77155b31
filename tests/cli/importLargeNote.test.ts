// An article whose Markdown is larger than any note the CLI reads back (its escapes can make it larger
// than its HTML) gets a note without it: a note too large to read could not be found again, and each
// import would make another copy.

import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { MAX_NOTE_BYTES } from "../../src/cli/fileNoteStore";

let work: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), "omnivore-queue-import-large-"));
});
afterEach(() => {
	rmSync(work, { recursive: true, force: true });
});

async function run(...args: string[]) {
	let out = "";
	const code = await main(args, { out: (t) => (out += t), err: () => undefined });
	return { code, out };
}

test("an article whose Markdown would pass the size of notes read back gets a note without it, and a second import makes no copy", async () => {
	// Each relative link is written whole against the article's long address: 130 KB of HTML, 22 MB of Markdown.
	const url = `https://example.com/${"a".repeat(2000)}/`;
	const item = { id: "5b0e4c52-0000-4000-8000-000000000001", slug: "stars-18b8c2d4e10", title: "Stars", url, state: "Active", savedAt: "2024-02-27T01:30:06.000Z", labels: [] };
	const html = `<p>${'<a href="b">c</a> '.repeat(11_000)}</p>`;
	const zip = join(work, "export.zip");
	writeFileSync(zip, zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([item])), "content/stars-18b8c2d4e10.html": strToU8(html) }));
	const vault = join(work, "vault");
	const first = await run("import", zip, vault);
	expect(first.code).toBe(0);
	expect(first.out).toMatch(/Omnivore\/Stars\.md: Its content is larger than 20 MB as Markdown; its note was made without it\./);
	expect(statSync(join(vault, "Omnivore", "Stars.md")).size).toBeLessThan(MAX_NOTE_BYTES);
	const second = await run("import", zip, vault);
	expect(second.out).toMatch(/0 notes created/);
	expect(readdirSync(join(vault, "Omnivore"))).toEqual(["Stars.md"]);
}, 60_000);
