// Whether a note's `id` is one Omnivore gave its articles: a strong mark of a saved article, where
// an id of another shape is a note of one's own.

import { findKey, ID_KEY } from "./keys";

// The ids Omnivore gave articles: UUIDs, and in its first months 20-character search-index ids.
// Notes of one's own carry ids of other shapes (a Zettelkasten's `202401011200`, a template's `{{id}}`).
const OMNIVORE_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{20})$/i;
// A line of its own, or a list item's in single-file mode (`- id: …`).
const RAW_OMNIVORE_ID = /^(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([0-9a-f-]{36}|[A-Za-z0-9_-]{20})["']?[ \t]*$/im;

/** Whether a value is shaped as an id Omnivore gave. */
export function isOmnivoreId(value: string): boolean {
	return OMNIVORE_ID.test(value.trim());
}

/** Whether the block's `id` (any case) is one Omnivore gave: read from the values, or line by line from a block that does not parse. */
export function hasOmnivoreId(values: Record<string, unknown> | null, rawYaml: string | null): boolean {
	if (values === null) return rawYaml !== null && OMNIVORE_ID.test(RAW_OMNIVORE_ID.exec(rawYaml)?.[1] ?? "");
	const key = findKey(Object.keys(values), ID_KEY);
	const id = key === undefined ? undefined : values[key];
	return typeof id === "string" && isOmnivoreId(id);
}
