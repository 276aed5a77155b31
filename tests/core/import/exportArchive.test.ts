import * as fflate from "fflate";
import { strToU8, zipSync } from "fflate";
import { bytesSource, concat, EntryTooLarge, ExportError, zipArchive, type EntryData } from "../../../src/core/import/exportArchive";
import { readExportIndex } from "../../../src/core/import/exportIndex";
import { damageEntry, exportFiles, ITEMS, withMethod, withoutUtf8Flag, zipOf } from "./exportFixture";

async function index(bytes: Uint8Array) {
	return readExportIndex(zipArchive(bytesSource(bytes, 1000)));
}

describe("reading the export", () => {
	it("reads every batch, each item once, the highlights and which contents exist", async () => {
		const read = await index(zipOf(exportFiles()));
		expect(read.items.map((i) => i.id)).toEqual(Object.values(ITEMS).map((i) => i.id));
		expect(read.contents.get(ITEMS.pdf.slug)).toBe("pdf");
		expect(read.contents.get(ITEMS.byId.slug)).toBe("html");
		expect(read.contents.has(ITEMS.noContent.slug)).toBe(false);
		// The article note after the last highlight reads as that highlight's note: the file cannot tell them apart.
		expect(read.highlights.get(ITEMS.sqlite.slug)?.map((h) => h.note)).toEqual(["This is why WAL wins.", "Worth rereading before the talk."]);
		expect(read.problems).toEqual([]);
	});

	it("reads a zip re-made from the unzipped folder (one top folder, no data descriptors)", async () => {
		const files = Object.fromEntries(exportFiles().map((f) => [`omnivore-export/${f.name}`, typeof f.data === "string" ? strToU8(f.data) : f.data]));
		const read = await index(zipSync(files));
		expect(read.items).toHaveLength(9);
	});

	it("reads an export of thousands of small entries, which arrive many to a chunk", async () => {
		const items = Array.from({ length: 4000 }, (_, i) => ({ ...ITEMS.sqlite, id: `id-${i}`, slug: `note-${i}` }));
		const files: Record<string, Uint8Array> = { "metadata_0_to_4000.json": strToU8(JSON.stringify(items)) };
		for (const item of items) {
			files[`content/${item.slug}.html`] = strToU8(`<p>${item.id}</p>`);
			files[`highlights/${item.slug}.md`] = strToU8(`> ${item.id}`);
		}
		// In chunks of a megabyte, as the CLI and the plugin read a file: thousands of entries to a chunk.
		const read = await readExportIndex(zipArchive(bytesSource(zipSync(files, { level: 6 }))));
		expect(read.items).toHaveLength(4000);
		expect(read.contents.size).toBe(4000);
		expect(read.problems).toEqual([]);
	});

	it("skips items without an id and a batch that is not JSON, and says so", async () => {
		const files = [
			{ name: "metadata_0_to_2.json", data: JSON.stringify([{ slug: "x" }, ITEMS.sqlite]) },
			{ name: "metadata_2_to_4.json", data: "[{" },
		];
		const read = await index(zipOf(files));
		expect(read.items.map((i) => i.id)).toEqual([ITEMS.sqlite.id]);
		expect(read.problems).toEqual(["Item 1 of metadata_0_to_2.json has no id; it was skipped.", "metadata_2_to_4.json is not valid JSON; its items were skipped."]);
		// A whole file's articles are missing; one item without an id is not a file.
		expect(read.filesSkipped).toBe(1);
	});

	it("refuses what is not a zip, a zip cut short, a damaged entry and an export without metadata", async () => {
		await expect(index(strToU8("id,title\n1,hello\n"))).rejects.toThrow(new ExportError("it is not a zip file"));
		await expect(index(strToU8("id,title\n1,hello\n"))).rejects.toHaveProperty("name", "ExportError");
		await expect(index(new Uint8Array(0))).rejects.toThrow("the file is empty");
		const zip = zipOf(exportFiles());
		await expect(index(zip.subarray(0, zip.length - 100))).rejects.toThrow("damaged or cut short");
		const damaged = zip.slice();
		damaged.fill(0xff, 60, 90); // inside the first metadata file's compressed data
		await expect(index(damaged)).rejects.toBeInstanceOf(ExportError);
		await expect(index(zipOf([{ name: "notes/readme.md", data: "hello" }]))).rejects.toThrow("holds no metadata_*.json file");
		await expect(index(zipOf([{ name: "metadata_0_to_1.json", data: "not json" }]))).rejects.toThrow("none of its metadata files can be read");
	});
});

describe("hostile zips", () => {
	it("reads UTF-8 names written without the zip's UTF-8 flag", async () => {
		const zip = zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([{ id: "1", slug: "中文-1" }])), "highlights/中文-1.md": strToU8("> 高亮") });
		const read = await index(withoutUtf8Flag(zip));
		expect(read.highlights.get("中文-1")).toEqual([{ quote: "高亮", labels: [] }]);
	});

	it("refuses a zip whose article entry is damaged, before anything is read from it", async () => {
		const zip = damageEntry(zipOf(exportFiles()), `content/${ITEMS.sqlite.slug}.html`);
		await expect(index(zip)).rejects.toThrow(new ExportError(`content/${ITEMS.sqlite.slug}.html in it cannot be read: the zip file is damaged there (invalid block type); another unzip tool may still extract the other files, and their folder can be imported`));
	});

	it.each([
		[12, "bzip2, zip method 12"],
		[14, "LZMA, zip method 14"],
		[77, "zip method 77"],
	])("says a zip made again with method %p is compressed in a way it cannot read, not that it is damaged", async (method, said) => {
		const zip = withMethod(zipOf(exportFiles()), `content/${ITEMS.sqlite.slug}.html`, method);
		await expect(index(zip)).rejects.toThrow(
			new ExportError(`content/${ITEMS.sqlite.slug}.html in it cannot be read: it is compressed with a method the import cannot read (${said}); extract the zip with another tool and import its folder`),
		);
	});

	it("stops inflating an entry past its limit (a zip bomb): it arrives as too large, the rest unread", async () => {
		const bomb = zipSync({ "content/bomb.html": new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
		const push = jest.spyOn(fflate.Inflate.prototype, "push");
		const seen: Array<[string, EntryData]> = [];
		try {
			await zipArchive(bytesSource(bomb)).read(
				() => ({ maxBytes: 1024 * 1024 }),
				(name, data) => void seen.push([name, data]),
			);
			const inflated = push.mock.calls.reduce((sum, [chunk]) => sum + chunk.length, 0);
			expect(inflated).toBeLessThan(bomb.length / 2);
		} finally {
			push.mockRestore();
		}
		expect(seen).toEqual([["content/bomb.html", new EntryTooLarge(1024 * 1024)]]);
		expect(seen[0][1]).toHaveProperty("name", "EntryTooLarge");
		expect((seen[0][1] as Error).message).toBe("it is larger than 1 MB");
	});

	it("refuses a metadata file larger than any batch of 20 items, and skips such a highlights file", async () => {
		const huge = new Uint8Array(65 * 1024 * 1024).fill(0x20);
		await expect(index(zipSync({ "metadata_0_to_20.json": huge }))).rejects.toThrow(new ExportError("metadata_0_to_20.json in it is not an Omnivore metadata file (it is larger than 64 MB)"));
		const read = await index(zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([ITEMS.sqlite])), [`highlights/${ITEMS.sqlite.slug}.md`]: huge }));
		expect(read.items).toHaveLength(1);
		expect(read.problems).toEqual([`highlights/${ITEMS.sqlite.slug}.md is not an Omnivore highlights file (it is larger than 64 MB); it was skipped.`]);
	});
});

/** Every entry of a zip as the reader delivers it: its text, or why it could not be read. */
async function entries(bytes: Uint8Array, chunkSize: number): Promise<Array<[string, string]>> {
	const seen: Array<[string, string]> = [];
	await zipArchive(bytesSource(bytes, chunkSize)).read(
		() => ({ maxBytes: 1024 * 1024 }),
		(name, data) => void seen.push([name, data instanceof Error ? `error: ${data.message}` : name.endsWith(".pdf") ? fflate.strFromU8(data, true) : fflate.strFromU8(data)]),
	);
	return seen;
}

/** Bytes that do not compress (a scanned PDF is mostly such), the same on every run. */
function noise(length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	let state = 2463534242;
	for (let i = 0; i < length; i++) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		bytes[i] = state & 0xff;
	}
	return bytes;
}

/** Where the first end-of-directory signature sits in the bytes. */
function endRecordIn(bytes: Uint8Array): number {
	return bytes.findIndex((byte, i) => byte === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06);
}

/** The zip with an archive comment, as some archivers add one after the end record. */
function withComment(zip: Uint8Array, comment: Uint8Array): Uint8Array {
	const copy = new Uint8Array(zip.length + comment.length);
	copy.set(zip);
	copy.set(comment, zip.length);
	copy[zip.length - 2] = comment.length & 0xff;
	copy[zip.length - 1] = comment.length >> 8;
	return copy;
}

describe("streaming a zip", () => {
	const scan = concat([strToU8("%PDF-1.5\n"), noise(100 * 1024)]);
	const files = [
		{ name: "metadata_0_to_1.json", data: JSON.stringify([ITEMS.pdf]) },
		{ name: `content/${ITEMS.pdf.slug}.pdf`, data: scan },
		{ name: `highlights/${ITEMS.pdf.slug}.md`, data: "> Attention." },
	];
	const expected = files.map((f) => [f.name, typeof f.data === "string" ? f.data : fflate.strFromU8(f.data, true)]);

	it.each([500, 1000, 70 * 1024, 1 << 20])("reads every entry of a zip larger than its end record can reach back, in chunks of %d bytes", async (chunkSize) => {
		const zip = zipOf(files);
		expect(zip.length).toBeGreaterThan(100 * 1024);
		expect(await entries(zip, chunkSize)).toEqual(expected);
		// A long archive comment puts the end record farther from the end, across chunks.
		expect(await entries(withComment(zip, noise(60_000).map((b) => 0x41 + (b % 26))), chunkSize)).toEqual(expected);
	});

	it.each([1000, 1 << 20])("refuses the same zip cut short anywhere, in chunks of %d bytes", async (chunkSize) => {
		const zip = withComment(zipOf(files), strToU8("made by an archiver"));
		for (const end of [zip.length - 23, zip.length - 200, 60 * 1024, 2000]) {
			await expect(entries(zip.subarray(0, end), chunkSize)).rejects.toThrow(new ExportError("the zip file is damaged or cut short"));
		}
	});

	it("refuses a download cut short inside an uncompressed upload, even one whose bytes hold a zip's end record", async () => {
		// A PDF that embeds a zip (an attached document), stored as it is, as archivers store what does not compress.
		const pdf = concat([strToU8("%PDF-1.7\n"), noise(3000), Uint8Array.of(0x50, 0x4b, 0x05, 0x06), new Uint8Array(18), noise(3000)]);
		const zip = zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([ITEMS.pdf])), [`content/${ITEMS.pdf.slug}.pdf`]: [pdf, { level: 0 }] });
		await expect(index(zip.subarray(0, endRecordIn(zip) + 100))).rejects.toThrow(new ExportError("the zip file is damaged or cut short"));
	});

	it("refuses a zip cut short inside an entry it was not asked to read, whose bytes hold a zip's end record", async () => {
		const pdf = concat([strToU8("%PDF-1.7\n"), noise(3000), Uint8Array.of(0x50, 0x4b, 0x05, 0x06), new Uint8Array(18), noise(3000)]);
		const zip = zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([ITEMS.pdf])), [`content/${ITEMS.pdf.slug}.pdf`]: [pdf, { level: 0 }] });
		const metadataOnly = zipArchive(bytesSource(zip.subarray(0, endRecordIn(zip) + 100), 1000)).read(
			(name) => (name.startsWith("metadata") ? { maxBytes: 1024 } : null),
			() => undefined,
		);
		await expect(metadataOnly).rejects.toThrow(new ExportError("the zip file is damaged or cut short"));
	});

	it("reads an empty zip as one that holds no export", async () => {
		const empty = zipSync({});
		expect(empty.length).toBe(22);
		await expect(index(empty)).rejects.toThrow(new ExportError("it holds no metadata_*.json file, so it is not an Omnivore export"));
		expect(await entries(empty, 1000)).toEqual([]);
	});

	it("hands over each entry as soon as it has arrived, so memory holds one entry at a time", async () => {
		const zip = zipOf(files);
		let chunksRead = 0;
		const source = {
			...bytesSource(zip),
			async *chunks() {
				for await (const chunk of bytesSource(zip, 1000).chunks()) {
					chunksRead++;
					yield chunk;
				}
			},
		};
		const seenAt: Array<[string, number]> = [];
		await zipArchive(source).read(
			() => ({ maxBytes: 1024 * 1024 }),
			(name) => void seenAt.push([name, chunksRead]),
		);
		const total = Math.ceil(zip.length / 1000);
		expect(seenAt.map(([name]) => name)).toEqual(files.map((f) => f.name));
		// The metadata before the upload's 100 KB have been read, the upload before the zip's directory.
		expect(seenAt[0][1]).toBeLessThan(5);
		expect(seenAt[1][1]).toBeLessThan(total);
	});

	it("reads every entry wherever the stream's chunks split it around an entry's boundaries", async () => {
		const zip = zipOf(exportFiles());
		const boundaries: number[] = [];
		for (let i = 0; i + 4 <= zip.length; i++) {
			// Local headers, data descriptors and the directory: where an entry ends.
			if (zip[i] === 0x50 && zip[i + 1] === 0x4b && [0x0304, 0x0708, 0x0102].includes((zip[i + 2] << 8) | zip[i + 3])) boundaries.push(i);
		}
		expect(boundaries.length).toBeGreaterThan(30);
		const names = exportFiles().map((f) => f.name);
		for (const at of boundaries) {
			const source = {
				...bytesSource(zip),
				async *chunks() {
					yield zip.subarray(0, at);
					yield zip.subarray(at);
				},
			};
			const seen: string[] = [];
			await zipArchive(source).read(
				() => ({ maxBytes: 1024 * 1024 }),
				(name, data) => void seen.push(data instanceof Error ? `${name}: ${data.message}` : name),
			);
			expect(seen).toEqual(names);
		}
	});

	it("passes over the empty chunks a stream may deliver", async () => {
		const zip = zipOf(files);
		const source = {
			...bytesSource(zip),
			async *chunks() {
				yield new Uint8Array(0);
				for await (const chunk of bytesSource(zip, 4096).chunks()) {
					yield chunk;
					yield new Uint8Array(0);
				}
			},
		};
		const names: string[] = [];
		await zipArchive(source).read(
			() => ({ maxBytes: 1024 * 1024 }),
			(name) => void names.push(name),
		);
		expect(names).toEqual(files.map((f) => f.name));
	});

	it("reads only the entries asked for, and checks without keeping the bytes of those only to be checked", async () => {
		const seen: Array<[string, number]> = [];
		await zipArchive(bytesSource(zipOf(files), 1000)).read(
			(name) => (name.startsWith("content/") ? { maxBytes: 1024 * 1024, checkOnly: true } : name.startsWith("highlights/") ? { maxBytes: 1024 * 1024 } : null),
			(name, data) => void seen.push([name, (data as Uint8Array).length]),
		);
		expect(seen).toEqual([
			[`content/${ITEMS.pdf.slug}.pdf`, 0],
			[`highlights/${ITEMS.pdf.slug}.md`, 12],
		]);
	});

	it("reads an entry of exactly its limit, and refuses one a byte longer", async () => {
		const zip = zipOf(files);
		const limit = strToU8("> Attention.").length;
		const read = async (maxBytes: number) => {
			const seen: EntryData[] = [];
			await zipArchive(bytesSource(zip, 1000)).read(
				(name) => (name.startsWith("highlights/") ? { maxBytes } : null),
				(_name, data) => void seen.push(data),
			);
			return seen;
		};
		expect(await read(limit)).toEqual([strToU8("> Attention.")]);
		expect(await read(limit - 1)).toEqual([new EntryTooLarge(limit - 1)]);
	});

	it("reads an upload of exactly its limit whose compressed bytes span many slices and chunks", async () => {
		const seen: EntryData[] = [];
		await zipArchive(bytesSource(zipOf(files), 5000)).read(
			(name) => (name.endsWith(".pdf") ? { maxBytes: scan.length } : null),
			(_name, data) => void seen.push(data),
		);
		expect(seen).toEqual([scan]);
	});
});

describe("names of entries", () => {
	/** The zip with the bytes of one name replaced by others of the same length, as an old archiver wrote them. */
	function renamed(zip: Uint8Array, from: string, to: Uint8Array): Uint8Array {
		const copy = zip.slice();
		const bytes = strToU8(from);
		for (let i = 0; i + bytes.length <= copy.length; i++) {
			if (bytes.every((byte, k) => copy[i + k] === byte)) copy.set(to, i);
		}
		return copy;
	}

	it("reads a name written in Latin-1 without the UTF-8 flag (an old Windows archiver) as Latin-1", async () => {
		const zip = zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([{ id: "1", slug: "café-1" }])), "highlights/cafX-1.md": strToU8("> Un café") });
		const read = await index(renamed(zip, "highlights/cafX-1.md", Uint8Array.from("highlights/caf\u00e9-1.md", (c) => c.charCodeAt(0))));
		expect([...read.highlights.keys()]).toEqual(["café-1"]);
	});

	it("reads a decomposed name (as macOS writes it) composed, as the metadata spells the slug", async () => {
		const zip = zipSync({ "metadata_0_to_1.json": strToU8(JSON.stringify([{ id: "1", slug: "café-1" }])), "content/cafe\u0301-1.html": strToU8("<p>Un café</p>") });
		const names: string[] = [];
		await zipArchive(bytesSource(zip)).read(
			() => ({ maxBytes: 1024 }),
			(name) => void names.push(name),
		);
		expect(names).toEqual(["metadata_0_to_1.json", "content/caf\u00e9-1.html"]);
	});

	it("keeps a name of characters above Latin-1 as the zip's UTF-8 flag says", async () => {
		const zip = zipSync({ "highlights/中文-ü-1.md": strToU8("> 高亮") });
		expect(await entries(zip, 1000)).toEqual([["highlights/中文-ü-1.md", "> 高亮"]]);
	});
});

describe("bytes already in memory", () => {
	it("are delivered in chunks of the size asked for, the last one shorter, and none for no bytes", async () => {
		const lengths = async (bytes: Uint8Array, size: number) => {
			const seen: number[] = [];
			for await (const chunk of bytesSource(bytes, size).chunks()) seen.push(chunk.length);
			return seen;
		};
		expect(await lengths(new Uint8Array(10), 4)).toEqual([4, 4, 2]);
		expect(await lengths(new Uint8Array(8), 4)).toEqual([4, 4]);
		expect(await lengths(new Uint8Array(0), 4)).toEqual([]);
	});
});
