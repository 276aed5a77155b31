// Lint: the Obsidian plugin rules (recommended) with type information; Node-only code may use Node modules.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
	globalIgnores(["main.js", "dist/", "node_modules/", "coverage/", "demo-vault/", "tests/fixtures/", "bench/results.json"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "version-bump.mjs", "jest.config.cjs", "bin/*.js", "tests/globalSetup.cjs", "scripts/*.mjs"],
				},
			},
		},
	},
	{
		// TypeScript itself reports undefined names, with the types' knowledge of globals.
		files: ["**/*.ts"],
		rules: { "no-undef": "off" },
	},
	{
		// The CLI, build scripts and tests run in Node, never inside Obsidian.
		files: ["src/cli/**", "scripts/**", "tests/**", "bin/**", "*.mjs", "*.cjs"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
		},
	},
	{
		// The bin shim is CommonJS so it runs without a build step.
		files: ["bin/*.js"],
		rules: { "@typescript-eslint/no-require-imports": "off" },
	},
]);
