// What the reading-state values people, templates and Omnivore wrote mean, and the yes/no flags kept beside them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readFlag, readStatus, READING_STATUSES, STATUS_WORDS, type ReadingStatus } from "../../../src/core/omnivore/status";
import { DEFAULT_OPTIONS, type StatusValues } from "../../../src/core/options";

const OWN: StatusValues = { unread: "Backlog", reading: "Now", read: "Done reading", archived: "Shelved" };

describe("readStatus", () => {
	it.each<[unknown, string | undefined]>([
		["unread", "unread"],
		["To Read", "unread"],
		["read_later", "unread"],
		["INBOX", "unread"],
		["Active", "unread"],
		["in-progress", "reading"],
		["READING", "reading"],
		["COMPLETED", "read"],
		["Readed", "read"],
		["ARCHIVED", "archived"],
		["archive", "archived"],
		[true, "read"],
		[false, "unread"],
		["", undefined],
		["  ", undefined],
		["someday", undefined],
		[3, undefined],
		[null, undefined],
		[["read"], undefined],
	])("%p → %p", (value, expected) => {
		expect(readStatus(value)).toBe(expected);
	});

	it("reads the user's own words first, without case, spaces or dashes", () => {
		expect(readStatus("backlog", OWN)).toBe("unread");
		expect(readStatus("done-reading", OWN)).toBe("read");
		expect(readStatus("SHELVED", OWN)).toBe("archived");
		// An own word that is also a built-in one means what the user made it mean.
		expect(readStatus("done", { ...DEFAULT_OPTIONS.statusValues, archived: "done" })).toBe("archived");
		expect(readStatus("done", OWN)).toBe("read");
	});

	it("gives a name left empty in the settings to no value, and still reads the built-in words", () => {
		const blank = { ...OWN, archived: "" };
		expect(readStatus("", blank)).toBeUndefined();
		expect(readStatus(" - ", blank)).toBeUndefined();
		expect(readStatus("Archived", blank)).toBe("archived");
	});
});

describe("readFlag", () => {
	const flag = (values: Record<string, unknown>) => readFlag(Object.keys(values), (key) => values[key], OWN);

	it.each<[Record<string, unknown>, ReturnType<typeof flag>]>([
		[{ title: "x", Readed: true }, { key: "Readed", status: "Done reading" }],
		[{ is_read: false }, { key: "is_read", status: "Backlog" }],
		[{ "Already-Read": true }, { key: "Already-Read", status: "Done reading" }],
		// `true`/`false` as text, as Obsidian writes a Text property, read the same.
		[{ Readed: "true" }, { key: "Readed", status: "Done reading" }],
		[{ read: " FALSE " }, { key: "read", status: "Backlog" }],
		[{ read: "yes" }, undefined],
		[{ read: "true story" }, undefined],
		[{ reader: true }, undefined],
		[{ title: "x" }, undefined],
	])("%p → %p", (values, expected) => {
		expect(flag(values)).toEqual(expected);
	});
});

describe("the README's status table", () => {
	// Users read the README to know what they may write; the queue must read every word it lists as it says.
	const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
	const section = readme.slice(readme.indexOf("### Statuses"), readme.indexOf("### Date formats"));
	const rows = section.split("\n").filter((line) => line.startsWith("| `"));
	const words = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
	const listed = rows.flatMap((row) => {
		const [written, status] = row.split("|").slice(1, 3).map((cell) => cell.trim());
		return READING_STATUSES.includes(status as ReadingStatus) ? words(written).map((word) => [word, status] as const) : [];
	});

	it.each(listed)("reads %p as %p", (word, status) => {
		expect(readStatus(word)).toBe(status);
		expect(readStatus(word.toUpperCase().replace(/ /g, "_"))).toBe(status);
	});

	it("lists every word the queue reads", () => {
		const fold = (word: string) => word.toLowerCase().replace(/[\s_-]+/g, "");
		const documented = new Set(listed.map(([word]) => fold(word)));
		for (const status of READING_STATUSES) for (const word of STATUS_WORDS[status]) expect(documented).toContain(word);
	});

	it("reads each yes/no flag it lists, beside no status", () => {
		const flagRow = section.split("\n").find((row) => row.includes('"read" flag'));
		const flags = words(flagRow?.split(":")[0] ?? "").filter((word) => word !== "true" && word !== "false");
		expect(flags.length).toBeGreaterThan(3);
		for (const key of flags) {
			expect(readFlag([key], () => true, OWN)).toEqual({ key, status: "Done reading" });
			expect(readFlag(["title", key], (name) => (name === key ? false : "A title"), OWN)).toEqual({ key, status: "Backlog" });
		}
	});
});
