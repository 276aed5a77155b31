// Recognizes Omnivore image-proxy URLs in every written form and recovers the original image URL.

import { decodeHtmlEntities } from "./htmlEntities";
import { OMNIVORE_PROXY_BASES } from "./options";
import { escapeRegExp } from "./escapeRegExp";
import { nextHttpMatch } from "./httpMatches";

/** What a proxied URL turned out to hold. */
export type UnwrapResult =
	| { ok: true; url: string }
	| { ok: false; code: "unsafe-image-url" | "relative-image-url" | "unrecognized-proxy-url"; detail: string };

export interface ProxyMatcher {
	/** Global, case-insensitive pattern for where a proxy URL starts, raw or HTML-escaped. */
	readonly start: RegExp;
	/** The same, sticky, for `nextHttpMatch`. */
	readonly startsAt: RegExp;
	/** Whole-string pattern splitting a (decoded) proxy URL into its base and the rest. */
	readonly whole: RegExp;
}

// A slash as written raw or by an HTML-escaping template.
const SLASH = "(?:/|&#[xX]0*2[fF];|&#0*47;|&sol;)";

/** Host (with port) and path prefix of a configured base; the scheme may be http or https. */
function basePattern(base: string, slash: string): string | null {
	let url: URL;
	try {
		// The URL parser drops the spaces around a base typed in the settings.
		url = new URL(base);
	} catch {
		return null;
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return null;
	// Empty segments (a trailing slash, `//`) are dropped.
	const pathPattern = url.pathname
		.split("/")
		.filter((segment) => segment !== "")
		.map((segment) => slash + escapeRegExp(segment))
		.join("");
	return escapeRegExp(url.host) + pathPattern;
}

// Stryker disable next-line ArrayDeclaration: an unusable base is dropped like no base.
export function buildProxyMatcher(extraBases: readonly string[] = []): ProxyMatcher {
	const bases = [...OMNIVORE_PROXY_BASES, ...extraBases];
	const escaped = bases.map((b) => basePattern(b, SLASH)).filter((p): p is string => p !== null);
	const raw = bases.map((b) => basePattern(b, "/")).filter((p): p is string => p !== null);
	const start = `https?:${SLASH}${SLASH}(?:${escaped.join("|")})(?=${SLASH})`;
	return {
		start: new RegExp(start, "gi"),
		startsAt: new RegExp(start, "iy"),
		whole: new RegExp(`^https?://(?:${raw.join("|")})/(.*)$`, "is"),
	};
}

/** The next match of `matcher.start` at or after `from` (where it starts and ends), or null. */
export function nextProxyUrl(text: string, matcher: ProxyMatcher, from: number): { start: number; end: number } | null {
	const match = nextHttpMatch(text, matcher.startsAt, from);
	return match && { start: match.index, end: match.index + match[0].length };
}

// One imageproxy option: size (`0x0`, `640x0`, `x100`, `100`, `0.5x`), signature, quality, rotation,
// flips, format, crop, smart crop, trim, fit.
const OPTION =
	"(?:\\d*(?:\\.\\d+)?x\\d*(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|s[A-Za-z0-9_=-]+|q\\d{1,3}|r\\d{1,3}|fit|fv|fh|png|jpeg|jpg|gif|tiff|webp|bmp|trim|sc|c[xywh]-?\\d+(?:\\.\\d+)?)";
const OPTIONS_SEGMENT = new RegExp(`^${OPTION}(?:,${OPTION})*$`);

function isOptionsSegment(segment: string): boolean {
	return OPTIONS_SEGMENT.test(segment);
}

const ABSOLUTE_HTTP = /^https?:\/\//i;
const COLLAPSED_HTTP = /^(https?):\/(?!\/)/i;
const ENCODED_HTTP = /^https?%3A/i;
const DATA_URI = /^data:/i;
const DATA_IMAGE = /^data:image\//i;
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*(?::|%3A)/i;

// An http(s) address with a host of ASCII labels (letters and digits, hyphens inside but never two
// together, so no `xn--` label to decode), the last starting with a letter (never read as an IPv4
// address), and no user or port: the URL parser accepts it with that host, whatever follows the host.
// Most image addresses are so; the rest go to the parser. (A label's length is not checked: the
// parser does not either.)
const PLAIN_WEB_ADDRESS = /^https?:\/\/(?:[a-z\d]+(?:-[a-z\d]+)*\.)*[a-z][a-z\d]*(?:-[a-z\d]+)*(?:[/?#\\]|$)/i;

/** An address that is safe to write: absolute http(s) with a host, or a data: image. */
export function isSafeImageUrl(url: string): boolean {
	if (DATA_IMAGE.test(url)) return true;
	// Stryker disable next-line ConditionalExpression: a fast path; the URL parser refuses the same addresses below.
	if (!ABSOLUTE_HTTP.test(url)) return false;
	if (PLAIN_WEB_ADDRESS.test(url)) return true;
	try {
		const parsed = new URL(url);
		// Stryker disable next-line all: past ABSOLUTE_HTTP the scheme is http(s), and the URL parser refuses an http(s) address without a host; kept as the rule it states.
		return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
	} catch {
		return false;
	}
}

/** The original as written after the options, in whichever form the note holds it. */
function resolveOriginal(original: string, baseUrl: string | undefined): UnwrapResult {
	let url: string;
	if (ABSOLUTE_HTTP.test(original)) {
		url = original;
	} else if (COLLAPSED_HTTP.test(original)) {
		url = original.replace(COLLAPSED_HTTP, "$1://");
	} else if (ENCODED_HTTP.test(original)) {
		// Encoded as a whole: decode exactly once, so an encoded URL inside it stays encoded.
		try {
			url = decodeURIComponent(original);
		} catch {
			return { ok: false, code: "unrecognized-proxy-url", detail: "its original address is badly percent-encoded" };
		}
		url = url.replace(COLLAPSED_HTTP, "$1://");
	} else if (DATA_URI.test(original)) {
		url = original;
	} else if (OTHER_SCHEME.test(original)) {
		return { ok: false, code: "unsafe-image-url", detail: `it leads to a ${original.split(/:|%3A/i)[0]}: address` };
	} else {
		if (!baseUrl || !ABSOLUTE_HTTP.test(baseUrl)) {
			return { ok: false, code: "relative-image-url", detail: "its original address is relative" };
		}
		try {
			url = new URL(original, baseUrl).href;
		} catch {
			return { ok: false, code: "unrecognized-proxy-url", detail: "its relative address cannot be resolved" };
		}
	}
	if (!isSafeImageUrl(url)) {
		return { ok: false, code: "unsafe-image-url", detail: "its original is not a web address or an image" };
	}
	return { ok: true, url };
}

/**
 * The original image URL inside a proxy URL, or null when `url` is not a proxy URL at all.
 * `baseUrl` (the article's URL) resolves relative originals.
 */
export function unwrapProxyUrl(url: string, matcher: ProxyMatcher, baseUrl?: string): UnwrapResult | null {
	// Stryker disable next-line StringLiteral: a fast path; decodeIfEscaped leaves a URL without `&` as it is.
	let current = url.includes("&") ? decodeIfEscaped(url) : url;
	let result: UnwrapResult | null = null;
	// An original that is itself proxied (seen with self-hosted proxies chained to Omnivore's) is unwrapped too.
	for (let depth = 0; depth < 3; depth++) {
		const match = matcher.whole.exec(current);
		if (!match) break;
		const rest = match[1];
		const slash = rest.indexOf("/");
		const head = slash === -1 ? rest : rest.slice(0, slash);
		let original: string;
		if (ABSOLUTE_HTTP.test(rest) || ENCODED_HTTP.test(rest) || DATA_URI.test(rest)) original = rest;
		else if (slash !== -1 && isOptionsSegment(head)) original = rest.slice(slash + 1);
		else return { ok: false, code: "unrecognized-proxy-url", detail: "the part after the proxy address is not understood" };
		if (original === "") return { ok: false, code: "unrecognized-proxy-url", detail: "it holds no original address" };
		result = resolveOriginal(original, baseUrl);
		// Stryker disable next-line ConditionalExpression: going on, the failed result matches no proxy URL and is returned all the same.
		if (!result.ok) return result;
		current = result.url;
	}
	return result;
}

/** HTML-escaped proxy URLs (`https:&#x2F;&#x2F;...`) are decoded as a whole; raw ones are left as written. */
function decodeIfEscaped(url: string): string {
	return /^https?:&/i.test(url) ? decodeHtmlEntities(url) : url;
}
