import { fullDate, relativeDate, shortCount, shortRelativeDate } from "../../src/plugin/queue/labels";

const NOW = Date.parse("2026-11-26T12:00:00Z");
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe("queue labels", () => {
	it.each([
		[0.5, "just now", "now"],
		[5, "5 minutes ago", "5m"],
		[3 * 60, "3 hours ago", "3h"],
		[3 * 24 * 60, "3 days ago", "3d"],
		[70 * 24 * 60, "2 months ago", "2mo"],
		[(2 * 365 + 300) * 24 * 60, "2 years ago", "2y"],
	])("%p minutes ago reads %p, or %p where space is short", (minutes, long, short) => {
		expect(relativeDate(ago(minutes), NOW)).toBe(long);
		expect(shortRelativeDate(ago(minutes), NOW)).toBe(short);
	});

	it("reads a date without a time as that day on the reader's calendar, and shows no time for it", () => {
		const noon = new Date(2026, 10, 26, 12).getTime();
		expect(relativeDate("2026-11-23", noon)).toBe("3 days ago");
		expect(fullDate("2026-11-23")).not.toMatch(/\d:\d\d/);
		expect(fullDate("2026-11-23T08:12:44")).toMatch(/\d:\d\d/);
	});

	it("says a date in the future (a clock off) as such", () => {
		expect(relativeDate(new Date(NOW + 2 * 3_600_000).toISOString(), NOW)).toBe("in 2 hours");
	});

	it.each([
		[950, "950"],
		[1000, "1k"],
		[1666, "1.6k"],
		[9999, "9.9k"],
		[10_000, "10k"],
		[50_123, "50k"],
	])("counts %p as %p on a tab", (count, shown) => {
		expect(shortCount(count)).toBe(shown);
	});
});
