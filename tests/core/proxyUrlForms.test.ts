// Proxy URLs in the less common forms real notes hold: self-hosted bases as users type them, http
// originals, escaped templates, and originals that cannot be used.

import { unwrapBodyImages } from "../../src/core/bodyImages";
import { buildProxyMatcher, unwrapProxyUrl, type ProxyMatcher } from "../../src/core/proxyUrls";

const SIG = "sq2HZt_PlJhx2jIclHkCiHp6bR1IqfEouHgxzNNAL5wI";
const PROD = "https://proxy-prod.omnivore-image-cache.app";

function unwrap(url: string, matcher: ProxyMatcher = buildProxyMatcher(), base?: string): string | null {
	const result = unwrapProxyUrl(url, matcher, base);
	if (result === null) return null;
	return result.ok ? result.url : `!${result.code}: ${result.detail}`;
}

function unwrapBody(body: string, matcher: ProxyMatcher = buildProxyMatcher()): string {
	return unwrapBodyImages({ body, matcher }).text;
}

describe("self-hosted proxy bases from the settings", () => {
	it("match the same URLs whether typed with a trailing slash or spaces around", () => {
		for (const base of ["https://img.example.org/proxy/", " https://img.example.org/proxy ", "https://img.example.org/proxy//"]) {
			const matcher = buildProxyMatcher([base]);
			expect(unwrap(`https://img.example.org/proxy/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBe("https://cdn.example/a.png");
			expect(unwrapBody(`![](https://img.example.org/proxy/0x0,${SIG}/https://cdn.example/a.png)\n`, matcher)).toBe(
				"![](https://cdn.example/a.png)\n",
			);
		}
	});

	it("match only under their path, over http as over https", () => {
		const matcher = buildProxyMatcher(["https://img.example.org/omnivore/proxy"]);
		expect(unwrap(`http://img.example.org/omnivore/proxy/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBe("https://cdn.example/a.png");
		expect(unwrap(`https://img.example.org/omnivore/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBeNull();
		expect(unwrap(`https://img.example.org/omnivore/proxyx/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBeNull();
	});

	it("are ignored when they are not web addresses, and the others still work", () => {
		const matcher = buildProxyMatcher(["ftp://files.example.org", "not a url", "", "file:///srv/proxy", "http://localhost:8080"]);
		expect(unwrap(`ftp://files.example.org/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBeNull();
		expect(unwrap(`http://localhost:8080/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBe("https://cdn.example/a.png");
		expect(unwrap(`${PROD}/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBe("https://cdn.example/a.png");
		const body = `![](http://localhost:8080/0x0,${SIG}/https://cdn.example/a.png) ![](https://not/0x0,${SIG}/https://cdn.example/b.png)\n`;
		expect(unwrapBody(body, matcher)).toBe(`![](https://cdn.example/a.png) ![](https://not/0x0,${SIG}/https://cdn.example/b.png)\n`);
	});

	it("escape characters that mean something in a pattern", () => {
		const matcher = buildProxyMatcher(["https://img.example.org/a+b"]);
		expect(unwrap(`https://img.example.org/a+b/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBe("https://cdn.example/a.png");
		expect(unwrap(`https://img.example.org/aab/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBeNull();
		expect(unwrap(`https://imgXexample.org/a+b/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBeNull();
	});
});

describe("http originals", () => {
	it("percent-encoded as a whole are decoded once", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/http%3A%2F%2Fwww.example.com%2Fimg%2Fa.jpg`)).toBe("http://www.example.com/img/a.jpg");
		expect(unwrap(`${PROD}/0x0,${SIG}/HTTP%3a%2F%2Fwww.example.com%2Fa.jpg`)).toBe("HTTP://www.example.com/a.jpg");
	});

	it("percent-encoded with a collapsed scheme get their second slash back", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https%3A%2Fcdn.example%2Fa.png`)).toBe("https://cdn.example/a.png");
	});

	it("in an HTML-escaped proxy URL are read, and so is an http proxy URL escaped whole", () => {
		expect(unwrap(`https:&#x2F;&#x2F;proxy-prod.omnivore-image-cache.app&#x2F;0x0,${SIG}&#x2F;http:&#x2F;&#x2F;www.example.com&#x2F;a.jpg`)).toBe(
			"http://www.example.com/a.jpg",
		);
		const matcher = buildProxyMatcher(["http://localhost:7070"]);
		expect(unwrap(`http:&#x2F;&#x2F;localhost:7070&#x2F;0x0,${SIG}&#x2F;https:&#x2F;&#x2F;cdn.example&#x2F;a.png?w&#x3D;800&amp;q&#x3D;80`, matcher)).toBe(
			"https://cdn.example/a.png?w=800&q=80",
		);
	});

	it("found in an escaped body, in every form of the escaped slash", () => {
		for (const slash of ["&#x2F;", "&#X2f;", "&#x002F;", "&#47;", "&#047;", "&sol;"]) {
			const url = `http:${slash}${slash}proxy-prod.omnivore-image-cache.app${slash}0x0,${SIG}${slash}http:${slash}${slash}www.example.com${slash}a.jpg`;
			expect(unwrapBody(`<img src="${url}">\n`)).toBe('<img src="http://www.example.com/a.jpg">\n');
		}
	});

	it("leave a URL with an ampersand that is not escaped as it is written", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https://cdn.example/a.png?w=800&amp;q=80`)).toBe("https://cdn.example/a.png?w=800&amp;q=80");
	});
});

describe("originals that cannot be used", () => {
	it("badly percent-encoded are reported and left alone", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https%3A%2F%2Fcdn.example%2F100%25-off%E0%A4%A.png`)).toBe(
			"!unrecognized-proxy-url: its original address is badly percent-encoded",
		);
	});

	it("relative to an article address that cannot be a base are reported", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/images/a.png`, undefined, "https://")).toBe(
			"!unrecognized-proxy-url: its relative address cannot be resolved",
		);
		expect(unwrap(`${PROD}/0x0,${SIG}/images/a.png`, undefined, "omnivore.app/me/some-article-18de9d85b43")).toBe(
			"!relative-image-url: its original address is relative",
		);
	});

	it("leading to another scheme name the scheme", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/ftp://files.example/a.png`)).toBe("!unsafe-image-url: it leads to a ftp: address");
		expect(unwrap(`${PROD}/0x0,${SIG}/javascript%3Aalert(1)`)).toBe("!unsafe-image-url: it leads to a javascript: address");
	});

	it("with options but no original, or no options and no original, are reported", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}`)).toBe("!unrecognized-proxy-url: the part after the proxy address is not understood");
		expect(unwrap(`${PROD}/0x0,${SIG}/`)).toBe("!unrecognized-proxy-url: it holds no original address");
	});

	it("that are not web addresses once resolved are refused", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https:/`)).toBe("!unsafe-image-url: its original is not a web address or an image");
	});
});

describe("raw proxy URLs", () => {
	it("are matched whatever the case of their scheme and host", () => {
		expect(unwrap(`HTTPS://Proxy-Prod.Omnivore-Image-Cache.app/0x0,${SIG}/https://cdn.example/a.png`)).toBe("https://cdn.example/a.png");
	});

	it("are never decoded, even where the original's query holds `https:&`", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https://cdn.example/a.png?from=https:&amp;x=1`)).toBe("https://cdn.example/a.png?from=https:&amp;x=1");
	});

	it("keep a collapsed scheme inside an encoded original's query", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https%3A%2F%2Fcdn.example%2Fimg%3Fsrc%3Dhttp%3A%2Fb.example`)).toBe("https://cdn.example/img?src=http:/b.example");
	});

	it("resolve a relative original with a colon in its path", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}//wiki/File:Ferris.png`, undefined, "https://en.wikipedia.org/wiki/Rust")).toBe(
			"https://en.wikipedia.org/wiki/File:Ferris.png",
		);
	});

	it("from a base that is not a web address match nothing, not even a host named null", () => {
		const matcher = buildProxyMatcher(["not a url"]);
		expect(unwrap(`http://null/0x0,${SIG}/https://cdn.example/a.png`, matcher)).toBeNull();
		expect(unwrapBody(`![](https://null/0x0,${SIG}/https://cdn.example/a.png)\n`, matcher)).toBe(`![](https://null/0x0,${SIG}/https://cdn.example/a.png)\n`);
	});
});

describe("imageproxy options", () => {
	it.each(["x0.5", "0.5x0.5", "1.5", "q100", "r270", "cx-10,cy-5.5,cw200,ch100", "s-AbC_d=,320x0", "gif", "tiff", "bmp", "webp,fit"])(
		"%s before the original is read as options",
		(options) => {
			expect(unwrap(`${PROD}/${options}/https://cdn.example/a.png`)).toBe("https://cdn.example/a.png");
		},
	);

	it.each(["q1000", "r1234", "cz10", "0x0,", ",0x0", "0x0,,q80", "webpx", "s", "1.", "x."])("%s is not, and the URL is reported", (options) => {
		expect(unwrap(`${PROD}/${options}/https://cdn.example/a.png`)).toBe("!unrecognized-proxy-url: the part after the proxy address is not understood");
	});

	it("may be absent before an encoded original or a data: image", () => {
		expect(unwrap(`${PROD}/https%3A%2F%2Fcdn.example%2Fa.png`)).toBe("https://cdn.example/a.png");
		expect(unwrap(`${PROD}/data:image/png;base64,iVBORw0KGgo=`)).toBe("data:image/png;base64,iVBORw0KGgo=");
	});
});

describe("chained proxies", () => {
	it("are unwrapped up to three deep", () => {
		const three = `http://localhost:7070/0x0,${SIG}/http://localhost:7070/0x0,${SIG}/${PROD}/0x0,${SIG}/https://cdn.example/a.png`;
		const matcher = buildProxyMatcher(["http://localhost:7070"]);
		expect(unwrap(three, matcher)).toBe("https://cdn.example/a.png");
		expect(unwrap(`http://localhost:7070/0x0,${SIG}/${three}`, matcher)).toBe(`${PROD}/0x0,${SIG}/https://cdn.example/a.png`);
	});

	it("stop at an inner proxy URL that is not understood", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/${PROD}/???/https://cdn.example/a.png`)).toBe(
			"!unrecognized-proxy-url: the part after the proxy address is not understood",
		);
	});
});
