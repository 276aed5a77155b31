// The engine's options as a settings file holds them (the plugin's `data.json`, which the CLI reads
// too): edited by hand or written by another version, it may hold anything, so each value is checked
// on its own, and one wrong value gets its default while the others are kept.

import { checkDateFormat, upgradeSavedFormat } from "./dateFormat";
import { DEFAULT_OPTIONS, resolveOptions, type DayMonthOrder, type TidyOptions } from "./options";
import { isTagName } from "./omnivore/tags";

/** Version 2: date formats in Moment's syntax (before: date-fns patterns). */
export const SETTINGS_VERSION = 2;

function record(value: unknown): Record<string, unknown> {
	return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

export function stringList(value: unknown, fallback: readonly string[]): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [...fallback];
}

function text(value: unknown, fallback: string): string {
	return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

/**
 * Each field of a group of names (property names, status values): a name of one line, or else its
 * default. Two fields of one name would undo each other's work (a title written into `tags`, split
 * into tags by the next run): then the group is the defaults.
 */
function names<T extends object>(saved: unknown, defaults: T, what: string, warn: (message: string) => void): T {
	const values = record(saved);
	const named = Object.fromEntries(Object.entries(defaults).map(([key, fallback]) => [key, oneLine(values[key], fallback as string)])) as T;
	const folded = Object.values(named).map((name: string) => name.trim().toLowerCase());
	if (new Set(folded).size === folded.length) return named;
	warn(`two of the saved ${what} are the same name; the defaults apply.`);
	return { ...defaults };
}

function oneLine(value: unknown, fallback: string): string {
	const name = text(value, fallback);
	return name.length <= 200 && !/[\r\n]/.test(name) ? name : fallback;
}

function tagName(value: unknown, warn: (message: string) => void): string {
	if (value === undefined) return DEFAULT_OPTIONS.tagName;
	if (typeof value === "string" && isTagName(value)) return value;
	warn(`the saved tag is not one tag name (such as Omnivore); the default #${DEFAULT_OPTIONS.tagName} applies.`);
	return DEFAULT_OPTIONS.tagName;
}

function switches<T extends object>(saved: unknown, defaults: T): T {
	const values = record(saved);
	return Object.fromEntries(Object.entries(defaults).map(([key, fallback]) => [key, typeof values[key] === "boolean" ? values[key] : fallback])) as T;
}

const DAY_MONTH_ORDERS: readonly DayMonthOrder[] = ["auto", "day-first", "month-first"];

/** A saved date format in Moment's syntax, upgraded from an older version; the default when unusable. */
function dateFormat(saved: unknown, version: number, key: "dateTimeFormat" | "dateFormat", warn: (message: string) => void): string {
	const hasTime = key === "dateTimeFormat";
	if (typeof saved !== "string" || saved.trim() === "") return DEFAULT_OPTIONS[key];
	const format = version < 2 ? upgradeSavedFormat(saved, hasTime) : checkDateFormat(saved, hasTime).ok ? saved : null;
	if (format !== null) return format;
	warn(`the saved date format "${saved}" cannot be used; the default ${DEFAULT_OPTIONS[key]} applies.`);
	return DEFAULT_OPTIONS[key];
}

/** The engine's options of saved settings, over the defaults; `warn` is told of a value that cannot be used. */
export function optionsFromSaved(saved: unknown, warn: (message: string) => void = () => undefined): TidyOptions {
	const data = record(saved) as Partial<Record<keyof TidyOptions | "settingsVersion", unknown>>;
	const version = typeof data.settingsVersion === "number" ? data.settingsVersion : 1;
	return resolveOptions({
		tagName: tagName(data.tagName, warn),
		match: data.match === "tag" ? "tag" : "fingerprint",
		omnivoreHosts: stringList(data.omnivoreHosts, DEFAULT_OPTIONS.omnivoreHosts),
		keys: names(data.keys, DEFAULT_OPTIONS.keys, "property names", warn),
		statusValues: names(data.statusValues, DEFAULT_OPTIONS.statusValues, "status values", warn),
		recover: switches(data.recover, DEFAULT_OPTIONS.recover),
		extraDateKeys: stringList(data.extraDateKeys, DEFAULT_OPTIONS.extraDateKeys),
		extraProxyBases: stringList(data.extraProxyBases, DEFAULT_OPTIONS.extraProxyBases),
		dayMonthOrder: DAY_MONTH_ORDERS.includes(data.dayMonthOrder as DayMonthOrder) ? (data.dayMonthOrder as DayMonthOrder) : DEFAULT_OPTIONS.dayMonthOrder,
		dateTimeFormat: dateFormat(data.dateTimeFormat, version, "dateTimeFormat", warn),
		dateFormat: dateFormat(data.dateFormat, version, "dateFormat", warn),
	});
}
