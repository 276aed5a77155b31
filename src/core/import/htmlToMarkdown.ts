// Turns an article's readable HTML from the export into Markdown, with images pointing at their originals.
// Turndown walks a DOM that domino builds, so the CLI and the plugin (desktop and mobile) convert alike
// without a browser's DOM: see docs/decisions/0017.

import { createDocument } from "@mixmark-io/domino";
import TurndownService from "turndown";
import { asLinkDestination } from "../markdown/linkDestination";
import { isSafeImageUrl, unwrapProxyUrl, type ProxyMatcher } from "../proxyUrls";

export interface HtmlToMarkdownOptions {
	proxy: ProxyMatcher;
	/** The article's address, to resolve relative links and images. */
	baseUrl?: string;
}

type Element = TurndownService.Node & HTMLElement;

/** The article's address as a base for its relative links (none when it is no valid address). */
function baseOf(baseUrl: string | undefined): URL | undefined {
	try {
		return new URL(baseUrl as string);
	} catch {
		// No address (undefined), or one that does not parse: no base.
	}
	return undefined;
}

/** A link's address made absolute; null unless it leads to a web or mail address. */
function absolute(url: string, base: URL | undefined): string | null {
	const trimmed = url.trim();
	if (trimmed === "") return null;
	try {
		const resolved = new URL(trimmed, base).href;
		if (/^(?:https?:|mailto:)/i.test(resolved)) return resolved;
	} catch {
		// Not an address.
	}
	return null;
}

/** The original address of an image: Omnivore's record of it, else the proxy URL unwrapped. */
export function originalImageUrl(element: Element, options: HtmlToMarkdownOptions): string | null {
	const recorded = element.getAttribute("data-omnivore-original-src");
	if (recorded && isSafeImageUrl(recorded.trim())) return recorded.trim();
	const src = (element.getAttribute("src") || element.getAttribute("data-src") || firstOfSrcset(element.getAttribute("srcset")))?.trim();
	if (!src) return null;
	const unwrapped = unwrapProxyUrl(src, options.proxy, options.baseUrl);
	if (unwrapped) return unwrapped.ok ? unwrapped.url : null;
	if (/^data:image\//i.test(src)) return src;
	// A link may lead to a mail address; an image only to a web address.
	const resolved = absolute(src, baseOf(options.baseUrl));
	return resolved && isSafeImageUrl(resolved) ? resolved : null;
}

function firstOfSrcset(srcset: string | null): string | null {
	return srcset?.trim().split(/\s/)[0] || null;
}

/** A cell is one line: its line breaks become `<br>`, which Obsidian's tables show. */
function cellText(content: string): string {
	return content.trim().replace(/[ \t]*\n+[ \t]*/g, "<br>").replace(/\|/g, "\\|");
}

function buildService(options: HtmlToMarkdownOptions): TurndownService {
	const service = new TurndownService({
		// Stryker disable next-line StringLiteral: turndown writes every style but "setext" as atx.
		headingStyle: "atx",
		hr: "---",
		codeBlockStyle: "fenced",
		emDelimiter: "*",
		strongDelimiter: "**",
	});
	// Text that reads `<!--` or `<details>` (written `&lt;` in the HTML) would be markup in the note:
	// a comment hiding the rest, a live element. Escaped, it shows as written.
	const escapeMarkdown = service.escape.bind(service);
	service.escape = (text: string) => escapeMarkdown(text).replace(/<(?=[A-Za-z/!?])/g, "\\<");
	// What a reader never sees (a <template>'s content is not even in the document).
	service.remove(["script", "style", "noscript"]);
	for (const [key, rule] of Object.entries(rules(options))) service.addRule(key, rule);
	return service;
}

/** The rules that differ from turndown's, by name (a later rule wins over an earlier one). */
function rules(options: HtmlToMarkdownOptions): Record<string, TurndownService.Rule> {
	const base = baseOf(options.baseUrl);
	// Each table's first row, found once (a table may have thousands of rows).
	const firstRows = new Map<Element, Element | undefined>();
	return {
		image: {
			filter: "img",
			replacement(_content, node) {
				const url = originalImageUrl(node, options);
				if (!url) return "";
				const alt = ((node).getAttribute("alt") ?? "").replace(/[[\]\n]/g, " ").trim();
				return `![${alt}](${asLinkDestination(url)})`;
			},
		},
		link: {
			// Stryker disable next-line ConditionalExpression: the other elements with an href (<area>, <link>) hold no text, so the rule would write nothing for them either.
			filter: (node) => node.nodeName === "A" && node.getAttribute("href") !== null,
			replacement(content, node) {
				const href = absolute((node).getAttribute("href") as string, base);
				if (!href || content.trim() === "") return content;
				return `[${content}](${asLinkDestination(href)})`;
			},
		},
		listItem: {
			filter: "li",
			replacement(content, node) {
				const parent = node.parentNode as Element;
				let prefix = "- ";
				if (parent.nodeName === "OL") {
					const start = Number(parent.getAttribute("start") ?? 1);
					const index = Array.from(parent.children).indexOf(node);
					prefix = `${(Number.isFinite(start) ? start : 1) + index}. `;
				}
				const body = content.replace(/^\n+/, "").replace(/\n+$/, "").replace(/\n(?!\n)/g, `\n${" ".repeat(prefix.length)}`);
				return prefix + body + (node.nextSibling ? "\n" : "");
			},
		},
		preformatted: {
			// Stryker disable next-line OptionalChaining: turndown asks no rule about an empty <pre> (it is blank).
			filter: (node) => node.nodeName === "PRE" && node.firstChild?.nodeName !== "CODE",
			replacement(_content, node) {
				const code = node.textContent.replace(/\n$/, "");
				const fence = "`".repeat(Math.max(3, ...(code.match(/`{3,}/g) ?? []).map((run) => run.length + 1)));
				return `\n\n${fence}\n${code}\n${fence}\n\n`;
			},
		},
		mark: { filter: "mark", replacement: (content) => (content.trim() ? `==${content}==` : content) },
		tableCell: {
			filter: ["th", "td"],
			replacement: (content) => ` ${cellText(content)} |`,
		},
		tableRow: {
			filter: "tr",
			replacement(content, node) {
				const row = `|${content}\n`;
				// Only the table's first row is followed by the line that makes it a header (a row without
				// cells, a spacer, is dropped as blank: the next one is the first). The parser puts every row in a table.
				const table = closestTable(node) as Element;
				// Stryker disable next-line ConditionalExpression: a cache; finding the first row again gives the same row.
				if (!firstRows.has(table)) firstRows.set(table, firstRowOf(table));
				if (firstRows.get(table) !== node) return row;
				return `\n${row}|${" --- |".repeat(node.children.length)}\n`;
			},
		},
		tableSection: { filter: ["thead", "tbody", "tfoot"], replacement: (content) => content },
		// A table is a block of turndown's own; its caption (not one of them) needs blank lines to stand apart from the rows.
		caption: { filter: "caption", replacement: (content) => `\n\n${content}\n\n` },
		iframe: {
			filter: "iframe",
			replacement(_content, node) {
				const src = absolute((node).getAttribute("src") ?? "", base);
				return src ? `\n\n[${asLinkDestination(src)}](${asLinkDestination(src)})\n\n` : "";
			},
		},
	};
}

function closestTable(node: Element): Element | null {
	let current = node.parentNode as Element | null;
	while (current && current.nodeName !== "TABLE") current = current.parentNode as Element | null;
	return current;
}

/** The first row with cells in document order: the table's own (a nested table's rows all follow a row of it). */
function firstRowOf(table: Element): Element | undefined {
	return Array.from(table.querySelectorAll("tr")).find((row) => row.children.length > 0);
}

/** Converts one article; the service is built per call since its rules close over the article's address. */
// domino's parser takes time that grows with the square of the nesting depth (20,000 levels: 5 s,
// 200,000: minutes) and turndown recurses (about 2,000 levels overflow the stack); its DOM takes
// about 2 KB an element (a 20 MB table of a million cells: 2 GB). A page nested deeper or holding more
// elements than any article is not converted.
export const MAX_NESTING = 500;
export const MAX_ELEMENTS = 200_000;
// Void elements and those whose end tag may be left out do not nest reliably, so they do not count for depth.
const NOT_NESTING = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|tr|td|th|option|optgroup|thead|tbody|tfoot|colgroup|rt|rp)$/i;
const TAG = /<(\/?)([a-z][a-z0-9:-]*)[^>]*?(\/?)>/gi;

/** How deep the elements of `html` nest and how many there are, read from its tags in one pass (no parser). */
export function measureElements(html: string): { depth: number; elements: number } {
	let depth = 0;
	let deepest = 0;
	let elements = 0;
	TAG.lastIndex = 0;
	for (let tag = TAG.exec(html); tag !== null; tag = TAG.exec(html)) {
		if (tag[1] !== "/") elements++;
		if (tag[3] === "/" || NOT_NESTING.test(tag[2])) continue;
		depth = tag[1] === "/" ? Math.max(0, depth - 1) : depth + 1;
		deepest = Math.max(deepest, depth);
	}
	return { depth: deepest, elements };
}

/** The article as Markdown; throws when it nests deeper than `MAX_NESTING` or holds more than `MAX_ELEMENTS` elements. */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions): string {
	const { depth, elements } = measureElements(html);
	if (depth > MAX_NESTING) throw new Error(`its elements nest more than ${MAX_NESTING} deep`);
	if (elements > MAX_ELEMENTS) throw new Error(`it holds more than ${MAX_ELEMENTS.toLocaleString("en-US")} elements`);
	const document = createDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
	// turndown trims the newlines at both ends.
	return withoutTrailingBlanks(buildService(options).turndown(document.body));
}

/** Spaces at line ends that mean nothing (turndown's `> ` on empty quote lines) go; code and hard breaks stay. */
function withoutTrailingBlanks(markdown: string): string {
	let fence: string | null = null;
	return markdown
		.split("\n")
		.map((line) => {
			const opening = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
			if (opening && (fence === null || (opening[0] === fence[0] && opening.length >= fence.length))) {
				fence = fence === null ? opening : null;
				return line;
			}
			// A hard line break: two spaces after text.
			if (fence !== null || /\S {2}$/.test(line)) return line;
			return line.replace(/\s+$/, "");
		})
		.join("\n");
}
