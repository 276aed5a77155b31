// Notes of Omnivore's single-file mode: every article between `%%{id}_start%%` and `%%{id}_end%%`.

import { singleFileArticles } from "../../../src/core/omnivore/singleFile";

const article = (id: string, title: string) => `%%${id}_start%%\n## ${title}\n#Omnivore\n%%${id}_end%%\n`;

describe("singleFileArticles", () => {
	it("gives the ids of the articles a note holds, in order, each once", () => {
		const body = `# Omnivore\n\n${article("a1b2", "Rust")}\n${article("c3d4", "Go")}\n${article("a1b2", "Rust again")}`;
		expect(singleFileArticles(body)).toEqual(["a1b2", "c3d4"]);
	});

	it("takes an id without the spaces around it", () => {
		expect(singleFileArticles(`${article(" a1b2 ", "Rust")}${article("c3d4", "Go")}`)).toEqual(["a1b2", "c3d4"]);
	});

	it("is no list for one article, the same one twice, or markers split over lines", () => {
		expect(singleFileArticles(article("a1b2", "Rust"))).toEqual([]);
		expect(singleFileArticles(`${article("a1b2", "Rust")}${article("a1b2", "Rust")}`)).toEqual([]);
		expect(singleFileArticles("%%a1\nb2_start%%\n%%c3\nd4_start%%\n")).toEqual([]);
		expect(singleFileArticles("No markers here.\n")).toEqual([]);
	});
});
