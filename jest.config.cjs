/** Jest runs the TypeScript tests through ts-jest; TZ is fixed so date tests do not depend on the machine. */
module.exports = {
	testEnvironment: "node",
	roots: ["<rootDir>/tests"],
	testMatch: ["**/*.test.ts"],
	globalSetup: "<rootDir>/tests/globalSetup.cjs",
	setupFiles: ["<rootDir>/tests/seedPropertyTests.ts"],
	moduleNameMapper: {
		"^obsidian$": "<rootDir>/tests/__mocks__/obsidian.ts",
		"^omnivore-queue-item-worker$": "<rootDir>/tests/__mocks__/itemWorkerSource.ts",
	},
	transform: {
		"^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true }, diagnostics: false }],
	},
};
