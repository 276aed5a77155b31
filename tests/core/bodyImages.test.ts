import { unwrapBodyImages } from "../../src/core/bodyImages";
import { buildProxyMatcher } from "../../src/core/proxyUrls";

const matcher = buildProxyMatcher();
const P = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";

function run(body: string, baseUrl?: string) {
	return unwrapBodyImages({ body, matcher, baseUrl });
}

describe("unwrapBodyImages", () => {
	it("rewrites a Markdown image and keeps its title", () => {
		const body = `![Reader](${P}/https://cdn.example/a.jpg "Photo: Getty")\n`;
		expect(run(body).text).toBe(`![Reader](https://cdn.example/a.jpg "Photo: Getty")\n`);
	});

	it("keeps balanced parentheses that belong to the URL", () => {
		const body = `![Lamport](${P}/https://upload.wikimedia.org/Leslie_Lamport_(2005).jpg) and (more)`;
		expect(run(body).text).toBe("![Lamport](https://upload.wikimedia.org/Leslie_Lamport_(2005).jpg) and (more)");
	});

	it("rewrites an image inside a link and leaves the link's target alone", () => {
		const body = `[![](${P}/https://cdn.example/chart.png)](https://example.substack.com/p/reading%5Fstats)`;
		expect(run(body).text).toBe("[![](https://cdn.example/chart.png)](https://example.substack.com/p/reading%5Fstats)");
	});

	it("rewrites reference definitions, with or without a title", () => {
		const body = `[fig]: ${P}/https://cdn.example/fig.svg\n[b]: <${P}/https://cdn.example/b.png> "B"\n`;
		expect(run(body).text).toBe('[fig]: https://cdn.example/fig.svg\n[b]: <https://cdn.example/b.png> "B"\n');
	});

	it("rewrites <img src> and every srcset entry", () => {
		const body = `<img src="${P}/https://a.example/1.png" srcset="${P}/https://a.example/1x.png 640w, ${P}/https://a.example/2x.png 1280w" alt="x">`;
		expect(run(body).text).toBe(
			'<img src="https://a.example/1.png" srcset="https://a.example/1x.png 640w, https://a.example/2x.png 1280w" alt="x">',
		);
		expect(run(body).changes).toHaveLength(3);
	});

	it("rewrites single-quoted attributes and srcset entries without descriptors", () => {
		const body = `<img src='${P}/https://a.example/1.png' srcset="${P}/https://a.example/a.png, ${P}/https://a.example/b.png">`;
		expect(run(body).text).toBe(`<img src='https://a.example/1.png' srcset="https://a.example/a.png, https://a.example/b.png">`);
	});

	it("rewrites images in highlight quotes", () => {
		const body = `> ![](${P}/https://fly.io/wal.png) [⤴️](https://omnivore.app/me/x-18b8f0a1c2d#1)  ^9a8b7c6d\n`;
		expect(run(body).text).toBe("> ![](https://fly.io/wal.png) [⤴️](https://omnivore.app/me/x-18b8f0a1c2d#1)  ^9a8b7c6d\n");
	});

	it("leaves fenced, indented and inline code alone", () => {
		const body = [
			"```markdown",
			`![](${P}/https://a.example/fenced.png)`,
			"```",
			"",
			`    ![](${P}/https://a.example/indented.png)`,
			"",
			`Inline \`![](${P}/https://a.example/inline.png)\` and real ![](${P}/https://a.example/real.png)`,
			"~~~",
			`![](${P}/https://a.example/tilde.png)`,
			"~~~",
		].join("\n");
		const result = run(body);
		expect(result.changes.map((c) => c.to)).toEqual(["https://a.example/real.png"]);
		expect(result.text).toBe(body.replace(`${P}/https://a.example/real.png`, "https://a.example/real.png"));
	});

	it("unwraps an image indented under a list item, which is not code", () => {
		const body = `* item\n\n    ![](${P}/https://a.example/in-list.png)\n`;
		expect(run(body).text).toBe("* item\n\n    ![](https://a.example/in-list.png)\n");
	});

	it("writes HTML-escaped occurrences as plain URLs", () => {
		const body =
			"![](https:&#x2F;&#x2F;proxy-prod.omnivore-image-cache.app&#x2F;0x0,sq2HZt&#x2F;https:&#x2F;&#x2F;www.inkandswitch.com&#x2F;sync.png?v&#x3D;2&amp;w&#x3D;800)\r\n";
		expect(run(body).text).toBe("![](https://www.inkandswitch.com/sync.png?v=2&w=800)\r\n");
	});

	it("writes the title of an image a {{content}} template HTML-escaped as a title, so the image shows", () => {
		const body =
			"![Comic](https:&#x2F;&#x2F;proxy-prod.omnivore-image-cache.app&#x2F;0x0,sq2HZt&#x2F;https:&#x2F;&#x2F;ntietz.com&#x2F;images&#x2F;logging-in.png &quot;Tech support hadn&#39;t met \\ &amp; Sam&quot;)\n";
		const result = run(body);
		expect(result.text).toBe('![Comic](https://ntietz.com/images/logging-in.png "Tech support hadn\'t met \\\\ & Sam")\n');
		// The change names what it replaced, title included, so undo puts it back.
		expect(body.slice(result.changes[0].bodyOffset, (result.changes[0].bodyOffset ?? 0) + (result.changes[0].from ?? "").length)).toBe(result.changes[0].from);
		expect(result.changes[0].to).toBe('https://ntietz.com/images/logging-in.png "Tech support hadn\'t met \\\\ & Sam"');
		// A title written as such, and escaped text that is no title, stay as they are.
		expect(run(`![a](${P}/https://a.example/x.png "Fine")`).text).toBe('![a](https://a.example/x.png "Fine")');
		expect(run(`![a](${P}/https://a.example/x.png) &quot;quoted&quot;)`).text).toBe("![a](https://a.example/x.png) &quot;quoted&quot;)");
	});

	it("escapes what would break the Markdown", () => {
		// Decoding the whole-encoded original once yields a space and an unbalanced parenthesis.
		const encoded = `${P}/https%3A%2F%2Fa.example%2Fmy%20file%20%28draft.png`;
		expect(run(`![](${encoded})`).text).toBe("![](https://a.example/my%20file%20%28draft.png)");
		const spaced = `${P}/data:image/svg+xml;utf8,<svg></svg>`;
		expect(run(`![](${spaced})`).text).toBe("![](data:image/svg+xml;utf8,%3Csvg%3E%3C/svg%3E)");
	});

	it("encodes `|`, which would split a table row", () => {
		expect(run(`| ![](${P}/https://a.example/x.png?a=1|2) | b |`).text).toBe("| ![](https://a.example/x.png?a=1%7C2) | b |");
	});

	it("stops a URL written as a link's text at the bracket", () => {
		expect(run(`[${P}/https://a.example/x.png](${P}/https://a.example/x.png)`).text).toBe(
			"[https://a.example/x.png](https://a.example/x.png)",
		);
	});

	it("rewrites inside HTML that a {{content}} template escaped, keeping it escaped", () => {
		const body =
			"&lt;img src&#x3D;&quot;https:&#x2F;&#x2F;proxy-prod.omnivore-image-cache.app&#x2F;0x0,sAbc&#x2F;https:&#x2F;&#x2F;a.example&#x2F;x.png?a&#x3D;1&amp;b&#x3D;2&quot;&gt;";
		expect(run(body).text).toBe("&lt;img src&#x3D;&quot;https://a.example/x.png?a=1&amp;b=2&quot;&gt;");
	});

	it("resolves relative originals against the base URL", () => {
		expect(run(`![](${P}//img/a.png)`, "https://site.example/post").text).toBe("![](https://site.example/img/a.png)");
	});

	it("leaves what it cannot rewrite and reports the line", () => {
		const body = `# T\n\nfirst\n![](${P}/javascript:alert(1))\n![](${P}//img/a.png)\n`;
		const result = run(body);
		expect(result.text).toBe(body);
		expect(result.problems.map((p) => [p.code, p.line])).toEqual([
			["unsafe-image-url", 4],
			["relative-image-url", 5],
		]);
	});

	it("ignores addresses that only look similar", () => {
		const body = "![](https://proxy-prod.omnivore-image-cache.app.example.com/0x0,sabc/https://a.example/x.png)";
		expect(run(body).text).toBe(body);
	});

	it("takes a bare URL without the sentence's punctuation", () => {
		expect(run(`See ${P}/https://a.example/x.png.`).text).toBe("See https://a.example/x.png.");
		expect(run(`(see ${P}/https://a.example/x.png)`).text).toBe("(see https://a.example/x.png)");
	});
});
