// Builds the plugin bundle (main.js, for Obsidian) and the CLI bundle (dist/cli.js, for Node).
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";
import { itemWorkerSource } from "./scripts/itemWorkerSource.mjs";
import { YAML_BROWSER_BUILD } from "./scripts/yamlBuild.mjs";

const production = process.argv[2] === "production";
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

const banner = `/* Omnivore Queue ${version}. Bundled file: the sources are in src/. */`;

const plugin = {
	banner: { js: banner },
	entryPoints: ["src/plugin/main.ts"],
	bundle: true,
	external: [
		"obsidian",
		"electron",
		"@codemirror/*",
		"@lezer/*",
		...builtinModules,
		...builtinModules.map((m) => `node:${m}`),
	],
	format: "cjs",
	target: "es2018",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	outfile: "main.js",
	plugins: [itemWorkerSource({ minify: production })],
};

const cli = {
	banner: { js: `#!/usr/bin/env node\n${banner}` },
	entryPoints: ["src/cli/index.ts"],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	logLevel: "info",
	define: { OMNIVORE_QUEUE_VERSION: JSON.stringify(version) },
	// The plugin's build of yaml (scripts/yamlBuild.mjs says why).
	alias: { yaml: YAML_BROWSER_BUILD },
	outfile: "dist/cli.js",
};

if (production) {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
} else {
	const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
	await Promise.all(contexts.map((context) => context.watch()));
}
