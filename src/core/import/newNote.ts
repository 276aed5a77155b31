// Writes the note for an export item the vault does not have yet, in the schema tidy writes.

import { emptyFrontmatter } from "../frontmatter/parseFrontmatter";
import { asLinkDestination } from "../markdown/linkDestination";
import { ID_KEY } from "../omnivore/keys";
import type { TidyOptions } from "../options";
import type { ExportItem } from "./exportItem";
import { renderHighlight, type ExportHighlight } from "./highlights";
import { articleUrl, itemValues } from "./itemValues";

export interface NewNoteParts {
	item: ExportItem;
	/** The article as Markdown, when the export held it. */
	content?: string;
	/** Vault path of the copied PDF, for an uploaded file. */
	pdfPath?: string;
	highlights: ExportHighlight[];
}


/** The frontmatter block of a new note. */
export function newFrontmatter(item: ExportItem, options: TidyOptions): string {
	const editor = emptyFrontmatter();
	editor.add(ID_KEY, item.id);
	for (const [key, value] of itemValues(item, options)) editor.add(options.keys[key], value);
	return `---\n${editor.toString()}---\n`;
}

export function highlightsSection(highlights: readonly ExportHighlight[]): string {
	return `## Highlights\n\n${highlights.map(renderHighlight).join("\n\n")}\n`;
}

/** The whole note, with `\n` line endings. */
export function renderNewNote(parts: NewNoteParts, options: TidyOptions): string {
	const { item } = parts;
	const url = articleUrl(item, options);
	const sections = [`# ${item.title.replace(/\s+/g, " ").trim()}\n#${options.tagName.replace(/^#/, "")}\n`];
	if (url) sections.push(`[Read Original](${asLinkDestination(url)})\n`);
	if (parts.highlights.length > 0) sections.push(highlightsSection(parts.highlights));
	if (parts.pdfPath) sections.push(`## Content\n\n![[${parts.pdfPath}]]\n`);
	else if (parts.content) sections.push(`## Content\n\n${parts.content.trim()}\n`);
	return newFrontmatter(item, options) + sections.join("\n");
}
