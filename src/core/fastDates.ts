// date-fns's `parseISO` and `format` for the shapes nearly every note holds, without their cost: a
// note's dates are read and written on every tidy and every queue listing, and date-fns builds a
// regular expression per `parseISO` and walks its token table per `format` (7% of the engine).
// Each answers exactly as date-fns does, or leaves the value to date-fns (tests hold them to it).

import { format, parseISO } from "date-fns";

// `2023-09-14`, `2023-09-14 10:20`, `2023-09-14T10:20:33.123Z`: no offset other than `Z`.
const SIMPLE_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d{1,9})?))?)?(Z)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

function isLeapYear(year: number): boolean {
	return year % 400 === 0 || (year % 4 === 0 && year % 100 !== 0);
}

/**
 * `parseISO(value)`, read directly when the value is a valid date of the simple shape (the same
 * arithmetic, so the same instant, fractions of a second included); any other value goes to date-fns.
 */
export function parseIsoDate(value: string): Date {
	const match = SIMPLE_ISO.exec(value);
	if (!match) return parseISO(value);
	const year = Number(match[1]);
	const month = Number(match[2]) - 1;
	const day = Number(match[3]);
	const hours = match[4] === undefined ? 0 : Number(match[4]);
	const minutes = match[5] === undefined ? 0 : Number(match[5]);
	const seconds = match[6] === undefined ? 0 : parseFloat(match[6]);
	// Years before 100 (Date.UTC reads them as 19xx), invalid days and times: date-fns decides.
	const valid = year >= 100 && month <= 11 && day >= 1 && day <= DAYS_IN_MONTH[month] && (month !== 1 || day < 29 || isLeapYear(year)) && hours < 24 && minutes < 60 && seconds < 60;
	if (!valid || month < 0) return parseISO(value);
	const time = hours * HOUR_MS + minutes * MINUTE_MS + seconds * 1000;
	const instant = Date.UTC(year, month, day) + time;
	if (match[7] !== undefined) return new Date(instant);
	// No zone: the wall-clock time read as local time, as date-fns sets it.
	const wall = new Date(instant);
	const local = new Date(0);
	local.setFullYear(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
	local.setHours(wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
	return local;
}

type Formatter = (date: Date) => string;

const pad = (value: number, width: number) => String(value).padStart(width, "0");

// The date-fns letters written with numbers only, at their fixed widths.
const NUMERIC_TOKENS: Record<string, Formatter> = {
	yyyy: (date) => pad(date.getFullYear(), 4),
	MM: (date) => pad(date.getMonth() + 1, 2),
	dd: (date) => pad(date.getDate(), 2),
	HH: (date) => pad(date.getHours(), 2),
	mm: (date) => pad(date.getMinutes(), 2),
	ss: (date) => pad(date.getSeconds(), 2),
	SSS: (date) => pad(date.getMilliseconds(), 3),
};

// A pattern split into runs of one letter, quoted literals and other characters.
const PATTERN_PART = /([A-Za-z])\1*|'(?:[^']|'')*'|[^A-Za-z']+/g;

/** A formatter for a pattern of numeric tokens and literals, or null (a name, an era, a 12-hour clock...). */
function compile(pattern: string): Formatter | null {
	const parts: (string | Formatter)[] = [];
	// A quote left open matches no part and is skipped, as date-fns skips it (a letter after it is not numeric).
	for (const [part] of pattern.matchAll(PATTERN_PART)) {
		if (/^[A-Za-z]/.test(part)) {
			const token = NUMERIC_TOKENS[part];
			if (!token) return null;
			parts.push(token);
		} else if (part.startsWith("'")) {
			// `''`, alone or inside quotes, is one quote to date-fns only in some spellings: date-fns decides.
			if (part.length < 3 || part.slice(1, -1).includes("'")) return null;
			parts.push(part.slice(1, -1));
		} else parts.push(part);
	}
	return (date) => {
		let text = "";
		for (const part of parts) text += typeof part === "string" ? part : part(date);
		return text;
	};
}

const formatters = new Map<string, Formatter | null>();

/** `format(date, pattern)` of date-fns; patterns of numbers and literals are written directly. */
export function formatDateFns(date: Date, pattern: string): string {
	let formatter = formatters.get(pattern);
	if (formatter === undefined) {
		formatter = compile(pattern);
		formatters.set(pattern, formatter);
	}
	// An invalid date, or a year date-fns writes otherwise (before 1 or after 9999): date-fns decides.
	const year = date.getFullYear();
	return formatter && year >= 1 && year <= 9999 ? formatter(date) : format(date, pattern);
}
