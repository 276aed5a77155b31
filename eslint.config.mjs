// Lint: the Obsidian plugin rules (recommended) with type information; Node-only code may use Node modules.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
	globalIgnores(["main.js", "dist/", "node_modules/", "coverage/", "demo-vault/", "tests/fixtures/", "bench/results.json", "bench/dist/", "reports/", ".stryker-tmp*/"]),
	...obsidianmd.configs.recommended,
	{
		// Type information for TypeScript; the few JavaScript files (configs, scripts) are linted without it.
		files: ["**/*.ts"],
		languageOptions: { parserOptions: { projectService: true } },
	},
	{
		rules: {
			// "Omnivore" is a product name, like the brands the rule already knows.
			"obsidianmd/ui/sentence-case": ["warn", { enforceCamelCaseLower: true, ignoreWords: ["Omnivore", "Bases"], ignoreRegex: ["^https?://"] }],
			// The declarative settings API arrived in Obsidian 1.13; this plugin supports 1.7.2 and later.
			"obsidianmd/settings-tab/prefer-setting-definitions": "off",
		},
	},
	{
		// TypeScript itself reports undefined names, with the types' knowledge of globals.
		files: ["**/*.ts"],
		rules: { "no-undef": "off" },
	},
	{
		// The CLI, build scripts and tests run in Node, never inside Obsidian.
		files: ["src/cli/**", "scripts/**", "tests/**", "bench/**", "bin/**", "*.mjs", "*.cjs"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
		},
	},
	{
		// The CLI runs in Node, never in a popout window, and downloads images with Node's fetch (the plugin uses requestUrl).
		files: ["src/cli/**"],
		rules: { "obsidianmd/prefer-window-timers": "off", "no-restricted-globals": "off" },
	},
	{
		// The demo vault ships with its configuration folder named `.obsidian`; outside Obsidian the CLI
		// has no `Vault#configDir`, and looks for the plugin's settings in the folder's default name.
		files: ["scripts/**", "src/cli/pluginSettings.ts"],
		rules: { "obsidianmd/hardcoded-config-path": "off" },
	},
	{
		// Tests and the benchmark run in Node or jsdom, where there are no popout windows.
		files: ["tests/**", "bench/**"],
		rules: { "obsidianmd/prefer-window-timers": "off", "obsidianmd/no-global-this": "off" },
	},
	{
		// The fake of Obsidian implements Obsidian's own API: the rules for plugins do not apply to it.
		files: ["tests/__mocks__/**"],
		rules: {
			"obsidianmd/no-static-styles-assignment": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/prefer-file-manager-trash-file": "off",
			"obsidianmd/prefer-create-el": "off",
			"@typescript-eslint/no-explicit-any": "off",
			"@typescript-eslint/no-unsafe-assignment": "off",
			"@typescript-eslint/no-unsafe-member-access": "off",
			"@typescript-eslint/no-unsafe-argument": "off",
			"@typescript-eslint/no-unsafe-call": "off",
			"@typescript-eslint/no-unsafe-return": "off",
		},
	},
	{
		// The bin shim and the benchmark's helpers are CommonJS so they run without a build step.
		files: ["bin/*.js", "bench/*.cjs"],
		rules: { "@typescript-eslint/no-require-imports": "off" },
	},
]);
