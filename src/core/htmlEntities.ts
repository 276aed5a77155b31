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
