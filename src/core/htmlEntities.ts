// Decodes the HTML character references Mustache's `{{...}}` escaping put into Omnivore notes.

const NAMED: Record<string, string> = {
	amp: "&",
	quot: '"',
	apos: "'",
	lt: "<",
	gt: ">",
	sol: "/",
	equals: "=",
	grave: "`",
	nbsp: "\u00a0",
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z]+));/g;

/**
 * Whether a text was HTML-escaped by a template (`{{content}}`): Mustache wrote every `/` as `&#x2F;`
 * and `'` as `&#39;`, so such a text holds a numeric reference. (Asked of every body: a plain search.)
 */
export function isHtmlEscaped(text: string): boolean {
	return text.includes("&#");
}

export function decodeHtmlEntities(text: string): string {
	return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
		if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
		const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

// What Mustache's `{{value}}` writes for & < > " ' / ` = (mustache.js's escapeHtml), and only that.
const MUSTACHE_REFERENCE = /&(amp|lt|gt|quot|#39|#x2F|#x60|#x3D);/g;
const MUSTACHE_CHARACTER: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x2F": "/", "#x60": "`", "#x3D": "=" };

/**
 * A property a template wrote with two braces (`title: "{{title}}"`), as the text it stands for:
 * Obsidian shows a property as written, so `&quot;Yes&quot;` stays garbled until it is decoded.
 * Only a value that reads as such: no raw `<`, `>`, `"` or `&` beside the references (which
 * Mustache would have escaped: a title taken from a heading, already decoded, may hold `&lt;`
 * as text), and nothing left to decode after (`&amp;lt;`, escaped twice, stays): once decoded, a
 * value is never decoded again.
 */
export function mustacheUnescaped(value: string): string {
	if (!value.includes("&") || /[<>"]|&(?!(?:amp|lt|gt|quot|#39|#x2F|#x60|#x3D);)/.test(value)) return value;
	const decoded = value.replace(MUSTACHE_REFERENCE, (_whole, name: string) => MUSTACHE_CHARACTER[name]);
	return new RegExp(MUSTACHE_REFERENCE.source).test(decoded) ? value : decoded;
}
