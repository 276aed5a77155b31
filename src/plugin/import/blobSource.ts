// The export the user picked, read in slices: `Blob.slice` works on desktop and mobile alike and never
// holds more than one slice of a file that may be gigabytes.

import type { ByteSource } from "../../core";

const SLICE = 4 * 1024 * 1024;

export function blobSource(blob: Blob): ByteSource {
	return {
		async *chunks() {
			for (let offset = 0; offset < blob.size; offset += SLICE) {
				yield new Uint8Array(await blob.slice(offset, offset + SLICE).arrayBuffer());
			}
		},
		size: async () => blob.size,
		range: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
	};
}

/** Ask for a zip file with the system's file picker; null when the user closes it without choosing. */
export function pickZipFile(): Promise<File | null> {
	return new Promise((resolve) => {
		const input = createEl("input", { attr: { type: "file", accept: ".zip,application/zip" } });
		input.addEventListener("change", () => resolve(input.files?.[0] ?? null), { once: true });
		// Browsers report a closed picker as `cancel`; where they do not, the promise simply never settles.
		input.addEventListener("cancel", () => resolve(null), { once: true });
		input.click();
	});
}
