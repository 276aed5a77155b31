// The checksums a zip stores, read from its central directory before its entries stream in: the
// local headers of a streamed zip (Omnivore's export) leave them to a record after each entry's
// bytes, which the streaming reader never hands over. The directory also says which entries the
// stream must meet: a damaged local header hides an entry from a streaming reader without a word.

import { strFromU8, strToU8 } from "fflate";

/** Random access to a file's bytes: its length, and the bytes from `start` up to `end`. */
export interface ByteRanges {
	size(): Promise<number>;
	range(start: number, end: number): Promise<Uint8Array>;
}

/** An entry the directory lists: its name as read, and its CRC-32. */
export interface ListedEntry {
	name: string;
	crc: number;
}

/** The entries of one name, in the directory's order, and how many the stream has met. */
interface SameName {
	listed: ListedEntry[];
	met: number;
}

/** The directory's entries by the bytes of their names (one character a byte). */
export type ZipDirectory = Map<string, SameName>;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
// The end record: 22 bytes, then a comment of at most 65,535; a ZIP64 locator right before it.
const TAIL_BYTES = 20 + 22 + 0xffff;
// Records a comment may imitate, tried from the end before the zip is called damaged.
const MOST_RECORDS_TRIED = 16;
/** A directory is about 100 bytes an entry: this is a million entries, far past any export; a crafted end record could name the whole file. */
export const MOST_DIRECTORY_BYTES = 128 * 1024 * 1024;

const u16 = (bytes: Uint8Array, at: number) => bytes[at] | (bytes[at + 1] << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
const u64 = (bytes: Uint8Array, at: number) => u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;

/** Where the directory lies by the end record at `end` of `tail` (which starts at `tailStart`), or null. */
async function directoryOf(file: ByteRanges, tail: Uint8Array, tailStart: number, end: number): Promise<{ offset: number; length: number } | null> {
	let length = u32(tail, end + 12);
	let offset = u32(tail, end + 16);
	// The directory ends where the record after it starts: the end record, or a ZIP64 end record.
	let directoryEnd = tailStart + end;
	if (end >= 20 && u32(tail, end - 20) === ZIP64_LOCATOR) {
		const at = u64(tail, end - 12);
		const record = at + 56 <= tailStart + end ? await file.range(at, at + 56) : new Uint8Array(0);
		if (record.length < 56 || u32(record, 0) !== ZIP64_END) return null;
		if (length === 0xffffffff) length = u64(record, 40);
		if (offset === 0xffffffff) offset = u64(record, 48);
		directoryEnd = at;
	}
	return offset + length === directoryEnd ? { offset, length } : null;
}

/** The entries of the directory's bytes, null where they are not a directory, or "encrypted" (a password's zip). */
function entriesOf(directory: Uint8Array): ZipDirectory | "encrypted" | null {
	const entries: ZipDirectory = new Map();
	for (let at = 0; at < directory.length; ) {
		if (at + 46 > directory.length || u32(directory, at) !== DIRECTORY_ENTRY) return null;
		if ((u16(directory, at + 8) & ENCRYPTED_FLAG) !== 0) return "encrypted";
		const nameEnd = at + 46 + u16(directory, at + 28);
		if (nameEnd > directory.length) return null;
		const bytes = directory.subarray(at + 46, nameEnd);
		const listed = { name: strFromU8(bytes, (u16(directory, at + 8) & UTF8_FLAG) === 0), crc: u32(directory, at + 16) };
		const key = strFromU8(bytes, true);
		const same = entries.get(key);
		if (same) same.listed.push(listed);
		else entries.set(key, { listed: [listed], met: 0 });
		at = nameEnd + u16(directory, at + 30) + u16(directory, at + 32);
	}
	return entries;
}

/**
 * The zip's directory, found by its end record (the last in the file whose directory lies right
 * before it, so an archive comment imitating one is passed over; ZIP64 followed). `damaged` when
 * there is none (the zip is damaged or cut short); `too large` past `MOST_DIRECTORY_BYTES`;
 * `encrypted` when an entry needs a password.
 */
export async function readZipDirectory(file: ByteRanges, size: number): Promise<ZipDirectory | "damaged" | "too large" | "encrypted"> {
	const tailStart = Math.max(0, size - TAIL_BYTES);
	const tail = await file.range(tailStart, size);
	let tried = 0;
	for (let end = tail.length - 22; end >= 0 && tried < MOST_RECORDS_TRIED; end--) {
		if (u32(tail, end) !== END_OF_DIRECTORY) continue;
		tried++;
		const where = await directoryOf(file, tail, tailStart, end);
		if (!where) continue;
		if (where.length > MOST_DIRECTORY_BYTES) return "too large";
		const entries = entriesOf(await file.range(where.offset, where.offset + where.length));
		if (entries) return entries;
	}
	return "damaged";
}

/**
 * The directory's entry for a name as the streaming reader decoded it (by the local header's UTF-8
 * flag, which the directory's may not match): taken, so a name listed twice meets each entry in turn.
 */
export function takeListed(directory: ZipDirectory, name: string): ListedEntry | undefined {
	// eslint-disable-next-line no-control-regex -- a name read as Latin-1 has every character below 0x100
	const keys = /^[\u0000-\u00ff]*$/.test(name) ? [name, strFromU8(strToU8(name), true)] : [strFromU8(strToU8(name), true)];
	for (const key of keys) {
		const same = directory.get(key);
		if (same && same.met < same.listed.length) return same.listed[same.met++];
	}
	return undefined;
}

/** An entry the directory lists that the stream never met (a damaged local header hid it), if any. */
export function firstUnmet(directory: ZipDirectory): ListedEntry | undefined {
	for (const same of directory.values()) if (same.met < same.listed.length) return same.listed[same.met];
	return undefined;
}
