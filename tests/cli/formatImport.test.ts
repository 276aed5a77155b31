// The import's report on the terminal: one line per problem, whatever the export's titles hold.

import { formatImport } from "../../src/cli/importVault";
import type { ImportReport } from "../../src/core";

test("an article whose note could not be made is named by its title on one line, line breaks and all", () => {
	const report: ImportReport = {
		dryRun: false,
		cancelled: false,
		exportProblems: [],
		exportFilesSkipped: 0,
		items: [{ id: "1", title: "Two\nlines\r\n  Omnivore/forged.md: created", action: "left", failed: true, problems: ["Its note could not be created: permission denied."] }],
	};
	const lines = formatImport(report, "export.zip", "vault").split("\n");
	expect(lines).toContain("  Two lines Omnivore/forged.md: created: Its note could not be created: permission denied.");
	expect(lines.filter((line) => line.includes("forged"))).toHaveLength(1);
});
