import { bodyHasTag, frontmatterHasTag, rawFrontmatterHasTag } from "../../../src/core/omnivore/tags";
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";

function inBody(body: string, tag = "Omnivore"): boolean {
	return bodyHasTag(body, tag, findCodeRanges(body));
}

describe("bodyHasTag", () => {
	it.each([
		["# Title\n#Omnivore\n", true],
		["#omnivore", true],
		["text #OMNIVORE text", true],
		["#Omnivore/article", true],
		["#Omnivores", false],
		["#omnivore-app", false],
		["word#Omnivore", false],
		["https://example.com/#Omnivore", false],
		["# Omnivore", false],
		["`#Omnivore`", false],
		["```\n#Omnivore\n```", false],
		["para\n\n    #Omnivore", false],
	])("%p → %p", (body, expected) => {
		expect(inBody(body)).toBe(expected);
	});

	it("uses the configured tag name", () => {
		expect(inBody("#read-later", "read-later")).toBe(true);
		expect(inBody("#Omnivore", "read-later")).toBe(false);
	});
});

describe("frontmatterHasTag", () => {
	it.each([
		[{ tags: ["Omnivore", "x"] }, true],
		[{ tags: ["#omnivore"] }, true],
		[{ tags: "omnivore, x" }, true],
		[{ tags: "x omnivore" }, true],
		[{ tag: "Omnivore/article" }, true],
		[{ Tags: ["omnivore"] }, true],
		[{ tags: ["omnivores"] }, false],
		[{ tags: null }, false],
		[{ category: "omnivore" }, false],
	])("%p → %p", (frontmatter, expected) => {
		expect(frontmatterHasTag(frontmatter, "Omnivore")).toBe(expected);
	});
});

describe("rawFrontmatterHasTag", () => {
	it("finds the tag in a block that is not valid YAML", () => {
		expect(rawFrontmatterHasTag("title: Rust: next\ntags:\n  - Omnivore\n", "Omnivore")).toBe(true);
		expect(rawFrontmatterHasTag('title: a: b\ntags: [omnivore, "x"]\n', "Omnivore")).toBe(true);
		expect(rawFrontmatterHasTag("title: a: b\ntags:\n  - reading\n", "Omnivore")).toBe(false);
	});
});
