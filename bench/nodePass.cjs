// The baselines the CLI is measured against, walking the vault the same way the CLI does:
// "read" reads every note; "copy" reads it, writes it to a temporary file beside it and renames that
// over the note (what any safe rewrite of a note costs at least).
const fs = require("node:fs");
const path = require("node:path");

const [mode, vault] = process.argv.slice(2);
function walk(folder) {
	for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
		if (entry.name.startsWith(".")) continue;
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) walk(full);
		else if (entry.name.toLowerCase().endsWith(".md")) {
			const text = fs.readFileSync(full, "utf8");
			if (mode === "copy") {
				const temporary = path.join(folder, `.${entry.name}.bench-${process.pid}.tmp`);
				fs.writeFileSync(temporary, text);
				fs.renameSync(temporary, full);
			}
		}
	}
}
walk(vault);
