import fc from "fast-check";
import { format, parseISO } from "date-fns";
import { formatDateFns, parseIsoDate } from "../../src/core/fastDates";

// Tests run with TZ=Europe/Paris: 2024-03-31 02:30 does not exist there, 2024-10-27 02:30 exists twice.
const sameInstant = (a: Date, b: Date) => (Number.isNaN(a.getTime()) ? Number.isNaN(b.getTime()) : a.getTime() === b.getTime());

const digits = (count: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: count, maxLength: count }).map((d) => d.join(""));
const twoDigits = fc.oneof(digits(2), fc.integer({ min: 0, max: 61 }).map((n) => String(n).padStart(2, "0")));
/** Values of the ISO shapes notes hold, valid and not: months 13, February 30, hour 24, years 0099. */
const isoLike = fc
	.tuple(
		fc.oneof(fc.integer({ min: 1990, max: 2030 }).map(String), digits(4)),
		fc.oneof(fc.integer({ min: 0, max: 13 }).map((n) => String(n).padStart(2, "0")), digits(2)),
		fc.oneof(fc.integer({ min: 0, max: 32 }).map((n) => String(n).padStart(2, "0")), digits(2)),
		fc.option(fc.tuple(fc.constantFrom("T", " "), fc.integer({ min: 0, max: 25 }).map((n) => String(n).padStart(2, "0")), twoDigits, fc.option(fc.tuple(twoDigits, fc.option(digits(1).chain(() => fc.integer({ min: 1, max: 9 }).chain((n) => digits(n))))), { nil: undefined })), { nil: undefined }),
		fc.constantFrom("", "Z", "z", "+05:30", "-0800"),
	)
	.map(([year, month, day, time, zone]) => {
		let text = `${year}-${month}-${day}`;
		if (time) {
			const [sep, hours, minutes, rest] = time;
			text += `${sep}${hours}:${minutes}`;
			if (rest) text += `:${rest[0]}${rest[1] ? `.${rest[1]}` : ""}`;
		}
		return text + zone;
	});

describe("parseIsoDate", () => {
	it.each([
		["2024-02-27", new Date(2024, 1, 27)],
		["2024-02-27 01:30", new Date(2024, 1, 27, 1, 30)],
		["2024-02-27T01:30:06", new Date(2024, 1, 27, 1, 30, 6)],
		["2024-08-02T10:15:00.123Z", new Date(Date.UTC(2024, 7, 2, 10, 15, 0, 123))],
		["2024-02-29", new Date(2024, 1, 29)],
	])("reads %s", (value, expected) => {
		expect(parseIsoDate(value).getTime()).toBe(expected.getTime());
	});

	it.each(["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-01T24:00", "2024-01-01 10:60", "0099-01-01", "2024-03-31T02:30", "2024-10-27T02:30", "2024-02-27T01:30:06+05:30"])(
		"answers %s as date-fns does",
		(value) => {
			expect(sameInstant(parseIsoDate(value), parseISO(value))).toBe(true);
		},
	);

	it("gives the instant date-fns gives for any value of the ISO shapes, fractions of a second included", () => {
		fc.assert(
			fc.property(isoLike, (value) => sameInstant(parseIsoDate(value), parseISO(value))),
			{ numRuns: 5000 },
		);
	});
});

describe("formatDateFns", () => {
	const patterns = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy", "yyyy/MM/dd HH:mm:ss.SSS", "'Saved' yyyy-MM-dd", "HH'h'mm", "yyyy-MM-dd 'o''clock'", "yyyyMM", "yyyyMM"];
	const dates = fc.date({ min: new Date(-62135596800000), max: new Date(253402300799999), noInvalidDate: true });

	it.each(patterns)("writes %s as date-fns does", (pattern) => {
		fc.assert(
			fc.property(dates, (date) => formatDateFns(date, pattern) === format(date, pattern)),
			{ numRuns: 1000 },
		);
	});

	it.each(["MMMM d, yyyy", "EEE, MMM d", "h:mm a", "yyyy-MM-dd 'open", "yyyy-MM-dd ' -", "''", "yyyy-MM-dd'T'HH:mm:ssXXX"])("leaves %s to date-fns", (pattern) => {
		const date = new Date(2024, 6, 30, 21, 5, 9);
		let expected: string;
		try {
			expected = format(date, pattern);
		} catch (error) {
			expect(() => formatDateFns(date, pattern)).toThrow((error as Error).message);
			return;
		}
		expect(formatDateFns(date, pattern)).toBe(expected);
	});

	it("writes the years date-fns writes otherwise, and refuses an invalid date, as date-fns does", () => {
		expect(formatDateFns(new Date(-62198755200000), "yyyy-MM-dd")).toBe(format(new Date(-62198755200000), "yyyy-MM-dd"));
		expect(() => formatDateFns(new Date(Number.NaN), "yyyy-MM-dd")).toThrow(RangeError);
	});
});
