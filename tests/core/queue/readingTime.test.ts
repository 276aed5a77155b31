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
});
