// The words and icons of the reading queue, and how its dates and counts read: one place for each.

import { formatDistanceStrict } from "date-fns";
import type { QueueSort, QueueStatus, ReadingBucket, ReadingStatus, SavedPreset } from "../../core";

export const STATUS_LABELS: Record<QueueStatus, string> = { unread: "Unread", reading: "Reading", read: "Read", archived: "Archived", unknown: "Unknown status" };

/** A row's status icon; also the icon of the action that moves an article to that status. */
export const STATUS_ICONS: Record<QueueStatus, string> = { unread: "circle", reading: "glasses", read: "circle-check", archived: "archive", unknown: "circle-help" };

/** What the actions that set a status are called. */
export const STATUS_ACTIONS: Record<ReadingStatus, string> = {
	unread: "Mark as unread",
	reading: "Mark as reading",
	read: "Mark as read",
	archived: "Archive",
};

/** Keys that act on the selected article in the list (shown in the buttons' tooltips). */
export const SHORTCUTS = { read: "R", archive: "E", original: "O", open: "Enter" } as const;

/** The list's keys, for screen readers (read after the list's name). */
export const LIST_HELP =
	"Arrow keys or J and K move, Enter opens, Ctrl or Cmd with Enter opens in a new tab, R marks read or unread, E archives, O opens the original, the menu key shows all actions.";

export const SORT_LABELS: Record<QueueSort, string> = {
	"saved-newest": "Saved (newest first)",
	"saved-oldest": "Saved (oldest first)",
	"published-newest": "Published (newest first)",
	title: "Title (A to Z)",
	site: "Site (A to Z)",
	author: "Author (A to Z)",
	"reading-time": "Reading time (shortest first)",
	shuffle: "Shuffle",
};

export const SAVED_LABELS: Record<SavedPreset, string> = {
	"last-7-days": "Last 7 days",
	"last-30-days": "Last month",
	"older-than-6-months": "Over 6 months ago",
};

export const LENGTH_LABELS: Record<ReadingBucket, string> = { "under-5": "Under 5 min", "5-to-15": "5 to 15 min", "over-15": "Over 15 min" };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A saved date as a Date: a date without a time (`2024-03-15`) is that day on the reader's calendar. */
function toDate(iso: string): Date {
	const day = DATE_ONLY.exec(iso);
	return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
}

/** "3 days ago"; "just now" under a minute; a date in the future (a clock off) reads "in 2 hours". */
export function relativeDate(iso: string, now: number): string {
	const date = toDate(iso);
	if (Math.abs(now - date.getTime()) < 60_000) return "just now";
	// Whole units passed, as people count: 3 days and 20 hours is "3 days ago".
	return formatDistanceStrict(date, now, { addSuffix: true, roundingMethod: "floor" });
}

const UNITS: Array<[number, string]> = [
	[365 * 24 * 60, "y"],
	[30 * 24 * 60, "mo"],
	[24 * 60, "d"],
	[60, "h"],
	[1, "m"],
];

/** "3d", "5h", "2mo": the relative date where a narrow sidebar has no room for "3 days ago". */
export function shortRelativeDate(iso: string, now: number): string {
	const minutes = Math.abs(now - toDate(iso).getTime()) / 60_000;
	const unit = UNITS.find(([size]) => minutes >= size);
	// Whole units passed, as the long form counts them.
	return unit ? `${Math.floor(minutes / unit[0])}${unit[1]}` : "now";
}

// Made once: building a date format is far slower than using one, and every row needs it.
const FULL_DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });
const FULL_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });

/** The full date (and time, when the note has one), in the reader's own locale, for the tooltip. */
export function fullDate(iso: string): string {
	return (DATE_ONLY.test(iso) ? FULL_DATE : FULL_DATE_TIME).format(toDate(iso));
}

/** Counts as they fit on a tab: 950, 1.2k, 12k. */
export function shortCount(count: number): string {
	if (count < 1000) return String(count);
	if (count < 10_000) return `${(Math.floor(count / 100) / 10).toFixed(1).replace(/\.0$/, "")}k`;
	return `${Math.floor(count / 1000)}k`;
}
