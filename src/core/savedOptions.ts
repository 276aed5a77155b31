// The engine's options as a settings file holds them (the plugin's `data.json`, which the CLI reads
// too): edited by hand or written by another version, it may hold anything, so each value is checked
// on its own, and one wrong value gets its default while the others are kept.

import { checkDateFormat, upgradeSavedFormat } from "./dateFormat";
import { DEFAULT_OPTIONS, resolveOptions, type DayMonthOrder, type TidyOptions } from "./options";

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

/** Each field of a group of names (property names, status values): a name, or else its default. */
function names<T extends object>(saved: unknown, defaults: T): T {
	const values = record(saved);
	return Object.fromEntries(Object.entries(defaults).map(([key, fallback]) => [key, text(values[key], fallback as string)])) as T;
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
		tagName: text(data.tagName, DEFAULT_OPTIONS.tagName),
		match: data.match === "tag" ? "tag" : "fingerprint",
		omnivoreHosts: stringList(data.omnivoreHosts, DEFAULT_OPTIONS.omnivoreHosts),
		keys: names(data.keys, DEFAULT_OPTIONS.keys),
		statusValues: names(data.statusValues, DEFAULT_OPTIONS.statusValues),
		recover: switches(data.recover, DEFAULT_OPTIONS.recover),
		extraDateKeys: stringList(data.extraDateKeys, DEFAULT_OPTIONS.extraDateKeys),
		extraProxyBases: stringList(data.extraProxyBases, DEFAULT_OPTIONS.extraProxyBases),
		dayMonthOrder: DAY_MONTH_ORDERS.includes(data.dayMonthOrder as DayMonthOrder) ? (data.dayMonthOrder as DayMonthOrder) : DEFAULT_OPTIONS.dayMonthOrder,
		dateTimeFormat: dateFormat(data.dateTimeFormat, version, "dateTimeFormat", warn),
		dateFormat: dateFormat(data.dateFormat, version, "dateFormat", warn),
	});
}
