// The options of `images`, checked: a folder inside the vault, an archive template, positive numbers.

import { DEFAULT_ARCHIVE } from "../core";
import { UsageError } from "./usageError";

export interface ImagesArgs {
	dryRun: boolean;
	folder: string;
	archive: string | null;
	concurrency: number;
	maxBytes: number;
	timeoutMs: number;
	retryFailed: boolean;
}

type Values = Record<string, unknown>;

export const DEFAULT_IMAGE_FOLDER = "Omnivore/attachments";

/** A number from `min` to `max`: the least that still means something (`--timeout 0.0001` waited for nothing, then said "0 s"). */
function inRange(name: string, raw: string | undefined, fallback: number, whole: boolean, [min, max]: [number, number]): number {
	if (raw === undefined) return fallback;
	const value = Number(raw.trim());
	const ok = raw.trim() !== "" && Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value));
	if (!ok) throw new UsageError(`--${name} needs a ${whole ? "whole " : ""}number from ${min} to ${max}, not "${raw}".`, "images");
	return value;
}

/** A vault-relative folder with `/`; refused when it would leave the vault or hide in a dot-folder. */
export function imagesFolder(raw: string): string {
	const folder = raw.trim().replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/|\/$/g, "");
	const segments = folder.split("/");
	if (folder === "" || /^[A-Za-z]:/.test(folder) || raw.trim().startsWith("/") || raw.trim().startsWith("\\")) {
		throw new UsageError(`--folder needs a folder inside the vault, such as Omnivore/attachments, not "${raw}".`, "images");
	}
	if (segments.some((s) => s === "." || s === ".." || s.startsWith("."))) {
		throw new UsageError(`--folder cannot use "." or ".." or dot-folders (Obsidian does not show them): "${raw}".`, "images");
	}
	if (/[#^[\]|%<>:"*?]|\p{Cc}/u.test(folder)) {
		throw new UsageError(`--folder cannot hold # ^ [ ] | % < > : " * ? (links to the images would break): "${raw}".`, "images");
	}
	return segments.map((s) => s.trim()).join("/");
}

export function imagesArgs(values: Values): ImagesArgs {
	const text = (name: string) => values[name] as string | undefined;
	const archiveGiven = text("archive");
	if (archiveGiven !== undefined && values["no-archive"] === true) throw new UsageError("Give --archive or --no-archive, not both.", "images");
	if (archiveGiven !== undefined && !(/^https?:\/\/[^/\s]+/i.test(archiveGiven.trim()) && archiveGiven.includes("{url}"))) {
		throw new UsageError(`--archive needs a web address holding {url}, such as ${DEFAULT_ARCHIVE}, not "${archiveGiven}".`, "images");
	}
	return {
		dryRun: values["dry-run"] === true,
		folder: imagesFolder(text("folder") ?? DEFAULT_IMAGE_FOLDER),
		archive: values["no-archive"] === true ? null : (archiveGiven?.trim() ?? DEFAULT_ARCHIVE),
		concurrency: inRange("concurrency", text("concurrency"), 8, true, [1, 64]),
		maxBytes: Math.round(inRange("max-size", text("max-size"), 20, false, [0.01, 2048]) * 1024 * 1024),
		timeoutMs: Math.round(inRange("timeout", text("timeout"), 30, false, [1, 3600]) * 1000),
		retryFailed: values["retry-failed"] === true,
	};
}
