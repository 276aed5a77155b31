// `npm start`: runs the built CLI in dry-run mode over a fresh temporary copy of demo-vault/ and
// prints what it would change, so a new user sees the plugin's job without touching any file.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const copy = mkdtempSync(join(tmpdir(), "omnivore-queue-demo-"));
const vault = join(copy, "demo-vault");
cpSync(join(root, "demo-vault"), vault, { recursive: true });

process.stdout.write(`Omnivore Queue demo: a dry run over a copy of demo-vault/ (${vault}).\n\n`);
const cli = join(root, "bin", "omnivore-queue.js");
const result = spawnSync(process.execPath, [cli, "tidy", vault, "--dry-run", "--diff"], { stdio: "inherit" });
rmSync(copy, { recursive: true, force: true });
process.stdout.write("\nNothing in demo-vault/ was changed. Run `npx omnivore-queue tidy <your vault>` to tidy a real vault (back it up first).\n");
process.exit(result.status ?? 1);
