// Reads the date shapes Omnivore notes hold and writes them in one format Obsidian shows as a date.

import { isValid, parse } from "date-fns";
import { formatDateFns as format, parseIsoDate } from "./fastDates";
import { momentToDateFns } from "./dateFormat";
import type { DayMonthOrder } from "./options";

/** A date read from a note: the instant, whether it had a time, and its wall-clock text when it had no zone. */
export interface DateValue {
	date: Date;
	hasTime: boolean;
	/** `[year, month (1-12), day, hours, minutes, seconds]` as written, for a value without `Z` or offset. */
	wall?: readonly number[];
}

export type DateReading = ({ kind: "date" } & DateValue) | { kind: "ambiguous" } | { kind: "unparseable" };

export interface DateFormats {
	/** Moment syntax, as in Obsidian's own date settings (`YYYY-MM-DDTHH:mm:ss`). */
	dateTimeFormat: string;
	dateFormat: string;
	dayMonthOrder: DayMonthOrder;
}

// ISO 8601 with `T` or a space, optional seconds and fraction, optional `Z` or offset.
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,9})?)?$/;
const ISO_HAS_TIME = /^\d{4}-\d{2}-\d{2}[T ]/i;
const YEAR_FIRST_12_HOUR = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2}) (\d{1,2}:\d{2}(?::\d{2})?) ?([AaPp][Mm])$/;
// 2024/07/30 and 2024.07.30 (the plugin's date-format setting), with an optional time; 2024-07-30 9:05 (`H:mm`).
const YEAR_FIRST_SLASH = /^\d{4}([/.-])\d{1,2}\1\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
// 30/07/2024, 30.07.2024, 30-07-2024, with an optional time, 24-hour or with AM/PM, after a space,
// a `T` or a comma (Luxon's `f`, which the Omnivore plugin's setting took: `10/14/2023, 9:30 PM`).
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:(?:[ T]|, )(\d{1,2}:\d{2}(?::\d{2})?)(?: ?([AaPp][Mm]))?)?$/;
const NAMED_MONTH_FORMATS = ["MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy", "EEEE, MMMM d, yyyy", "EEE, MMM d, yyyy", "yyyy年M月d日"];
const NAMED_MONTH_TIMES = ["", " HH:mm", " HH:mm:ss", " h:mm a", " h:mm:ss a", ", HH:mm", ", h:mm a", " 'at' h:mm a", " 'at' HH:mm"];

// A fixed reference keeps parsing independent of today's date.
const REFERENCE = new Date(2000, 0, 1);

function strictParse(value: string, pattern: string): Date | null {
	const date = parse(value, pattern, REFERENCE);
	return isValid(date) ? date : null;
}

const HOUR = 3_600_000;

/**
 * A date read with a date-fns pattern, with the wall-clock time it was written with when that time
 * does not exist here: date-fns, like `new Date(...)`, moves `02:30` in a daylight-saving gap to
 * `03:30`. Only the text tells that `02:30` from a `03:30` written as such: its time, which ends it.
 */
function dateRead(date: Date, hasTime: boolean, written: string, pattern: string): DateReading {
	const jump = new Date(date.getTime() - 3 * HOUR).getTimezoneOffset() - date.getTimezoneOffset();
	if (!hasTime || jump <= 0) return { kind: "date", date, hasTime };
	const timePattern = pattern.slice(pattern.search(/[Hh]/));
	const endsWithTime = (time: Date) => written.toLowerCase().endsWith(format(time, timePattern).toLowerCase());
	if (endsWithTime(date)) return { kind: "date", date, hasTime };
	const moved = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes() - jump, date.getSeconds()));
	const wall = [moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate(), moved.getUTCHours(), moved.getUTCMinutes(), moved.getUTCSeconds()];
	return endsWithTime(new Date(2000, 0, 1, wall[3], wall[4], wall[5])) ? { kind: "date", date, hasTime, wall } : { kind: "date", date, hasTime };
}

const patterns = new Map<string, string>();

/** The date-fns pattern of a Moment format; converted once per format. */
function outputPattern(momentFormat: string): string {
	let pattern = patterns.get(momentFormat);
	if (pattern === undefined) {
		const converted = momentToDateFns(momentFormat);
		if (!converted.ok) throw new Error(`The date format "${momentFormat}" cannot be used: ${converted.reason}.`);
		pattern = converted.pattern;
		patterns.set(momentFormat, pattern);
	}
	return pattern;
}

function timePattern(time: string | undefined, meridiem?: string): string {
	if (!time) return "";
	const seconds = time.split(":").length === 3 ? ":ss" : "";
	return meridiem ? ` h:mm${seconds} a` : ` H:mm${seconds}`;
}

function readDayMonth(value: string, order: DayMonthOrder): DateReading | null {
	const match = DAY_MONTH.exec(value);
	if (!match) return null;
	const [, first, separator, second, , time, meridiem] = match;
	const a = Number(first);
	const b = Number(second);
	let dayFirst: boolean;
	if (a > 12 && b <= 12) dayFirst = true;
	else if (b > 12 && a <= 12) dayFirst = false;
	// No convention writes month-first with dots: 03.04.2024 is the 3rd of April.
	else if (separator === ".") dayFirst = true;
	else if (a === b || order !== "auto") dayFirst = order !== "month-first";
	else return { kind: "ambiguous" };
	const datePattern = dayFirst ? `d${separator}M${separator}yyyy` : `M${separator}d${separator}yyyy`;
	const year = match[4];
	// A canonical spelling for date-fns: one space before the time and before AM/PM, in capitals.
	const normalized = `${first}${separator}${second}${separator}${year}${time ? ` ${time}` : ""}${meridiem ? ` ${meridiem.toUpperCase()}` : ""}`;
	const pattern = datePattern + timePattern(time, meridiem);
	const date = strictParse(normalized, pattern);
	return date ? dateRead(date, Boolean(time), normalized, pattern) : { kind: "unparseable" };
}

/** Read a date value. Values with `Z` or an offset become local time; others are taken as local. */
export function readDate(raw: string, formats: DateFormats): DateReading {
	const value = raw.trim();
	if (ISO.test(value)) {
		const date = parseIsoDate(value);
		if (!isValid(date)) return { kind: "unparseable" };
		const wall = ISO_WALL.exec(value);
		return { kind: "date", date, hasTime: ISO_HAS_TIME.test(value), ...(wall ? { wall: wall.slice(1).map((part) => Number(part ?? 0)) } : {}) };
	}
	// A value already in the configured output format reads back as itself.
	for (const [pattern, hasTime] of [
		[outputPattern(formats.dateTimeFormat), true],
		[outputPattern(formats.dateFormat), false],
	] as const) {
		const date = strictParse(value, pattern);
		if (date && format(date, pattern) === value) return { kind: "date", date, hasTime };
	}
	const twelveHour = YEAR_FIRST_12_HOUR.exec(value);
	if (twelveHour) {
		const [, day, time, meridiem] = twelveHour;
		const separator = day.includes("/") ? "/" : "-";
		const written = `${day} ${time} ${meridiem.toUpperCase()}`;
		const pattern = `yyyy${separator}M${separator}d${timePattern(time, meridiem)}`;
		const date = strictParse(written, pattern);
		if (date) return dateRead(date, true, written, pattern);
	}
	const yearFirst = YEAR_FIRST_SLASH.exec(value);
	if (yearFirst) {
		const parts = value.split(" ");
		const separator = yearFirst[1];
		const pattern = `yyyy${separator}M${separator}d${timePattern(parts[1])}`;
		const date = strictParse(value, pattern);
		if (date) return dateRead(date, parts.length > 1, value, pattern);
	}
	const dayMonth = readDayMonth(value, formats.dayMonthOrder);
	if (dayMonth) return dayMonth;
	if (/[A-Za-z年]/.test(value)) {
		for (const pattern of NAMED_MONTH_FORMATS) {
			for (const time of NAMED_MONTH_TIMES) {
				const written = value.replace(/\s+/g, " ");
				const date = strictParse(written, pattern + time);
				if (date) return dateRead(date, time !== "", written, pattern + time);
			}
		}
	}
	return { kind: "unparseable" };
}

export function formatDate(value: DateValue, formats: DateFormats): string {
	const pattern = outputPattern(value.hasTime ? formats.dateTimeFormat : formats.dateFormat);
	const wall = value.wall;
	if (!wall || sameWallClock(value.date, wall)) return format(value.date, pattern);
	// The wall-clock time does not exist here (a daylight-saving gap): write it as it was written.
	return formatWallClock(wall, pattern);
}

function sameWallClock(date: Date, wall: readonly number[]): boolean {
	const local = [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
	return local.every((part, i) => part === wall[i]);
}

// A date-fns pattern split into quoted literals, runs of one letter, and other characters.
const PATTERN_TOKEN = /'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+/g;
const TIME_LETTERS = /^[HhKkmsSaAbB]/;

/** Format a wall-clock time that has no instant: date letters from that day, time letters from a day that has the time. */
function formatWallClock(wall: readonly number[], pattern: string): string {
	const [year, month, day, hours, minutes, seconds] = wall;
	const datePart = new Date(year, month - 1, day, 12);
	const timePart = new Date(2000, 0, 1, hours, minutes, seconds);
	return (pattern.match(PATTERN_TOKEN) ?? [])
		.map((token) => (/^[A-Za-z]/.test(token) ? format(TIME_LETTERS.test(token) ? timePart : datePart, token) : token.startsWith("'") ? format(datePart, token) : token))
		.join("");
}

// Omnivore launched in 2019; a slug timestamp outside its years is not one. The end is not the
// shutdown (links from January 2025 are in real vaults, and self-hosted servers save still), and not
// the clock: a note must read the same whenever it is read, or the kept caches would go stale.
const SLUG_TIME_MIN = Date.UTC(2019, 0, 1);
const SLUG_TIME_MAX = Date.UTC(2030, 0, 1);

/**
 * The save time hidden in an Omnivore article link: the slug ends in `-{Date.now() in hex}`.
 * `https://omnivore.app/me/gpt-4-open-ai-18de9d85b43` was saved at 2024-02-27T09:14:46.979Z.
 */
export function dateFromOmnivoreUrl(url: string): Date | null {
	const match = /\/me\/[^/?#\s]*-([0-9a-f]{10,12})(?=$|[/?#])/i.exec(url);
	if (!match) return null;
	const ms = parseInt(match[1], 16);
	return ms >= SLUG_TIME_MIN && ms < SLUG_TIME_MAX ? new Date(ms) : null;
}
