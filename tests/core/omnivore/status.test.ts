// What the reading-state values people, templates and Omnivore wrote mean, and the yes/no flags kept beside them.
import { readFlag, readStatus } from "../../../src/core/omnivore/status";
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
});

describe("readFlag", () => {
	const flag = (values: Record<string, unknown>) => readFlag(Object.keys(values), (key) => values[key], OWN);

	it.each<[Record<string, unknown>, ReturnType<typeof flag>]>([
		[{ title: "x", Readed: true }, { key: "Readed", status: "Done reading" }],
		[{ is_read: false }, { key: "is_read", status: "Backlog" }],
		[{ "Already-Read": true }, { key: "Already-Read", status: "Done reading" }],
		[{ read: "yes" }, undefined],
		[{ reader: true }, undefined],
		[{ title: "x" }, undefined],
	])("%p → %p", (values, expected) => {
		expect(flag(values)).toEqual(expected);
	});
});
