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

	it("keeps text that reads as markup as text: no comment hiding the rest, no live element", () => {
		expect(convert("<p>Write &lt;!-- to comment, then &lt;details&gt; and &lt;/b&gt;.</p><p>Still here.</p>")).toBe("Write \\<!-- to comment, then \\<details> and \\</b>.\n\nStill here.");
		// A comparison is no markup, and code is as written.
		expect(convert("<p>x &lt; 5 and <code>&lt;b&gt;</code></p>")).toBe("x < 5 and `<b>`");
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

describe("images in an article", () => {
	it("fall back past a recorded original that is not a web address, and trim what Omnivore recorded", () => {
		expect(convert(`<img src="${PROXY}/0x0,${SIG}/https://a.example/x.png" data-omnivore-original-src="javascript:alert(1)">`)).toBe("![](https://a.example/x.png)");
		expect(convert(`<img src="${PROXY}/0x0,${SIG}/https://a.example/x.png" data-omnivore-original-src="  https://a.example/orig.png\n">`)).toBe("![](https://a.example/orig.png)");
		expect(convert(`<img src=" ${PROXY}/0x0,${SIG}/https://a.example/x.png ">`)).toBe("![](https://a.example/x.png)");
	});

	it("take a lazy-loaded image's data-src, then the first candidate of its srcset", () => {
		expect(convert(`<img data-src="https://a.example/lazy.png" srcset="https://a.example/set.png 2x">`)).toBe("![](https://a.example/lazy.png)");
		expect(convert(`<img src="" srcset="  https://a.example/one.png 1x, https://a.example/two.png 2x">`)).toBe("![](https://a.example/one.png)");
		expect(convert(`<img srcset=" " alt="nothing"><img alt="none">`)).toBe("");
	});

	it("keep an inline data image, and drop what is no image address", () => {
		expect(convert(`<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">`)).toBe("![dot](data:image/png;base64,iVBORw0KGgo=)");
		expect(convert(`<img src="data:text/html;base64,PHNjcmlwdD4=">`)).toBe("");
		expect(convert(`<img src="ftp://a.example/x.png">`)).toBe("");
		expect(convert(`<img src="mailto:editor@example.com" alt="write to us">`)).toBe("");
		expect(convert(`<img src="DATA:image/gif;base64,R0lGODlhAQABAAAAACw=">`)).toBe("![](DATA:image/gif;base64,R0lGODlhAQABAAAAACw=)");
	});

	it("resolve a relative image only against a web address, and put its alt text on one line without brackets", () => {
		expect(convert(`<img src="/img/a.png" alt="A [big]\n diagram">`)).toBe("![A  big   diagram](https://blog.example.com/img/a.png)");
		expect(convert(`<img src=" data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="[Figure 1]">`)).toBe("![Figure 1](data:image/gif;base64,R0lGODlhAQABAAAAACw=)");
		expect(convert(`<img src="/files/data:image/x.png">`)).toBe("![](https://blog.example.com/files/data:image/x.png)");
		expect(htmlToMarkdown(`<img src="/img/a.png"><img src="https://a.example/b.png">`, { proxy: buildProxyMatcher() })).toBe("![](https://a.example/b.png)");
		expect(htmlToMarkdown(`<img src="/img/a.png">`, { proxy: buildProxyMatcher(), baseUrl: "omnivore://item/1" })).toBe("");
	});

	it("unwrap a proxied image whose original is relative against the article's address", () => {
		expect(convert(`<img src="${PROXY}/0x0,${SIG}/https://blog.example.com/posts/img/c.png">`)).toBe("![](https://blog.example.com/posts/img/c.png)");
		expect(convert(`<picture><source srcset="${PROXY}/640x0,${SIG}/https://a.example/p.webp"><img src="${PROXY}/0x0,${SIG}/https://a.example/p.jpg" alt="P"></picture>`)).toBe("![P](https://a.example/p.jpg)");
	});
});

describe("links in an article", () => {
	it("keep their text alone when they lead nowhere useful or hold no text, and wrap an image they hold", () => {
		expect(convert(`<p><a href="">empty</a> <a name="top">anchor</a> <a href="tel:+15550100">call</a> <a href="https://a.example/"> </a>end</p>`)).toBe("empty anchor call end");
		expect(convert(`<p><a href="  ">blank</a> <a href="javascript:location='https://evil.example/'">click</a> <a href="https://a.example/"><br></a>end</p>`)).toBe("blank click  \nend");
		expect(convert(`<a href="https://a.example/full.png"><img src="https://a.example/thumb.png" alt="T"></a>`)).toBe("[![T](https://a.example/thumb.png)](https://a.example/full.png)");
		expect(convert(`<a href="/wiki/Foo_(bar)">Foo</a>`)).toBe("[Foo](https://blog.example.com/wiki/Foo_%28bar%29)");
	});

	it("are kept as written when the article has no web address to resolve them against", () => {
		const noBase = (html: string) => htmlToMarkdown(html, { proxy: buildProxyMatcher() });
		expect(noBase(`<a href="/docs">docs</a> and <a href="https://a.example/x">x</a>`)).toBe("docs and [x](https://a.example/x)");
		expect(htmlToMarkdown(`<a href="x">rel</a>`, { proxy: buildProxyMatcher(), baseUrl: "file:///home/me/a.html" })).toBe("rel");
		expect(htmlToMarkdown(`<a href="x">rel</a>`, { proxy: buildProxyMatcher(), baseUrl: "HTTP://Blog.Example.com/a/b" })).toBe("[rel](http://blog.example.com/a/x)");
		// An address that does not parse costs the relative links only.
		expect(htmlToMarkdown(`<a href="x">rel</a> <a href="https://a.example/y">abs</a> <img src="https://a.example/i.png">`, { proxy: buildProxyMatcher(), baseUrl: "https://exa mple.com/a" })).toBe(
			"rel [abs](https://a.example/y) ![](https://a.example/i.png)",
		);
	});

	it("turn an embedded video into a link to it, and drop an embed with no address", () => {
		expect(convert(`<p>Watch:</p><iframe src="//www.youtube.com/embed/dQw4w9WgXcQ"></iframe><iframe></iframe><p>after</p>`)).toBe(
			"Watch:\n\n[https://www.youtube.com/embed/dQw4w9WgXcQ](https://www.youtube.com/embed/dQw4w9WgXcQ)\n\nafter",
		);
	});
});

describe("an article's text", () => {
	it("keeps headings, emphasis, rules and highlights in the Markdown Obsidian writes", () => {
		expect(convert("<h1>Title</h1><h2>Part</h2><p><em>soft</em> <strong>bold</strong> <mark>kept</mark><mark> </mark>.</p><hr><p>end</p>")).toBe(
			"# Title\n\n## Part\n\n*soft* **bold** ==kept== .\n\n---\n\nend",
		);
	});

	it("drops what a reader never sees", () => {
		expect(convert("<noscript><img src='https://a.example/t.gif'></noscript><template><p>tpl</p></template><p>seen</p>")).toBe("seen");
	});

	it("numbers a list from its start, and from 1 when the start is no number", () => {
		expect(convert('<ol start="0"><li>zero</li><li>one</li></ol>')).toBe("0. zero\n1. one");
		expect(convert('<ol start="first"><li>a</li><li>b</li></ol>')).toBe("1. a\n2. b");
		expect(convert("<ol><li>a</li><li>b</li></ol>")).toBe("1. a\n2. b");
	});

	it("indents what a list item holds under its text, blank lines left empty", () => {
		expect(convert("<ol><li><p>first</p><p>second paragraph</p></li><li>next<ul><li>inner</li></ul></li></ol>")).toBe("1. first\n\n   second paragraph\n2. next\n   - inner");
		expect(convert("<ul><li>a</li><li>b</li></ul><p>after</p>")).toBe("- a\n- b\n\nafter");
	});

	it("keeps the spaces of a hard line break and drops those an empty quote line or a second break leaves", () => {
		expect(convert("<p>line one<br>line two</p>")).toBe("line one  \nline two");
		expect(convert("<blockquote><p>a</p><p>b</p></blockquote>")).toBe("> a\n>\n> b");
		expect(convert("<ul><li><blockquote><p>a</p><p>b</p></blockquote></li></ul>")).toBe("- > a\n  >\n  > b");
		expect(convert("<p>a<br><br>b</p>")).toBe("a  \n\nb");
		expect(convert("<p>text</p><p> </p><p>more</p>")).toBe("text\n\nmore");
	});

	it("leaves the lines of code alone, up to the fence that really closes it", () => {
		const quote = "<blockquote><p>a</p><p>b</p></blockquote>";
		// A shorter fence, or one of tildes, inside the code closes nothing: the space after `y = 2` stays.
		expect(convert(`<pre>x = 1 \n\`\`\`\ny = 2 \n</pre>${quote}`)).toBe("````\nx = 1 \n```\ny = 2 \n````\n\n> a\n>\n> b");
		expect(convert(`<pre>x = 1 \n~~~\ny = 2 </pre>${quote}`)).toBe("```\nx = 1 \n~~~\ny = 2 \n```\n\n> a\n>\n> b");
		expect(convert(`<ul><li>step<pre>run \n</pre></li></ul>${quote}`)).toBe("- step\n\n  ```\n  run \n  ```\n\n> a\n>\n> b");
	});

	it("reads no fence in a line that starts with inline code or a tilde, or holds tildes in its text", () => {
		expect(convert("<p>costs ~~~ nothing</p><blockquote><p>a</p><p>b</p></blockquote>")).toBe("costs ~~~ nothing\n\n> a\n>\n> b");
		expect(convert("<p><code>npm ci</code> installs</p><blockquote><p>a</p><p>b</p></blockquote>")).toBe("`npm ci` installs\n\n> a\n>\n> b");
		expect(convert("<p>~20 minutes</p><blockquote><p>a</p><p>b</p></blockquote>")).toBe("~20 minutes\n\n> a\n>\n> b");
	});

	it("marks no highlight around a mere line break", () => {
		expect(convert("<p>one<mark><br></mark>two</p>")).toBe("one  \ntwo");
	});
});

describe("tables in an article", () => {
	it("get the header line after their first row only, whether it sits in a head or a body", () => {
		const table = "<table><caption> Modes </caption><thead><tr><th>Mode</th><th>Readers</th></tr></thead><tbody><tr><td>WAL</td><td>many</td></tr></tbody><tfoot><tr><td>all</td><td>none</td></tr></tfoot></table>";
		expect(convert(`<p>before</p>${table}<p>after</p>`)).toBe("before\n\nModes\n\n| Mode | Readers |\n| --- | --- |\n| WAL | many |\n| all | none |\n\nafter");
		expect(convert("<table><tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table>")).toBe("| a |\n| --- |\n| b |");
	});

	it("get the header line after their first row that holds cells (a spacer row without any is dropped)", () => {
		expect(convert("<table><tr></tr><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>")).toBe("| x | y |\n| --- | --- |\n| 1 | 2 |");
		expect(convert("<table><tr><td></td><td></td></tr><tr><td>x</td><td>y</td></tr></table>")).toBe("|  |  |\n| --- | --- |\n| x | y |");
	});

	it("keep a table inside a cell as the text of that cell (Markdown tables do not nest)", () => {
		expect(convert("<table><tr><td>outer</td></tr><tr><td><table><tr><td>in</td></tr></table></td></tr></table>")).toBe("| outer |\n| --- |\n| \\| in \\|<br>\\| --- \\| |");
	});

	it("put a cell's lines on one line, without the spaces around its breaks", () => {
		expect(convert("<table><tr><td><p>one</p><p>two</p></td><td>a \n  b</td></tr></table>")).toBe("| one<br>two | a b |\n| --- | --- |");
	});
});

describe("measuring an article before converting it", () => {
	it("never counts below zero for end tags that close nothing, so they cannot hide deep nesting", () => {
		const deep = `${"</div>".repeat(50)}${"<div>".repeat(MAX_NESTING + 1)}x`;
		expect(measureElements(deep)).toEqual({ depth: MAX_NESTING + 1, elements: MAX_NESTING + 1 });
		expect(() => convert(deep)).toThrow(`its elements nest more than ${MAX_NESTING} deep`);
	});

	it("counts as nesting every element that nests, whatever its name shares with one that does not", () => {
		for (const tag of ["pre", "picture", "sup", "abbr", "math", "section", "table"]) {
			expect(measureElements(`<${tag}>`.repeat(10)).depth).toBe(10);
		}
	});

	it("converts a page of exactly as many elements as it allows (counted from the tags, even those a script holds)", () => {
		const page = (extra: number) => `<p>kept</p><script>${"<br>".repeat(MAX_ELEMENTS - 2 + extra)}</script>`;
		expect(convert(page(0))).toBe("kept");
		expect(() => convert(page(1))).toThrow("it holds more than 200,000 elements");
	});

	it("counts a self-closed element, but not as nesting", () => {
		expect(measureElements('<div/><svg><path d="M0"/><g/></svg><P>a</P><Section>b</Section>')).toEqual({ depth: 1, elements: 6 });
	});
});
