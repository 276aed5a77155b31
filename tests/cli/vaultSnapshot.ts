// Every file under a folder, to prove a run wrote nothing.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Path → content of every file under a folder, dot-folders included. */
export function snapshot(folder: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(path.slice(folder.length), readFileSync(path, "latin1"));
		}
	};
	walk(folder);
	return files;
}
