// `npm start`: runs the built CLI in dry-run mode over a fresh temporary copy of demo-vault/ and
// prints what it would change, so a new user sees the plugin's job without touching any file.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

// The built plugin goes into the demo vault, so opening demo-vault/ in Obsidian shows it working.
const pluginFolder = join(root, "demo-vault", ".obsidian", "plugins", "omnivore-queue");
mkdirSync(pluginFolder, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) copyFileSync(join(root, file), join(pluginFolder, file));

const copy = mkdtempSync(join(tmpdir(), "omnivore-queue-demo-"));
const vault = join(copy, "demo-vault");
cpSync(join(root, "demo-vault"), vault, { recursive: true });

process.stdout.write(`Omnivore Queue demo: a dry run over a copy of demo-vault/ (${vault}).\n\n`);
const cli = join(root, "bin", "omnivore-queue.js");
const result = spawnSync(process.execPath, [cli, "tidy", vault, "--dry-run", "--diff"], { stdio: "inherit" });
process.stdout.write("\nThe reading queue of the same notes (`omnivore-queue queue`):\n\n");
const queue = spawnSync(process.execPath, [cli, "queue", vault], { stdio: "inherit" });
rmSync(copy, { recursive: true, force: true });
process.stdout.write(
	"\nNothing in demo-vault/ was changed. Run `npx omnivore-queue tidy <your vault>` to tidy a real vault (back it up first).\n" +
		"The plugin is installed in demo-vault/: open that folder as a vault in Obsidian, trust its plugins, and run\n" +
		'"Omnivore Queue: Tidy all Omnivore notes…" from the command palette.\n',
);
process.exit(result.status || queue.status || 0);
