// `npm run bench`: builds the CLI and the benchmark, then runs it (with --expose-gc for heap figures).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import esbuild from "esbuild";
import { itemWorkerSource } from "./itemWorkerSource.mjs";
import { YAML_BROWSER_BUILD } from "./yamlBuild.mjs";

const root = new URL("..", import.meta.url).pathname;
await esbuild.build({
	entryPoints: [join(root, "bench", "measure.ts")],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	outfile: join(root, "bench", "dist", "measure.js"),
	alias: { obsidian: join(root, "tests", "__mocks__", "obsidian.ts"), yaml: YAML_BROWSER_BUILD },
	logLevel: "warning",
	plugins: [itemWorkerSource()],
});
const result = spawnSync(process.execPath, ["--expose-gc", join(root, "bench", "dist", "measure.js")], {
	stdio: "inherit",
	env: { ...process.env, OMNIVORE_QUEUE_ROOT: root },
});
process.exit(result.status ?? 1);
