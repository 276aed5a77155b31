import { dateFromOmnivoreUrl, formatDate, readDate, type DateFormats } from "../../src/core/dates";

// Tests run with TZ=Europe/Paris (tests/globalSetup.cjs): UTC+1 in winter, UTC+2 in summer.
const formats: DateFormats = { dateTimeFormat: "YYYY-MM-DDTHH:mm:ss", dateFormat: "YYYY-MM-DD", dayMonthOrder: "auto" };

function normalized(value: string, f: DateFormats = formats): string {
	const reading = readDate(value, f);
	return reading.kind === "date" ? formatDate(reading, f) : reading.kind;
}

describe("readDate", () => {
	it.each([
		["2024-02-27 01:30:06", "2024-02-27T01:30:06"],
		["2024-02-27T01:30:06", "2024-02-27T01:30:06"],
		["2024-02-27T01:30", "2024-02-27T01:30:00"],
		["2024-02-27 01:30", "2024-02-27T01:30:00"],
		["2024-02-27", "2024-02-27"],
		["2024-08-02T10:15:00.000Z", "2024-08-02T12:15:00"],
		["2024-02-27T01:30:06Z", "2024-02-27T02:30:06"],
		["2024-02-27T01:30:06+05:30", "2024-02-26T21:00:06"],
		["2024-02-27T01:30:06-0800", "2024-02-27T10:30:06"],
		["March 1, 2024", "2024-03-01"],
		["Mar 1, 2024", "2024-03-01"],
		["1 March 2024", "2024-03-01"],
		["30/07/2024", "2024-07-30"],
		["30/07/2024 14:05", "2024-07-30T14:05:00"],
		["07/30/2024", "2024-07-30"],
		["30.07.2024", "2024-07-30"],
		["05/05/2024", "2024-05-05"],
		["2024/07/30 09:10:11", "2024-07-30T09:10:11"],
		["  2024-02-27  ", "2024-02-27"],
		["07/30/2024 02:05 PM", "2024-07-30T14:05:00"],
		["30/07/2024 12:05am", "2024-07-30T00:05:00"],
		["2024-02-27 01:30 PM", "2024-02-27T13:30:00"],
		["2024/02/27 11:30:15 am", "2024-02-27T11:30:15"],
		// The plugin's date-format setting: yyyy.MM.dd, dd.MM.yyyy HH:mm, MMM d, yyyy, ...
		["2023.02.02", "2023-02-02"],
		["2023.02.02 08:15", "2023-02-02T08:15:00"],
		["03.04.2024 14:05", "2024-04-03T14:05:00"],
		["Feb 2, 2023 8:15 AM", "2023-02-02T08:15:00"],
		["February 2, 2023 20:15", "2023-02-02T20:15:00"],
		["Thursday, February 2, 2023", "2023-02-02"],
		["2023年2月2日", "2023-02-02"],
		// Luxon's macro formats, which the plugin's setting took (`f`, `ff`, `fff` without the zone), and `H:mm`.
		["10/14/2023, 9:30 PM", "2023-10-14T21:30:00"],
		["14.10.2023, 09:30", "2023-10-14T09:30:00"],
		["Oct 14, 2023, 9:30 AM", "2023-10-14T09:30:00"],
		["October 14, 2023 at 9:30 AM", "2023-10-14T09:30:00"],
		["2023-10-14 9:30", "2023-10-14T09:30:00"],
		// A wall-clock time that does not exist (clocks went forward in Paris) keeps its text.
		["2024-03-31 02:30:00", "2024-03-31T02:30:00"],
		["2024-03-31T02:30", "2024-03-31T02:30:00"],
		// ...in every format the plugin's date setting wrote, not only ISO.
		["Mar 31, 2024 2:30 AM", "2024-03-31T02:30:00"],
		["March 31, 2024 02:30", "2024-03-31T02:30:00"],
		["31.03.2024 02:30", "2024-03-31T02:30:00"],
		["31/03/2024 02:45", "2024-03-31T02:45:00"],
		["2024/03/31 02:30:15", "2024-03-31T02:30:15"],
		["2024-03-31 2:30 AM", "2024-03-31T02:30:00"],
		// Around the gap, times that exist are read as they are.
		["Mar 31, 2024 3:30 AM", "2024-03-31T03:30:00"],
		["Mar 31, 2024 1:59 AM", "2024-03-31T01:59:00"],
		["Mar 31, 2024 5:00 AM", "2024-03-31T05:00:00"],
		["Oct 27, 2024 2:30 AM", "2024-10-27T02:30:00"],
	])("%s → %s", (value, expected) => {
		expect(normalized(value)).toBe(expected);
	});

	it.each(["03/04/2024", "1/2/2024 10:00"])("reports %s as ambiguous", (value) => {
		expect(normalized(value)).toBe("ambiguous");
	});

	it("reads ambiguous dates as the settings say", () => {
		expect(normalized("03/04/2024", { ...formats, dayMonthOrder: "day-first" })).toBe("2024-04-03");
		expect(normalized("03/04/2024", { ...formats, dayMonthOrder: "month-first" })).toBe("2024-03-04");
	});

	it.each(["Y.02.02", "{{date: YYYY-MM-DD}}", "yesterday", "31/02/2024", "2024-13-01", "13/13/2024", "1709025286979", ""])("cannot read %p", (value) => {
		expect(normalized(value)).toBe("unparseable");
	});

	it("reads back a value in a custom output format", () => {
		const custom = { ...formats, dateTimeFormat: "DD/MM/YYYY HH:mm" };
		expect(normalized("03/04/2024 10:00", custom)).toBe("03/04/2024 10:00");
	});
});

describe("dateFromOmnivoreUrl", () => {
	it("reads the save time from the slug's hex timestamp", () => {
		expect(dateFromOmnivoreUrl("https://omnivore.app/me/gpt-4-open-ai-18de9d85b43")?.toISOString()).toBe("2024-02-27T09:14:46.979Z");
		expect(dateFromOmnivoreUrl("https://omnivore.app/me/gpt-4-open-ai-18de9d85b43#a1b2")?.getTime()).toBe(1709025286979);
		// Saved after the announced shutdown (real vaults hold January 2025), or on a self-hosted server.
		expect(dateFromOmnivoreUrl("https://omnivore.app/me/enjoy-the-process-1945a8ee11c")?.toISOString()).toBe("2025-01-12T12:48:20.764Z");
		const lastWeek = Date.now() - 7 * 24 * 60 * 60 * 1000;
		expect(dateFromOmnivoreUrl(`https://omnivore.example/me/today-${lastWeek.toString(16)}`)?.getTime()).toBe(lastWeek);
		// Whenever it is read: the answer does not move with the clock.
		expect(dateFromOmnivoreUrl(`https://omnivore.app/me/a-${(Date.UTC(2029, 11, 31)).toString(16)}`)?.toISOString()).toBe("2029-12-31T00:00:00.000Z");
	});

	it("refuses slugs without a plausible timestamp", () => {
		expect(dateFromOmnivoreUrl("https://omnivore.app/me/just-a-title")).toBeNull();
		expect(dateFromOmnivoreUrl("https://omnivore.app/me/a-0000000001")).toBeNull();
		expect(dateFromOmnivoreUrl("https://omnivore.app/me/a-fffffffffff")).toBeNull();
		expect(dateFromOmnivoreUrl(`https://omnivore.app/me/a-${Date.UTC(2030, 0, 1).toString(16)}`)).toBeNull();
	});
});
