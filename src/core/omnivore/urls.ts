// What Omnivore's addresses mean: article links, highlight back-links, uploads, placeholders, sites.

import { escapeRegExp } from "../escapeRegExp";

const HTTP_URL = /^https?:\/\/[^\s/]/i;
const FAKE_ORIGINAL = /^https?:\/\/(?:www\.)?omnivore\.app\/no_url/i;
const ATTACHMENT = /^https?:\/\/(?:www\.)?omnivore\.app\/attachments\//i;
// Where Omnivore kept uploads in its cloud bucket: `storage.googleapis.com/omnivore/u%2F{user}%2F{file}.pdf`,
// or a signed `…/omnivore/u/{user}/{file}.pdf?X-Goog-…`. Gone with Omnivore, and no article's address.
const UPLOAD_BUCKET = /^https?:\/\/storage\.googleapis\.com\/omnivore\/u(?:\/|%2F)/i;
// omnivore.app itself, not its blog or docs: the app's pages, its uploads, its placeholder, the library.
const OMNIVORE_APP = /^https?:\/\/(?:www\.)?omnivore\.app(?:$|[/?#:])/i;
// A slash as written raw or by a template that HTML-escaped the article (`{{content}}`).
const SLASH = "(?:/|&#[xX]0*2[fF];|&#0*47;)";

/** Host (with port) of a configured self-hosted Omnivore, or null when it is not a web address. */
function hostOf(base: string): string | null {
	try {
		const written = base.trim();
		const url = new URL(written.includes("://") ? written : `https://${written}`);
		return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
	} catch {
		return null;
	}
}

// The links Omnivore's templates write under the title, found by their text (global: callers scan with them).
export const READ_ORIGINAL = /\[Read\s+Original\]\(/gi;
export const READ_ON_OMNIVORE = /\[Read\s+on\s+Omnivore\]\(/gi;

/** Recognizes links into an Omnivore library: omnivore.app and the self-hosted hosts configured. */
export interface OmnivoreLinks {
	/** Global pattern for a library address `…/me/{slug}`: group 1 is the slug, group 2 `#` when a highlight id follows. */
	readonly pattern: RegExp;
	/** The same, sticky, for `nextHttpMatch`. */
	readonly startsAt: RegExp;
	/** Whole-string test: an address in the library (an article, or a highlight in it). */
	isLibraryLink(url: string): boolean;
	/** Whether a library address appears anywhere in a text. */
	occursIn(text: string): boolean;
}

export function buildOmnivoreLinks(selfHostedHosts: readonly string[]): OmnivoreLinks {
	const extra = selfHostedHosts.map(hostOf).filter((host): host is string => host !== null).map(escapeRegExp);
	const hosts = ["(?:www\\.)?omnivore\\.app", ...extra].join("|");
	const source = `https?:${SLASH}${SLASH}(?:${hosts})${SLASH}me${SLASH}([^\\s)#"'<>\\]&|]+)(#?)`;
	const whole = new RegExp(`^${source}`, "i");
	const anywhere = new RegExp(source, "i");
	return {
		pattern: new RegExp(source, "gi"),
		startsAt: new RegExp(source, "iy"),
		isLibraryLink: (url) => whole.test(url.trim()),
		occursIn: (text) => anywhere.test(text),
	};
}

/** The links of omnivore.app alone, for callers without settings. */
export const OMNIVORE_APP_LINKS = buildOmnivoreLinks([]);

/** An article's web address: not Omnivore's placeholder for newsletters, its uploads (in the app or its bucket), its library or its app's pages. */
export function isArticleUrl(url: string, links?: OmnivoreLinks): boolean {
	return HTTP_URL.test(url) && !OMNIVORE_APP.test(url) && !UPLOAD_BUCKET.test(url.trim()) && !(links ?? OMNIVORE_APP_LINKS).isLibraryLink(url);
}

/**
 * A page of the Omnivore app (`https://omnivore.app`, its settings): no saved article's address, so
 * a note about Omnivore that links the app in a `url` property is still a note about Omnivore.
 */
export function isOmnivoreAppPage(url: string): boolean {
	const trimmed = url.trim();
	return OMNIVORE_APP.test(trimmed) && !ATTACHMENT.test(trimmed) && !FAKE_ORIGINAL.test(trimmed) && !OMNIVORE_APP_LINKS.isLibraryLink(trimmed);
}

/** `[Read Original]` of an uploaded file (a PDF): Omnivore's own storage, not an original address. */
export function isAttachmentUrl(url: string): boolean {
	return ATTACHMENT.test(url) || UPLOAD_BUCKET.test(url.trim());
}

export function isWebUrl(url: string): boolean {
	return HTTP_URL.test(url);
}

/** Host of an article URL without `www.`; undefined for non-web or Omnivore's own addresses. */
export function siteFromUrl(url: string, links?: OmnivoreLinks): string | undefined {
	if (!isArticleUrl(url, links)) return undefined;
	try {
		// `https://www./` leaves no name.
		return new URL(url).hostname.replace(/^www\./i, "") || undefined;
	} catch {
		return undefined;
	}
}

const linksByHosts = new WeakMap<readonly string[], OmnivoreLinks>();

/** The links for a set of self-hosted hosts, built once per settings object. */
export function linksFor(selfHostedHosts: readonly string[]): OmnivoreLinks {
	if (selfHostedHosts.length === 0) return OMNIVORE_APP_LINKS;
	let links = linksByHosts.get(selfHostedHosts);
	if (!links) {
		links = buildOmnivoreLinks(selfHostedHosts);
		linksByHosts.set(selfHostedHosts, links);
	}
	return links;
}
