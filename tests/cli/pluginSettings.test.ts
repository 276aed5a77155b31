// The CLI tidies a vault with the settings of the plugin installed in it, so the two never undo each
// other's work: a vault whose metadata schema names the original's address `url` keeps it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "../../src/cli/main";
import { PLUGIN_SETTINGS } from "../../src/cli/pluginSettings";

let vault: string;
const NOTE = "Omnivore/Example article.md";
// As a vault with a Metadata Menu class for its Omnivore notes has them (zubayrali/vault-template).
const TEXT = "---\nid: a76bbe2e-71ea-45db-b1bf-e8fd56f2e7a7\nfileClass: omnivore\ntitle: Example article\nurl: https://example.com/post\nomnivore_url: https://omnivore.app/me/example-article-187a67754b7\nstatus: read\n---\n\n# Example article\n";

beforeEach(() => {
	vault = join(mkdtempSync(join(tmpdir(), "omnivore-queue-settings-")), "vault");
	mkdirSync(join(vault, "Omnivore"), { recursive: true });
	writeFileSync(join(vault, NOTE), TEXT);
});
afterEach(() => rmSync(join(vault, ".."), { recursive: true, force: true }));

function saveSettings(text: string): void {
	mkdirSync(dirname(join(vault, PLUGIN_SETTINGS)), { recursive: true });
	writeFileSync(join(vault, PLUGIN_SETTINGS), text);
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = "";
	let err = "";
	const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
	return { code, out, err };
}

it("renames to the default names without the plugin's settings", async () => {
	expect((await run("tidy", vault)).code).toBe(0);
	expect(readFileSync(join(vault, NOTE), "utf8")).toContain("original_url: https://example.com/post\n");
});

it("keeps the property names the plugin was given, and says whose settings it used", async () => {
	saveSettings(JSON.stringify({ keys: { originalUrl: "url", siteName: "site" }, tagName: "Omnivore" }));
	const tidied = await run("tidy", vault);
	expect(tidied.code).toBe(0);
	expect(tidied.err).toBe(`omnivore-queue: with the settings of the Omnivore Queue plugin in this vault (${PLUGIN_SETTINGS}).\n`);
	const text = readFileSync(join(vault, NOTE), "utf8");
	expect(text).toContain("url: https://example.com/post\n");
	expect(text).not.toContain("original_url");
	expect(text).toContain("site: example.com\n");
	// The queue reads them under the same names, from a folder of the vault too.
	const listed = JSON.parse((await run("queue", join(vault, "Omnivore"), "--json")).out) as { items: Array<{ url: string; site: string }> };
	expect(listed.items).toMatchObject([{ url: "https://example.com/post", site: "example.com" }]);
});

it("takes a flag over the plugin's setting, and hosts given beside the plugin's", async () => {
	saveSettings(JSON.stringify({ tagName: "Reading", omnivoreHosts: ["omnivore.example.org"] }));
	writeFileSync(join(vault, "Mine.md"), "# Mine\n\n[Read on Omnivore](https://omnivore.example.org/me/mine-187a67754b7)\n");
	writeFileSync(join(vault, "Other.md"), "# Other\n\n[Read on Omnivore](https://read.example.net/me/other-187a67754b7)\n");
	const report = JSON.parse((await run("tidy", vault, "--dry-run", "--json", "--omnivore-host", "read.example.net")).out) as { omnivoreNotes: number };
	expect(report.omnivoreNotes).toBe(3);
	const tagged = JSON.parse((await run("tidy", vault, "--dry-run", "--json", "--match", "tag", "--omnivore-tag", "Omnivore")).out) as { omnivoreNotes: number };
	expect(tagged.omnivoreNotes).toBe(0);
});

it("refuses a settings file it cannot read in one line, and writes nothing", async () => {
	saveSettings("{ keys: ");
	const refused = await run("tidy", vault);
	expect(refused.code).toBe(2);
	expect(refused.err.startsWith(`omnivore-queue: The settings of the Omnivore Queue plugin (${PLUGIN_SETTINGS}) are not valid JSON. `)).toBe(true);
	expect(refused.err.split("\n")).toHaveLength(2);
	expect(readFileSync(join(vault, NOTE), "utf8")).toBe(TEXT);
});

it("says which saved value it could not use, and takes its default", async () => {
	saveSettings(JSON.stringify({ dateTimeFormat: "[", keys: { originalUrl: "url", title: 42 } }));
	const tidied = await run("tidy", vault);
	expect(tidied.code).toBe(0);
	expect(tidied.err).toContain(`omnivore-queue: in ${PLUGIN_SETTINGS}: the saved date format "[" cannot be used; the default YYYY-MM-DDTHH:mm:ss applies.\n`);
	const text = readFileSync(join(vault, NOTE), "utf8");
	expect(text).toContain("url: https://example.com/post\n");
	expect(text).not.toContain("original_url");
	// Written in the default format, in this machine's time zone.
	expect(text).toMatch(/\ndate_saved: 2023-04-2[12]T\d\d:\d7:31\n/);
});

// Found by a hostile trial: a tag of 100,000 letters failed every note and the run exited 0; a title
// written into `tags` was split into tags by the next run.
it.each([
	["a tag that is no tag name", { tagName: "a".repeat(100_000) }, "the saved tag is not one tag name (such as Omnivore); the default #Omnivore applies."],
	["two properties of one name", { keys: { title: "tags" } }, "two of the saved property names are the same name; the defaults apply."],
	["two properties of one name in other cases", { keys: { author: "Title" } }, "two of the saved property names are the same name; the defaults apply."],
	["two statuses of one word", { statusValues: { unread: "x", read: "x" } }, "two of the saved status values are the same name; the defaults apply."],
])("takes the defaults for %s, says so, and a second run changes nothing", async (_name, saved, warning) => {
	saveSettings(JSON.stringify(saved));
	const tidied = await run("tidy", vault);
	expect(tidied.code).toBe(0);
	expect(tidied.err).toContain(`omnivore-queue: in ${PLUGIN_SETTINGS}: ${warning}\n`);
	const text = readFileSync(join(vault, NOTE), "utf8");
	expect(text).toContain("title: Example article\n");
	expect(JSON.parse((await run("tidy", vault, "--force", "--json")).out)).toMatchObject({ written: 0 });
});
