import { buildProxyMatcher, isSafeImageUrl, unwrapProxyUrl } from "../../src/core/proxyUrls";

const matcher = buildProxyMatcher(["http://localhost:7070", "https://omnivore.example.org/images"]);
const SIG = "sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A";
const PROD = "https://proxy-prod.omnivore-image-cache.app";

function unwrap(url: string, base?: string): string | null {
	const result = unwrapProxyUrl(url, matcher, base);
	if (result === null) return null;
	return result.ok ? result.url : `!${result.code}`;
}

describe("unwrapProxyUrl", () => {
	it("returns the original of a production proxy URL, `!720` and all", () => {
		expect(unwrap(`${PROD}/957x485,${SIG}/https://s3.ifanr.com/wp-content/uploads/2024/02/1-5.png!720`)).toBe(
			"https://s3.ifanr.com/wp-content/uploads/2024/02/1-5.png!720",
		);
	});

	it.each(["proxy-demo", "proxy-dev", "proxy"])("knows the %s host", (host) => {
		expect(unwrap(`https://${host}.omnivore-image-cache.app/0x0,${SIG}/https://a.example/x.png`)).toBe("https://a.example/x.png");
	});

	it("accepts configured self-hosted bases, with a port or a path", () => {
		expect(unwrap(`http://localhost:7070/0x0,${SIG}/https://a.example/x.png`)).toBe("https://a.example/x.png");
		expect(unwrap(`https://omnivore.example.org/images/320x320,${SIG}/https://a.example/x.png`)).toBe("https://a.example/x.png");
		expect(unwrap(`https://omnivore.example.org/other/320x320,${SIG}/https://a.example/x.png`)).toBeNull();
	});

	it("is not fooled by other hosts", () => {
		expect(unwrap("https://example.com/0x0,sabc/https://a.example/x.png")).toBeNull();
		expect(unwrap("https://proxy-prod.omnivore-image-cache.app.evil.example/0x0,sabc/https://a.example/x.png")).toBeNull();
	});

	it("keeps the query string and never decodes the original", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https://cdn.example/a.png?imageView2/2/w/1120&q=80`)).toBe(
			"https://cdn.example/a.png?imageView2/2/w/1120&q=80",
		);
		const substack =
			"https://substackcdn.com/image/fetch/w_1456,c_limit,f_auto/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fa.png";
		expect(unwrap(`${PROD}/0x0,${SIG}/${substack}`)).toBe(substack);
		expect(unwrap(`${PROD}/0x0,${SIG}/https://a.example/caf%C3%A9%20au%20lait.png`)).toBe("https://a.example/caf%C3%A9%20au%20lait.png");
	});

	it("tolerates the other imageproxy options", () => {
		for (const options of ["640x0", "320x320,fit", "0x0,q80,r90,fv,fh", "100,png", "x200,jpeg,cx10,cy20,cw100,ch100", "0.5x,trim,sc"]) {
			expect(unwrap(`${PROD}/${options},${SIG}/https://a.example/x.png`)).toBe("https://a.example/x.png");
		}
	});

	it("decodes an original that was percent-encoded as a whole, exactly once", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https%3A%2F%2Fexample.com%2Fa.png`)).toBe("https://example.com/a.png");
		expect(unwrap(`${PROD}/0x0,${SIG}/https%3A%2F%2Fexample.com%2Fimg%3Furl%3Dhttps%253A%252F%252Fb.example`)).toBe(
			"https://example.com/img?url=https%3A%2F%2Fb.example",
		);
	});

	it("restores a collapsed scheme", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/https:/example.com/a.png`)).toBe("https://example.com/a.png");
		expect(unwrap(`${PROD}/0x0,${SIG}/http:/example.com/a.png`)).toBe("http://example.com/a.png");
	});

	it("reads the HTML-escaped form a {{content}} template wrote", () => {
		expect(
			unwrap(
				"https:&#x2F;&#x2F;proxy-prod.omnivore-image-cache.app&#x2F;0x0,sq2HZt_PlJhx2jIclHkCiHp6bR1IqfEouHgxzNNAL5wI&#x2F;https:&#x2F;&#x2F;www.inkandswitch.com&#x2F;local-first&#x2F;static&#x2F;sync.png?v&#x3D;2&amp;w&#x3D;800",
			),
		).toBe("https://www.inkandswitch.com/local-first/static/sync.png?v=2&w=800");
	});

	it("resolves a relative original against the article's URL", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}//images/a.png`, "https://blog.example/posts/1")).toBe("https://blog.example/images/a.png");
		expect(unwrap(`${PROD}/0x0,${SIG}/images/a.png`, "https://blog.example/posts/1")).toBe("https://blog.example/posts/images/a.png");
		expect(unwrap(`${PROD}/0x0,${SIG}///cdn.example/a.png`, "https://blog.example/posts/1")).toBe("https://cdn.example/a.png");
	});

	it("reports a relative original when there is no article URL", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}//images/a.png`)).toBe("!relative-image-url");
	});

	it("keeps data: images and refuses other data: URIs", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=`)).toBe("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=");
		expect(unwrap(`${PROD}/0x0,${SIG}/data:text/html;base64,PHNjcmlwdD4=`)).toBe("!unsafe-image-url");
	});

	it("never returns a javascript: or file: address", () => {
		expect(unwrap(`${PROD}/0x0,${SIG}/javascript:alert(1)`)).toBe("!unsafe-image-url");
		expect(unwrap(`${PROD}/0x0,${SIG}/file:///etc/passwd`)).toBe("!unsafe-image-url");
		expect(unwrap(`${PROD}/0x0,${SIG}/javascript%3Aalert(1)`, "https://a.example/")).toBe("!unsafe-image-url");
	});

	it("reports a proxy URL whose options it does not understand", () => {
		expect(unwrap(`${PROD}/not-options!/https://a.example/x.png`)).toBe("!unrecognized-proxy-url");
		expect(unwrap(`${PROD}/0x0,${SIG}/`)).toBe("!unrecognized-proxy-url");
	});

	it("unwraps a proxy URL without options and a proxied proxy URL", () => {
		expect(unwrap(`${PROD}/https://a.example/x.png`)).toBe("https://a.example/x.png");
		expect(unwrap(`http://localhost:7070/0x0,${SIG}/${PROD}/0x0,${SIG}/https://a.example/x.png`)).toBe("https://a.example/x.png");
	});
});

describe("isSafeImageUrl", () => {
	it.each([
		["https://a.example/x.png", true],
		["http://a.example/x.png", true],
		["data:image/png;base64,AAAA", true],
		["https://", false],
		["javascript:alert(1)", false],
		["//a.example/x.png", false],
		["data:text/html,hi", false],
	])("%s → %s", (url, safe) => {
		expect(isSafeImageUrl(url)).toBe(safe);
	});
});
