// Date formats are written in Obsidian's (Moment) syntax; the engine writes with date-fns: one converter.

import { format, isValid, parse } from "date-fns";

export type DateFormatCheck = { ok: true; pattern: string; example: string } | { ok: false; reason: string };

/** Moment tokens and the date-fns tokens that write the same text. */
const TOKENS: Readonly<Record<string, string>> = {
	YYYY: "yyyy",
	YY: "yy",
	Y: "y",
	Q: "Q",
	Qo: "Qo",
	M: "M",
	MM: "MM",
	MMM: "MMM",
	MMMM: "MMMM",
	Mo: "Mo",
	D: "d",
	DD: "dd",
	Do: "do",
	dd: "EEEEEE",
	ddd: "EEE",
	dddd: "EEEE",
	E: "i",
	w: "w",
	ww: "ww",
	wo: "wo",
	W: "I",
	WW: "II",
	Wo: "Io",
	GGGG: "RRRR",
	H: "H",
	HH: "HH",
	h: "h",
	hh: "hh",
	k: "k",
	kk: "kk",
	m: "m",
	mm: "mm",
	s: "s",
	ss: "ss",
	S: "S",
	SS: "SS",
	SSS: "SSS",
	A: "a",
	a: "aaa",
	Z: "xxx",
	ZZ: "xx",
	X: "t",
	x: "T",
};

const LANGUAGE = "it depends on Obsidian's language; write the format out, such as MMMM D, YYYY";
const WEEKDAY_NUMBER = "the weekday as a number is not supported; use ddd or dddd for its name, or E for 1 to 7";
const WEEK_YEAR = "week years are not supported, except GGGG";
const ERA = "eras are not supported";

/**
 * What to write instead of a Moment token without a faithful date-fns twin, by its letter: the tokens
 * of that letter that have a twin (`DD`, `dddd`, `GGGG`, `SSS`, `YYYY`) never get this far.
 */
const UNSUPPORTED_HINT: Readonly<Record<string, string>> = {
	L: LANGUAGE,
	l: LANGUAGE,
	D: "the day of the year is not supported",
	d: WEEKDAY_NUMBER,
	e: WEEKDAY_NUMBER,
	g: WEEK_YEAR,
	G: WEEK_YEAR,
	N: ERA,
	y: ERA,
	z: "time zone names are not supported; use Z for the offset",
	S: "fractions finer than a millisecond (SSS) are not supported",
	Y: "years of more than four digits are not supported",
};

// Moment's own tokenizer order: escapes, then the longest token, then any single character. (Mutants that
// make a letter's `?` required, or split `M{1,4}`, survive and are equivalent: a lone letter is then read
// by the last alternative, to the same twin, and a run of Ms converts to the same run.)
const MOMENT_TOKEN =
	/\[[^[]*\]|\\[\s\S]|LTS|LT|L{1,4}|l{1,4}|Mo|M{1,4}|Do|DDDo|D{1,4}|do|d{1,4}|w[ow]?|W[oW]?|Qo?|N{1,5}|Y{6}|Y{5}|YYYY|YY|y{2,4}|yo?|g{2,5}|G{2,5}|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|[\s\S]/g;
const LATIN_LETTER = /[A-Za-z]/;
// The one bare letter people write in a date format (ISO's separator); Moment writes it as it is.
const BARE_LETTERS = new Set(["T"]);

function dateFnsLiteral(text: string): string {
	return LATIN_LETTER.test(text) ? `'${text.replace(/'/g, "''")}'` : text.replace(/'/g, "''");
}

/** The date-fns pattern that writes what a Moment format writes, or why there is none. */
export function momentToDateFns(momentFormat: string): { ok: true; pattern: string } | { ok: false; reason: string } {
	if (momentFormat.trim() === "") return { ok: false, reason: "the format is empty" };
	let pattern = "";
	// Literal text is quoted as one run: two quoted runs side by side would read as an escaped quote.
	let literal = "";
	for (const [token] of momentFormat.matchAll(MOMENT_TOKEN)) {
		if (token.startsWith("[") && token.length > 1) literal += token.slice(1, -1);
		else if (token.startsWith("\\") && token.length === 2) literal += token[1];
		else if (token === "[") return { ok: false, reason: "a [ is never closed with ]" };
		else if (TOKENS[token] !== undefined) {
			pattern += dateFnsLiteral(literal) + TOKENS[token];
			literal = "";
		} else if (!LATIN_LETTER.test(token) || BARE_LETTERS.has(token)) literal += token;
		else {
			// Left: a Latin letter that is no token, or a token of letters without a twin.
			const hint = UNSUPPORTED_HINT[token[0]];
			return {
				ok: false,
				reason: hint ? `${token}: ${hint}` : `${token} is not a date token; put words in square brackets, such as [at]`,
			};
		}
	}
	return { ok: true, pattern: pattern + dateFnsLiteral(literal) };
}

/** Times with every part telling: a day past 12, an afternoon hour, and a year of another century. */
const SAMPLES = [new Date(2024, 1, 27, 13, 30, 6), new Date(1931, 10, 3, 4, 5, 6)];
const REFERENCE = new Date(2000, 0, 1);
const PARTS: ReadonlyArray<[string, (date: Date) => number, boolean]> = [
	["full year", (d) => d.getFullYear(), false],
	["month", (d) => d.getMonth(), false],
	["day", (d) => d.getDate(), false],
	["hour", (d) => d.getHours(), true],
	["minute", (d) => d.getMinutes(), true],
];

// Stryker disable BlockStatement: an empty catch returns no date, which is as invalid as an invalid one.
function readBack(date: Date, pattern: string): Date {
	try {
		return parse(format(date, pattern), pattern, REFERENCE);
	} catch {
		return new Date(NaN);
	}
}
// Stryker restore BlockStatement

/**
 * Whether a Moment format can be the engine's output: it converts, and what it writes reads back as
 * the same day (and hour and minute, for dates with a time), so a second run changes nothing and no
 * part of a date is lost. The example shows `shown` (now, in the settings) in that format.
 */
export function checkDateFormat(momentFormat: string, hasTime: boolean, shown: Date = SAMPLES[0]): DateFormatCheck {
	const converted = momentToDateFns(momentFormat);
	if (!converted.ok) return converted;
	const { pattern } = converted;
	const lost = new Set<string>();
	for (const sample of SAMPLES) {
		const back = readBack(sample, pattern);
		if (!isValid(back)) return { ok: false, reason: "dates written this way cannot be read back" };
		for (const [name, part, timeOnly] of PARTS) if ((hasTime || !timeOnly) && part(back) !== part(sample)) lost.add(name);
	}
	if (lost.size > 0) {
		const parts = [...lost];
		const named = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
		return { ok: false, reason: `it leaves out the ${named}, so dates would lose ${parts.length === 1 ? "it" : "them"}` };
	}
	return { ok: true, pattern, example: format(shown, pattern) };
}

// date-fns tokens back to Moment, for settings saved before formats used Moment's syntax.
const DATE_FNS_TOKEN = /[yYQqMLwIdDecihHKkms]o|([A-Za-z])\1*|''|'(?:''|[^'])+(?:'|$)|[\s\S]/g;
const FROM_DATE_FNS: Readonly<Record<string, string>> = {
	...Object.fromEntries(Object.entries(TOKENS).map(([moment, dateFns]) => [dateFns, moment])),
	aa: "A",
	L: "M",
	LL: "MM",
	LLL: "MMM",
	LLLL: "MMMM",
	EEEE: "dddd",
	E: "ddd",
	EE: "ddd",
	XXX: "Z",
	XX: "ZZ",
};

/** The Moment format for a date-fns pattern, or null when it has a token Moment cannot write. */
export function dateFnsToMoment(pattern: string): string | null {
	let moment = "";
	for (const [token] of pattern.matchAll(DATE_FNS_TOKEN)) {
		if (token === "''") moment += "'";
		else if (token.startsWith("'")) {
			const text = token.replace(/^'|'$/g, "").replace(/''/g, "'");
			moment += /^[^A-Za-z[\]\\]*$/.test(text) || BARE_LETTERS.has(text) ? text : `[${text}]`;
		} else if (LATIN_LETTER.test(token[0])) {
			const twin = FROM_DATE_FNS[token];
			if (twin === undefined) return null;
			moment += twin;
		} else moment += token === "[" || token === "]" || token === "\\" ? `\\${token}` : token;
	}
	return moment;
}

/**
 * A format saved before formats used Moment's syntax: a date-fns pattern (the old default was
 * `yyyy-MM-dd'T'HH:mm:ss`), or Moment already, typed by hand. Null when it is neither usable.
 */
export function upgradeSavedFormat(saved: string, hasTime: boolean): string | null {
	const moment = dateFnsToMoment(saved) ?? saved;
	return checkDateFormat(moment, hasTime).ok ? moment : null;
}
