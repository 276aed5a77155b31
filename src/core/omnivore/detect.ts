// Decides whether a note is an Omnivore note: one detector for tidy, the queue, the CLI and the plugin.

import { escapeRegExp } from "../escapeRegExp";
import { nextHttpMatch } from "../httpMatches";
import type { FrontmatterState } from "../frontmatter/readBlock";
import { firstOutsideCode, isInside, type TextRange } from "../markdown/codeRanges";
import { linkByText } from "../markdown/bodyFacts";
import type { NoteParts } from "../note";
import type { SchemaKeys, TidyOptions } from "../options";
import type { ProxyMatcher } from "../proxyUrls";
import { findKey, findSchemaKey, ID_KEY } from "./keys";
import { hasArticleProperty, holdsTemplateValue, isTemplatePlaceholder, rawHasArticleProperty } from "./articleProperties";
import { articleHeading } from "./heading";
import { hasOmnivoreId } from "./omnivoreId";
import { standsAsTemplateLink } from "./standingLink";
import { bareTag, bodyHasTag, frontmatterHasTag, rawFrontmatterHasTag, tagMatches } from "./tags";
import { isWebUrl, linksFor, READ_ORIGINAL, type OmnivoreLinks } from "./urls";

/**
 * `article`: a saved article, found by its tag or by the marks Omnivore's plugin leaves.
 * `tagged-not-article`: tagged, but with nothing of a saved article (a note *about* Omnivore).
 */
export type Detection =
	/** `onlyProxied`: a tagged note whose one mark of a saved article is a proxied image or property, which a tidy unwraps. */
	| { kind: "article"; by: "tag" | "fingerprint"; onlyProxied?: true }
	| { kind: "tagged-not-article" }
	| { kind: "none" };

export interface DetectInput {
	parts: NoteParts;
	frontmatter: FrontmatterState;
	code: TextRange[];
}

export interface DetectContext {
	options: Pick<TidyOptions, "tagName" | "match" | "keys" | "statusValues">;
	links: OmnivoreLinks;
	proxy: ProxyMatcher;
}

/** What the body says about a note's origin, outside code. */
interface BodyMarks {
	/** A link to an article in the library (`omnivore.app/me/{slug}` without a highlight id). */
	articleLink: boolean;
	/** How many different articles the library links name (counted up to two). */
	articles: number;
	/** A link to an article in the library as templates write it, not in the middle of a sentence (`standingLink.ts`). */
	standing: boolean;
	/** Such a link labelled as Omnivore's default template labels it (`[Read on Omnivore](…)`). */
	labelled: boolean;
	/** A highlight back-link (`omnivore.app/me/{slug}#{uuid}`). */
	highlightLink: boolean;
	/** Asked only of a tagged note with no other mark: each is a search of the whole body. */
	readOriginal(): boolean;
	proxiedImage(): boolean;
}

/** Whether a global pattern matches outside code. */
function occursOutside(pattern: RegExp, text: string, code: TextRange[]): boolean {
	return firstOutsideCode(pattern, text, code) !== undefined;
}

function bodyMarks(body: string, code: TextRange[], context: DetectContext): BodyMarks {
	let articleLink = false;
	let standing = false;
	let labelled = false;
	let lookedAt = 0;
	let highlightLink = false;
	const slugs = new Set<string>();
	const { startsAt } = context.links;
	// Two articles seen, no later link changes the answer (a link counts alone only with one article
	// or an id, and every mark it could add is then there already): the rest is not read.
	for (let match = nextHttpMatch(body, startsAt, 0); match !== null && slugs.size < 2; match = nextHttpMatch(body, startsAt, match.index + match[0].length)) {
		if (isInside(code, match.index)) continue;
		// One article however its link ends (`?utm=…`, a trailing `/`).
		slugs.add(match[1].split(/[?/]/)[0].toLowerCase());
		if (match[2] === "#") highlightLink = true;
		else {
			articleLink = true;
			// Labelled links stand; once one does, the others need not be looked at. A template's link
			// comes early: a note of thousands of links to one article is not read line by line for it.
			if (!labelled && lookedAt++ < MAX_LINKS_LOOKED_AT && standsAsTemplateLink(body, match.index, match.index + match[0].length)) {
				standing = true;
				labelled = LABELLED_OMNIVORE_BEFORE.test(body.slice(Math.max(0, match.index - 80), match.index));
			}
		}
	}
	return {
		articleLink,
		articles: slugs.size,
		standing,
		labelled,
		highlightLink,
		readOriginal: () => hasReadOriginalLink(body, code),
		proxiedImage: () => occursOutside(context.proxy.start, body, code),
	};
}

const MAX_LINKS_LOOKED_AT = 64;

// The label Omnivore's default template gives the link to the article, right before its address. (A
// custom template's `[Omnivore](…)` is what a note of one's own writes too: such notes have their id.)
const LABELLED_OMNIVORE_BEFORE = /\[Read\s+on\s+Omnivore\]\(<?$/i;

/** A `[Read Original](…)` link outside code that leads to a web address, not a pasted template's `{{{originalUrl}}}`. */
function hasReadOriginalLink(body: string, code: TextRange[]): boolean {
	return isWebUrl(linkByText(body, READ_ORIGINAL, code) ?? "");
}

/** Frontmatter values that point into the library, under the URL keys (any case, aliases too). */
function frontmatterLinks(values: Record<string, unknown>, keys: SchemaKeys, links: OmnivoreLinks): boolean {
	const present = Object.keys(values);
	return (["omnivoreUrl", "originalUrl"] as const).some((key) => {
		const found = findSchemaKey(present, key, keys, (name) => typeof values[name] === "string" && links.isLibraryLink(values[name]));
		return found !== undefined;
	});
}

/**
 * A reading status as the engine writes it (`status: unread`, in the configured key and words): a
 * tagged note whose only mark was a proxied image still reads as a saved article once it is unwrapped.
 */
function hasWrittenStatus(values: Record<string, unknown>, options: Pick<TidyOptions, "keys" | "statusValues">): boolean {
	const written: unknown[] = Object.values(options.statusValues);
	return findSchemaKey(Object.keys(values), "status", options.keys, (key) => written.includes(values[key])) !== undefined;
}

export function detectOmnivoreNote({ parts, frontmatter, code }: DetectInput, context: DetectContext): Detection {
	const { options, links } = context;
	const values = frontmatter.kind === "mapping" ? frontmatter.editor.expectedValues() : frontmatter.kind === "anchored" ? frontmatter.values : null;
	// A block the engine cannot read as properties is still searched, line by line.
	const rawYaml = (frontmatter.kind === "invalid" || frontmatter.kind === "not-mapping") && parts.frontmatter ? parts.frontmatter.yaml : null;

	const tagged =
		(values !== null && frontmatterHasTag(values, options.tagName)) ||
		(rawYaml !== null && rawFrontmatterHasTag(rawYaml, options.tagName)) ||
		bodyHasTag(parts.body, options.tagName, code);

	const body = bodyMarks(parts.body, code, context);
	const yamlLink = values !== null ? frontmatterLinks(values, options.keys, links) : links.occursIn(rawYaml ?? "");
	const idProperty = values !== null ? hasArticleProperty(values, options.keys) : rawYaml !== null && rawHasArticleProperty(rawYaml, options.keys);
	const proxiedProperty = values !== null ? Object.values(values).some((v) => typeof v === "string" && occursOutside(context.proxy.start, v, [])) : false;

	if (tagged) {
		// A reading note's template of one's own, tagged with a status, holds placeholders (Templater's
		// `<% tp.file.title %>`, in a property or as its heading): no article, or tidy would fill it in
		// and every note made from it after. Asked last: notes Omnivore wrote have other marks.
		const statusProperty = () => values !== null && hasWrittenStatus(values, options) && !holdsTemplateValue(values) && !isTemplatePlaceholder(articleHeading(parts.body, code, options.tagName) ?? "");
		// Not a highlight's back-link alone: notes of one's own quote highlights, tagged too; a note
		// Omnivore wrote has its article link, its id or its Read Original link besides.
		// A tagged reading list links several articles, a post about Omnivore quotes a link in a
		// sentence: an article link counts as a template wrote it for one article, or with Omnivore's id.
		const articleLink = (body.standing && body.articles === 1) || (body.articleLink && hasOmnivoreId(values, rawYaml));
		if (articleLink || yamlLink || idProperty || body.readOriginal() || statusProperty()) return { kind: "article", by: "tag" };
		return proxiedProperty || body.proxiedImage() ? { kind: "article", by: "tag", onlyProxied: true } : { kind: "tagged-not-article" };
	}
	if (options.match === "tag") return { kind: "none" };
	// Notes of one's own link to saved articles too (a daily note, a reading list, a board), and quote
	// highlights with their back-links: without an id Omnivore gave, only a `[Read on Omnivore]`
	// link, to one article, makes a saved article.
	const omnivoreId = hasOmnivoreId(values, rawYaml);
	const fingerprint = yamlLink || (body.articleLink && (omnivoreId || (body.labelled && body.articles === 1))) || (body.highlightLink && omnivoreId);
	return fingerprint ? { kind: "article", by: "fingerprint" } : { kind: "none" };
}

/** What an index (Obsidian's metadata cache) knows of a note without its text. */
export interface NoteMetadata {
	/** Tags of the body and the frontmatter, with or without `#`. */
	tags: readonly string[];
	frontmatter: Record<string, unknown>;
	/** Destinations of the body's links. */
	links: readonly string[];
}

/**
 * Whether a note may be an Omnivore note, from metadata alone: a superset of `detectOmnivoreNote`
 * (an `id` property is enough), so a caller reads only these notes and lets the detector decide.
 */
export function mayBeOmnivoreByMetadata(metadata: NoteMetadata, options: Pick<TidyOptions, "tagName" | "match" | "keys" | "omnivoreHosts">): boolean {
	if (metadata.tags.some((tag) => tagMatches(tag, options.tagName))) return true;
	if (options.match === "tag") return false;
	const links = linksFor(options.omnivoreHosts);
	const values = metadata.frontmatter;
	if (findKey(Object.keys(values), ID_KEY) !== undefined || frontmatterLinks(values, options.keys, links)) return true;
	return metadata.links.some((link) => links.isLibraryLink(link));
}

/**
 * Whether a note's text may hold a library link: Obsidian's cache lists internal links only, so a
 * note whose one mark is an `omnivore.app/me/` link in its body is found by reading it. Cheap: one
 * pattern test, no parsing; the detector then decides.
 */
export function mayBeOmnivoreByText(text: string, options: Pick<TidyOptions, "match" | "omnivoreHosts">): boolean {
	return options.match !== "tag" && linksFor(options.omnivoreHosts).occursIn(text);
}

const tagTexts = new Map<string, RegExp>();

/** The configured tag's name as it may be written, in any case (Unicode case folding, as `toLowerCase` compares). */
function tagText(tagName: string): RegExp {
	let pattern = tagTexts.get(tagName);
	if (!pattern) {
		pattern = new RegExp(escapeRegExp(bareTag(tagName)), "iu");
		tagTexts.set(tagName, pattern);
	}
	return pattern;
}

/**
 * Whether a note's text holds anything `detectOmnivoreNote` could take for a mark: the tag's name,
 * or (unless detection is by tag only) an Omnivore library address. False means it is not an
 * Omnivore note, found without parsing it. A frontmatter with a backslash may spell either with a
 * YAML escape, so it always may.
 */
export function mayHoldOmnivoreMarks(text: string, frontmatterYaml: string | null, options: Pick<TidyOptions, "tagName" | "match" | "omnivoreHosts">): boolean {
	if (frontmatterYaml?.includes("\\")) return true;
	return tagText(options.tagName).test(text) || mayBeOmnivoreByText(text, options);
}
