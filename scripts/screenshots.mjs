// `npm run screenshots`: bundles tests/browser/screenshots.ts for Node and runs it (see there).
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "omnivore-queue-screenshots-"));
const outfile = join(dir, "screenshots.cjs");
buildSync({
	entryPoints: ["tests/browser/screenshots.ts"],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	outfile,
	external: ["playwright-core", "esbuild"],
	logLevel: "warning",
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, NODE_PATH: join(process.cwd(), "node_modules") } });
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
