// The names Omnivore's variables were written under: the canonical key, its aliases, any case.

import type { SchemaKeys } from "../options";

export type ValueKind = "date" | "url" | "text" | "list" | "status";

/** Canonical key → the other names the same value was written under (compared without case). */
export const KEY_ALIASES: ReadonlyArray<{ key: keyof SchemaKeys; kind: ValueKind; aliases: readonly string[] }> = [
	{ key: "title", kind: "text", aliases: [] },
	{ key: "author", kind: "text", aliases: [] },
	{ key: "tags", kind: "list", aliases: [] },
	{ key: "dateSaved", kind: "date", aliases: ["saved", "date", "dateSaved", "savedAt", "saved_at"] },
	{ key: "datePublished", kind: "date", aliases: ["published", "datePublished", "publishedAt"] },
	{ key: "dateRead", kind: "date", aliases: ["dateRead"] },
	{ key: "dateArchived", kind: "date", aliases: ["dateArchived"] },
	{ key: "originalUrl", kind: "url", aliases: ["url", "source", "link", "originalUrl"] },
	{ key: "siteName", kind: "text", aliases: ["site", "siteName"] },
	{ key: "omnivoreUrl", kind: "url", aliases: ["omnivoreUrl"] },
	{ key: "image", kind: "url", aliases: [] },
	{ key: "status", kind: "status", aliases: [] },
];

/**
 * Omnivore's word for "none" under a schema key: plugin 1.10 and the export wrote `author: unknown`
 * when it had no author (a template that lists authors, `author:\n  - unknown`). It counts as no
 * value, and gives way to a real one under another name.
 */
export function isPlaceholder(key: keyof SchemaKeys, value: unknown): boolean {
	if (key !== "author") return false;
	if (Array.isArray(value)) return value.length > 0 && value.every((item) => isPlaceholder(key, item));
	return typeof value === "string" && value.trim().toLowerCase() === "unknown";
}

/** Omnivore's own keys that are not part of the schema. */
export const ID_KEY = "id";
export const STATE_KEY = "state";

/**
 * Omnivore's `state` under any spelling, the exact one first, a filled one before an empty one (an
 * empty `state:` above `State: read` says nothing). The queue reads the same one.
 */
export function filledStateKey(present: readonly string[], isEmpty: (name: string) => boolean): string | undefined {
	const spellings = present.filter((name) => name.toLowerCase() === STATE_KEY).sort((a, b) => Number(b === STATE_KEY) - Number(a === STATE_KEY));
	return spellings.find((name) => !isEmpty(name)) ?? spellings[0];
}

/**
 * A key as names are compared: without case, spaces, `_` or `-`, so `Date Saved`, `date-saved` and
 * `dateSaved` are `date_saved` (Obsidian's property editor and custom templates wrote them so).
 */
export function foldKey(name: string): string {
	let folded = foldedKeys.get(name);
	// Stryker disable next-line ConditionalExpression: a cache; folding again gives the same key
	if (folded === undefined) {
		// Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a bound on a cache; cleared, keys are folded again alike
		if (foldedKeys.size > 1024) foldedKeys.clear();
		// Stryker disable next-line Regex: a run of separators removed at once or one by one, the key is the same
		foldedKeys.set(name, (folded = name.toLowerCase().replace(/[\s_-]+/g, "")));
	}
	return folded;
}

// A vault's notes share a few dozen key names, and the queue compares them many times a note.
const foldedKeys = new Map<string, string>();

/**
 * Names by schema key, then by configured name: the queue asks for them several times for each of
 * 50,000 notes, so a lookup builds no string.
 */
const knownNames = new Map<keyof SchemaKeys, Map<string, readonly string[]>>();

/** The names a schema value may stand under, canonical first, all folded (`foldKey`). */
export function namesOf(key: keyof SchemaKeys, keys: SchemaKeys): readonly string[] {
	let byName = knownNames.get(key);
	if (!byName) knownNames.set(key, (byName = new Map<string, readonly string[]>()));
	let names = byName.get(keys[key]);
	if (!names) {
		// Stryker disable next-line OptionalChaining,ArrayDeclaration: every schema key has its entry above
		const aliases = KEY_ALIASES.find((entry) => entry.key === key)?.aliases ?? [];
		// Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a bound on a cache; cleared, the names are found again alike
		if (byName.size > 64) byName.clear();
		byName.set(keys[key], (names = [...new Set([keys[key], ...aliases].map(foldKey))]));
	}
	return names;
}

/** The key actually written for a name, any case or separators (`Title` for `title`); the exact spelling wins. */
export function findKey(present: readonly string[], name: string): string | undefined {
	if (present.includes(name)) return name;
	const folded = foldKey(name);
	return present.find((key) => foldKey(key) === folded);
}

/**
 * The key holding a schema value: the configured name as written, else the first other spelling of it
 * or alias in the note's order (as tidy merges them). `accept` may skip a key whose value is empty, a
 * placeholder or of the wrong kind: then `Author: Ann` is read past `author: unknown`.
 */
export function findSchemaKey(
	present: readonly string[],
	key: keyof SchemaKeys,
	keys: SchemaKeys,
	accept: (found: string) => boolean = () => true,
): string | undefined {
	const canonical = keys[key];
	if (present.includes(canonical) && accept(canonical)) return canonical;
	const names = namesOf(key, keys);
	return present.find((name) => name !== canonical && names.includes(foldKey(name)) && accept(name));
}
