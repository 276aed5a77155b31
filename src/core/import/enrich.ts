// Brings what the export knows into a note the vault already has: fills what the note lacks, never
// overwrites what it holds (but a status may advance), joins labels to its tags and appends
// highlights it does not have yet under one `## Highlights`. Line endings and a BOM stay.

import { readFrontmatterBlock, wasRepaired, type FrontmatterState } from "../frontmatter/readBlock";
import { verifyFrontmatter } from "../frontmatter/verifyFrontmatter";
import type { FrontmatterEditor, FrontmatterValue } from "../frontmatter/yamlEditor";
import { emptyFrontmatter } from "../frontmatter/parseFrontmatter";
import { findCodeRanges, isInside } from "../markdown/codeRanges";
import { joinNote, splitNote, withFrontmatterYaml, type NoteParts } from "../note";
import type { SchemaKeys, TidyOptions } from "../options";
import type { NoteTidier } from "../tidy";
import { exportStatus, type ExportItem } from "./exportItem";
import { closeOpenFence, comparableText, renderHighlight, textIsIn, type ExportHighlight } from "./highlights";
import { quoteForMessage } from "../report";
import { findKey, findSchemaKey, foldKey, ID_KEY, isPlaceholder, STATE_KEY } from "../omnivore/keys";
import { singleFileArticles } from "../omnivore/singleFile";
import { READING_STATUSES, readStatus, type ReadingStatus } from "../omnivore/status";
import { readTagList } from "../omnivore/tags";
import { articleUrl, itemValues, labelTags } from "./itemValues";
import { unwrapBodyImages } from "../bodyImages";
import { highlightsSection } from "./newNote";

export type EnrichOutcome =
	| { kind: "enriched"; text: string; filled: string[]; highlightsAdded: number; problems: string[] }
	/** The note's frontmatter cannot be edited safely: it is left byte for byte. */
	| { kind: "left"; reason: string };

/** The key holding a schema value under its name or an alias, any case; undefined when none holds a value. */
export function presentKey(editor: FrontmatterEditor, key: keyof SchemaKeys, options: TidyOptions): string | undefined {
	return findSchemaKey(editor.keys(), key, options.keys, (found) => hasValue(editor.get(found)) && !isPlaceholder(key, editor.get(found)));
}

function hasValue(value: unknown): boolean {
	if (value === null || value === undefined) return false;
	if (typeof value === "string") return value.trim() !== "";
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

/**
 * Whether the export's status is further along than the note's (unread, reading, read, archived):
 * an article read or archived in Omnivore after the last sync. A status of the user's own words,
 * or one further along, stays.
 */
function advances(value: unknown, to: ReadingStatus, options: TidyOptions): boolean {
	if (!hasValue(value)) return true;
	const from = readStatus(value, options.statusValues);
	return from !== undefined && READING_STATUSES.indexOf(from) < READING_STATUSES.indexOf(to);
}

function fillFrontmatter(editor: FrontmatterEditor, item: ExportItem, options: TidyOptions, needsTag: boolean): string[] {
	const filled: string[] = [];
	const idKey = findKey(editor.keys(), ID_KEY);
	if (idKey === undefined || !hasValue(editor.get(idKey))) {
		if (idKey === undefined) editor.add(ID_KEY, item.id);
		else editor.set(idKey, item.id);
		filled.push(ID_KEY);
	}
	for (const [key, value] of itemValues(item, options)) {
		const name = options.keys[key];
		const present = presentKey(editor, key, options);
		if (key === "tags") continue;
		if (key === "status") {
			const current = present ?? findKey(editor.keys(), STATE_KEY);
			if (current !== undefined && !advances(editor.get(current), exportStatus(item), options)) continue;
			if (present !== undefined) editor.set(present, value);
			else if (current !== undefined) {
				// Omnivore's `state` becomes the status: an empty status beside it gives way.
				const empty = keyAsWritten(editor, name);
				if (empty !== undefined) editor.remove(empty);
				editor.rename(current, name);
				editor.set(name, value);
			} else fill(editor, name, value);
			filled.push(name);
			continue;
		}
		if (present !== undefined) continue;
		fill(editor, name, value);
		filled.push(name);
	}
	const tags = [...labelTags(item.labels), ...(needsTag ? [options.tagName.replace(/^#/, "")] : [])];
	if (mergeTags(editor, tags, options)) filled.push(options.keys.tags);
	return filled;
}

/** The key `name` as the note writes it (`Title`), if it has it. */
function keyAsWritten(editor: FrontmatterEditor, name: string): string | undefined {
	return editor.keys().find((key) => foldKey(key) === foldKey(name));
}

/** Sets `name` where the note holds it empty, under the name as written (`Title:`), or adds it at the end. */
function fill(editor: FrontmatterEditor, name: string, value: FrontmatterValue): void {
	const written = keyAsWritten(editor, name);
	if (written === undefined) editor.add(name, value);
	else editor.set(written, value);
}

/** Adds the tags a note's `tags` lacks (compared without case); true when it changed. */
function mergeTags(editor: FrontmatterEditor, tags: string[], options: TidyOptions): boolean {
	if (tags.length === 0) return false;
	const key = presentKey(editor, "tags", options) ?? keyAsWritten(editor, options.keys.tags);
	// Read as tidy reads tags; a value that is not tags (a mapping) is left alone.
	const list = readTagList(key === undefined ? undefined : editor.get(key));
	if (list === null) return false;
	const have = new Set(list.map((tag) => tag.toLowerCase()));
	const missing = tags.filter((tag) => !have.has(tag.toLowerCase()));
	if (missing.length === 0) return false;
	const value: FrontmatterValue = [...list, ...missing];
	if (key === undefined) editor.add(options.keys.tags, value);
	else editor.set(key, value);
	return true;
}

const HIGHLIGHTS_HEADING = /^(#{1,6})[ \t]+highlights[ \t]*#*[ \t]*\r?$/gim;
// The blank lines that end a text, not the spaces that end its last line (two make a Markdown line break).
const TRAILING_BLANK_LINES = /(?:\r?\n[ \t]*)+$/;

/** Where a body's Highlights section runs: from its heading's end to the next heading of its level or above. */
function findHighlightsSection(body: string): { start: number; end: number } | null {
	const code = findCodeRanges(body);
	HIGHLIGHTS_HEADING.lastIndex = 0;
	let heading: RegExpExecArray | null;
	while ((heading = HIGHLIGHTS_HEADING.exec(body)) !== null && isInside(code, heading.index)) {
		/* a heading inside code is not one */
	}
	if (!heading) return null;
	const level = heading[1].length;
	const start = heading.index + heading[0].length;
	const next = new RegExp(`^#{1,${level}}[ \\t]`, "gm");
	next.lastIndex = start;
	let match: RegExpExecArray | null;
	while ((match = next.exec(body)) !== null) {
		if (!isInside(code, match.index)) return { start, end: match.index };
	}
	return { start, end: body.length };
}

/** The body with `blocks` appended at the end of its Highlights section, or in a new section at the end. */
export function appendHighlights(body: string, blocks: string[], eol: string): string {
	const found = findHighlightsSection(body);
	const addition = blocks.join("\n\n");
	if (!found) {
		const base = closeOpenFence(body.replace(TRAILING_BLANK_LINES, ""), eol);
		const section = highlightsSection([]).replace(/\n+$/, "") + "\n\n" + addition + "\n";
		return (base.trim() === "" ? "" : base + eol + eol) + section.replace(/\n/g, eol);
	}
	const rest = body.slice(found.end);
	const kept = body.slice(0, found.end).replace(TRAILING_BLANK_LINES, "");
	// A section that runs to the end of the note may end in its article's broken code block.
	const section = rest === "" ? closeOpenFence(kept, eol) : kept;
	const inserted = (eol + eol + addition + eol).replace(/\r?\n/g, eol);
	return section + inserted + (rest === "" ? "" : eol + rest);
}

/**
 * Enrich `text` with an export item. Values are filled on the note as it is (so the export's exact
 * dates win over ones tidy would only guess), then the tidy engine runs so the note comes out tidy.
 */
export function enrichNote(text: string, item: ExportItem, highlights: readonly ExportHighlight[], tidier: NoteTidier): EnrichOutcome {
	const options = tidier.options;
	const parts = splitNote(text);
	// One article's properties would be written over all of them.
	if (singleFileArticles(parts.body).length > 0) return { kind: "left", reason: "it holds several articles (Omnivore's single-file mode), which the import does not edit" };
	const state = readFrontmatterBlock(parts);
	if (state.kind !== "mapping" && state.kind !== "none") return { kind: "left", reason: leftBecause(state) };
	const editor = state.kind === "mapping" ? state.editor : emptyFrontmatter();
	const filled = fillFrontmatter(editor, item, options, !tidier.isOmnivoreNote(text));
	let next: NoteParts = parts;
	if (editor.changed || (state.kind === "mapping" && wasRepaired(state))) {
		const yaml = editor.toString();
		const failure = verifyFrontmatter(yaml, editor.expectedValues());
		if (failure) return { kind: "left", reason: `its frontmatter could not be edited safely (${failure})` };
		next = withFrontmatterYaml(parts, yaml);
	}
	const problems: string[] = [];
	const missing = missingHighlights(parts.body, highlights, item, tidier, problems);
	if (missing.length > 0) next = { ...next, body: appendHighlights(next.body, missing.map(renderHighlight), parts.eol) };
	return { kind: "enriched", text: tidier.tidy(joinNote(next)).text, filled, highlightsAdded: missing.length, problems };
}

/**
 * The highlights a note does not hold yet, compared as tidy writes both (proxied images unwrapped).
 * A quote is taken as held where notes hold highlights (`highlightedText`). One found only in the
 * note's other text (the article's, which some templates copy into the note and which holds every
 * sentence a reader highlighted) is added when the note has a Highlights section, where its
 * highlights would be; without one (highlights written as plain paragraphs?) it is reported with
 * its text, as is a note written on a held highlight that the note lacks (added in Omnivore since,
 * or reworded here): nothing is added twice, nothing dropped without a word.
 */
function missingHighlights(body: string, highlights: readonly ExportHighlight[], item: ExportItem, tidier: NoteTidier, problems: string[]): ExportHighlight[] {
	if (highlights.length === 0) return [];
	const baseUrl = articleUrl(item, tidier.options);
	const unwrap = (markdown: string) => unwrapBodyImages({ body: markdown, matcher: tidier.proxy, baseUrl, codeRanges: findCodeRanges(markdown) }).text;
	const note = unwrap(body);
	const whole = comparableText(note);
	const highlighted = comparableText(highlightedText(note));
	// Where the note's template put its highlights, a quote found only in the article's text is new.
	const hasSection = findHighlightsSection(note) !== null;
	const missing: ExportHighlight[] = [];
	for (const highlight of highlights) {
		const quote = highlight.quote === undefined ? undefined : unwrap(highlight.quote);
		const annotation = highlight.note === undefined ? undefined : unwrap(highlight.note);
		const shown = quoteForMessage(quote ?? annotation ?? "", 2000);
		if (quote === undefined ? !textIsIn(annotation, whole) : !textIsIn(quote, hasSection ? highlighted : whole)) missing.push(highlight);
		else if (quote !== undefined && !textIsIn(quote, highlighted)) {
			problems.push(`The highlight ${shown} was not added: its text is in the note already, though not as a highlight (the article's text?). If it is not among the note's highlights, add it by hand${annotation === undefined ? "" : `, with its note ${quoteForMessage(annotation, 2000)}`}.`);
		} else if (quote !== undefined && !textIsIn(annotation, whole)) {
			problems.push(`The export's note on the highlight ${quoteForMessage(quote, 60)}, which the note holds, is not in it, so it was not added (the highlight would be twice): ${quoteForMessage(annotation ?? "", 2000)}.`);
		}
	}
	return missing;
}

// A blockquote: from a line that starts with `>` to the next blank line or heading (lines without `>` continue it).
const BLOCKQUOTE = /^[ \t]*>[^\n]*(?:\n(?![ \t]*\r?$|[ \t]{0,3}#{1,6}[ \t])[^\n]*)*/gm;
// A list item's line: templates write highlights as `- {{{text}}}` too.
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+[^\n]*/gm;
const MARKED = /==([^=\n](?:[^=]|=(?!=))*?)==/g;

/** Where notes hold highlights, outside code: blockquotes (callouts too), list items, `==marked==` text and the Highlights section. */
function highlightedText(note: string): string {
	const code = findCodeRanges(note);
	const outside = (pattern: RegExp, group = 0) => [...note.matchAll(pattern)].filter((m) => !isInside(code, m.index)).map((m) => m[group]);
	const section = findHighlightsSection(note);
	return [...outside(BLOCKQUOTE), ...outside(LIST_ITEM), ...outside(MARKED, 1), ...(section ? [note.slice(section.start, section.end)] : [])].join("\n\n");
}

/** Why a note's frontmatter is not edited (a block that is there and is not properties the engine may edit). */
function leftBecause(state: Exclude<FrontmatterState, { kind: "mapping" | "none" }>): string {
	if (state.kind === "invalid") return `its frontmatter is not valid YAML (${state.error})`;
	if (state.kind === "not-mapping") return "its frontmatter is not a set of properties";
	// A new block would replace the one there, and an edit key by key could break what an alias repeats (0002).
	return `its frontmatter uses YAML anchors or aliases (${state.names.join(", ")}), which an edit could break`;
}
