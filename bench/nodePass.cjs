// The baseline the CLI is measured against: a Node pass that reads every note (and, with "copy",
// writes it back unchanged), walking the vault the same way the CLI does.
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
			if (mode === "copy") fs.writeFileSync(full, text);
		}
	}
}
walk(vault);
