// The properties only a saved article has, which mark a tagged note as one (detect.ts): an id Omnivore
// gave, a web address under a URL key, a save date, or the dates Omnivore kept of its reading.

import type { SchemaKeys } from "../options";
import { findSchemaKey, foldKey, ID_KEY, namesOf } from "./keys";
import { hasOmnivoreId, isOmnivoreId } from "./omnivoreId";
import { isOmnivoreAppPage, isWebUrl } from "./urls";

/** A bare `date` is what most notes of one's own carry (when it was written): no save date unless configured so. */
function isSaveDateName(name: string, keys: SchemaKeys): boolean {
	return foldKey(name) !== "date" || foldKey(keys.dateSaved) === "date";
}

/**
 * A value a template fills in, kept in a note that holds the template itself: `{{{dateSaved}}}`,
 * which YAML reads as a mapping when unquoted, `"{{date}}"`, or Templater's `<% tp.date.now() %>`.
 */
function isTemplateValue(value: unknown): boolean {
	return typeof value === "object" ? value !== null && !(value instanceof Date) : typeof value === "string" && TEMPLATE_SYNTAX.test(value);
}

// Mustache and Obsidian's core templates (`{{title}}`), Templater (`<% tp.file.title %>`).
const TEMPLATE_SYNTAX = /\{\{|<%/;

// A value that is one placeholder and nothing else: `{{date}}`, `{{{dateSaved}}}`, `<% tp.file.title %>`.
const WHOLE_PLACEHOLDER = /^\s*(?:\{\{\{?[^{}]*\}?\}\}|<%[\s\S]*%>)\s*$/;

/**
 * Whether a property is one template placeholder: the note holds a template, not an article. Only a
 * whole value: an article's title may quote the syntax (`Jinja {{ loops }} explained`).
 */
export function holdsTemplateValue(values: Record<string, unknown>): boolean {
	return Object.values(values).some((value) => typeof value === "string" && isTemplatePlaceholder(value));
}

/** Whether a text (a property, a heading) is one template placeholder and nothing else. */
export function isTemplatePlaceholder(text: string): boolean {
	return WHOLE_PLACEHOLDER.test(text);
}

/**
 * Properties only a saved article has: an id Omnivore gave (a UUID; not a Zettelkasten's
 * `202401011200` or a template's `{{{id}}}`, which notes of one's own tagged #Omnivore carry), a web
 * address (not the Omnivore app's own pages), a save date, or the date Omnivore kept of its reading
 * or archiving, not a template's placeholder for one. (Not `state: INBOX` alone: notes about the app quote it.)
 */
export function hasArticleProperty(values: Record<string, unknown>, keys: SchemaKeys): boolean {
	const present = Object.keys(values);
	const filled = (name: string) => (values[name] ?? "") !== "" && !isTemplateValue(values[name]);
	if (hasOmnivoreId(values, null)) return true;
	if ((["dateRead", "dateArchived"] as const).some((key) => findSchemaKey(present, key, keys, filled) !== undefined)) return true;
	const articleUrl = (name: string) => {
		const value = values[name];
		return typeof value === "string" && isWebUrl(value.trim()) && !isOmnivoreAppPage(value);
	};
	if ((["originalUrl", "omnivoreUrl"] as const).some((key) => findSchemaKey(present, key, keys, articleUrl) !== undefined)) return true;
	const savedDate = (name: string) => filled(name) && isSaveDateName(name, keys);
	return findSchemaKey(present, "dateSaved", keys, savedDate) !== undefined;
}

// A top-level `key: value` line (or a list item's, in single-file mode) of a block that is not valid YAML.
const RAW_ENTRY = /^(?:-[ \t]+)?([^\s:#][^:\n]*?)[ \t]*:[ \t]*(\S[^\n]*)/gm;

/** `hasArticleProperty` asked of a block that is not valid YAML, line by line, by the same names. */
export function rawHasArticleProperty(yaml: string, keys: SchemaKeys): boolean {
	const filled = new Set(namesOf("dateSaved", keys).filter((name) => isSaveDateName(name, keys)));
	const addresses = new Set([...namesOf("originalUrl", keys), ...namesOf("omnivoreUrl", keys)]);
	for (const [, key, raw] of yaml.matchAll(RAW_ENTRY)) {
		const name = foldKey(key);
		const value = raw.replace(/^["']/, "");
		if (name === ID_KEY && isOmnivoreId(value.replace(/["']?[ \t]*$/, ""))) return true;
		if (filled.has(name) && value !== "" && !TEMPLATE_SYNTAX.test(value)) return true;
		// The address ends at its closing quote or a comment.
		if (addresses.has(name) && isWebUrl(value) && !isOmnivoreAppPage(value.split(/["'\s]/)[0])) return true;
	}
	return false;
}

