// Mutation testing of the engine (`npm run mutation`): Stryker changes src/core one small edit at a time
// and checks that some test in tests/core fails. A mutant that survives is a behaviour no test pins down.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
	testRunner: "jest",
	jest: {
		projectType: "custom",
		configFile: "jest.config.cjs",
		// The engine's own tests only: the plugin, CLI, browser and fuzz suites are slow and test the glue.
		config: { roots: ["<rootDir>/tests/core"] },
		enableFindRelatedTests: false,
	},
	mutate: ["src/core/**/*.ts", "!src/core/index.ts"],
	// Each mutant runs only the tests that reach its code.
	coverageAnalysis: "perTest",
	// A rerun tests only the mutants whose code or tests changed since the last run.
	incremental: true,
	incrementalFile: "reports/mutation/stryker-incremental.json",
	// Two cores are common on contributors' and CI machines; override with --concurrency.
	concurrency: 2,
	timeoutMS: 10000,
	reporters: ["clear-text", "progress", "html"],
	htmlReporter: { fileName: "reports/mutation/index.html" },
	clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
	tempDirName: ".stryker-tmp",
	cleanTempDir: "always",
	ignorePatterns: ["main.js", "dist", "coverage", "bench/dist", "bench/results.json", "reports", "tests/screenshots", "demo-vault", ".stryker-tmp-*"],
};
