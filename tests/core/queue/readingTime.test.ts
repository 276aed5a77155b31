import { findCodeRanges } from "../../../src/core/markdown/codeRanges";
import { countReading, readingMinutes, readingMinutesOutside } from "../../../src/core/queue/readingTime";

describe("reading time", () => {
	it("counts English words at 230 a minute, leaving out URLs and Markdown", () => {
		const body = [
			"# A heading with four words",
			"",
			"![diagram](https://cdn.example.com/a-very-long-image-name-that-is-not-words.png)",
			"Read [the paper](https://example.com/paper?id=1) **now**, it's short.",
			"<img src=\"https://example.com/x.png\">",
		].join("\n");
		// "A heading with four words" and "Read the paper now it's short".
		expect(countReading(body)).toEqual({ words: 11, cjk: 0 });
		expect(readingMinutes(`${"word ".repeat(2300)}`)).toBe(10);
	});

	it("counts Chinese characters at 400 a minute", () => {
		const chinese = "这一模型具备顶级的推理能力，可用于处理复杂的多语言推理任务。";
		expect(countReading(chinese)).toEqual({ words: 0, cjk: 28 });
		expect(readingMinutes(chinese.repeat(100))).toBe(7);
	});

	it("counts Japanese kana and kanji, and Latin words beside them", () => {
		const japanese = "ローカルファーストのソフトウェアは、データを自分の手元に置く。Mistral Large";
		expect(countReading(japanese)).toEqual({ words: 2, cjk: 29 });
	});

	it("is at least a minute", () => {
		expect(readingMinutes("")).toBe(1);
		expect(readingMinutes("Short.")).toBe(1);
	});

	it.each([
		["a code fence's opening and closing lines", "```js\nconst answer = 42;\n```\n", 3],
		["a fence of tildes", "~~~\nplain words\n~~~\n", 2],
		["a fence of four backticks", "````markdown\nfour ticks\n````\n", 2],
		["a link's reference definition, title and all", '[1]: https://example.com/a-long-url "Title words"\n', 0],
		["a reference definition with no space after its colon", "[1]:https://example.com/a-long-url\nText after.\n", 2],
		["an indented reference definition", "  [note]: https://example.com/a\nText after.\n", 2],
		["URLs of every scheme, in any case", "Visit https://example.com/a_b-c now, or ftp://files.example.com/x or mailto:ann@example.com.\nHTTPS://EXAMPLE.COM/A data:image/png;base64,AAAA done\n", 5],
		["emphasis, highlights, quotes and table bars", "**bold** _it_ ==mark== ~~del~~ > quote | cell | ^sup\n", 7],
	])("leaves out %s", (_name, body, words) => {
		expect(countReading(body)).toEqual({ words, cjk: 0 });
	});

	it.each([
		["backticks inside a line", "Use ``` to open a block\n", 5],
		["a reference written inside a sentence", "See [1]: and more\n", 4],
		["a scheme glued to a word", "xhttp://no\n", 2],
		// A scheme ending a longer word or number is no URL (sftp is not ftp): the whole is read as words.
		["schemes ending longer words, in any case, and numbers", "sftp://host/a SFTP://HOST/B v9ftp://x 10ftp://y Aftp://z Zftp://w\n", 14],
		["an image glued between two words", "The results![chart](https://x.test/c.png)show a trend.\n", 5],
		["a line that starts with inline code, in a note with a fence", "`npm ci` installs the exact versions.\n\n```sh\nnpm ci\n```\n", 8],
		["a line that starts with struck-out text, in a note with a fence", "~~Old price~~ New price\n\n```\nx\n```\n", 5],
	])("reads the words around %s", (_name, body, words) => {
		expect(countReading(body)).toEqual({ words, cjk: 0 });
	});

	it("counts rare ideographs written with two UTF-16 units (names, Cantonese) as one character each", () => {
		// 𠮷 (U+20BB7) in Yoshinoya's name, 𨋢 (U+282E2, a lift) and U+20BFF, whose second unit is the last one (DFFF).
		const text = `𠮷野家の牛丼。搭𨋢上樓 ${String.fromCodePoint(0x20bff)} ok`;
		expect(countReading(text)).toEqual({ words: 1, cjk: 11 });
	});

	it("leaves a note's code out of its reading time", () => {
		const prose = `${"Local-first software keeps the data on your own machine. ".repeat(50)}\n\n`;
		const code = `\`\`\`ts\n${"const answer = compute(first, second, third);\n".repeat(400)}\`\`\`\n\n    ${"indented code words ".repeat(100)}\n`;
		// 503 words of prose: two minutes; with its 2,703 words of code, fourteen.
		const body = `${prose}${code}Then \`inline code\` ends it.\n`;
		expect(readingMinutesOutside(body, findCodeRanges(body))).toBe(2);
		expect(readingMinutes(body)).toBe(14);
		expect(readingMinutesOutside("", [])).toBe(1);
	});

	it("reads a body a template HTML-escaped ({{content}}) as the text it stands for", () => {
		const plain = "Don't read this and/or that: \"quoted\" `code` a=b & more.\n\n![](https://a.example/i.png)\n\n> A quote.\n";
		const escaped = "Don&#39;t read this and&#x2F;or that: &quot;quoted&quot; &#x60;code&#x60; a&#x3D;b &amp; more.\n\n![](https:&#x2F;&#x2F;a.example&#x2F;i.png)\n\n&gt; A quote.\n";
		expect(countReading("don&#39;t it&#39;s")).toEqual({ words: 2, cjk: 0 });
		expect(countReading(escaped)).toEqual(countReading(plain));
		expect(readingMinutesOutside(`${escaped}\n`.repeat(200), findCodeRanges(escaped))).toBe(readingMinutes(`${plain}\n`.repeat(200)));
		// An ampersand, or a named reference in a body with no numeric one (not escaped by a template), is text as before.
		expect(countReading("Tom & Jerry &co; &lt;b&gt;")).toEqual({ words: 6, cjk: 0 });
	});

	it("never takes an escaped `<` for a tag that a later `>` closes, lines further", () => {
		const words = "word ".repeat(690);
		const escaped = `Loop with &#x60;for (i = 0; i &lt; n; i++)&#x60; here.\n\n${words}\n\n&gt; a quote from the article\n`;
		expect(readingMinutesOutside(escaped, findCodeRanges(escaped))).toBe(3);
		expect(readingMinutes(escaped)).toBe(3);
		// Nor a `<` of the text as written (Omnivore's Markdown does not escape it): a tag starts with a letter, `/` or `!`.
		const raw = `If x < 5 then we stop, in < 10 ms.\n\n${words}\n\n> a quote from the article\n`;
		expect(readingMinutesOutside(raw, findCodeRanges(raw))).toBe(3);
		expect(countReading("Some <b>bold</b>, <!-- a comment --> and </span> words")).toEqual({ words: 4, cjk: 0 });
	});

	it("adds the time of the words and of the CJK characters", () => {
		// 230 words (a minute) and 200 characters (half a minute): a minute and a half, rounded up.
		expect(readingMinutes(`${"word ".repeat(230)}${"读".repeat(200)}`)).toBe(2);
	});
});
