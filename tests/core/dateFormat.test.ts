import { format } from "date-fns";
import { checkDateFormat, dateFnsToMoment, momentToDateFns, upgradeSavedFormat } from "../../src/core/dateFormat";
import { NoteTidier } from "../../src/core";

// 27 February 2024, 13:30:06.789, a Tuesday (tests run with TZ=Europe/Paris).
const AT = new Date(2024, 1, 27, 13, 30, 6, 789);

function written(momentFormat: string): string {
	const converted = momentToDateFns(momentFormat);
	if (!converted.ok) throw new Error(converted.reason);
	return format(AT, converted.pattern);
}

describe("momentToDateFns", () => {
	// What Moment itself writes for each format, as Obsidian's date settings show it.
	it.each([
		["YYYY-MM-DD", "2024-02-27"],
		["YYYY-MM-DDTHH:mm:ss", "2024-02-27T13:30:06"],
		["YYYY-MM-DD[T]HH:mm:ss", "2024-02-27T13:30:06"],
		["YYYY-MM-DD HH:mm", "2024-02-27 13:30"],
		["DD/MM/YYYY", "27/02/2024"],
		["M/D/YY", "2/27/24"],
		["D.M.YYYY", "27.2.2024"],
		["MMMM Do, YYYY", "February 27th, 2024"],
		["MMM D, YYYY h:mm A", "Feb 27, 2024 1:30 PM"],
		["ddd, D MMM YYYY hh:mm a", "Tue, 27 Feb 2024 01:30 pm"],
		["dddd", "Tuesday"],
		["dd", "Tu"],
		["E", "2"],
		["Qo [quarter]", "1st quarter"],
		["GGGG-[W]WW", "2024-W09"],
		["ww wo", "09 9th"],
		["k:mm:ss.SSS", "13:30:06.789"],
		["x", String(AT.getTime())],
		["X", String(Math.floor(AT.getTime() / 1000))],
		["YYYY-MM-DDTHH:mm:ssZ", "2024-02-27T13:30:06+01:00"],
		["ZZ", "+0100"],
		["[Saved on] YYYY-MM-DD", "Saved on 2024-02-27"],
		["[it's] YYYY", "it's 2024"],
		["YYYY 'MM'", "2024 '02'"],
		["\\T\\o\\d\\a\\y YYYY", "Today 2024"],
		["\\T\\o\\d\\a\\y\\ YYYY", "Today 2024"],
		["YYYY年M月D日", "2024年2月27日"],
		["[]YYYY", "2024"],
		["YYYY\\", "2024\\"],
	])("%s writes %s", (momentFormat, expected) => {
		expect(written(momentFormat)).toBe(expected);
	});

	it.each([
		["", "the format is empty"],
		["   ", "the format is empty"],
		["YYYY-MM-DD [at", "a [ is never closed with ]"],
		["YYYY-MM-DD at HH:mm", "t is not a date token; put words in square brackets, such as [at]"],
		["YYYY-MM-DD F", "F is not a date token; put words in square brackets, such as [at]"],
		["LL", "LL: it depends on Obsidian's language; write the format out, such as MMMM D, YYYY"],
		["YYYY-DDDD", "DDDD: the day of the year is not supported"],
		["d", "d: the weekday as a number is not supported; use ddd or dddd for its name, or E for 1 to 7"],
		["gggg", "gggg: week years are not supported, except GGGG"],
		["HH:mm zz", "zz: time zone names are not supported; use Z for the offset"],
		["ss.SSSS", "SSSS: fractions finer than a millisecond (SSS) are not supported"],
	])("refuses %p: %s", (momentFormat, reason) => {
		expect(momentToDateFns(momentFormat)).toEqual({ ok: false, reason });
	});
});

describe("checkDateFormat", () => {
	it("accepts a format that keeps every part of a date and shows an example", () => {
		expect(checkDateFormat("YYYY-MM-DD", false, AT)).toEqual({ ok: true, pattern: "yyyy-MM-dd", example: "2024-02-27" });
		expect(checkDateFormat("D MMMM YYYY, h:mm A", true, AT)).toMatchObject({ ok: true, example: "27 February 2024, 1:30 PM" });
		expect(checkDateFormat("YYYY-MM-DDTHH:mm", true)).toMatchObject({ ok: true });
	});

	it.each([
		["MM-DD", false, "it leaves out the full year, so dates would lose it"],
		["YYYY-MM", false, "it leaves out the day, so dates would lose it"],
		["YYYY-MM-DD", true, "it leaves out the hour and minute, so dates would lose them"],
		["YYYY-MM-DD hh:mm", true, "it leaves out the hour, so dates would lose it"],
		["GGGG-[W]WW", false, "it leaves out the day, so dates would lose it"],
		["dddd", false, "it leaves out the full year, month and day, so dates would lose them"],
		["YY-MM-DD", false, "it leaves out the full year, so dates would lose it"],
		["YYYY-MM-DD E", false, "dates written this way cannot be read back"],
		["YYYY-MM-DD F", false, "F is not a date token; put words in square brackets, such as [at]"],
	])("refuses %p (with a time: %p): %s", (momentFormat, hasTime, reason) => {
		expect(checkDateFormat(momentFormat, hasTime)).toEqual({ ok: false, reason });
	});

	it("is what the engine enforces: a format that would lose dates is refused before any note is read", () => {
		expect(() => new NoteTidier({ dateFormat: "MM-DD" })).toThrow('The date format "MM-DD" cannot be used: it leaves out the full year, so dates would lose it.');
		expect(new NoteTidier({ dateFormat: "DD/MM/YYYY" }).tidy("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ndate_published: 2024-03-01\n---\n#Omnivore\n").text).toContain(
			"\ndate_published: 01/03/2024\n",
		);
	});
});

describe("dateFnsToMoment (settings saved before formats used Moment's syntax)", () => {
	it.each([
		["yyyy-MM-dd'T'HH:mm:ss", "YYYY-MM-DDTHH:mm:ss"],
		["yyyy-MM-dd", "YYYY-MM-DD"],
		["dd/MM/yyyy HH:mm", "DD/MM/YYYY HH:mm"],
		["MMMM do, yyyy h:mm a", "MMMM Do, YYYY h:mm A"],
		["EEE, d LLL yyyy", "ddd, D MMM YYYY"],
		["'Saved on' yyyy-MM-dd", "[Saved on] YYYY-MM-DD"],
		["yyyy 'o''clock' HH", "YYYY [o'clock] HH"],
		["yyyy-MM-dd'T'HH:mm:ssxxx", "YYYY-MM-DDTHH:mm:ssZ"],
	])("%s becomes %s, and both write the same", (dateFns, moment) => {
		expect(dateFnsToMoment(dateFns)).toBe(moment);
		expect(written(moment)).toBe(format(AT, dateFns));
	});

	it.each(["yyyy-MM-dd qqqq", "yyyy-DDD", "c"])("has no Moment twin for %p", (dateFns) => {
		expect(dateFnsToMoment(dateFns)).toBeNull();
	});
});

describe("every Moment token a format may hold", () => {
	// 27 February 2024 13:30:06.789 is in the 9th week of its year, ISO's and the US one alike.
	it.each([
		["Y", "2024"],
		["Q", "1"],
		["Mo", "2nd"],
		["w", "9"],
		["W", "9"],
		["Wo", "9th"],
		["H", "13"],
		["h hh", "1 01"],
		["k kk", "13 13"],
		["m", "30"],
		["s", "6"],
		["S SS", "7 78"],
	])("%s writes %s", (momentFormat, expected) => {
		expect(written(momentFormat)).toBe(expected);
	});

	it.each([
		["lll", "it depends on Obsidian's language"],
		["LTS", "it depends on Obsidian's language"],
		["LT", "it depends on Obsidian's language"],
		["DDDo", "the day of the year is not supported"],
		["do", "the weekday as a number is not supported"],
		["e", "the weekday as a number is not supported"],
		["GG", "week years are not supported, except GGGG"],
		["N", "eras are not supported"],
		["NNNNN", "eras are not supported"],
		["yyyy", "eras are not supported"],
		["yo", "eras are not supported"],
		["z", "time zone names are not supported"],
		["YYYYY", "years of more than four digits are not supported"],
	])("refuses %p, saying why", (momentFormat, reason) => {
		const converted = momentToDateFns(momentFormat);
		expect(converted.ok).toBe(false);
		expect(converted.ok ? "" : converted.reason.startsWith(`${momentFormat}: ${reason}`)).toBe(true);
	});
});

describe("date-fns patterns saved by earlier versions", () => {
	it.each([
		["yyyy-MM-dd hh:mm aa", "YYYY-MM-DD hh:mm A"],
		["L/LL/LLLL", "M/MM/MMMM"],
		["EEEE E EE", "dddd ddd ddd"],
		["HH:mmXXX", "HH:mmZ"],
		["HH:mmXX", "HH:mmZZ"],
		["yyyy ''yy", "YYYY 'YY"],
		["yyyy-MM-dd 'at", "YYYY-MM-DD [at]"],
		["yyyy [MM] \\", "YYYY \\[MM\\] \\\\"],
		["yyyy' - 'MM", "YYYY - MM"],
	])("%s becomes %s", (dateFns, moment) => {
		expect(dateFnsToMoment(dateFns)).toBe(moment);
	});

	it.each([
		["yyyy-MM-dd'T'HH:mm:ss", true, "YYYY-MM-DDTHH:mm:ss"],
		["dd.MM.yyyy", false, "DD.MM.YYYY"],
		["YYYY-MM-DD", false, "YYYY-MM-DD"],
		["yyyy", false, null],
		["HH:mm", true, null],
	])("upgrades %p (with a time: %p) to %p", (saved, hasTime, expected) => {
		expect(upgradeSavedFormat(saved, hasTime)).toBe(expected);
	});
});
