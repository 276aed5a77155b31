// The queue item built from frontmatter values Obsidian has already parsed must be the item built by
// parsing the block: the plugin's index uses the first, the CLI and a note Obsidian cannot parse the second.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { parse } from "yaml";
import { join } from "node:path";
import { generateVault } from "../../../bench/generateVault";
import { buildQueueItem, buildQueueItemFromValues, NoteTidier } from "../../../src/core";
import { readFrontmatterBlock } from "../../../src/core/frontmatter/readBlock";
import { splitNote } from "../../../src/core/note";
import { frontmatterForReading, frontmatterFromValues } from "../../../src/core/queue/parsedFrontmatter";
import { computeMetadata } from "../../__mocks__/obsidian";

const tidier = new NoteTidier();
const full = (path: string, text: string) => buildQueueItem(path, text, tidier.options, tidier.proxy);
const fromCache = (path: string, text: string) => buildQueueItemFromValues(path, text, computeMetadata(text).frontmatter, tidier.options, tidier.proxy);

function markdownFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith(".md") ? [path] : [];
	});
}

const HANDWRITTEN: Record<string, string> = {
	// Untagged: found by its Omnivore link alone (a later template: id, heading, links).
	"untagged.md": "---\nid: 8f3c\nsaved: 2024-05-01 10:00\n---\n# 大语言模型的推理能力\n\n[Read on Omnivore](https://omnivore.app/me/llm-reasoning-18f2a)\n[Read Original](https://www.ifanr.com/1589000)\n\n这一模型具备顶级的推理能力，可用于处理复杂的多语言推理任务。ローカルファーストのソフトウェア。\n",
	// Untagged, no frontmatter at all: the link is the only mark.
	"link only.md": "# Notes on Attention\n\n[Read on Omnivore](https://omnivore.app/me/notes-on-attention-18c0d)\n\nWords words words.\n",
	// A title cut by a YAML comment: the heading holds the real one.
	"comment.md": "---\ntitle: The Weekly Dispatch #112\ntags:\n  - Omnivore\n---\n# The Weekly Dispatch #112\n\n[Read Original](https://example.substack.com/p/112)\n",
	// A comment on a line of its own, under the title: not a cut title.
	"comment line.md": "---\ntitle: The Weekly Dispatch\n#112\n  # indented\ntags:\n  - Omnivore\n---\n# The Weekly Dispatch #112\n\n[Read Original](https://example.substack.com/p/112)\n",
	"anchors.md": "---\nid: &i 12\nalias: *i\ntags: [Omnivore]\n---\n# Anchored\n[Read Original](https://example.com/a)\n",
	"multi-line flow.md": "---\ntags: [Omnivore,\n  reading]\nread_length: 7\n---\n# Flow\n[Read Original](https://example.com/b)\n",
	"crlf.md": "---\r\ntitle: 'Windows, \"quoted\"'\r\nstatus: reading\r\ntags:\r\n  - Omnivore/article\r\n  - Read Later\r\n---\r\n# Windows\r\n\r\n[Read Original](https://example.com/c)\r\n\r\nSome words here.\r\n",
	"numbers.md": "---\ntitle: 2024\nauthor: 0x1F\nwords_count: 4600\ndate_saved: 1714557600\ntags: Omnivore, 1984\n---\nBody #Omnivore\n[Read Original](https://example.com/d)\n",
	"not omnivore.md": "---\ntitle: My own note\n---\n# Mine\n\nA proxied image: ![](https://proxy-prod.omnivore-image-cache.app/0x0,sabc/https://example.com/i.png)\n",
	"invalid.md": "---\ntitle: Broken: a title\nauthor: \"Unclosed\n---\n#Omnivore\n[Read Original](https://example.com/e)\n",
	"unclosed.md": "---\ntitle: Never closed\n#Omnivore\n[Read Original](https://example.com/f)\n",
	"author list.md": "---\nauthor:\n  - Matt Chung\n  - Ann\ntags: [Omnivore]\n---\n# Listed\n[Read Original](https://example.com/g)\n",
};

describe("buildQueueItemFromValues", () => {
	it("gives the items parsing gives, on hand-written shapes (untagged, CJK, comments, anchors, CRLF, invalid)", () => {
		for (const [path, text] of Object.entries(HANDWRITTEN)) expect([path, fromCache(path, text)]).toEqual([path, full(path, text)]);
		expect(fromCache("untagged.md", HANDWRITTEN["untagged.md"])).toMatchObject({ title: "大语言模型的推理能力", site: "ifanr.com" });
		expect(fromCache("comment.md", HANDWRITTEN["comment.md"])?.title).toBe("The Weekly Dispatch #112");
	});

	it("parses the block itself when the values given are not a YAML 1.2 reading (a date object)", () => {
		const text = "---\ndate_saved: 2024-01-20T19:03:11\ntags: [Omnivore]\n---\n# Dated\n[Read Original](https://example.com/g)\n";
		const withDate = buildQueueItemFromValues("d.md", text, { date_saved: new Date("2024-01-20T19:03:11Z"), tags: ["Omnivore"] }, tidier.options, tidier.proxy);
		expect(withDate).toEqual(full("d.md", text));
		expect(withDate?.savedAt).not.toBeNull();
	});

	it("gives the items parsing gives, on the fixture notes and their tidied forms", () => {
		for (const file of markdownFiles(join(__dirname, "../../fixtures/notes"))) {
			const text = readFileSync(file, "utf8");
			for (const version of [text, tidier.tidy(text).text]) expect([file, fromCache(file, version)]).toEqual([file, full(file, version)]);
		}
	});

	it("gives the items parsing gives, on the generated vault (every plugin generation, untagged notes, long CJK)", () => {
		let items = 0;
		for (const note of generateVault(500, { seed: 9, maxBytes: 12000 })) {
			const item = fromCache(note.path, note.text);
			expect([note.path, item]).toEqual([note.path, full(note.path, note.text)]);
			if (item) items++;
		}
		expect(items).toBeGreaterThan(400);
	});
});

describe("frontmatterForReading", () => {
	/** What the queue reads of a block: its keys in order, their values, the title's trailing comment, and what repair did. */
	function reading(state: ReturnType<typeof readFrontmatterBlock>) {
		if (state.kind !== "mapping") return state;
		const { editor, repairedKeys, closedLists, reindentedLists } = state;
		return { keys: editor.keys(), values: editor.expectedValues(), comment: editor.trailingComment("title") ?? null, repairedKeys, closedLists, reindentedLists };
	}

	// Blocks the engine repairs, some of them with what the CST alone reads (a comment after a value).
	const REPAIRED = [
		"title: Rust: why\nauthor: @someone\ntags:\n  - rust\n",
		'title: "The "Generals" Reading"\nauthor: "Jane Doe"\n',
		"title: Issue #112\nauthor: @someone\n",
		"tags: '#ai', omnivore # my comment\nid: 1\n",
		"tags: [rust, async\ntitle: Rust: why\n",
		"tags:\n\t- rust\n\t- async\n",
		"title: Rust: a title folded\n  over two lines\nid: 1\n",
		"title: Rust: why\nalias: &a x\n",
		"title: Rust: why\nid: 1\nid: 2\n",
	];

	it("reads every block as the engine's parse does, repaired ones too, with what the repair did", () => {
		let repaired = 0;
		const texts = [
			...[...generateVault(400, { seed: 21, maxBytes: 3000 })].map((n) => n.text),
			...markdownFiles(join(__dirname, "../../fixtures/notes")).map((f) => readFileSync(f, "utf8")),
			...Object.values(HANDWRITTEN),
			...REPAIRED.map((block) => `---\n${block}---\n# Title\n`),
		];
		for (const raw of texts) {
			for (const text of [raw, tidier.tidy(raw).text]) {
				const parts = splitNote(text);
				const engine = readFrontmatterBlock(parts);
				if (engine.kind === "mapping" && engine.repairedKeys.length + (engine.closedLists?.length ?? 0) + (engine.reindentedLists?.length ?? 0) > 0) repaired++;
				expect([text.slice(0, 120), reading(frontmatterForReading(parts))]).toEqual([text.slice(0, 120), reading(engine)]);
			}
		}
		expect(repaired).toBeGreaterThan(60);
	});

	it("keeps the comment that cuts a title in a block the engine repairs", () => {
		const state = frontmatterForReading(splitNote("---\ntitle: Issue #112\nauthor: @someone\n---\n# Issue #112\n"));
		expect(state).toMatchObject({ kind: "mapping", repairedKeys: ["author"] });
		expect(state.kind === "mapping" && [state.editor.get("author"), state.editor.trailingComment("title")]).toEqual(["@someone", "#112"]);
	});
});

describe("frontmatterFromValues", () => {
	const given = (block: string) => frontmatterFromValues(splitNote(`---\n${block}---\n# Title\n`), parse(block) as Record<string, unknown>)?.kind ?? "parse it";

	it.each([
		["a plugin 1.4 block", "id: 0a1b\ntitle: C# in Depth\noriginal_url: https://a.example/p#section\ntags:\n  - Omnivore\n  - read_later\ndate_saved: 2024-02-27 01:30:06\n"],
		["a flow list on one line", "tags: [Omnivore, rust]\n"],
		["a quoted title and numbers", "title: 'It''s 50% off'\nwords_count: 4600\nread_length: 7\n"],
		["a `!` inside a word", "title: Why I love Markdown!\nsite_name: fly.io\n"],
		["a comment on a line of its own", "title: Rust in 2023\n  # added by hand\n"],
		["an empty author (null)", "id: 1\nauthor:\ntags:\n  - Omnivore\n"],
	])("takes the values given for %s", (_name, block) => {
		expect(given(block)).toBe("mapping");
	});

	it("reads a note without frontmatter as having none, and leaves an unclosed block to the engine", () => {
		expect(frontmatterFromValues(splitNote("# Rust in 2023\n#Omnivore\n"), undefined)).toEqual({ kind: "none" });
		expect(frontmatterFromValues(splitNote("---\ntitle: Never closed\n#Omnivore\n"), { title: "Never closed" })).toBeNull();
	});

	it("gives the values with no keys repaired", () => {
		expect(frontmatterFromValues(splitNote("---\nid: 1\n---\n# Title\n"), { id: 1 })).toMatchObject({ kind: "mapping", repairedKeys: [] });
	});

	it("leaves a block too large to read to the engine, which refuses it", () => {
		const block = Array.from({ length: 2500 }, (_, i) => `key${i}: value`).join("\n") + "\n";
		expect(frontmatterFromValues(splitNote(`---\n${block}---\n# Title\n`), parse(block) as Record<string, unknown>)).toBeNull();
	});

	it.each([
		["a title cut by a comment", "title: The Weekly Dispatch #112\n"],
		["a title cut by a comment after a tab", "title: Rust\t#112\n"],
		["a title cut by a comment after two spaces", "title: The Weekly Dispatch  #112\n"],
		["an `&` after a space", 'title: "Rust & Go: a comparison"\n'],
		["an anchor", "id: &i 12\n"],
		["an alias", "id: 12\nalias: *i\n"],
		["a tag", "tags: !!set {}\n"],
		["an anchor in a flow list", "tags: [&a Omnivore]\n"],
		["a directive", "%YAML 1.2\n---\nid: 1\n"],
		["an explicit key", "? complex\n: value\n"],
		["an explicit key alone on its line", "?\n: value\n"],
		["a flow list over two lines", "tags: [Omnivore,\n  reading]\n"],
		["a flow mapping over two lines", "author: {name: Ann,\n  site: a.example}\n"],
		["a flow list as the whole block", "[a, b]\n"],
		["a flow mapping as the whole block", "  {a: 1}\n"],
	])("parses the block itself for %s", (_name, block) => {
		let values: unknown;
		try {
			values = parse(block);
		} catch {
			values = {};
		}
		expect(frontmatterFromValues(splitNote(`---\n${block}---\n# Title\n`), (values ?? {}) as Record<string, unknown>)).toBeNull();
	});

	it("parses the block itself when a value is of a kind no YAML 1.2 parse gives, however deep", () => {
		const parts = splitNote("---\nid: 1\ndates: [2024-01-20]\nmeta: {saved: 2024-01-20}\n---\n# Title\n");
		expect(frontmatterFromValues(parts, { id: 1, dates: ["2024-01-19", new Date("2024-01-20")], meta: { saved: "2024-01-20" } })).toBeNull();
		expect(frontmatterFromValues(parts, { id: 1, dates: ["2024-01-20"], meta: { saved: new Date("2024-01-20") } })).toBeNull();
		expect(frontmatterFromValues(parts, { id: BigInt(1), dates: ["2024-01-20"], meta: { saved: "2024-01-20" } })).toBeNull();
		expect(frontmatterFromValues(parts, { id: Symbol("1"), dates: ["2024-01-20"], meta: { saved: "2024-01-20" } })).toBeNull();
		expect(frontmatterFromValues(parts, { id: () => 1, dates: ["2024-01-20"], meta: { saved: "2024-01-20" } })).toBeNull();
		const bare = Object.assign(Object.create(null) as Record<string, unknown>, { saved: "2024-01-20" });
		expect(frontmatterFromValues(parts, { id: 1, dates: ["2024-01-20"], meta: bare })?.kind).toBe("mapping");
	});

	it("leaves a block nested too deep to the engine, which refuses it, however deep the values given", () => {
		const depth = 30_000;
		const text = `---\nid: 1\ntags: ${"[".repeat(depth)}x${"]".repeat(depth)}\n---\n#Omnivore\n\n[Read Original](https://example.com/deep)\n`;
		let deep: unknown = "x";
		for (let i = 0; i < depth; i++) deep = [deep];
		expect(frontmatterFromValues(splitNote(text), { id: 1, tags: deep })).toBeNull();
		// As the CLI lists it: an Omnivore note whose frontmatter the engine refuses.
		expect(buildQueueItemFromValues("deep.md", text, { id: 1, tags: deep }, tidier.options, tidier.proxy)).toEqual(full("deep.md", text));
	});
});
