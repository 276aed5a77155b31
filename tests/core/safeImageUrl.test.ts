// isSafeImageUrl reads most addresses without the URL parser: its verdict must be the parser's on
// every address, hostile hosts included (numbers, punycode, ports, users, empty labels).
import fc from "fast-check";
import { isSafeImageUrl } from "../../src/core/proxyUrls";

/** The rule as the URL parser states it: absolute http(s) with a host. */
function parserVerdict(url: string): boolean {
	if (/^data:image\//i.test(url)) return true;
	if (!/^https?:\/\//i.test(url)) return false;
	try {
		const parsed = new URL(url);
		return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
	} catch {
		return false;
	}
}

/** Runs `work` with a URL parser that refuses everything: what it still accepts was read without one. */
function withoutUrlParser<T>(work: () => T): T {
	const original = globalThis.URL;
	globalThis.URL = class {
		constructor() {
			throw new TypeError("no URL parser here");
		}
	} as unknown as typeof URL;
	try {
		return work();
	} finally {
		globalThis.URL = original;
	}
}

describe("isSafeImageUrl's fast path", () => {
	it.each([
		"https://cdn.example.com/img/1.png",
		"http://a.example/x.png?w=1200&q=80",
		"HTTPS://Images.Example.NET/a.webp",
		"https://substackcdn.com",
		"https://my-cdn.a1.example",
		"https://a-b-c.example-site.co9/x",
		"https://localhost?x",
		"https://a.example#top",
		"https://a.example\\img.png",
		"https://x9/",
		"https://images.my-cdn/a.png",
	])("accepts %s without the URL parser", (url) => {
		expect(withoutUrlParser(() => isSafeImageUrl(url))).toBe(true);
		expect(parserVerdict(url)).toBe(true);
	});

	it.each([
		["a last label that is a number", "https://1.2.3.4/x.png"],
		["a last label that is a number out of range", "https://1.2.3.999/x.png"],
		["a hexadecimal last label", "https://a.0x1f/x.png"],
		["a punycode label", "https://xn--a.example/x.png"],
		["two hyphens together", "https://ab--cd.example/x.png"],
		["a leading hyphen", "https://-a.example/x.png"],
		["a trailing hyphen", "https://a-.example/x.png"],
		["a trailing hyphen on the last label", "https://a.example-/x.png"],
		["a port", "https://a.example:8080/x.png"],
		["a user", "https://user@a.example/x.png"],
		["an empty label", "https://a..example/x.png"],
		["a trailing dot", "https://a.example./x.png"],
		["an underscore", "https://a_b.example/x.png"],
		["a letter outside ASCII", "https://bücher.example/x.png"],
		["a space after the host", "https://a.example /x.png"],
		["a tab in the host", "https://a.exa\tmple/x.png"],
		["an escaped host", "https://%61.example/x.png"],
		["a third slash", "https:///a.example/x.png"],
		["a host the parser refuses, a plain address after it", "https://1.2.3.999/https://a.example/x.png"],
	])("leaves %s to the URL parser", (_name, url) => {
		expect(withoutUrlParser(() => isSafeImageUrl(url))).toBe(false);
	});

	it("gives the URL parser's verdict on generated addresses, hostile ones included", () => {
		// Mostly labels the fast path reads, so that a hostile one sits among them often.
		const plainLabel = fc.constantFrom("a", "cdn", "Example", "b9", "9b", "my-cdn", "a-b-c", "x", "com", "app", "co9");
		const hostileLabel = fc.constantFrom("1", "999", "255", "0", "0x1f", "0x", "0X1", "xn--zca", "XN--a", "xn--", "ab--cd", "-a", "a-", "-", "", "a_b", "ü", "ß", "%41", "a b", "a\tb", "[::1]", "a@b", "user:pw@a", "1e3");
		const label = fc.oneof({ arbitrary: plainLabel, weight: 4 }, { arbitrary: hostileLabel, weight: 1 });
		const host = fc.array(label, { minLength: 1, maxLength: 4 }).chain((labels) => fc.constantFrom(labels.join("."), labels.join("."), `${labels.join(".")}.`, labels.join("..")));
		const port = fc.oneof({ arbitrary: fc.constant(""), weight: 6 }, { arbitrary: fc.constantFrom(":", ":80", ":443", ":65535", ":65536", ":99999", ":8a", ":-1"), weight: 1 });
		const scheme = fc.oneof({ arbitrary: fc.constantFrom("https://", "http://", "HTTPS://"), weight: 6 }, { arbitrary: fc.constantFrom("https:/", "https:///", "ftp://", "https:\\\\", " https://"), weight: 1 });
		const rest = fc.constantFrom("", "/", "/x.png", "?w=1", "#a", "\\x", "/a b", " ", "\t", "\n", "/x\u0000", "@x", "/@x", "?@x", ":x");
		fc.assert(
			fc.property(scheme, host, port, rest, (s, h, p, r) => {
				const url = `${s}${h}${p}${r}`;
				expect([url, isSafeImageUrl(url)]).toEqual([url, parserVerdict(url)]);
			}),
			{ numRuns: 5000 },
		);
	});
});
