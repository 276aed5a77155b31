// What a value under an alias counts as: the one rule tidy merges aliases by (the `aliases` step) and
// the queue reads them by, so that a note lists the same before and after a tidy.

import { dateFromOmnivoreUrl, formatDate, readDate } from "../dates";
import type { OmnivoreLinks } from "./urls";
import type { SchemaKeys, TidyOptions } from "../options";
import { foldKey, isPlaceholder, KEY_ALIASES, type ValueKind } from "./keys";
import { readStatus } from "./status";
import { readTagList, uniqueTags } from "./tags";

/** No value: absent, null, or blank text (tidy's `isMissing`, the queue's empty status). */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function kindOf(key: keyof SchemaKeys): ValueKind {
	// Stryker disable next-line OptionalChaining,StringLiteral: every schema key has its entry
	return KEY_ALIASES.find((entry) => entry.key === key)?.kind ?? "text";
}

/** The value in a form where two spellings of the same thing compare equal; null when it is not of the kind. */
export function comparable(value: unknown, kind: ValueKind, options: TidyOptions): string | null {
	if (kind === "list") {
		// As the tags step writes the list: `[rust, rust]`, `"#rust"` and `[rust, ~]` are the list `[rust]`.
		const tags = readTagList(value);
		return tags !== null && tags.length > 0 ? JSON.stringify(uniqueTags(tags)) : null;
	}
	if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return null;
	const text = String(value).trim();
	if (text === "") return null;
	switch (kind) {
		case "date": {
			const reading = readDate(text, options);
			return reading.kind === "date" ? formatDate(reading, options) : null;
		}
		case "url":
			return /^https?:\/\/\S+$/i.test(text) ? text : null;
		case "text":
			return text;
		case "status":
			// As the status step writes it: `Read` and `readed` are both `read`; a word of unclear meaning stays itself.
			return readStatus(text, options.statusValues) ?? text;
	}
}

/**
 * Whether a value under an alias (or the canonical name in another case) stands for the schema value:
 * of the key's kind, and not Omnivore's placeholder. Tidy merges the first such alias in the note's
 * order into a missing canonical key; the queue reads the same one.
 */
export function aliasHolds(key: keyof SchemaKeys, value: unknown, options: TidyOptions): boolean {
	return comparable(value, kindOf(key), options) !== null && !isPlaceholder(key, value);
}

const DAY_MS = 86_400_000;
// A date without a time is local midnight, and a value without a zone reads in the zone tidy runs in,
// which may be 26 hours from the one it was written in: the link's instant is up to that much later.
const SAVE_SLACK_MS = 50 * 3_600_000;

/**
 * The earliest save an Omnivore link of the note records (`…/me/{slug}-{hex time}`), in any property
 * or the body's Read on Omnivore link: the same for tidy, whatever it renamed, and for the queue.
 */
export function linkSaveTime(values: Iterable<unknown>, body: { readOnOmnivoreUrl?: string; omnivoreArticleUrl?: string }, links: OmnivoreLinks): Date | null {
	let earliest: Date | null = null;
	for (const value of [...values, body.readOnOmnivoreUrl, body.omnivoreArticleUrl]) {
		if (typeof value !== "string" || !links.isLibraryLink(value)) continue;
		const saved = dateFromOmnivoreUrl(value.trim());
		if (saved && (earliest === null || saved < earliest)) earliest = saved;
	}
	return earliest;
}

/**
 * How many days a bare `date` is earlier than the save the Omnivore link records, or null when it
 * may be the save date. Templates wrote the publish date under that name too (a WeChat article's
 * `date: 2023-11-15 07:01:00`, saved on the 26th), and no save comes before the link was made.
 */
export function daysBeforeSave(name: string, value: unknown, savedAt: () => Date | null, options: TidyOptions): number | null {
	if (foldKey(name) !== "date" || typeof value !== "string") return null;
	// Asked only of a bare `date`: looking for the links reads every property.
	const saved = savedAt();
	const reading = saved === null ? null : readDate(value.trim(), options);
	if (saved === null || reading?.kind !== "date") return null;
	const early = saved.getTime() - reading.date.getTime();
	return early > SAVE_SLACK_MS ? Math.round(early / DAY_MS) : null;
}
