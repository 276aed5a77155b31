import { countReading, readingMinutes } from "../../../src/core/queue/readingTime";

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
	])("reads the words around %s", (_name, body, words) => {
		expect(countReading(body)).toEqual({ words, cjk: 0 });
	});
});
