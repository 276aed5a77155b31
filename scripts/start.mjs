// `npm start`: runs the built CLI in dry-run mode over a fresh temporary copy of demo-vault/ and
// prints what it would change, so a new user sees the plugin's job without touching any file.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// fileURLToPath, not URL.pathname: on Windows the latter gives "/C:/..." and percent-escapes.
const root = fileURLToPath(new URL("..", import.meta.url));

// The built plugin goes into the demo vault, so opening demo-vault/ in Obsidian shows it working.
const pluginFolder = join(root, "demo-vault", ".obsidian", "plugins", "omnivore-queue");
mkdirSync(pluginFolder, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) copyFileSync(join(root, file), join(pluginFolder, file));

const copy = mkdtempSync(join(tmpdir(), "omnivore-queue-demo-"));
const vault = join(copy, "demo-vault");
cpSync(join(root, "demo-vault"), vault, { recursive: true });

const cli = join(root, "bin", "omnivore-queue.js");
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
const say = (text) => process.stdout.write(text);

say(`Omnivore Queue demo: a dry run over a copy of demo-vault/ (${vault}).\n\n`);
const tidy = run("tidy", vault, "--dry-run", "--diff");
process.stderr.write(tidy.stderr);
// The summary, then one diff: all of them would scroll the summary out of sight.
const [summary, ...diffs] = tidy.stdout.split(/\n(?====================================================================\n)/);
say(`${summary.trimEnd()}\n`);
if (diffs.length > 0) {
	say(`\nWhat it would change in one of the ${diffs.length} notes:\n\n${diffs[0].trimEnd()}\n`);
	say(`\nTo see every diff: node bin/omnivore-queue.js tidy demo-vault --dry-run --diff | less\n`);
}
say("\nThe reading queue of the same notes (`omnivore-queue queue`):\n\n");
const queue = run("queue", vault);
say(queue.stdout);
process.stderr.write(queue.stderr);
rmSync(copy, { recursive: true, force: true });
say(
	"\nNothing in demo-vault/ was changed. To tidy a real vault, back it up first, then run\n" +
		"`node bin/omnivore-queue.js tidy <your vault>` (or `omnivore-queue tidy <your vault>` after `npm link`).\n" +
		"The plugin is installed in demo-vault/: open that folder as a vault in Obsidian, trust its plugins, and run\n" +
		'"Omnivore Queue: Tidy all Omnivore notes…" from the command palette.\n',
);
process.exit(tidy.status || queue.status || 0);
