import { hasImageProblems, unwrapBodyImages } from "../../src/core/bodyImages";
import { buildProxyMatcher } from "../../src/core/proxyUrls";

// Where a proxied URL sits decides where it ends and what its original must escape to stay whole there.
const matcher = buildProxyMatcher();
const P = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";
/** A proxied URL whose original was percent-encoded whole, as Omnivore wrote for originals with odd characters. */
const encoded = (original: string) => `${P}/${encodeURIComponent(original).replace(/[()'*~!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

function unwrap(body: string): string {
	return unwrapBodyImages({ body, matcher }).text;
}

describe("an original written back where its proxied URL stood", () => {
	it.each([
		["in angle brackets, with a space and brackets", `![](<${encoded("https://a.example/my file<1>.png")}>)`, "![](<https://a.example/my%20file%3C1%3E.png>)"],
		["in a double-quoted attribute, with a double quote", `<img src="${encoded('https://a.example/say "hi".png')}">`, '<img src="https://a.example/say%20%22hi%22.png">'],
		["in a single-quoted attribute, with an apostrophe", `<img src='${encoded("https://a.example/it's.png")}'>`, "<img src='https://a.example/it%27s.png'>"],
		["bare, with a space and a closing star", `See ${encoded("https://a.example/a b*")} here`, "See https://a.example/a%20b%2A here"],
		["bare, ending in an encoded full stop", `See ${P}/https%3A%2F%2Fa.example%2Fx.png%3Fq%3D1%2E now`, "See https://a.example/x.png?q=1%2E now"],
		["bare, ending in a full stop that ends the sentence", `See ${encoded("https://a.example/x.png?q=1.")} now`, "See https://a.example/x.png?q=1. now"],
		["in parentheses, with balanced parentheses", `![](${encoded("https://a.example/Rust_(lang).png")})`, "![](https://a.example/Rust_(lang).png)"],
		["in parentheses, with an unbalanced one", `![](${encoded("https://a.example/a)b.png")})`, "![](https://a.example/a%29b.png)"],
	])("%s", (_where, body, expected) => {
		expect(unwrap(body)).toBe(expected);
	});

	it("reads a semicolon before the URL as text, not as an escaped quote", () => {
		expect(unwrap(`a;${P}/https://a.example/x.png b`)).toBe("a;https://a.example/x.png b");
		expect(unwrap(`&#39;${P}/https://a.example/x.png&#39;`)).toBe("&#39;https://a.example/x.png&#39;");
	});

	it("ends a bare URL before an unbalanced closing parenthesis, and keeps a balanced one", () => {
		expect(unwrap(`(${P}/https://a.example/Rust_(lang).png)`)).toBe("(https://a.example/Rust_(lang).png)");
		expect(unwrap(`see ${P}/https://a.example/x.png),`)).toBe("see https://a.example/x.png),");
	});
});

describe("hasImageProblems", () => {
	it("is true only when a proxied image would be left as it is", () => {
		expect(hasImageProblems({ body: `![](${P}/https://a.example/x.png)`, matcher })).toBe(false);
		expect(hasImageProblems({ body: `![](${P}/https://a.example/x.png)\n![](${P}/javascript:alert(1))`, matcher })).toBe(true);
		expect(hasImageProblems({ body: "No images at all.", matcher })).toBe(false);
	});

	it("counts an image inside code, which stays on the proxy, and none in code that holds no proxied address", () => {
		expect(hasImageProblems({ body: `\`\`\`\n![](${P}/javascript:alert(1))\n\`\`\`\n`, matcher })).toBe(true);
		expect(hasImageProblems({ body: `\`${P.replace("proxy-prod.", "")}/x\`\n\`\`\`\n![](https://a.example/x.png)\n\`\`\`\n`, matcher })).toBe(false);
	});
});

describe("a bare original that ends in punctuation", () => {
	it.each([".", "_", ",", "~"])("keeps its final %s as part of the URL, encoded", (last) => {
		const written = `${P}/https%3A%2F%2Fa.example%2Fx${encodeURIComponent(last) === last ? `%${last.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(last)}`;
		const unwrapped = unwrap(`See ${written} now`);
		expect(unwrapped).toBe(`See https://a.example/x%${last.charCodeAt(0).toString(16).toUpperCase()} now`);
		expect(decodeURIComponent(unwrapped.split(" ")[1])).toBe(`https://a.example/x${last}`);
	});
});

describe("a bare original that ends in what a reader takes for the sentence's", () => {
	it.each([
		["an unbalanced closing parenthesis", `see ${P}/https%3A%2F%2Fx.com%2Fa%29 now`, "see https://x.com/a%29 now"],
		["one inside parentheses of the sentence", `(see ${P}/https%3A%2F%2Fx.com%2Fa%29)`, "(see https://x.com/a%29)"],
		["a full stop and a parenthesis", `${P}/https%3A%2F%2Fx.com%2Fa%2E%29 x`, "https://x.com/a%2E%29 x"],
		["a balanced parenthesis, kept as it is", `${P}/https%3A%2F%2Fx.com%2Fa%28b%29 x`, "https://x.com/a(b) x"],
	])("keeps %s", (_case, body, expected) => {
		expect(unwrap(body)).toBe(expected);
		expect(unwrap(unwrap(body))).toBe(expected);
	});

	it("reads an HTML-escaped URL to the end of its last entity", () => {
		const body = "Image: https:&#x2F;&#x2F;proxy-prod.omnivore-image-cache.app&#x2F;0x0,sAbc&#x2F;https:&#x2F;&#x2F;x.com&#x2F;i.png?v&#x3D;ab&#x3D;&#x3D;";
		expect(unwrap(body)).toBe("Image: https://x.com/i.png?v=ab==");
	});
});

describe("an original written as a link's text", () => {
	it("keeps a closing bracket it holds encoded, so the link stays whole", () => {
		const body = `[${P}/https%3A%2F%2Fx.com%2Fa%5D](https://x.com/page)`;
		expect(unwrap(body)).toBe("[https://x.com/a%5D](https://x.com/page)");
		expect(unwrap(unwrap(body))).toBe("[https://x.com/a%5D](https://x.com/page)");
	});
});
