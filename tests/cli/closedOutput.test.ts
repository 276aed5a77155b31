// Output that nobody reads any more: a run whose messages go to a pipe its reader left goes on and
// ends with its own code (found by a hostile trial: it stopped at its first message and exited 0,
// nothing tidied and its lock left behind).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PLUGIN_SETTINGS } from "../../src/cli/pluginSettings";
import { NoteTidier } from "../../src/core";
import { buildCli } from "./builtCli";

const FIXTURES = join(__dirname, "..", "fixtures", "notes", "vault");
const NOTE = join("Omnivore", "2024-07-30", "Byzantine Generals.md");
const { bundle, remove } = buildCli("closed-output");
afterAll(remove);

let vault: string;
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-closed-"));
	cpSync(FIXTURES, vault, { recursive: true });
	// The plugin's settings: the run says on stderr that it uses them, before it starts.
	mkdirSync(dirname(join(vault, PLUGIN_SETTINGS)), { recursive: true });
	writeFileSync(join(vault, PLUGIN_SETTINGS), "{}");
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

it("goes on and ends with its own code when the reader of its messages has gone", () => {
	const before = readFileSync(join(vault, NOTE), "utf8");
	const ran = spawnSync("bash", ["-c", 'set -o pipefail; node "$0" tidy "$1" 2>&1 >/dev/null | true', bundle, vault], { encoding: "utf8" });
	expect(ran.status).toBe(0);
	expect(readFileSync(join(vault, NOTE), "utf8")).toBe(new NoteTidier().tidy(before).text);
	expect(existsSync(join(vault, ".omnivore-queue", "lock"))).toBe(false);
});
