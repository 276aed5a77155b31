// Every entry of a zip is checked against the CRC-32 the zip stores for it, read from its directory
// before the entries stream in: damage that still inflates, or a stored entry's changed bytes, would
// otherwise reach the notes as a wrong title or a wrong highlight. And every entry the directory
// lists must be met: a damaged local header hid its entry, and its article lost its content.
import { strToU8, Zip, ZipPassThrough, zipSync } from "fflate";
import { Crc32 } from "../../../src/core/import/crc32";
import { bytesSource, concat, ExportError, zipArchive } from "../../../src/core/import/exportArchive";
import { readExportIndex } from "../../../src/core/import/exportIndex";
import { readZipDirectory } from "../../../src/core/import/zipDirectory";
import { ITEMS } from "./exportFixture";

const METADATA = "metadata_0_to_1.json";
const HIGHLIGHTS = `highlights/${ITEMS.sqlite.slug}.md`;
const DAMAGED_THERE = "another unzip tool may still extract the other files, and their folder can be imported";
const MISMATCH = `the zip file is damaged there (its bytes do not match the checksum the zip holds for them); ${DAMAGED_THERE}`;

function index(bytes: Uint8Array) {
	return readExportIndex(zipArchive(bytesSource(bytes, 1000)));
}

/** An export whose entries are stored, not deflated, as archivers store what does not compress. */
function storedExport(): Uint8Array {
	return zipSync({ [METADATA]: [strToU8(JSON.stringify([ITEMS.sqlite])), { level: 0 }], [HIGHLIGHTS]: [strToU8("> WAL wins."), { level: 0 }] });
}

/** The same export streamed, as Omnivore wrote it: each entry's checksum only after its bytes and in the directory. */
function streamedExport(files: Array<[string, string]>): Uint8Array {
	const chunks: Uint8Array[] = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		chunks.push(data);
	});
	for (const [name, text] of files) {
		const entry = new ZipPassThrough(name);
		zip.add(entry);
		entry.push(strToU8(text), true);
	}
	zip.end();
	return concat(chunks);
}

/** The zip with the first occurrence of `from` (in an entry's bytes) replaced by `to`, of the same length. */
function replaced(zip: Uint8Array, from: string, to: string): Uint8Array {
	const text = Buffer.from(zip).toString("latin1");
	const at = text.indexOf(from);
	if (at < 0 || from.length !== to.length) throw new Error(`no ${from}`);
	const copy = zip.slice();
	copy.set(strToU8(to), at);
	return copy;
}

/** Where the local header of `name` starts. */
function localHeaderOf(zip: Uint8Array, name: string): number {
	const bytes = strToU8(name);
	for (let at = 0; at + 30 + bytes.length <= zip.length; at++) {
		if (zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 3 && zip[at + 3] === 4 && bytes.every((byte, k) => zip[at + 30 + k] === byte)) return at;
	}
	throw new Error(`no local header for ${name}`);
}

/** The zip with one byte of `name`'s local header changed (XOR `mask`), at `offset` into the header. */
function withLocalByte(zip: Uint8Array, name: string, offset: number, mask = 0x01): Uint8Array {
	const copy = zip.slice();
	copy[localHeaderOf(zip, name) + offset] ^= mask;
	return copy;
}

const u32 = (bytes: Uint8Array, at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
const endRecordIn = (zip: Uint8Array) => zip.length - 22;

/** The zip with its end record pointing through a ZIP64 record, as archivers write exports over 4 GB or 65,535 entries. */
function asZip64(zip: Uint8Array): Uint8Array {
	const end = endRecordIn(zip);
	const record = new DataView(new ArrayBuffer(56 + 20 + 22));
	record.setUint32(0, 0x06064b50, true);
	record.setBigUint64(4, 44n, true);
	record.setBigUint64(24, BigInt(zip[end + 8] | (zip[end + 9] << 8)), true);
	record.setBigUint64(32, BigInt(zip[end + 10] | (zip[end + 11] << 8)), true);
	record.setBigUint64(40, BigInt(u32(zip, end + 12)), true);
	record.setBigUint64(48, BigInt(u32(zip, end + 16)), true);
	record.setUint32(56, 0x07064b50, true);
	record.setBigUint64(64, BigInt(end), true);
	record.setUint32(72, 1, true);
	const endRecord = zip.slice(end);
	endRecord.fill(0xff, 8, 20);
	const bytes = new Uint8Array(record.buffer);
	bytes.set(endRecord, 76);
	return concat([zip.subarray(0, end), bytes]);
}

describe("CRC-32", () => {
	it("gives the checksums zip tools store, over bytes added in parts", () => {
		const crc = new Crc32();
		expect(crc.value).toBe(0);
		crc.add(strToU8("123456"));
		crc.add(strToU8("789"));
		expect(crc.value).toBe(0xcbf43926);
		const whole = new Crc32();
		whole.add(strToU8("The quick brown fox jumps over the lazy dog"));
		expect(whole.value).toBe(0x414fa339);
	});
});

describe("an export whose bytes changed but still read", () => {
	it("is read as it was written when nothing changed", async () => {
		for (const zip of [storedExport(), streamedExport([[METADATA, JSON.stringify([ITEMS.sqlite])], [HIGHLIGHTS, "> WAL wins."]])]) {
			const read = await index(zip);
			expect(read.items.map((item) => item.title)).toEqual([ITEMS.sqlite.title]);
			expect(read.highlights.get(ITEMS.sqlite.slug)).toEqual([{ quote: "WAL wins.", labels: [] }]);
		}
	});

	it.each([
		["a metadata file (the title would be wrong)", METADATA, "SQLite Scales", "SQLite Scalex"],
		["a highlights file (the quote would be wrong)", HIGHLIGHTS, "WAL wins.", "WAL wons."],
	])("is refused when %s still parses: stored with its checksum before it", async (_name, entry, from, to) => {
		await expect(index(replaced(storedExport(), from, to))).rejects.toThrow(new ExportError(`${entry} in it cannot be read: ${MISMATCH}`));
	});

	it("is refused when the checksum comes only after the bytes, as in a streamed export", async () => {
		const zip = streamedExport([[METADATA, JSON.stringify([ITEMS.sqlite])], [HIGHLIGHTS, "> WAL wins."]]);
		await expect(index(replaced(zip, "WAL wins.", "WAL wons."))).rejects.toThrow(new ExportError(`${HIGHLIGHTS} in it cannot be read: ${MISMATCH}`));
	});

	it("is refused when the directory's checksum is the damaged part", async () => {
		const zip = storedExport();
		const directory = u32(zip, endRecordIn(zip) + 16);
		// The metadata file's entry comes first in the directory; its CRC-32 is 16 bytes in.
		const damaged = zip.slice();
		damaged[directory + 16] ^= 0x01;
		await expect(index(damaged)).rejects.toThrow(new ExportError(`${METADATA} in it cannot be read: ${MISMATCH}`));
	});

	it("refuses a zip protected by a password, saying so (not that it is damaged)", async () => {
		const zip = storedExport();
		const encrypted = withLocalByte(zip, METADATA, 6);
		const directory = u32(zip, endRecordIn(zip) + 16);
		// The general-purpose flags: 8 bytes into the directory's entry, bit 0 set when a password encrypts it.
		encrypted[directory + 8] |= 0x01;
		await expect(index(encrypted)).rejects.toThrow(new ExportError("it is protected by a password; unzip it with the password and import the folder it makes"));
	});

	it("checks each copy of a name the zip holds twice against its own checksum", async () => {
		const zip = streamedExport([
			[METADATA, JSON.stringify([ITEMS.sqlite])],
			[HIGHLIGHTS, "> WAL wins."],
			[HIGHLIGHTS, "> WAL wins, read again."],
		]);
		expect((await index(zip)).highlights.get(ITEMS.sqlite.slug)).toEqual([{ quote: "WAL wins.", labels: [] }]);
		await expect(index(replaced(zip, "read again", "read agaim"))).rejects.toThrow(new ExportError(`${HIGHLIGHTS} in it cannot be read: ${MISMATCH}`));
	});

	it("reads and checks a zip whose end record points through a ZIP64 record", async () => {
		const zip = asZip64(storedExport());
		expect((await index(zip)).items.map((item) => item.title)).toEqual([ITEMS.sqlite.title]);
		await expect(index(replaced(zip, "WAL wins.", "WAL wons."))).rejects.toThrow(new ExportError(`${HIGHLIGHTS} in it cannot be read: ${MISMATCH}`));
	});
});

describe("a zip whose directory is not where its end record says", () => {
	it.each([
		["past the end record", (zip: Uint8Array, end: number) => zip.fill(0xff, end + 16, end + 20)],
		["at bytes that are not a directory", (zip: Uint8Array, end: number) => zip.fill(0, end + 16, end + 20)],
	])("is refused as damaged %s, before any entry is handed over", async (_name, damage) => {
		const zip = storedExport().slice();
		damage(zip, endRecordIn(zip));
		const seen: string[] = [];
		const read = zipArchive(bytesSource(zip, 1000)).read(
			() => ({ maxBytes: 1024 }),
			(name) => void seen.push(name),
		);
		await expect(read).rejects.toThrow(new ExportError("the zip file is damaged or cut short"));
		expect(seen).toEqual([]);
	});
});

describe("an entry the directory lists that the stream does not meet", () => {
	const streamed = () => streamedExport([[METADATA, JSON.stringify([ITEMS.sqlite, ITEMS.pdf])], [HIGHLIGHTS, "> WAL wins."], [`highlights/${ITEMS.pdf.slug}.md`, "> Attention."]]);
	const unmet = (name: string) => `the zip file is damaged: its directory lists ${name}, which is not among its entries as they are read; ${DAMAGED_THERE}`;

	it.each([
		["its local header's signature is damaged", 0],
		["its local name is damaged (read as another name)", 30],
		["the length of its local name is damaged", 26],
	])("refuses the zip when %s: its highlights were dropped without a word", async (_name, offset) => {
		for (const zip of [storedExport(), streamed()]) {
			await expect(index(withLocalByte(zip, HIGHLIGHTS, offset))).rejects.toThrow(new ExportError(unmet(HIGHLIGHTS)));
		}
	});

	it("refuses the zip when an entry's stored size is damaged and it swallows the entries after it", async () => {
		// The size's highest byte: the metadata entry now claims the rest of the file.
		await expect(index(withLocalByte(storedExport(), METADATA, 21, 0x10))).rejects.toThrow(ExportError);
	});

	it("reads a name whose UTF-8 flag only the directory sets, and checks it", async () => {
		const name = `highlights/${ITEMS.sqlite.slug}-é.md`;
		const zip = zipSync({ [METADATA]: [strToU8(JSON.stringify([ITEMS.sqlite])), { level: 0 }], [name]: [strToU8("> Café."), { level: 0 }] });
		const local = localHeaderOf(zip, name);
		const copy = zip.slice();
		copy[local + 7] &= ~0x08;
		const seen: string[] = [];
		await zipArchive(bytesSource(copy)).read(
			() => ({ maxBytes: 1024 }),
			(entry, data) => void seen.push(data instanceof Error ? `${entry}: ${data.message}` : entry),
		);
		expect(seen).toEqual([METADATA, name]);
		const damaged = replaced(copy, "Caf", "Cav");
		const refused: string[] = [];
		await zipArchive(bytesSource(damaged)).read(
			() => ({ maxBytes: 1024 }),
			(entry, data) => void (data instanceof Error && refused.push(`${entry}: ${data.message}`)),
		);
		expect(refused).toEqual([`${name}: ${MISMATCH}`]);
	});

	it("reads a zip that lists its folders as entries", async () => {
		const zip = zipSync({ "highlights/": new Uint8Array(0), [METADATA]: strToU8(JSON.stringify([ITEMS.sqlite])), [HIGHLIGHTS]: strToU8("> WAL wins.") });
		expect((await index(zip)).highlights.get(ITEMS.sqlite.slug)).toEqual([{ quote: "WAL wins.", labels: [] }]);
	});

	it("is not fooled by an archive comment that imitates an end record with an empty directory", async () => {
		const zip = replaced(storedExport(), "WAL wins.", "WAL wons.");
		const fake = concat([Uint8Array.of(0x50, 0x4b, 0x05, 0x06), new Uint8Array(16), Uint8Array.of(5, 0), strToU8("abcde")]);
		const commented = concat([zip, fake]);
		const end = zip.length - 22;
		commented[end + 20] = fake.length;
		commented[end + 21] = 0;
		await expect(index(commented)).rejects.toThrow(new ExportError(`${HIGHLIGHTS} in it cannot be read: ${MISMATCH}`));
	});
});

describe("a directory larger than any export's", () => {
	it("is refused without being read: a crafted end record can name the whole file as its directory", async () => {
		const size = 200 * 1024 * 1024;
		const endRecord = new DataView(new ArrayBuffer(22));
		endRecord.setUint32(0, 0x06054b50, true);
		endRecord.setUint32(12, size - 22, true);
		const ranges: Array<[number, number]> = [];
		const file = {
			size: async () => size,
			range: async (start: number, end: number) => {
				ranges.push([start, end]);
				return concat([new Uint8Array(end - start - 22), new Uint8Array(endRecord.buffer)]);
			},
			async *chunks() {
				yield Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
			},
		};
		expect(await readZipDirectory(file, size)).toBe("too large");
		expect(ranges).toEqual([[size - (20 + 22 + 0xffff), size]]);
		const read = zipArchive(file).read(
			() => ({ maxBytes: 1024 }),
			() => undefined,
		);
		await expect(read).rejects.toThrow(new ExportError("its directory is larger than 128 MB, more than a million files: not an Omnivore export the import can read"));
	});
});

describe("a zip that changes while it is read", () => {
	it.each([
		["cut short after its last entry, its directory gone", (zip: Uint8Array) => zip.subarray(0, u32(zip, endRecordIn(zip) + 16))],
		["written to at its end", (zip: Uint8Array) => concat([zip, strToU8("appended meanwhile")])],
	])("is refused when the stream is %s, though the directory read first was sound", async (_name, changed) => {
		const zip = storedExport();
		const file = {
			...bytesSource(zip),
			async *chunks() {
				yield changed(zip);
			},
		};
		const read = zipArchive(file).read(
			() => ({ maxBytes: 1024 }),
			() => undefined,
		);
		await expect(read).rejects.toThrow(new ExportError("the zip file is damaged or cut short"));
	});
});
