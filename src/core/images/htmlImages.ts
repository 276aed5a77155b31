// The image addresses of HTML in a Markdown body: `<img src>` and each `srcset` entry (of `<img>`, and
// of `<source>` in a `<picture>`). Tags are read attribute by attribute, as a browser reads them: a
// `src=` written inside another attribute's value (`alt="src=…"`) is no address, and a `>` inside
// a quoted value does not end the tag.

import { isInside, type TextRange } from "../markdown/codeRanges";

/** An address as written in an attribute value, and the quote around that value (`"`, `'` or none). */
export interface HtmlImage {
	start: number;
	end: number;
	written: string;
	quote: string;
}

interface Attribute {
	name: string;
	value: string;
	valueStart: number;
	quote: string;
}

// `<source srcset>` inside `<picture>` is what a browser shows first; its `src` (video, audio) is no image.
const IMG_START = /<(img|source)(?=[\s/>])/gi;

const isSpace = (char: string | undefined): boolean => char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\f";

/**
 * The attributes of a tag from `from` (just after its name) and where its `>` is; -1 when the text
 * ends first, inside the tag or inside a quoted value (a browser would read the rest as the tag).
 */
export function readAttributes(body: string, from: number): { attributes: Attribute[]; close: number } {
	const attributes: Attribute[] = [];
	let i = from;
	for (;;) {
		while (isSpace(body[i]) || body[i] === "/") i++;
		if (i >= body.length) return { attributes, close: -1 };
		if (body[i] === ">") return { attributes, close: i };
		const nameStart = i++;
		while (i < body.length && !isSpace(body[i]) && body[i] !== "/" && body[i] !== ">" && body[i] !== "=") i++;
		const name = body.slice(nameStart, i).toLowerCase();
		let next = i;
		while (isSpace(body[next])) next++;
		if (body[next] !== "=") {
			attributes.push({ name, value: "", valueStart: i, quote: "" });
			continue;
		}
		next++;
		while (isSpace(body[next])) next++;
		const quote = body[next] === '"' || body[next] === "'" ? body[next] : "";
		if (quote) {
			const end = body.indexOf(quote, next + 1);
			if (end === -1) return { attributes, close: -1 };
			attributes.push({ name, value: body.slice(next + 1, end), valueStart: next + 1, quote });
			i = end + 1;
		} else {
			const valueStart = next;
			while (next < body.length && !isSpace(body[next]) && body[next] !== ">") next++;
			attributes.push({ name, value: body.slice(valueStart, next), valueStart, quote: "" });
			i = next;
		}
	}
}

/** The URLs of a `srcset` value, each with its offset in the value (WHATWG's parsing: URLs end at whitespace). */
export function srcsetUrls(value: string): Array<{ offset: number; url: string }> {
	const urls: Array<{ offset: number; url: string }> = [];
	let i = 0;
	while (i < value.length) {
		while (i < value.length && /[\s,]/.test(value[i])) i++;
		if (i >= value.length) break;
		const start = i;
		while (i < value.length && !/\s/.test(value[i])) i++;
		let url = value.slice(start, i);
		// A URL followed directly by commas has no descriptor; the commas are not part of it.
		const trailing = /,+$/.exec(url);
		if (trailing) url = url.slice(0, -trailing[0].length);
		else {
			// Skip the descriptors (`2x`, `640w`), up to the comma that ends the entry (none inside parentheses).
			let depth = 0;
			for (; i < value.length; i++) {
				if (value[i] === "(") depth++;
				else if (value[i] === ")") depth = Math.max(0, depth - 1);
				else if (value[i] === "," && depth === 0) break;
			}
		}
		if (url !== "") urls.push({ offset: start, url });
	}
	return urls;
}

export function findHtmlImages(body: string, code: TextRange[]): HtmlImage[] {
	const found: HtmlImage[] = [];
	IMG_START.lastIndex = 0;
	let start: RegExpExecArray | null;
	while ((start = IMG_START.exec(body)) !== null) {
		const { attributes, close } = readAttributes(body, start.index + start[0].length);
		// A tag the text ends inside: everything after it is that tag, to a browser.
		if (close === -1) break;
		IMG_START.lastIndex = close + 1;
		if (isInside(code, start.index)) continue;
		const isSource = start[1].toLowerCase() === "source";
		for (const { name, value, valueStart, quote } of attributes) {
			if (name === "src" && !isSource) {
				const trimmed = value.trim();
				const at = valueStart + value.indexOf(trimmed);
				if (trimmed !== "") found.push({ start: at, end: at + trimmed.length, written: trimmed, quote });
			} else if (name === "srcset") {
				for (const { offset, url } of srcsetUrls(value)) found.push({ start: valueStart + offset, end: valueStart + offset + url.length, written: url, quote });
			}
		}
	}
	return found;
}
