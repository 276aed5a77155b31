// Rewrites the image references of one note to the files downloaded for them: only the URL of each
// reference changes; alt text, titles and HTML attributes stay as they were.

import { escapeForContext, type UrlContext } from "../bodyImages";
import { findCodeRanges } from "../markdown/codeRanges";
import { joinNote, splitNote, type NoteParts } from "../note";
import type { ProxyMatcher } from "../proxyUrls";
import { quoteForMessage, type Change, type Problem } from "../report";
import type { TidyResult } from "../tidy";
import { findImageReferences, type ImageReference } from "./imageReferences";
import { resolveImageReference, type ResolvedImage } from "./resolveReference";

/** A downloaded image: its file, and the link target a Markdown reference uses for it. */
export interface LocalImage {
	file: string;
	link: string;
}

export interface NoteImage {
	reference: ImageReference;
	resolved: ResolvedImage;
	/** 1-based line in the note. */
	line: number;
}

/** The image references of a note, resolved; `articleUrl` finds the base for relative originals. */
export function noteImages(text: string, matcher: ProxyMatcher, articleUrl: (parts: NoteParts) => string | undefined): { parts: NoteParts; images: NoteImage[] } {
	const parts = splitNote(text);
	const code = findCodeRanges(parts.body);
	const references = findImageReferences(parts.body, code);
	// Stryker disable next-line ConditionalExpression: a fast path; with no reference there is nothing to resolve
	if (references.length === 0) return { parts, images: [] };
	const baseUrl = articleUrl(parts);
	let line = parts.bodyLineOffset + 1;
	let counted = 0;
	const images = references.map((reference) => {
		// Stryker disable next-line EqualityOperator: an address never starts at a line break
		for (let i = parts.body.indexOf("\n", counted); i !== -1 && i < reference.start; i = parts.body.indexOf("\n", i + 1)) line++;
		counted = reference.start;
		return { reference, resolved: resolveImageReference(reference, matcher, baseUrl), line };
	});
	return { parts, images };
}

/** What `encodeURIComponent` leaves as it is but a link target may not hold. */
const KEPT_BY_ENCODE_URI: Record<string, string> = { "(": "%28", ")": "%29", "'": "%27" };

/** Percent-encode what a link target may not hold in its place (a space ends a bare Markdown URL). */
export function encodeLinkTarget(path: string, reference: ImageReference): string {
	const angle = reference.form === "markdown-angle" || reference.form === "definition-angle";
	const unsafe = angle ? /[%<>\r\n]/g : /[%\s()<>"'&\\]/g;
	return path.replace(unsafe, (ch) => encodeURIComponent(ch).replace(/[()']/g, (c) => KEPT_BY_ENCODE_URI[c]));
}

/** Where a Markdown reference's address stands: what may end it there. */
const MARKDOWN_CONTEXTS: Record<Exclude<ImageReference["form"], "html">, UrlContext> = {
	markdown: "paren",
	"markdown-angle": "angle",
	"definition-angle": "angle",
	definition: "bare",
};

function contextOf(reference: ImageReference): UrlContext {
	if (reference.form !== "html") return MARKDOWN_CONTEXTS[reference.form];
	return reference.quote === '"' ? "double-quote" : reference.quote === "'" ? "single-quote" : "bare";
}

export interface LocalizeInput {
	matcher: ProxyMatcher;
	articleUrl: (parts: NoteParts) => string | undefined;
	/** The file of a remote image, when it is in the vault. */
	localOf: (url: string) => LocalImage | undefined;
	/** Why a remote image is not in the vault, when its download failed. */
	failureOf: (url: string) => string | undefined;
}

/**
 * The note with each downloaded image pointing to its file. A proxied image that could not be
 * downloaded points to its original, like tidy makes it; a proxied `data:` image becomes that URI.
 */
export function localizeNote(text: string, input: LocalizeInput): TidyResult {
	const { parts, images } = noteImages(text, input.matcher, input.articleUrl);
	const changes: Change[] = [];
	const problems: Problem[] = [];
	const pieces: string[] = [];
	let copied = 0;
	for (const { reference, resolved, line } of images) {
		let replacement: string | null = null;
		let kind: Change["kind"] = "url-unwrapped";
		if (resolved.kind === "data") replacement = escapeForContext(resolved.uri, contextOf(reference));
		else if (resolved.kind === "problem") problems.push({ code: "unsafe-image-url", line, message: `Image ${quoteForMessage(reference.written)} was left as it was: ${resolved.detail}.` });
		else if (resolved.kind === "remote") {
			const local = input.localOf(resolved.url);
			if (local) {
				// HTML is not resolved the way Markdown links are: it gets the file's path from the vault's root.
				replacement = encodeLinkTarget(reference.form === "html" ? local.file : local.link, reference);
				kind = "image-localized";
			} else {
				const failure = input.failureOf(resolved.url);
				if (failure !== undefined) problems.push({ code: "image-not-downloaded", line, message: `Image ${quoteForMessage(resolved.url)} was not downloaded: ${failure}.` });
				if (resolved.proxied) replacement = escapeForContext(resolved.url, contextOf(reference));
			}
		}
		// Stryker disable next-line ConditionalExpression: a new address is never the one written (a file, an original or a data: URI in place of a remote or proxied address); the check keeps it so
		if (replacement === null || replacement === reference.written) continue;
		pieces.push(parts.body.slice(copied, reference.start), replacement);
		copied = reference.end;
		const message = kind === "image-localized" ? `Image now shows the downloaded file ${quoteForMessage(replacement)}.` : `Image now points to ${quoteForMessage(replacement)}.`;
		changes.push({ kind, line, bodyOffset: reference.start, from: reference.written, to: replacement, message });
	}
	// Stryker disable next-line ConditionalExpression: a fast path; with no change the pieces join to the same text
	if (changes.length === 0) return { text, report: { isOmnivoreNote: true, changed: false, changes, problems } };
	pieces.push(parts.body.slice(copied));
	const newText = joinNote({ ...parts, body: pieces.join("") });
	// Each change put a different address in place.
	return { text: newText, report: { isOmnivoreNote: true, changed: true, changes, problems } };
}
