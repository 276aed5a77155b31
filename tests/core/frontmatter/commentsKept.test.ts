// A user's comments in a frontmatter are their text: when tidy rewrites a list or removes an entry,
// every comment stays, on the line of the item it followed when that item is still there.

import { NoteTidier } from "../../../src/core";
import { editor, written } from "./editedBlocks";

const comments = (text: string) => text.match(/#\s\S.*$/gm) ?? [];

describe("a list rewritten", () => {
	it.each([
		[
			"each item keeps its comment when the items are respelled",
			"tags:\n  - Omnivore # from the plugin\n  - rust\n  - Read Later   # my queue\n",
			["Omnivore", "rust", "Read_Later"],
			"tags:\n  - Omnivore # from the plugin\n  - rust\n  - Read_Later   # my queue\n",
		],
		[
			"a `#` and a quote written off keep the comment",
			'tags:\n  - "#rust" # mine\n  - ai\n',
			["rust", "ai"],
			"tags:\n  - rust # mine\n  - ai\n",
		],
		[
			"an item merged into another leaves its comment under the list",
			"tags:\n  - omnivore # first\n  - Omnivore # second\n  - ai\n",
			["omnivore", "ai"],
			"tags:\n  - omnivore # first\n  - ai\n# second\n",
		],
		[
			"comment lines among the items stay under the list",
			"tags:\n  # what I read\n  - a\n  # later\n  - b\n",
			["a", "b", "c"],
			"tags:\n  - a\n  - b\n  - c\n# what I read\n# later\n",
		],
		[
			"a list that becomes one value keeps them as lines",
			"tags:\n  - rust # mine\n",
			"rust",
			"tags: rust\n# mine\n",
		],
		[
			"a comment in a flow list spanning lines stays",
			"tags: [omnivore, # from the plugin\n  rust]\n",
			["omnivore", "rust"],
			"tags:\n  - omnivore\n  - rust\n# from the plugin\n",
		],
		[
			"a merged item's comment never lands on another tag that only looks alike",
			'tags:\n  - "#Read Later" # rl\n  - Read Later # other rl\n  - read-later\n',
			["Read_Later", "read-later"],
			"tags:\n  - Read_Later # rl\n  - read-later\n# other rl\n",
		],
		[
			"single-quoted items keep theirs",
			"tags:\n  - 'Read Later' # my queue\n  - 'ai'\n",
			["Read_Later", "ai"],
			"tags:\n  - Read_Later # my queue\n  - ai\n",
		],
		[
			"a comment line after the last item stays under the list",
			"tags:\n  - a # first\n  # the end of my list\n",
			["a", "b"],
			"tags:\n  - a # first\n  - b\n# the end of my list\n",
		],
		[
			"an item that is itself a list leaves its comment under the list; the others keep theirs",
			"tags:\n  - [a, b] # a pair\n  - c # mine\n",
			["a", "b", "c"],
			"tags:\n  - a\n  - b\n  - c # mine\n# a pair\n",
		],
		[
			"a nested mapping's comments stay",
			"tags:\n  main: rust # mine\n",
			["rust"],
			"tags:\n  - rust\n# mine\n",
		],
	])("%s", (_case, block, value, expected) => {
		const e = editor(`id: 1\n${block}status: unread\n`);
		e.set("tags", value);
		expect(written(e)).toBe(`id: 1\n${expected}status: unread\n`);
	});

	it("keeps no comment when told the `#` was part of the value, as the title's repair does, but keeps the lines under it", () => {
		const e = editor("title: Issue #112\n  # what I thought\nid: 1\n");
		e.set("title", "Issue #112", false);
		expect(written(e)).toBe('title: "Issue #112"\n# what I thought\nid: 1\n');
	});

	it.each([
		["a value on the next line, each line with a comment", "status: # my status\n  READ # from omnivore\n", "read", "status: read # my status\n# from omnivore\n"],
		["a flow list on the next line", "tags: # my tags\n  [omnivore, rust] # flow\n", ["omnivore", "rust"], "tags: # my tags\n  - omnivore\n  - rust\n# flow\n"],
	])("keeps both comments of %s", (_case, block, value, expected) => {
		const e = editor(`id: 1\n${block}other: x\n`);
		e.set(block.slice(0, block.indexOf(":")), value);
		expect(written(e)).toBe(`id: 1\n${expected}other: x\n`);
	});
});

describe("an entry removed", () => {
	it.each([
		["its comment stays where it stood", "id: 1\nauthor: Unknown # Omnivore's placeholder\nstatus: unread\n", "id: 1\n# Omnivore's placeholder\nstatus: unread\n"],
		["the comments of its list stay too", "id: 1\nauthor:\n  - Unknown # placeholder\n  # ask the site\nstatus: unread\n", "id: 1\n# placeholder\n# ask the site\nstatus: unread\n"],
		["comment lines under it stay", "id: 1\nauthor: Unknown\n  # who wrote this?\nstatus: unread\n", "id: 1\n# who wrote this?\nstatus: unread\n"],
		["as the last entry too", "id: 1\nauthor: Unknown # placeholder\n", "id: 1\n# placeholder\n"],
		["a block value's header comment stays", "id: 1\nauthor: | # pasted from the site\n  Unknown\nstatus: unread\n", "id: 1\n# pasted from the site\nstatus: unread\n"],
		["every one of a value on its own line", "id: 1\nauthor: # after the colon\n  Unknown # after the value\n  # under\nstatus: unread\n", "id: 1\n# after the colon\n# after the value\n# under\nstatus: unread\n"],
	])("%s", (_case, block, expected) => {
		const e = editor(block);
		e.remove("author");
		expect(written(e)).toBe(expected);
	});
});

describe("a tidy", () => {
	const tidier = new NoteTidier();
	const note = [
		"---",
		"title: The Rust Book # saved twice",
		"tags:",
		"  # from Omnivore",
		"  - Omnivore # the plugin's",
		"  - Read Later # my queue",
		"tag: rust # added by hand",
		"state: ARCHIVED # done in March",
		"date_saved: 2024-01-15 10:20:30",
		"---",
		"# The Rust Book",
		"",
		"[Read on Omnivore](https://omnivore.app/me/the-rust-book-18d1a2b3c4e)",
		"",
	].join("\n");

	it("keeps every comment of a note whose tags are merged and respelled, and a second tidy changes nothing", () => {
		const once = tidier.tidy(note);
		expect(once.report.changed).toBe(true);
		expect(comments(once.text).sort()).toEqual(comments(note).sort());
		// The merged tag's comment and the comment line among the items stand under the list.
		expect(once.text).toContain("  - Omnivore # the plugin's\n  - Read_Later # my queue\n  - rust\n# from Omnivore\n# added by hand\nstatus: archived # done in March\n");
		expect(tidier.tidy(once.text).text).toBe(once.text);
	});

	it("keeps them in a CRLF note as well", () => {
		const crlf = note.replace(/\n/g, "\r\n");
		const once = tidier.tidy(crlf);
		expect(comments(once.text.replace(/\r/g, "")).sort()).toEqual(comments(note).sort());
		expect(once.text.replace(/\r\n/g, "")).not.toContain("\n");
		expect(tidier.tidy(once.text).text).toBe(once.text);
	});
});
