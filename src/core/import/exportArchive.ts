// Reads the files of an export one at a time: from a zip streamed in chunks (fflate, pure JavaScript,
// so the plugin on mobile reads it as the CLI does) or from an unzipped folder behind the same port.

import { Inflate, Unzip, type FlateError } from "fflate";
import { Crc32 } from "./crc32";
import { firstUnmet, MOST_DIRECTORY_BYTES, readZipDirectory, takeListed, type ByteRanges, type ZipDirectory } from "./zipDirectory";

/** Bad input: the file is not an Omnivore export the import can read. Its message is one sentence. */
export class ExportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "ExportError";
	}
}

/** An entry larger than the import reads: a zip bomb, or not what the export writes there. */
export class EntryTooLarge extends Error {
	constructor(readonly maxBytes: number) {
		super(`it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
		this.name = "EntryTooLarge";
	}
}

/** An entry's bytes, or why they could not be read (`EntryTooLarge`, or damage). */
export type EntryData = Uint8Array | Error;

/**
 * How an entry is read: at most `maxBytes` of it (beyond that it is an `EntryTooLarge`, and no more of
 * it is even inflated); with `checkOnly`, only to see that it inflates, its bytes dropped (it arrives empty).
 */
export interface EntryWish {
	maxBytes: number;
	checkOnly?: boolean;
}

/** The files of an export, read in archive order as often as needed; `want` says which to read, and how. */
export interface ExportArchive {
	read(want: (name: string) => EntryWish | null, visit: (name: string, data: EntryData) => Promise<void> | void): Promise<void>;
}

/** Bytes of a file in chunks, from the start each time `chunks` is called; and any range of them (the zip's directory). */
export interface ByteSource extends ByteRanges {
	chunks(): AsyncIterable<Uint8Array>;
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const DAMAGED = "the zip file is damaged or cut short";
const DAMAGED_THERE = "another unzip tool may still extract the other files, and their folder can be imported";
function startsWith(bytes: Uint8Array, signature: number[]): boolean {
	return signature.every((byte, i) => bytes[i] === byte);
}

// Inflated a slice at a time, so one push of a zip bomb never makes more than a few megabytes at once.
const INFLATE_SLICE = 16 * 1024;

/** A deflate decoder that stops once an entry has given `budget()` bytes: what is past it is never inflated. */
function boundedInflate(budget: () => number) {
	return class BoundedInflate {
		static readonly compression = 8;
		ondata: (error: FlateError | null, data: Uint8Array, final: boolean) => void = () => undefined;
		private left = budget();
		private readonly inflate = new Inflate((data, final) => {
			this.left -= data.length;
			this.ondata(null, data, final);
		});

		push(chunk: Uint8Array, final: boolean): void {
			try {
				// At least one push, so an empty last chunk still ends the entry.
				let at = 0;
				do {
					// Stryker disable next-line EqualityOperator: past `budget()` the entry is already reported too large; one slice more or less changes nothing.
					if (this.left < 0) return;
					const end = Math.min(chunk.length, at + INFLATE_SLICE);
					this.inflate.push(chunk.subarray(at, end), final && end === chunk.length);
					at = end;
				} while (at < chunk.length);
			} catch (error) {
				this.ondata(error as FlateError, new Uint8Array(0), final);
			}
		}
	};
}

/** fflate reads a name without the zip's UTF-8 flag as Latin-1, but the tools that leave the flag out
 * mostly wrote UTF-8 anyway; names are compared composed (macOS writes them decomposed). */
function entryName(name: string): string {
	// eslint-disable-next-line no-control-regex -- every character of a Latin-1 reading is below 0x100 (an ASCII name reads the same either way)
	if (/^[\u0000-\u00ff]*$/.test(name)) {
		try {
			return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(name, (c) => c.charCodeAt(0))).normalize("NFC");
		} catch {
			// Not UTF-8 after all: Latin-1 it is.
		}
	}
	return name.normalize("NFC");
}

// What other zip tools write in place of deflate (Omnivore's own export only deflates or stores).
const METHOD_NAMES: Record<number, string> = { 9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES encryption" };

/** A zip made again by a tool set to another method is sound, only not readable here: said so, with a way out. */
function unreadableMethod(method: number): string {
	const name = METHOD_NAMES[method] ? `${METHOD_NAMES[method]}, ` : "";
	return `it is compressed with a method the import cannot read (${name}zip method ${method}); extract the zip with another tool and import its folder`;
}

/** The parts as one array (no copy for a single part). */
export function concat(parts: Uint8Array[]): Uint8Array {
	// Stryker disable next-line ConditionalExpression: a fast path (no copy of a 500 MB upload); the loop below joins one part alike.
	if (parts.length === 1) return parts[0];
	const total = parts.reduce((sum, part) => sum + part.length, 0);
	const joined = new Uint8Array(total);
	let offset = 0;
	for (const part of parts) {
		joined.set(part, offset);
		offset += part.length;
	}
	return joined;
}

/**
 * fflate's Unzip calls itself once more for each entry that ends within a pushed chunk: a chunk of a
 * megabyte holding thousands of small entries (an export's short contents and highlights) overflowed
 * the stack, and a sound zip was refused as damaged. Slices this size hold a few hundred at most.
 */
const PUSH_SLICE = 16 * 1024;

/** fflate reports damage inside an entry through `ondata`, and throws for a zip that ends inside one. */
function pushOrRefuse(unzip: Unzip, chunk: Uint8Array, final: boolean): void {
	try {
		for (let offset = 0; offset < chunk.length; offset += PUSH_SLICE) unzip.push(chunk.subarray(offset, offset + PUSH_SLICE), false);
		if (final) unzip.push(new Uint8Array(0), true);
	} catch {
		throw new ExportError(DAMAGED);
	}
}

/**
 * A zip read by its local headers as the bytes stream in, so memory holds one entry at a time (an
 * export may be gigabytes), and no entry past its `maxBytes`. A file that is not a zip, or one cut
 * short, is an `ExportError`.
 */
export function zipArchive(source: ByteSource): ExportArchive {
	return {
		async read(want, visit) {
			const ready: Array<[string, EntryData]> = [];
			const open = new Set<object>();
			let budget = 0;
			let directory: ZipDirectory = new Map();
			const unzip = new Unzip((file) => {
				// Taken for every entry, in order, so a name the archive repeats meets its own checksum.
				const stored = takeListed(directory, file.name)?.crc;
				const name = entryName(file.name);
				const wish = want(name);
				if (!wish) return;
				// An entry only to be checked keeps none of its bytes.
				const parts: Uint8Array[] | null = wish.checkOnly ? null : [];
				let size = 0;
				const crc = new Crc32();
				const entry = {};
				open.add(entry);
				const finish = (data: EntryData) => {
					if (!open.delete(entry)) return;
					ready.push([name, data]);
				};
				file.ondata = (error, data, final) => {
					if (error) return finish(new Error(`the zip file is damaged there (${error.message}); ${DAMAGED_THERE}`));
					size += data.length;
					if (size > wish.maxBytes) return finish(new EntryTooLarge(wish.maxBytes));
					crc.add(data);
					parts?.push(data);
					if (!final) return;
					// Damage that still inflates (or a stored entry's changed bytes) shows only here.
					if (stored !== undefined && crc.value !== stored) return finish(new Error(`the zip file is damaged there (its bytes do not match the checksum the zip holds for them); ${DAMAGED_THERE}`));
					finish(parts ? concat(parts) : new Uint8Array(0));
				};
				// Never started: fflate's start throws for a method it has no decoder for.
				if (file.compression !== 0 && file.compression !== 8) return finish(new Error(unreadableMethod(file.compression)));
				// The decoder reads the budget of the entry it is made for, as `start` makes it.
				budget = wish.maxBytes + 1;
				file.start();
			});
			unzip.register(boundedInflate(() => budget));
			let first = true;
			let size = 0;
			let streamed = 0;
			for await (const chunk of source.chunks()) {
				if (chunk.length === 0) continue;
				if (first && !(startsWith(chunk, LOCAL_HEADER) || startsWith(chunk, END_OF_DIRECTORY))) {
					throw new ExportError("it is not a zip file");
				}
				if (first) {
					size = await source.size();
					directory = directoryOrRefuse(await readZipDirectory(source, size));
				}
				first = false;
				streamed += chunk.length;
				pushOrRefuse(unzip, chunk, false);
				while (ready.length > 0) {
					const [name, data] = ready.shift() as [string, EntryData];
					await visit(name, data);
				}
			}
			if (first) throw new ExportError("the file is empty");
			// An entry whose bytes did not all arrive makes the last push throw.
			pushOrRefuse(unzip, new Uint8Array(0), true);
			// Stryker disable next-line BlockStatement: an entry ends once the next header or the directory arrives, before the end; one whose bytes did not all arrive made the push above throw.
			for (const [name, data] of ready.splice(0)) await visit(name, data);
			// The file changed while it was read (cut short, written to): its directory no longer describes it.
			if (streamed !== size) throw new ExportError(DAMAGED);
			// Stryker disable next-line ConditionalExpression: fflate ends or fails every entry whose bytes all arrived and throws above for one whose bytes did not; kept so no half-read entry ever passes.
			if (open.size > 0) throw new ExportError(DAMAGED);
			// A damaged local header (its signature, its lengths, its name) hides its entry from the stream.
			const unmet = firstUnmet(directory);
			if (unmet) throw new ExportError(`the zip file is damaged: its directory lists ${entryName(unmet.name)}, which is not among its entries as they are read; ${DAMAGED_THERE}`);
		},
	};
}

function directoryOrRefuse(read: Awaited<ReturnType<typeof readZipDirectory>>): ZipDirectory {
	if (read === "damaged") throw new ExportError(DAMAGED);
	if (read === "encrypted") throw new ExportError("it is protected by a password; unzip it with the password and import the folder it makes");
	if (read === "too large") throw new ExportError(`its directory is larger than ${MOST_DIRECTORY_BYTES / 1024 / 1024} MB, more than a million files: not an Omnivore export the import can read`);
	return read;
}

/** A source over bytes already in memory, cut into chunks as a stream would deliver them. */
export function bytesSource(bytes: Uint8Array, chunkSize = 1 << 20): ByteSource {
	return {
		async *chunks() {
			for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
		},
		size: async () => bytes.length,
		range: async (start, end) => bytes.subarray(start, end),
	};
}
