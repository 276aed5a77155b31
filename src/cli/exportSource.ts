// Opens what the user named as an export: a zip file streamed from disk, or the folder it was unzipped to.

import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { EntryTooLarge, ExportError, zipArchive, type ExportArchive } from "../core";
import { describeFsError } from "./vaultFiles";

/** Every file under `root` (dot-files skipped), by its path relative to it with `/`, sorted. */
function filesUnder(root: string): string[] {
	const names: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const absolute = join(folder, entry.name);
			if (entry.isDirectory()) walk(absolute);
			else if (entry.isFile()) names.push(relative(root, absolute).split(sep).join("/"));
		}
	};
	walk(root);
	return names.sort();
}

/** An unzipped export: the same files, read from the folder. */
export function folderArchive(root: string): ExportArchive {
	let names: string[] | null = null;
	return {
		async read(want, visit) {
			names ??= filesUnder(root);
			for (const name of names) {
				const wish = want(name.normalize("NFC"));
				if (!wish) continue;
				const path = join(root, ...name.split("/"));
				let data: Uint8Array | Error;
				try {
					// A file on disk is whole: one to check needs no reading.
					if (statSync(path).size > wish.maxBytes) data = new EntryTooLarge(wish.maxBytes);
					else data = wish.checkOnly ? new Uint8Array(0) : readFileSync(path);
				} catch (error) {
					data = new Error(describeFsError(error));
				}
				await visit(name.normalize("NFC"), data);
			}
		},
	};
}

/** The bytes of `path` from `start` up to `end` (fewer where the file ends sooner). */
async function readRange(path: string, start: number, end: number): Promise<Uint8Array> {
	const file = await open(path, "r");
	try {
		const bytes = new Uint8Array(end - start);
		const { bytesRead } = await file.read(bytes, 0, bytes.length, start);
		return bytes.subarray(0, bytesRead);
	} finally {
		await file.close();
	}
}

/** A zip file read in 1 MB chunks, from the start each time; its directory read first, by position. */
export function zipFileArchive(path: string): ExportArchive {
	return zipArchive({
		chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
		size: async () => (await stat(path)).size,
		range: (start, end) => readRange(path, start, end),
	});
}

/** The export at `path`; an `ExportError` when it is neither a file nor a folder that can be read. */
export function openExport(path: string): ExportArchive {
	let isFolder: boolean;
	try {
		const info = statSync(path);
		if (!info.isFile() && !info.isDirectory()) throw new ExportError("it is neither a zip file nor a folder");
		isFolder = info.isDirectory();
		if (isFolder) readdirSync(path);
	} catch (error) {
		if (error instanceof ExportError) throw error;
		throw new ExportError(describeFsError(error));
	}
	return isFolder ? folderArchive(path) : zipFileArchive(path);
}
