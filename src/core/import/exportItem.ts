// One saved article as Omnivore's export describes it in `metadata_{from}_to_{to}.json`, and its reading status.

import type { StatusValues } from "../options";
import { slugKey } from "./exportEntries";

export interface ExportItem {
	id: string;
	slug: string;
	title: string;
	description?: string;
	author?: string;
	/** The article's original address (Omnivore's `no_url` placeholder for newsletters). */
	url?: string;
	/** `Active`/`Archived`/`Unknown` in newer exports, the raw enum (`SUCCEEDED`, `ARCHIVED`...) in older ones. */
	state?: string;
	/** 0 to 100. */
	readingProgress: number;
	thumbnail?: string;
	labels: string[];
	savedAt?: string;
	updatedAt?: string;
	publishedAt?: string;
}

export interface MetadataBatch {
	items: ExportItem[];
	/** Sentences naming what was skipped and why. */
	problems: string[];
}

function text(value: unknown): string | undefined {
	if (typeof value === "number") return String(value);
	if (typeof value !== "string") return undefined;
	const trimmed = value.trim();
	return trimmed === "" ? undefined : trimmed;
}

function labelNames(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	// Labels are names; a few exports hold objects `{name}` instead.
	return value
		.map((label: unknown) => (typeof label === "object" && label !== null ? text((label as { name?: unknown }).name) : text(label)))
		.filter((label): label is string => label !== undefined);
}

function progress(value: unknown): number {
	const number = typeof value === "string" ? Number(value) : value;
	return typeof number === "number" && Number.isFinite(number) ? Math.min(100, Math.max(0, number)) : 0;
}

/** The items of one metadata file; items without an id are skipped and named in `problems`. */
export function readMetadataBatch(json: string, fileName: string): MetadataBatch {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json.replace(/^\uFEFF/, ""));
	} catch {
		return { items: [], problems: [`${fileName} is not valid JSON; its items were skipped.`] };
	}
	if (!Array.isArray(parsed)) return { items: [], problems: [`${fileName} does not hold a list of items; it was skipped.`] };
	const items: ExportItem[] = [];
	const problems: string[] = [];
	parsed.forEach((raw: unknown, index) => {
		const record = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
		const id = text(record.id);
		if (id === undefined) {
			problems.push(`Item ${index + 1} of ${fileName} has no id; it was skipped.`);
			return;
		}
		const url = text(record.url) ?? text(record.originalUrl);
		const slug = slugKey(text(record.slug) ?? id);
		items.push({
			id,
			slug,
			title: text(record.title) ?? url ?? slug,
			description: text(record.description),
			author: text(record.author),
			url,
			state: text(record.state),
			readingProgress: progress(record.readingProgress ?? record.readingProgressPercent),
			thumbnail: text(record.thumbnail),
			labels: labelNames(record.labels),
			savedAt: text(record.savedAt),
			updatedAt: text(record.updatedAt),
			publishedAt: text(record.publishedAt),
		});
	});
	return { items, problems };
}

/** Archived in either generation of the export wins; then how far the article was read. */
export function exportStatus(item: ExportItem): keyof StatusValues {
	if (item.state !== undefined && item.state.toUpperCase() === "ARCHIVED") return "archived";
	if (item.readingProgress >= 98) return "read";
	if (item.readingProgress > 0) return "reading";
	return "unread";
}
