// Writes a file so that a crash leaves either the old or the new text, never a partial file.

import { randomBytes } from "node:crypto";
import { rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Write to a temporary file beside the target (same folder, same file system), then rename over it. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
	const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
	const mode = await stat(path).then(
		(s) => s.mode & 0o777,
		() => 0o644,
	);
	try {
		await writeFile(temporary, text, { encoding: "utf8", mode, flag: "wx" });
		await rename(temporary, path);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}
