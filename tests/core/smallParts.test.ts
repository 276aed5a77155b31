// The small shared pieces every command leans on: the hashes the journal and the image record keep on
// disk, HTML entities in notes, Windows' reserved names, problem headings, quoted values, options.

import { hashBytes, hashText } from "../../src/core/hash";
import { decodeHtmlEntities } from "../../src/core/htmlEntities";
import { DEFAULT_OPTIONS, OMNIVORE_PROXY_BASES, resolveOptions, type TidyOptions } from "../../src/core/options";
import { PROBLEM_TITLES, quoteForMessage, ReportBuilder } from "../../src/core/report";
import { avoidReservedName } from "../../src/core/reservedNames";
import { NoteTidier } from "../../src/core/tidy";
import { longerInUtf8 } from "../../src/core/utf8";

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

	test("end with the length, so texts of other lengths never match", () => {
		expect(hashText("x".repeat(300)).endsWith("12c")).toBe(true);
		expect(hashBytes(new Uint8Array(300)).endsWith("-12c")).toBe(true);
		expect(hashText("", 7)).not.toBe(hashText(""));
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

describe("sizes in UTF-8", () => {
	test("count each character as a file holds it: 1 to 4 bytes, a surrogate pair as one character of 4", () => {
		expect(longerInUtf8("a".repeat(10), 9)).toBe(true);
		expect(longerInUtf8("a".repeat(10), 10)).toBe(false);
		// é 2 bytes, 日 3, 😀 4 (two UTF-16 units): 9 bytes.
		expect(longerInUtf8("é日😀", 8)).toBe(true);
		expect(longerInUtf8("é日😀", 9)).toBe(false);
		expect(longerInUtf8("日".repeat(4), 11)).toBe(true);
		expect(longerInUtf8("日".repeat(4), 12)).toBe(false);
		// A surrogate alone is written as U+FFFD (3 bytes), as Buffer.byteLength counts it.
		for (const lone of ["\ud83d", "\ude00", "a\ude00\ud83d"]) {
			const size = Buffer.byteLength(lone.repeat(3));
			expect([longerInUtf8(lone.repeat(3), size - 1), longerInUtf8(lone.repeat(3), size)]).toEqual([true, false]);
		}
	});
});
