import { buildProxyMatcher } from "../../../src/core";
import { htmlToMarkdown, MAX_ELEMENTS, MAX_NESTING, measureElements } from "../../../src/core/import/htmlToMarkdown";
import { PROXY } from "./exportFixture";

const SIG = "sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A";
const convert = (html: string, baseUrl = "https://blog.example.com/posts/a") => htmlToMarkdown(html, { proxy: buildProxyMatcher(), baseUrl });

describe("article HTML to Markdown", () => {
	it("points images at their originals: the recorded one, else the proxy unwrapped, else resolved", () => {
		expect(convert(`<img src="${PROXY}/0x0,${SIG}/https://a.example/x.png" data-omnivore-original-src="https://a.example/orig.png" alt="A">`)).toBe("![A](https://a.example/orig.png)");
		expect(convert(`<img src="${PROXY}/0x0,${SIG}/https://a.example/x%20y.png?w=1">`)).toBe("![](https://a.example/x%20y.png?w=1)");
		expect(convert(`<img srcset="${PROXY}/640x0,${SIG}/https://a.example/s.png 640w">`)).toBe("![](https://a.example/s.png)");
		expect(convert(`<img src="/img/rel (1).png">`)).toBe("![](https://blog.example.com/img/rel%20%281%29.png)");
		expect(convert(`<img src="${PROXY}/0x0,${SIG}/javascript:alert(1)">`)).toBe("");
	});

	it("resolves relative links and drops links that are not web addresses", () => {
		expect(convert(`<p><a href="../b">next</a> <a href="javascript:void(0)">click</a> <a href="mailto:a@b.c">mail</a></p>`)).toBe(
			"[next](https://blog.example.com/b) click [mail](mailto:a@b.c)",
		);
	});

	it("keeps code as written, in fences long enough for it", () => {
		expect(convert("<pre>a  b\n\n\n```\nc</pre>")).toBe("````\na  b\n\n\n```\nc\n````");
		expect(convert('<pre><code class="language-py">def f():\n    return 1  </code></pre>')).toBe("```py\ndef f():\n    return 1  \n```");
	});

	it("writes tables with escaped pipes and numbered lists from their start", () => {
		expect(convert("<table><tr><td>a|b</td><td>c<br>d</td></tr><tr><td>1</td><td>2</td></tr></table>")).toBe("| a\\|b | c<br>d |\n| --- | --- |\n| 1 | 2 |");
		expect(convert('<ol start="3"><li>three</li><li>four<p>more</p></li></ol>')).toBe("3. three\n4. four\n\n   more");
	});

	it("drops scripts and styles and keeps text of unknown elements", () => {
		expect(convert("<script>alert(1)</script><style>p{}</style><custom-el>kept</custom-el><mark>marked</mark>")).toBe("kept==marked==");
	});

	it("refuses a page nested deeper or larger than any article (parsing it would take minutes or gigabytes), read in one linear pass", () => {
		const nested = (depth: number, open = "<div>", close = "</div>") => `${open.repeat(depth)}x${close.repeat(depth)}`;
		expect(convert(nested(MAX_NESTING))).toBe("x");
		expect(() => convert(nested(MAX_NESTING + 1))).toThrow(`its elements nest more than ${MAX_NESTING} deep`);
		expect(measureElements(nested(MAX_NESTING, "<ul><li>", "</li></ul>"))).toEqual({ depth: MAX_NESTING, elements: 2 * MAX_NESTING });
		// Void elements and those whose end tag may be left out do not nest.
		expect(measureElements(`${"<p>a<br>".repeat(5000)}<img src="x.png"/><hr/>`)).toEqual({ depth: 0, elements: 10_002 });
		const cells = (n: number) => `<table><tr>${"<td>c</td>".repeat(n - 2)}</tr></table>`;
		expect(measureElements(cells(MAX_ELEMENTS)).elements).toBe(MAX_ELEMENTS);
		expect(() => convert(cells(MAX_ELEMENTS + 1))).toThrow("it holds more than 200,000 elements");
		const started = Date.now();
		expect(measureElements(nested(200_000)).depth).toBe(200_000);
		// Quadratic takes minutes: the bound leaves a loaded machine room.
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
