// Hostile notes: long runs that would make a backtracking pattern quadratic are read in linear time.
import { buildQueueItem, NoteTidier } from "../../../src/core";
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";
import { articleHeading } from "../../../src/core/omnivore/heading";
const tidier = new NoteTidier();
describe("long runs", () => {
	test.each([
	["heading with spaces", `---\nid: 1\n---\n# a${" ".repeat(200000)}b\n#Omnivore\n[Read Original](https://a.example)\n`],
	["title with spaces", `---\nid: 1\ntitle: "a${" ".repeat(200000)}b"\n---\n#Omnivore\n`],
	["blank lines", `---\nid: 1\n---\n#Omnivore\n${"\n".repeat(400000)}x\n`],
	["many hashes", `---\nid: 1\n---\n# ${"#".repeat(200000)}\n#Omnivore\n`],
	["many tags", `---\nid: 1\n---\n${"#a ".repeat(100000)}\n#Omnivore\n`],
	["many links", `---\nid: 1\n---\n#Omnivore\n${"[Read  https://omnivore.app/me/ ".repeat(30000)}\n`],
])("%s", (_name, text) => {
	const t = Date.now();
	tidier.tidy(text);
	buildQueueItem("a.md", text, tidier.options, tidier.proxy);
	// Quadratic reading of these runs takes minutes; a loaded machine or a mutation run must not fail a linear one.
	expect(Date.now() - t).toBeLessThan(10_000);
});
});

describe("articleHeading", () => {
	const heading = (body: string) => articleHeading(body, findCodeRanges(body), "Omnivore");
	it.each([
		["# Title ##\n#Omnivore\n", "Title"],
		["# Learning C#\n#Omnivore\n", "Learning C#"],
		["## Highlights\n\n# The Article\n#Omnivore\n", "The Article"],
		["___\n# 2203.10642\n", "2203.10642"],
		["Intro text\n## Description\n## Notes\n", undefined],
		["```\n# not a heading\n```\n# Real\n", "Real"],
	])("%p → %p", (body, expected) => {
		expect(heading(body)).toBe(expected);
	});
});
