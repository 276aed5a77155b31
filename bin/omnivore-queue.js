#!/usr/bin/env node
// Starts the bundled CLI; it exists after `npm run build`.
const path = require("node:path");
const fs = require("node:fs");

const bundle = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(bundle)) {
	process.stderr.write('omnivore-queue: the CLI is not built yet. Run "npm run build" first.\n');
	process.exit(2);
}
require(bundle);
