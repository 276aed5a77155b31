// Proxy URLs and library links are found from a text's colons: what is found must be what the global
// pattern finds, from any position, in any text (escaped slashes, cases, a base whose path holds another URL).
import fc from "fast-check";
import { nextHttpMatch } from "../../src/core/httpMatches";
import { buildOmnivoreLinks } from "../../src/core/omnivore/urls";
import { buildProxyMatcher, nextProxyUrl, type ProxyMatcher } from "../../src/core/proxyUrls";

const links = buildOmnivoreLinks(["https://omnivore.example.org"]);
const matchers = [buildProxyMatcher(), buildProxyMatcher(["http://localhost:7070", "https://a.example/https://a.example"])];

/** What the start pattern finds from `from`: where the match starts and ends. */
function byPattern(text: string, matcher: ProxyMatcher, from: number): { start: number; end: number } | null {
	const pattern = new RegExp(matcher.start.source, matcher.start.flags);
	pattern.lastIndex = from;
	const match = pattern.exec(text);
	return match ? { start: match.index, end: match.index + match[0].length } : null;
}

describe("nextProxyUrl and nextHttpMatch", () => {
	const PROD = "https://proxy-prod.omnivore-image-cache.app/0x0,sabc/https://a.example/x.png";

	it("finds a proxy URL at the text's start, at `from` itself, and none before `from`", () => {
		const [matcher] = matchers;
		expect(nextProxyUrl(PROD, matcher, 0)).toEqual({ start: 0, end: 43 });
		const text = `see ${PROD}`;
		expect(nextProxyUrl(text, matcher, 4)).toEqual({ start: 4, end: 47 });
		expect(nextProxyUrl(text, matcher, 5)).toBeNull();
	});

	it("finds the http and https forms in any case, escaped slashes too", () => {
		const [matcher] = matchers;
		expect(nextProxyUrl("a HTTP://proxy.omnivore-image-cache.app/x", matcher, 0)).toEqual({ start: 2, end: 39 });
		expect(nextProxyUrl("a hTTpS:&#x2F;&#x2F;proxy.omnivore-image-cache.app&#x2F;x", matcher, 0)).toEqual({ start: 2, end: 50 });
		expect(nextProxyUrl("tips: https: and http: alone, then http://proxy.omnivore-image-cache.app/x", matcher, 0)).toEqual({ start: 35, end: 72 });
	});

	it("finds what the start pattern finds, from any position of any text", () => {
		const piece = fc.constantFrom(
			"https://proxy-prod.omnivore-image-cache.app/0x0,sabc/https://a.example/x.png",
			"HTTP://proxy.omnivore-image-cache.app/x",
			"https:&#x2F;&#x2F;proxy-demo.omnivore-image-cache.app&#x2F;x",
			"http://localhost:7070/x",
			"https://a.example/https://a.example/https://a.example/x",
			"https://a.example/x",
			"https://proxy.omnivore-image-cache.app",
			"http:",
			"https:",
			"s:",
			"p:",
			"S:",
			":",
			"::",
			"ttps://",
			"h",
			"http",
			" ",
			"\n",
			"`",
			"words",
			"東京",
			"https://omnivore.app/me/a-slug-18c0d#7f3e",
			"HTTP://www.Omnivore.app/me/b",
			"https:&#x2F;&#x2F;omnivore.app&#x2F;me&#x2F;c",
			"https://omnivore.example.org/me/d",
			"https://omnivore.app/me/",
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(200), fc.nat(1), (pieces, at, which) => {
				const text = pieces.join("");
				const from = Math.min(at, text.length);
				const matcher = matchers[which];
				expect([text, from, nextProxyUrl(text, matcher, from)]).toEqual([text, from, byPattern(text, matcher, from)]);
				const global = new RegExp(links.pattern.source, links.pattern.flags);
				global.lastIndex = from;
				const expected = global.exec(text);
				const found = nextHttpMatch(text, links.startsAt, from);
				expect([text, from, found && [found.index, ...found]]).toEqual([text, from, expected && [expected.index, ...expected]]);
			}),
			{ numRuns: 3000 },
		);
	});
});
