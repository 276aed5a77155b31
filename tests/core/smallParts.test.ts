// The small shared pieces every command leans on: the hashes the journal and the image record keep on
// disk, HTML entities in notes, Windows' reserved names, problem headings, quoted values, options.

import { hashBytes, hashLike, hashText, holdsHash, noteHash } from "../../src/core/hash";
import { decodeHtmlEntities } from "../../src/core/htmlEntities";
import { DEFAULT_OPTIONS, OMNIVORE_PROXY_BASES, resolveOptions, type TidyOptions } from "../../src/core/options";
import { PROBLEM_TITLES, quoteForMessage, ReportBuilder } from "../../src/core/report";
import { avoidReservedName } from "../../src/core/reservedNames";
import { NoteTidier } from "../../src/core/tidy";

describe("hashes kept on disk", () => {
	test("are the same as earlier versions wrote, so undo and the image record still recognise their files", () => {
		expect(hashText("")).toBe("0bdcb81aee8d830");
		expect(hashText("---\ntitle: A\n---\nBody\n")).toBe("05fc99f45ca65f16");
		expect(hashText("a", 1)).toBe("13124eda4555df1");
		expect(hashBytes(new Uint8Array())).toBe("0bdcb81aee8d8310c329583afc3b-0");
		expect(hashBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toBe("0f9b1c7472688d0a03659728aea5-7");
	});

	test("tell apart notes that differ in one character anywhere, and images in one byte", () => {
		const note = `---\ntitle: A long article\n---\n${"Some text. ".repeat(500)}`;
		const variants = [note, note.replace("A long", "A Long"), `${note.slice(0, -1)}!`, `${note} `, note.replace("\n", "\r\n")];
		expect(new Set(variants.map((v) => hashText(v))).size).toBe(variants.length);
		const image = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
		const changed = image.slice();
		changed[changed.length - 1] ^= 1;
		const first = image.slice();
		first[0] ^= 0x80;
		expect(new Set([hashBytes(image), hashBytes(changed), hashBytes(first), hashBytes(image.subarray(1))]).size).toBe(4);
	});

	test("of notes in the journal are the same as this version wrote, so its journals still undo", () => {
		expect(noteHash("")).toBe("u0bdcb81aee8d830");
		expect(noteHash("hello")).toBe("u055b0c821a79235");
		expect(noteHash("---\ntitle: é 東京\n---\n")).toBe("u1091b4cd29c50519");
		expect(noteHash("😀")).toBe("u0b62f9a97bb9634");
	});

	test("of notes do not depend on how the text is cut to be encoded: each is that of its whole UTF-8 bytes", () => {
		// The definition, over the bytes at once: cyrb53's lanes over words of four bytes (little-endian), the last one short.
		const reference = (text: string) => {
			const bytes = new TextEncoder().encode(text);
			const rotate = (h: number, by: number) => (h << by) | (h >>> (32 - by));
			let h1 = 0xdeadbeef;
			let h2 = 0x41c6ce57;
			const whole = bytes.length - (bytes.length % 4);
			for (let i = 0; i < whole; i += 4) {
				const word = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
				h1 = rotate(Math.imul(h1 ^ word, 2654435761), 15);
				h2 = rotate(Math.imul(h2 ^ word, 1597334677), 13);
			}
			if (whole < bytes.length) {
				let word = 0;
				for (let i = whole; i < bytes.length; i++) word |= bytes[i] << (8 * (i - whole));
				h1 = Math.imul(h1 ^ word, 2654435761);
				h2 = Math.imul(h2 ^ word, 1597334677);
			}
			h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
			h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
			return `u${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0")}${bytes.length.toString(16)}`;
		};
		// Texts over several of the encoder's 64 KB parts, characters of 1 to 4 bytes across each cut, a lone surrogate.
		const pieces = ["a", "é", "東", "😀", "\r\n", "\ud800"];
		for (const [i, count] of [0, 1, 7, 21_845, 21_846, 30_000, 70_001].entries()) {
			const text = Array.from({ length: count }, (_, j) => pieces[(j * (i + 3)) % pieces.length]).join("");
			expect(noteHash(text)).toBe(reference(text));
			// Texts differing only past the first part, or in their last character, are told apart.
			expect(noteHash(`${text}x`)).not.toBe(noteHash(`${text}y`));
		}
	});

	test("of either kind are read: journals of earlier versions hold hashText's", () => {
		const note = "---\ntitle: A\n---\nBody\n";
		expect(holdsHash(note, noteHash(note))).toBe(true);
		expect(holdsHash(note, hashText(note))).toBe(true);
		expect(holdsHash(`${note} `, noteHash(note))).toBe(false);
		expect(holdsHash(`${note} `, hashText(note))).toBe(false);
		// No hash of the earlier kind (hexadecimal digits) starts as one of the new kind.
		expect(hashText(note)).toMatch(/^[0-9a-f]+$/);
		expect(hashLike(hashText(note))(note)).toBe(hashText(note));
		expect(hashLike(noteHash(note))(note)).toBe(noteHash(note));
	});

	test("end with the length, so texts of other lengths never match", () => {
		expect(hashText("x".repeat(300)).endsWith("12c")).toBe(true);
		expect(hashBytes(new Uint8Array(300)).endsWith("-12c")).toBe(true);
		expect(hashText("", 7)).not.toBe(hashText(""));
		// In UTF-8 bytes for the journal's.
		expect(noteHash("é".repeat(150)).endsWith("12c")).toBe(true);
	});
});

describe("HTML entities Omnivore's templates wrote", () => {
	test("the named ones Mustache uses, in any case", () => {
		expect(decodeHtmlEntities("&amp;&quot;&apos;&lt;&gt;&sol;&equals;&grave;&nbsp;")).toBe("&\"'<>/=`\u00a0");
		expect(decodeHtmlEntities("Tom &AMP; Jerry &Quot;")).toBe('Tom & Jerry "');
	});
	test("numbers in decimal and hex, up to the last code point; others are left as written", () => {
		expect(decodeHtmlEntities("https:&#x2F;&#X2f;a&#47;b &#39;q&#39; &#128512;")).toBe("https://a/b 'q' 😀");
		expect(decodeHtmlEntities("&#x10FFFF;")).toBe("\u{10FFFF}");
		expect(decodeHtmlEntities("&#0; &#x110000; &#1114112; &copy; &amp &#x;")).toBe("&#0; &#x110000; &#1114112; &copy; &amp &#x;");
	});
});

describe("names Windows refuses", () => {
	test("each device name, in any case, gets the suffix; longer names do not", () => {
		for (const name of ["con", "PRN", "Aux", "nul", "COM1", "com9", "lpt1", "LPT9"]) expect(avoidReservedName(name, "-image")).toBe(`${name}-image`);
		for (const name of ["console", "com", "lpt", "conference", "nul1x", "a con"]) expect(avoidReservedName(name, "-image")).toBe(name);
	});
});

describe("what a report says", () => {
	test("every problem has its own heading: a capitalised phrase, no full stop", () => {
		const titles = Object.values(PROBLEM_TITLES);
		expect(new Set(titles).size).toBe(titles.length);
		for (const title of titles) expect(title).toMatch(/^[A-Z].{10,}[^.]$/);
	});

	test("a quoted value is on one line and cut with an ellipsis past the limit", () => {
		expect(quoteForMessage("a\n\tb  c")).toBe('"a b c"');
		expect(quoteForMessage("x".repeat(120))).toBe(`"${"x".repeat(120)}"`);
		expect(quoteForMessage("x".repeat(121))).toBe(`"${"x".repeat(119)}…"`);
		expect(quoteForMessage(`data:image/png;base64,${"A".repeat(5000)}`, 20)).toBe('"data:image/png;base…"');
	});

	test("lines from a part of the note become lines of the whole note; items without a line keep none", () => {
		const builder = new ReportBuilder();
		builder.change({ kind: "key-added", message: "added", line: 2 });
		builder.merge({ changes: [{ kind: "url-unwrapped", message: "u", line: 3 }], problems: [{ code: "unsafe-image-url", message: "p" }] }, 10);
		builder.merge({ changes: [], problems: [{ code: "unparseable-date", message: "d", line: 1 }] });
		expect(builder.changes.map((c) => c.line)).toEqual([2, 13]);
		expect(builder.problems).toEqual([{ code: "unsafe-image-url", message: "p" }, { code: "unparseable-date", message: "d", line: 1 }]);
	});
});

describe("options", () => {
	test("a settings file from an older version gets today's defaults for what it lacks", () => {
		const options = resolveOptions({ keys: { title: "Title" } as TidyOptions["keys"], statusValues: { read: "done" } as TidyOptions["statusValues"], recover: { siteName: false } as TidyOptions["recover"] });
		expect(options.keys).toEqual({ ...DEFAULT_OPTIONS.keys, title: "Title" });
		expect(options.statusValues).toEqual({ ...DEFAULT_OPTIONS.statusValues, read: "done" });
		expect(options.recover).toEqual({ ...DEFAULT_OPTIONS.recover, siteName: false });
		expect(options.tagName).toBe("Omnivore");
		expect(options.match).toBe("fingerprint");
		expect(options.dateFormat).toBe("YYYY-MM-DD");
		expect(options.dateTimeFormat).toBe("YYYY-MM-DDTHH:mm:ss");
		expect(options.dayMonthOrder).toBe("auto");
	});

	test("what a hand-edited settings file holds is read safely, and never shared with the defaults", () => {
		const options = resolveOptions({ omnivoreHosts: ["read.example.org", 42, null] as unknown as string[], match: "tags" as TidyOptions["match"] });
		expect(options.omnivoreHosts).toEqual(["read.example.org"]);
		expect(options.match).toBe("fingerprint");
		expect(resolveOptions({ omnivoreHosts: "read.example.org" as unknown as string[] }).omnivoreHosts).toEqual([]);
		expect(resolveOptions({ match: "tag" }).match).toBe("tag");
		const extra = ["http://localhost:7070"];
		const resolved = resolveOptions({ extraDateKeys: ["finished"], extraProxyBases: extra });
		resolved.extraProxyBases.push("http://other");
		resolved.extraDateKeys.push("x");
		expect(extra).toEqual(["http://localhost:7070"]);
		expect(resolveOptions().extraDateKeys).toEqual([]);
		expect(resolveOptions().extraProxyBases).toEqual([]);
	});

	test("images on each of Omnivore's proxies are unwrapped", () => {
		const tidier = new NoteTidier();
		expect(OMNIVORE_PROXY_BASES).toHaveLength(4);
		for (const base of OMNIVORE_PROXY_BASES) {
			const { text } = tidier.unwrapImages(`![](${base}/0x0,sAbc/https://cdn.example.com/a.png)\n`);
			expect([base, text]).toEqual([base, "![](https://cdn.example.com/a.png)\n"]);
		}
	});
});
