// What the steps' shared context (StepContext) records as a note is tidied: each change's kind, key and
// values before and after (what the CLI's JSON report and the summary read), and where a value is filled.

import { normalizeFrontmatter } from "../../../src/core/frontmatter/normalize";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";
import { readBodyFacts } from "../../../src/core/markdown/bodyFacts";
import { resolveOptions } from "../../../src/core/options";
import { buildProxyMatcher } from "../../../src/core/proxyUrls";
import { ReportBuilder } from "../../../src/core/report";

function tidy(before: string, body = "") {
	const outcome = parseFrontmatter(before);
	if (outcome.kind !== "mapping") throw new Error(`not a mapping: ${outcome.kind}`);
	const report = new ReportBuilder();
	normalizeFrontmatter({ editor: outcome.editor, body: readBodyFacts(body), options: resolveOptions({}), report, proxy: buildProxyMatcher() });
	return {
		text: outcome.editor.toString(),
		changes: report.changes.map(({ kind, key, from, to }) => ({ kind, key, from, to })),
		problems: report.problems.map((problem) => problem.message),
	};
}

describe("the changes a tidy records", () => {
	it("name each key's kind of change and its values, a list in brackets and nothing as empty", () => {
		const { changes } = tidy("id: 1\nTitle: Rust\ntitle: Rust\nAuthor:\ntags: rust, async\ntag: [omnivore]\nurl: https://example.com/a\n");
		expect(changes).toEqual([
			{ kind: "key-removed", key: "Title", from: '"Rust"', to: undefined },
			{ kind: "key-renamed", key: "author", from: "Author", to: "author" },
			{ kind: "key-renamed", key: "original_url", from: "url", to: "original_url" },
			{ kind: "key-removed", key: "author", from: "empty", to: undefined },
			{ kind: "key-removed", key: "tag", from: '"[omnivore]"', to: undefined },
			{ kind: "key-changed", key: "tags", from: '"rust, async"', to: '"[rust, async, omnivore]"' },
			{ kind: "key-added", key: "status", from: undefined, to: '"unread"' },
			{ kind: "key-added", key: "site_name", from: undefined, to: '"example.com"' },
		]);
	});

	it("fill an empty key where it stands, and count a value of spaces as empty", () => {
		expect(tidy("id: 1\ntitle:\nstatus: '   '\nauthor: Niko\n", "# Rust in 2024\n")).toEqual({
			text: "id: 1\ntitle: Rust in 2024\nstatus: unread\nauthor: Niko\n",
			changes: [
				{ kind: "key-added", key: "title", from: undefined, to: '"Rust in 2024"' },
				{ kind: "key-added", key: "status", from: undefined, to: '"unread"' },
			],
			problems: [],
		});
	});

	it("add a key once, however many steps could fill it (the Omnivore address moved out of original_url)", () => {
		const body = "# Rust\n\n[Read Original](https://blog.rust-lang.org/2024/rust)\n[Read on Omnivore](https://omnivore.app/me/rust-2024-18c3a2b1f0e)\n";
		const { text, changes } = tidy("id: 1\noriginal_url: https://omnivore.app/me/rust-2024-18c3a2b1f0e\n", body);
		expect(changes.map(({ kind, key }) => `${kind} ${key}`)).toEqual([
			"key-added title",
			"key-added status",
			"key-added omnivore_url",
			"key-changed original_url",
			"key-added date_saved",
			"key-added site_name",
		]);
		expect(text).toBe(
			"id: 1\noriginal_url: https://blog.rust-lang.org/2024/rust\ntitle: Rust\ndate_saved: 2023-12-05T14:29:13\nomnivore_url: https://omnivore.app/me/rust-2024-18c3a2b1f0e\nsite_name: blog.rust-lang.org\nstatus: unread\n",
		);
	});
});

describe("a value a step leaves, shown in its problem as written", () => {
	it.each([
		["a list", "status: [read, later]\n", 'status "[read, later]" is not'],
		["a mapping", "status: {state: read}\n", 'status "{"state":"read"}" is not'],
		["a list holding a mapping", "status: [read, {by: me}]\n", 'status "[read, {"by":"me"}]" is not'],
	])("%s", (_name, block, shown) => {
		const { problems } = tidy(`id: 1\n${block}`);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(shown);
	});
});
