// What an image reference points at once proxies are unwrapped: a remote image to download, a
// `data:` image written in place of a proxied one, or nothing to do.

import { decodeHtmlEntities } from "../htmlEntities";
import { isSafeImageUrl, unwrapProxyUrl, type ProxyMatcher } from "../proxyUrls";
import type { ImageReference } from "./imageReferences";

export type ResolvedImage =
	/** A web image; `proxied` when the note holds it through Omnivore's proxy. */
	| { kind: "remote"; url: string; proxied: boolean }
	/** A proxied `data:` image: written as the plain `data:` URI. */
	| { kind: "data"; uri: string }
	/** Local, `data:`, or another scheme: left as it is. */
	| { kind: "none" }
	/** A proxied URL whose original cannot be used: left and reported. */
	| { kind: "problem"; detail: string };

// CommonMark lets a destination escape ASCII punctuation with a backslash.
const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** The address a reference means, as a browser would read it. */
function meantUrl(reference: ImageReference): string {
	const unescaped = reference.form === "html" ? reference.written : reference.written.replace(BACKSLASH_ESCAPE, "$1");
	// Stryker disable next-line StringLiteral: a fast path; without `&` there is nothing to decode.
	return unescaped.includes("&") ? decodeHtmlEntities(unescaped) : unescaped;
}

export function resolveImageReference(reference: ImageReference, matcher: ProxyMatcher, baseUrl?: string): ResolvedImage {
	const url = meantUrl(reference);
	const unwrapped = unwrapProxyUrl(url, matcher, baseUrl) ?? unwrapProxyUrl(reference.written, matcher, baseUrl);
	if (unwrapped && !unwrapped.ok) return { kind: "problem", detail: unwrapped.detail };
	if (unwrapped) {
		if (/^data:/i.test(unwrapped.url)) return { kind: "data", uri: unwrapped.url };
		return isProxyHost(unwrapped.url, matcher) ? { kind: "problem", detail: "its original is itself on the image proxy" } : { kind: "remote", url: unwrapped.url, proxied: true };
	}
	if (!/^https?:\/\//i.test(url) || !isSafeImageUrl(url)) return { kind: "none" };
	return { kind: "remote", url, proxied: false };
}

/** Omnivore's proxy hosts are dead: nothing is ever requested from them. */
export function isProxyHost(url: string, matcher: ProxyMatcher): boolean {
	// `host.` (a full name, as DNS writes it) is the same host: a redirect may name the proxy so.
	const withoutFinalDot = url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@]*?)\.(?=[:/?#]|$)/i, "$1");
	return [url, withoutFinalDot].some((candidate) => candidate.search(new RegExp(matcher.start.source, "i")) === 0);
}
