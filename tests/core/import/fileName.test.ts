// The file name of an imported note, from the article's title, and the folder the notes go to.

import { DEFAULT_IMPORT_FOLDER, importFolder, noteBaseName, numberedPath } from "../../../src/core/import/fileName";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("noteBaseName", () => {
	it.each([
		["How SQLite Scales Read Concurrency", "How SQLite Scales Read Concurrency"],
		["Rust in 2023: What Comes Next?", "Rust in 2023 What Comes Next"],
		["The Weekly Dispatch #42 | [Links] ^1", "The Weekly Dispatch 42 Links 1"],
		['Windows paths: C:\\Users\\me and "quotes" <b>', "Windows paths C Users me and quotes b"],
		["a/b testing*", "a b testing"],
		["Line one\nLine\ttwo\u0000\u007f end", "Line one Line two end"],
		[".htaccess explained", "htaccess explained"],
		["...And Then There Were None", "And Then There Were None"],
		["Wait for it...", "Wait for it"],
		["  … and then  ", "… and then"],
		["逼近 GPT-4 的新模型发布！「欧洲版 OpenAI」", "逼近 GPT-4 的新模型发布！「欧洲版 OpenAI」"],
		["CON", "CON (note)"],
		["nul", "nul (note)"],
		["COM1.tar: a review", "COM1 (note).tar a review"],
		["Con Air, reviewed", "Con Air, reviewed"],
		// A direction override would show `Invoice\u202Egnp.exe` as "Invoiceexe.png".
		["Invoice\u202Egnp.exe", "Invoice gnp.exe"],
		["שלום\u200F world \u2067x\u2069", "שלום world x"],
		// A C1 control (CSI, U+009B) and a zero-width space are no part of a name either.
		["Red\u009b31m alert\u200b", "Red 31m alert"],
	])("%j becomes %j", (title, name) => {
		expect(noteBaseName(title, "a-slug-18b8c2d4e10")).toBe(name);
	});

	it("falls back to the slug when nothing of the title can be a name, then to Untitled", () => {
		expect(noteBaseName("???", "how-sqlite-scales-18b8c2d4e10")).toBe("how-sqlite-scales-18b8c2d4e10");
		expect(noteBaseName("", "...")).toBe("Untitled");
		expect(noteBaseName("#", "")).toBe("Untitled");
	});

	it("keeps a title of 200 bytes whole and cuts a longer one at a whole word character, with an ellipsis", () => {
		const exact = "a".repeat(200);
		expect(noteBaseName(exact, "slug")).toBe(exact);
		expect(noteBaseName(`${exact}b`, "slug")).toBe(`${"a".repeat(199)}…`);
	});

	it("counts bytes as a file system does: a long title in Chinese or with accents is cut by bytes, never inside a character", () => {
		const chinese = noteBaseName("法国初创公司发布了新模型".repeat(10), "slug");
		// 66 characters of 3 bytes each fit in 199 bytes; the 67th would not.
		expect(chinese).toBe(`${"法国初创公司发布了新模型".repeat(10).slice(0, 66)}…`);
		const french = noteBaseName("é".repeat(150), "slug");
		expect(french).toBe(`${"é".repeat(99)}…`);
		const emoji = noteBaseName("📚".repeat(60), "slug");
		expect(emoji).toBe(`${"📚".repeat(49)}…`);
		expect([chinese, french, emoji].every((name) => bytes(name) <= 202)).toBe(true);
	});

	it.each([
		["~", 1],
		["\u00e9", 2],
		["߿", 2],
		["ࠀ", 3],
		["￼", 3],
		["𐀀", 4],
	])("counts %j as %i bytes, as UTF-8 writes it", (char, size) => {
		expect(bytes(char)).toBe(size);
		const fits = Math.floor(200 / size);
		expect(noteBaseName(char.repeat(fits), "slug")).toBe(char.repeat(fits));
		expect(noteBaseName(char.repeat(fits + 1), "slug")).toBe(`${char.repeat(Math.floor(199 / size))}…`);
	});

	it("does not end a cut name with a space", () => {
		// 199 bytes that end with a space, then more of the title.
		const kept = `On ${"local-first software essays ".repeat(7)}`;
		expect(kept.length).toBe(199);
		expect(noteBaseName(`${kept}and what comes after the cut`, "slug")).toBe(`${kept.trim()}…`);
	});
});

describe("numberedPath", () => {
	it("numbers the second and later notes of one name", () => {
		expect(numberedPath("Omnivore", "Rust in 2023", 1, "md")).toBe("Omnivore/Rust in 2023.md");
		expect(numberedPath("Omnivore", "Rust in 2023", 2, "md")).toBe("Omnivore/Rust in 2023 (2).md");
		expect(numberedPath("Reading/Omnivore", "Attention Is All You Need", 12, "pdf")).toBe("Reading/Omnivore/Attention Is All You Need (12).pdf");
	});

	it("writes a note at the vault's root without a leading slash", () => {
		expect(numberedPath("", "Rust in 2023", 1, "md")).toBe("Rust in 2023.md");
	});
});

describe("importFolder", () => {
	it.each([
		["Omnivore", "Omnivore"],
		["  Reading/Omnivore  ", "Reading/Omnivore"],
		["Reading\\Omnivore\\", "Reading/Omnivore"],
		["/Omnivore/", "Omnivore"],
		["./Omnivore", "Omnivore"],
		["Reading//Omnivore", "Reading/Omnivore"],
		["Reading / Omnivore ", "Reading/Omnivore"],
		["Notes.d/Omnivore", "Notes.d/Omnivore"],
		["  ./Reading/Omnivore ", "Reading/Omnivore"],
		[".\\Omnivore", "Omnivore"],
		["Reading/ /Omnivore", "Reading/Omnivore"],
		["Reading list: 2024", "Reading list: 2024"],
		["", ""],
		["/", ""],
	])("%j is the folder %j", (typed, folder) => {
		expect(importFolder(typed)).toEqual({ ok: true, folder });
	});

	it("is Omnivore unless the user says otherwise", () => {
		expect(importFolder(DEFAULT_IMPORT_FOLDER)).toEqual({ ok: true, folder: "Omnivore" });
	});

	it.each(["../Elsewhere", "/./Omnivore", "Reading/../../Elsewhere", "Reading/./Omnivore", "C:/Users/me/Omnivore", "d:\\vault"])("%j is outside the vault", (typed) => {
		expect(importFolder(typed)).toEqual({ ok: false, reason: `must be a folder inside the vault, such as Omnivore or Reading/Omnivore, not "${typed}"` });
	});

	it.each([".omnivore", "Reading/.trash", "/.hidden/"])("%j is hidden from Obsidian", (typed) => {
		expect(importFolder(typed)).toEqual({ ok: false, reason: `cannot be a hidden folder ("${typed}"): Obsidian would not show its notes` });
	});

	// `![[a#b/Paper.pdf]]` would embed a heading of a note "a", not the PDF.
	it.each(["a#b", "Reading/x|y", "r[1]", "h^i"])("%j holds a character Obsidian refuses in names", (typed) => {
		expect(importFolder(typed)).toEqual({ ok: false, reason: `cannot hold # ^ [ ] | (Obsidian's links to its notes and PDFs would break): "${typed}"` });
	});

	it("names a control character as what it is, shown escaped", () => {
		expect(importFolder("tab\there")).toEqual({ ok: false, reason: 'cannot hold a control character (a tab, a line break): "tab\\there"' });
	});
});
