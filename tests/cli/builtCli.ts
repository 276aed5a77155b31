// Builds the CLI bundle once per test file, to run it as a real process.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";

const ROOT = join(__dirname, "..", "..");

export function buildCli(name: string): { bundle: string; remove: () => void } {
	const bundle = join(tmpdir(), `omnivore-queue-${name}-${process.pid}.js`);
	buildSync({
		entryPoints: [join(ROOT, "src", "cli", "index.ts")],
		bundle: true,
		platform: "node",
		format: "cjs",
		outfile: bundle,
		logLevel: "silent",
		define: { OMNIVORE_QUEUE_VERSION: '"test"' },
		// As esbuild.config.mjs bundles it (scripts/yamlBuild.mjs).
		alias: { yaml: join(ROOT, "node_modules", "yaml", "browser", "index.js") },
	});
	return { bundle, remove: () => rmSync(bundle, { force: true }) };
}

export interface Ran {
	status: number | null;
	stdout: string;
	stderr: string;
}

export function runCli(bundle: string, args: string[], options: SpawnSyncOptions = {}): Ran {
	const result = spawnSync(process.execPath, [bundle, ...args], { encoding: "utf8", ...options });
	return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
