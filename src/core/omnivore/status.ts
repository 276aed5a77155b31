// What the reading-state values people, templates and Omnivore wrote mean for the queue.

import { readDate, type DateFormats } from "../dates";
import type { SchemaKeys, StatusValues } from "../options";
import { findSchemaKey } from "./keys";
import { bareTag } from "./tags";

export type ReadingStatus = keyof StatusValues;
export const READING_STATUSES: readonly ReadingStatus[] = ["unread", "reading", "read", "archived"];

/**
 * Values whose meaning is clear, compared without case, spaces, `-` or `_`. Omnivore's `state`
 * (INBOX, READING, COMPLETED, ARCHIVED) and its export (Active, Archived) are among them. The README
 * shows this table; keep them in step.
 */
export const STATUS_WORDS: Readonly<Record<ReadingStatus, readonly string[]>> = {
	unread: ["unread", "inbox", "toread", "readlater", "later", "new", "unstarted", "notstarted", "queued", "active", "false", "no"],
	reading: ["reading", "inprogress", "started", "currentlyreading", "current"],
	read: ["read", "readed", "done", "finished", "completed", "complete", "true", "yes"],
	archived: ["archived", "archive"],
};

const BY_WORD = new Map<string, ReadingStatus>(
	READING_STATUSES.flatMap((status) => STATUS_WORDS[status].map((word): [string, ReadingStatus] => [word, status])),
);

function fold(value: string): string {
	// Stryker disable next-line Regex: replacing each character or each run removes the same
	return value.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * The status a value means, or undefined when it is unclear. The configured status names (a user's
 * own `unread`/`read` words) are read first.
 */
export function readStatus(value: unknown, configured?: StatusValues): ReadingStatus | undefined {
	if (typeof value !== "string" && typeof value !== "boolean") return undefined;
	const folded = fold(String(value));
	if (folded === "") return undefined;
	if (configured) {
		const own = READING_STATUSES.find((status) => fold(configured[status]) === folded);
		if (own) return own;
	}
	return BY_WORD.get(folded);
}

// Keys used as a yes/no "read" flag (`Readed: true`), compared as the words are: without case, spaces, `-` or `_`.
const READ_FLAG_KEYS = new Set(["read", "readed", "isread", "hasread", "alreadyread"]);

/** `true` or `false`, as a boolean or as text (`"true"`: Obsidian writes a Text property so); else undefined. */
function flagValue(value: unknown): boolean | undefined {
	if (typeof value === "boolean") return value;
	const word = typeof value === "string" ? value.trim().toLowerCase() : "";
	return word === "true" ? true : word === "false" ? false : undefined;
}

/**
 * A boolean "read" flag a template or its user kept beside no status at all (`Readed: true`): the
 * status it means, and its key. Only `true`/`false`: a `read:` holding other words is something else.
 */
export function readFlag(keys: readonly string[], valueOf: (key: string) => unknown, configured: StatusValues): { key: string; status: string } | undefined {
	const key = keys.find((name) => READ_FLAG_KEYS.has(fold(name)) && flagValue(valueOf(name)) !== undefined);
	return key === undefined ? undefined : { key, status: flagValue(valueOf(key)) ? configured.read : configured.unread };
}

// Omnivore's four states, as a template wrote them under its tag (`#Omnivore/{{{state}}}`):
// `#Omnivore/completed`. Only these words: a label under the tag (`#Omnivore/later`) is no state.
const TAGGED_STATES = new Map<string, ReadingStatus>([
	["inbox", "unread"],
	["reading", "reading"],
	["completed", "read"],
	["archived", "archived"],
]);

/**
 * Beside no status, state or read flag, the status a state tag under the Omnivore tag says
 * (`Omnivore/completed`, from the frontmatter's tags or the body's), and that tag; "conflicting" when
 * such tags say different things. `tags` are written without `#`.
 */
export function taggedStatus(tags: readonly string[], tagName: string): { tag: string; status: ReadingStatus } | "conflicting" | undefined {
	const prefix = `${bareTag(tagName).toLowerCase()}/`;
	// Stryker disable next-line ConditionalExpression: an empty tag name has no state tags (`/completed` is none)
	if (prefix === "/") return undefined;
	let found: { tag: string; status: ReadingStatus } | undefined;
	for (const tag of tags) {
		const name = bareTag(tag).toLowerCase();
		const status = name.startsWith(prefix) ? TAGGED_STATES.get(name.slice(prefix.length)) : undefined;
		if (status === undefined) continue;
		if (found !== undefined && found.status !== status) return "conflicting";
		found ??= { tag: bareTag(tag), status };
	}
	return found;
}

/**
 * Beside no status, state, read flag or state tag, the status the dates Omnivore kept imply, and the key that
 * says so: `date_archived` (written only for an article archived when it synced) makes it archived;
 * else `date_read` (Omnivore's readAt, set once the article was opened; its own state then said
 * READING at least) makes it being read. Only a key that holds a date counts.
 */
export function datedStatus(present: readonly string[], valueOf: (key: string) => unknown, keys: SchemaKeys, formats: DateFormats): { key: string; status: "archived" | "reading" } | undefined {
	const holdsDate = (name: string) => {
		const value = valueOf(name);
		return value instanceof Date || (typeof value === "string" && readDate(value, formats).kind === "date");
	};
	const archived = findSchemaKey(present, "dateArchived", keys, holdsDate);
	if (archived !== undefined) return { key: archived, status: "archived" };
	const read = findSchemaKey(present, "dateRead", keys, holdsDate);
	return read === undefined ? undefined : { key: read, status: "reading" };
}
