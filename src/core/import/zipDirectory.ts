// The checksums a zip stores, read from its central directory before its entries stream in: the
// local headers of a streamed zip (Omnivore's export) leave them to a record after each entry's
// bytes, which the streaming reader never hands over.

import { strFromU8 } from "fflate";

/** Random access to a file's bytes: its length, and the bytes from `start` up to `end`. */
export interface ByteRanges {
	size(): Promise<number>;
	range(start: number, end: number): Promise<Uint8Array>;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const UTF8_FLAG = 0x800;
// The end record: 22 bytes, then a comment of at most 65,535; a ZIP64 locator right before it.
const TAIL_BYTES = 20 + 22 + 0xffff;

const u16 = (bytes: Uint8Array, at: number) => bytes[at] | (bytes[at + 1] << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
const u64 = (bytes: Uint8Array, at: number) => u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;

/** Where the end record starts in `tail`: the last whose comment runs to the end, else the last whole one; -1 for none. */
function endRecordAt(tail: Uint8Array): number {
	let whole = -1;
	for (let i = tail.length - 22; i >= 0; i--) {
		if (u32(tail, i) !== END_OF_DIRECTORY) continue;
		if (i + 22 + u16(tail, i + 20) === tail.length) return i;
		if (whole < 0) whole = i;
	}
	return whole;
}

/**
 * Each entry's stored CRC-32 by name (as the streaming reader decodes names: UTF-8 when flagged,
 * else Latin-1), in directory order for names an archive repeats. Null when the zip has no end
 * record or its directory is not where that record says: the zip is damaged or cut short.
 */
export async function readZipDirectory(file: ByteRanges): Promise<Map<string, number[]> | null> {
	const size = await file.size();
	const tailStart = Math.max(0, size - TAIL_BYTES);
	const tail = await file.range(tailStart, size);
	const end = endRecordAt(tail);
	if (end < 0) return null;
	let length = u32(tail, end + 12);
	let offset = u32(tail, end + 16);
	if ((length === 0xffffffff || offset === 0xffffffff) && end >= 20 && u32(tail, end - 20) === ZIP64_LOCATOR) {
		const at = u64(tail, end - 12);
		const record = at + 56 <= size ? await file.range(at, at + 56) : new Uint8Array(0);
		if (record.length < 56 || u32(record, 0) !== ZIP64_END) return null;
		length = u64(record, 40);
		offset = u64(record, 48);
	}
	if (offset + length > tailStart + end) return null;
	const directory = await file.range(offset, offset + length);
	if (directory.length !== length) return null;
	const checksums = new Map<string, number[]>();
	for (let at = 0; at < length; ) {
		if (at + 46 > length || u32(directory, at) !== DIRECTORY_ENTRY) return null;
		const nameEnd = at + 46 + u16(directory, at + 28);
		if (nameEnd > length) return null;
		const name = strFromU8(directory.subarray(at + 46, nameEnd), (u16(directory, at + 8) & UTF8_FLAG) === 0);
		const stored = checksums.get(name);
		if (stored) stored.push(u32(directory, at + 16));
		else checksums.set(name, [u32(directory, at + 16)]);
		at = nameEnd + u16(directory, at + 30) + u16(directory, at + 32);
	}
	return checksums;
}
