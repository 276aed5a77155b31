// Finds the note an export item already has anywhere in the vault: by its id (any key case), then by
// the slug of an omnivore.app/me link, then by its original address compared loosely.

import { readFrontmatterBlock } from "../frontmatter/readBlock";
import { readBodyFacts } from "../markdown/bodyFacts";
import { findCodeRanges, isInside } from "../markdown/codeRanges";
import { splitNote } from "../note";
import { foldKey, ID_KEY, namesOf } from "../omnivore/keys";
import { singleFileArticles } from "../omnivore/singleFile";
import { isArticleUrl, linksFor, type OmnivoreLinks } from "../omnivore/urls";
import type { NoteTidier } from "../tidy";
import type { ExportItem } from "./exportItem";
import { articleUrl } from "./itemValues";

export type MatchedBy = "id" | "slug" | "url";

// An id of Omnivore's first months (its search index's, `mL51bIYBKc5BngQz5_PS`), which no export carries.
const SEARCH_INDEX_ID = /^[A-Za-z0-9_-]{20}$/;

/** What identifies a note as a saved article. */
export interface NoteKeys {
	id?: string;
	slugs: string[];
	urls: string[];
	/** The ids of the articles a note of Omnivore's single-file mode holds (`%%{id}_start%%`), when it holds several. */
	articles?: string[];
}


function foldSlug(slug: string): string {
	try {
		return decodeURIComponent(slug).toLowerCase();
	} catch {
		return slug.toLowerCase();
	}
}

/** An address compared loosely: any scheme, no `www.`, no trailing slash or fragment, host in any case. */
export function looseUrl(url: string): string | undefined {
	const trimmed = url.trim();
	if (!isArticleUrl(trimmed)) return undefined;
	try {
		const parsed = new URL(trimmed);
		const host = parsed.host.toLowerCase().replace(/^www\./, "");
		const path = parsed.pathname.replace(/\/+$/, "");
		return `${host}${path}${parsed.search}`;
	} catch {
		return undefined;
	}
}

/** Slugs of the library links in a text (omnivore.app and the self-hosted hosts configured), outside `code`. */
function slugsIn(text: string, links: OmnivoreLinks, code: ReturnType<typeof findCodeRanges> = []): string[] {
	// A copy: the shared pattern's lastIndex is left wherever its last user stopped.
	const pattern = new RegExp(links.pattern.source, links.pattern.flags);
	return [...text.matchAll(pattern)].filter((match) => !isInside(code, match.index)).map((match) => foldSlug(match[1].split(/[?/]/)[0]));
}

function scalar(value: unknown): string | undefined {
	if (typeof value === "string" || typeof value === "number") return String(value).trim() || undefined;
	return undefined;
}

/** What noteKeys asks of the tidy engine: its options, and whether a note is a saved article. */
export type KeyReader = Pick<NoteTidier, "options" | "isOmnivoreNote">;

/** The id, slugs and addresses a note carries, from its frontmatter and its links. */
export function noteKeys(text: string, tidier: KeyReader): NoteKeys {
	const { options } = tidier;
	const parts = splitNote(text);
	const articles = singleFileArticles(parts.body);
	// Its articles are found by their ids alone: its links and addresses name several.
	if (articles.length > 0) return { slugs: [], urls: [], articles };
	const keys: NoteKeys = { slugs: [], urls: [] };
	const links = linksFor(options.omnivoreHosts);
	const urlNames = new Set(namesOf("originalUrl", options.keys));
	// A note of one's own (a web clipping) may hold the article's address: it is never taken for the
	// article. Asked once, and only of a note with an address or one library link (detection costs).
	let savedArticle: boolean | undefined;
	const saved = () => (savedArticle ??= tidier.isOmnivoreNote(text));
	const state = readFrontmatterBlock(parts);
	if (state.kind === "mapping") {
		for (const key of state.editor.keys()) {
			const value = scalar(state.editor.get(key));
			if (value === undefined) continue;
			const name = foldKey(key);
			if (name === ID_KEY) keys.id = value;
			if (urlNames.has(name) && saved()) keys.urls.push(value);
			keys.slugs.push(...slugsIn(value, links));
		}
	} else if (parts.frontmatter) {
		// Broken YAML still names its id on a line of its own.
		keys.id = /^id:[ \t]*["']?([^"'\r\n]+?)["']?[ \t]*\r?$/im.exec(parts.frontmatter.yaml)?.[1];
		keys.slugs.push(...slugsIn(parts.frontmatter.yaml, links));
	}
	// A note of one's own quoting highlights carries their back-links, and a list of saved articles
	// links to many (0008): the body's links name the note's article only in a saved article that links
	// to one at most. So does its link to the original (a list pairs each article with its original).
	const code = findCodeRanges(parts.body);
	const bodySlugs = new Set(slugsIn(parts.body, links, code));
	if (bodySlugs.size <= 1 && saved()) {
		keys.slugs.push(...bodySlugs);
		const original = readBodyFacts(parts.body, code, options.tagName, links).readOriginalUrl;
		if (original) keys.urls.push(original);
	}
	return { id: keys.id, slugs: [...new Set(keys.slugs)], urls: keys.urls };
}

/** An index of the vault's notes by id, slug and loose address. Paths added first win a tie. */
export class VaultMatcher {
	private readonly byId = new Map<string, string>();
	private readonly bySlug = new Map<string, string>();
	private readonly byUrl = new Map<string, string>();
	/** Notes that carry an id, or were matched to an item: matched by slug or address only to the item with that id. */
	private readonly idOf = new Map<string, string>();
	/** The articles a note's Omnivore links name. */
	private readonly slugsOf = new Map<string, Set<string>>();

	add(path: string, keys: NoteKeys): void {
		for (const article of keys.articles ?? []) {
			if (!this.byId.has(article.toLowerCase())) this.byId.set(article.toLowerCase(), path);
			// The id of no item: the note is never taken by slug or address.
			this.idOf.set(path, "");
		}
		if (keys.id !== undefined) {
			const id = keys.id.toLowerCase();
			// Omnivore's ids before its 2023 move off its search index became other UUIDs in the export:
			// such a note is still its article's, found by slug or address.
			if (!SEARCH_INDEX_ID.test(keys.id)) this.idOf.set(path, id);
			if (!this.byId.has(id)) this.byId.set(id, path);
		}
		if (keys.slugs.length > 0) this.slugsOf.set(path, new Set(keys.slugs));
		for (const slug of keys.slugs) if (!this.bySlug.has(slug)) this.bySlug.set(slug, path);
		for (const url of keys.urls) {
			const loose = looseUrl(url);
			if (loose !== undefined && !this.byUrl.has(loose)) this.byUrl.set(loose, path);
		}
	}

	match(item: ExportItem): { path: string; by: MatchedBy } | null {
		const id = item.id.toLowerCase();
		const byId = this.byId.get(id);
		if (byId) return { path: byId, by: "id" };
		const free = (path: string | undefined) => path !== undefined && (this.idOf.get(path) ?? id) === id;
		const bySlug = this.bySlug.get(foldSlug(item.slug));
		if (free(bySlug)) return this.claim(bySlug as string, id, "slug");
		const url = articleUrl(item);
		const byUrl = url === undefined ? undefined : this.byUrl.get(looseUrl(url) ?? "");
		// A note whose Omnivore link names another article is that article's, whatever its address says.
		const slugs = byUrl === undefined ? undefined : this.slugsOf.get(byUrl);
		if (free(byUrl) && (slugs === undefined || slugs.has(foldSlug(item.slug)))) return this.claim(byUrl as string, id, "url");
		return null;
	}

	/** The note now belongs to this item (it gets its id): another item of the same address gets a note of its own. */
	private claim(path: string, id: string, by: MatchedBy): { path: string; by: MatchedBy } {
		this.idOf.set(path, id);
		return { path, by };
	}
}
