// Reads the files of an export one at a time: from a zip streamed in chunks (fflate, pure JavaScript,
// so the plugin on mobile reads it as the CLI does) or from an unzipped folder behind the same port.

import { Unzip, UnzipInflate } from "fflate";

/** Bad input: the file is not an Omnivore export the import can read. Its message is one sentence. */
export class ExportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "ExportError";
	}
}

/** An entry's bytes, or why they could not be read. */
export type EntryData = Uint8Array | Error;

/** The files of an export, read in archive order as often as needed; `want` says which to read. */
export interface ExportArchive {
	read(want: (name: string) => boolean, visit: (name: string, data: EntryData) => Promise<void> | void): Promise<void>;
}

/** Bytes of a file in chunks, from the start each time `chunks` is called. */
export interface ByteSource {
	chunks(): AsyncIterable<Uint8Array>;
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const DAMAGED = "the zip file is damaged or cut short";
// The end-of-directory record sits in the last 22 bytes plus a comment of at most 65,535.
const TAIL_BYTES = 22 + 0xffff;

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
	return signature.every((byte, i) => bytes[at + i] === byte);
}

function hasEndOfDirectory(tail: Uint8Array): boolean {
	for (let i = tail.length - 22; i >= 0; i--) if (startsWith(tail, END_OF_DIRECTORY, i)) return true;
	return false;
}

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
	if (chunk.length >= TAIL_BYTES) return chunk.slice(chunk.length - TAIL_BYTES);
	const joined = new Uint8Array(Math.min(TAIL_BYTES, tail.length + chunk.length));
	const fromTail = joined.length - chunk.length;
	joined.set(tail.subarray(tail.length - fromTail), 0);
	joined.set(chunk, fromTail);
	return joined;
}

/** The parts as one array (no copy for a single part). */
export function concat(parts: Uint8Array[]): Uint8Array {
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
 * A zip read by its local headers as the bytes stream in, so memory holds one entry at a time (an
 * export may be gigabytes). A file that is not a zip, or one cut short, is an `ExportError`.
 */
export function zipArchive(source: ByteSource): ExportArchive {
	return {
		async read(want, visit) {
			const ready: Array<[string, EntryData]> = [];
			const open = new Set<string>();
			const unzip = new Unzip((file) => {
				if (!want(file.name)) return;
				const parts: Uint8Array[] = [];
				open.add(file.name);
				file.ondata = (error, data, final) => {
					if (error) {
						open.delete(file.name);
						ready.push([file.name, new Error(error.message)]);
						return;
					}
					parts.push(data);
					if (final) {
						open.delete(file.name);
						ready.push([file.name, concat(parts)]);
					}
				};
				file.start();
			});
			unzip.register(UnzipInflate);
			let first = true;
			let tail: Uint8Array = new Uint8Array(0);
			for await (const chunk of source.chunks()) {
				if (chunk.length === 0) continue;
				if (first && !(startsWith(chunk, LOCAL_HEADER) || startsWith(chunk, END_OF_DIRECTORY))) {
					throw new ExportError("it is not a zip file");
				}
				first = false;
				tail = keepTail(tail, chunk);
				try {
					unzip.push(chunk, false);
				} catch {
					throw new ExportError(DAMAGED);
				}
				while (ready.length > 0) {
					const [name, data] = ready.shift() as [string, EntryData];
					await visit(name, data);
				}
			}
			if (first) throw new ExportError("the file is empty");
			try {
				unzip.push(new Uint8Array(0), true);
			} catch {
				throw new ExportError(DAMAGED);
			}
			for (const [name, data] of ready.splice(0)) await visit(name, data);
			if (open.size > 0 || !hasEndOfDirectory(tail)) throw new ExportError(DAMAGED);
		},
	};
}

/** A source over bytes already in memory, cut into chunks as a stream would deliver them. */
export function bytesSource(bytes: Uint8Array, chunkSize = 1 << 20): ByteSource {
	return {
		async *chunks() {
			for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
		},
	};
}
