// Property-based tests: random notes built from the shapes in omnivore-notes.md, valid and broken.
// A failure prints the seed and the shrunk note; replay with FUZZ_SEED=<seed> (and FUZZ_RUNS).
import fc from "fast-check";
import { buildQueueItem, NoteTidier, type TidyResult } from "../../src/core";
import { parseFrontmatter } from "../../src/core/frontmatter/parseFrontmatter";
import { readFrontmatterBlock } from "../../src/core/frontmatter/readBlock";
import { splitNote } from "../../src/core/note";
import { decodeHtmlEntities } from "../../src/core/htmlEntities";

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const tidier = new NoteTidier({ extraProxyBases: ["http://localhost:7070"] });

const BASES = ["https://proxy-prod.omnivore-image-cache.app", "https://proxy-demo.omnivore-image-cache.app", "http://proxy.omnivore-image-cache.app", "http://localhost:7070"];
const ORIGINALS = [
	"https://cdn.example.com/a.png",
	"https://s3.ifanr.com/wp-content/uploads/2024/02/1-5.png!720",
	"https://upload.wikimedia.org/Leslie_Lamport_(2005).jpg",
	"https://a.example/x.png?w=1&h=2|3",
	"https://substackcdn.com/image/fetch/w_1456/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fa.png",
	"https%3A%2F%2Fexample.com%2Fmy%20file%20%28draft.png",
	"https:/example.com/collapsed.png",
	"/images/relative.png",
	"images/relative.png",
	"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
	"data:text/html,<script>alert(1)</script>",
	"javascript:alert(1)",
	"file:///etc/passwd",
	"",
	"https://a.example/caf%C3%A9 space.png",
	"https://a.example/\u00e9t\u00e9.png",
];
const OPTIONS = ["0x0,sAbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfG", "640x0,sXyz", "320x320,fit,q80", "not,options!", "1x1"];

const text = fc.string({ unit: "grapheme", maxLength: 40 });
const proxyUrl = fc
	.tuple(fc.constantFrom(...BASES), fc.constantFrom(...OPTIONS), fc.constantFrom(...ORIGINALS), fc.boolean())
	.map(([base, options, original, escaped]) => {
		const url = `${base}/${options}/${original}`;
		return escaped ? url.replace(/\//g, "&#x2F;").replace(/=/g, "&#x3D;").replace(/&(?!#)/g, "&amp;") : url;
	});
const urlInContext = fc.tuple(proxyUrl, fc.integer({ min: 0, max: 9 }), text).map(([url, form, alt]) => {
	switch (form) {
		case 0:
			return `![${alt.replace(/[[\]]/g, "")}](${url})`;
		case 1:
			return `![](${url} "title: x")`;
		case 2:
			return `[![](${url})](https://example.com/a%5Fb)`;
		case 3:
			return `[ref]: ${url}`;
		case 4:
			return `<img src="${url}" srcset="${url} 1x, ${url} 2x">`;
		case 5:
			return `<img src='${url}'>`;
		case 6:
			return `see ${url}.`;
		case 7:
			return `![](<${url}>)`;
		case 8:
			return `| ![](${url}) | cell |`;
		default:
			return `> ![](${url}) [⤴️](https://omnivore.app/me/x-18de9d85b43#1) ^abc`;
	}
});
const codeBlock = fc.tuple(proxyUrl, fc.integer({ min: 0, max: 3 })).map(([url, form]) =>
	form === 0 ? `\`\`\`\n![](${url})\n\`\`\`` : form === 1 ? `~~~md\n${url}\n~~~` : form === 2 ? `\n    ![](${url})\n` : `Inline \`${url}\` code.`,
);
const block = fc.oneof(
	{ weight: 4, arbitrary: text },
	{ weight: 3, arbitrary: urlInContext },
	{ weight: 1, arbitrary: codeBlock },
	{ weight: 1, arbitrary: fc.constantFrom("# A Title: With Colon", "#Omnivore", "#omnivore/article", "[Read Original](https://blog.example/post/1)", "[Read on Omnivore](https://omnivore.app/me/slug-18de9d85b43)", "---", "* list item", "    indented", "```", "`") },
);

const VALUES = [
	"Plain title",
	"Rust in 2023: What Comes Next",
	'"Notes on "Local-First" Software"',
	"[Draft] notes",
	"@mention",
	"&amp; more",
	"*bold*",
	"!important",
	"`code`",
	"|",
	">",
	"2024-02-27 01:30:06",
	"2024-08-02T10:15:00.000Z",
	"30/07/2024 14:05",
	"03/04/2024",
	"March 1, 2024",
	"unknown",
	"INBOX",
	"READING",
	"yes",
	"'single'",
	"#comment",
	"x # trailing comment",
	"[a, b, \"c d\"]",
	"{a: 1}",
	"",
	"逼近 GPT-4 的新模型发布！| 爱范儿",
	"https://omnivore.app/no_url?q=1",
	"https://proxy-prod.omnivore-image-cache.app/320x320,sAbc/https://cdn.example.com/t.jpg",
];
const KEYS = ["title", "author", "tags", "tag", "date_saved", "saved", "date", "date_published", "date_archived", "url", "original_url", "site", "state", "status", "image", "id", "omnivore_error", "custom"];
const frontmatterLine = fc.oneof(
	fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}: ${v}`),
	fc.tuple(fc.constantFrom("tags", "custom"), fc.array(fc.constantFrom("Omnivore", "#rust", "Read Later", "x: y", "2024"), { maxLength: 3 })).map(
		([k, items]) => `${k}:\n${items.map((i) => `  - ${i}`).join("\n")}`,
	),
	fc.tuple(fc.constantFrom("title", "author"), text).map(([k, v]) => `${k}: |\n  ${v.replace(/\n/g, " ")}`),
	fc.constantFrom("# a comment", "", "  continued line", "- a list item", "bad: [unclosed"),
	fc.tuple(fc.constantFrom(...KEYS), text).map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, " ")}`),
);
const note = fc
	.record({
		frontmatter: fc.option(fc.array(frontmatterLine, { maxLength: 8 }), { nil: null }),
		blocks: fc.array(block, { maxLength: 12 }),
		tagged: fc.boolean(),
		crlf: fc.boolean(),
		bom: fc.boolean(),
	})
	.map(({ frontmatter, blocks, tagged, crlf, bom }) => {
		const body = [...(tagged ? ["#Omnivore"] : []), ...blocks].join("\n\n");
		let result = frontmatter === null ? body : `---\n${frontmatter.join("\n")}\n---\n${body}`;
		if (crlf) result = result.replace(/\n/g, "\r\n");
		return bom ? `\uFEFF${result}` : result;
	});

/** The output body is the input body with each reported URL rewrite applied, and nothing else. */
function bodyOnlyChangedAtUrls(input: string, result: TidyResult): void {
	const before = splitNote(input).body;
	const after = splitNote(result.text).body;
	let i = 0;
	let o = 0;
	for (const change of result.report.changes.filter((c) => c.kind === "url-unwrapped")) {
		const at = change.bodyOffset as number;
		expect(at).toBeGreaterThanOrEqual(i);
		expect(before.startsWith(change.from as string, at)).toBe(true);
		const same = before.slice(i, at);
		expect(after.slice(o, o + same.length)).toBe(same);
		expect(after.startsWith(change.to as string, o + same.length)).toBe(true);
		i = at + (change.from as string).length;
		o += same.length + (change.to as string).length;
	}
	expect(after.slice(o)).toBe(before.slice(i));
}

function writtenUrlIsSafe(result: TidyResult): void {
	for (const change of result.report.changes) {
		if (change.kind !== "url-unwrapped" && !(change.kind === "key-changed" && change.key === "image")) continue;
		const written = decodeHtmlEntities((change.to ?? "").replace(/^"|"$/g, ""));
		expect(written).toMatch(/^(?:https?:\/\/|data:image\/)/i);
	}
}

describe("the engine on random notes", () => {
	it("never throws, is idempotent, changes only frontmatter and URLs, writes only safe URLs, keeps YAML valid", () => {
		fc.assert(
			fc.property(note, (input) => {
				const result = tidier.tidy(input);
				const again = tidier.tidy(result.text);
				expect(again.text).toBe(result.text);
				if (!result.report.isOmnivoreNote) {
					expect(result.text).toBe(input);
					return;
				}
				// Unwrapped without a status written, it would no longer be one: left as it was, and said why.
				if (result.report.problems.some((p) => p.code === "only-proxied-images")) {
					expect(result.text).toBe(input);
					expect(tidier.tidy(tidier.unwrapImages(input).text).report.isOmnivoreNote).toBe(false);
					return;
				}
				bodyOnlyChangedAtUrls(input, result);
				writtenUrlIsSafe(result);
				// The last-resort check after an edit never has to refuse one: that would be an editor bug.
				expect(result.report.problems.map((p) => p.message).filter((m) => m.includes("could not be edited safely"))).toEqual([]);
				if (input.startsWith("\uFEFF")) expect(result.text.startsWith("\uFEFF")).toBe(true);
				const inputBlock = readFrontmatterBlock(splitNote(input));
				const outputParts = splitNote(result.text);
				if ((inputBlock.kind === "mapping" || inputBlock.kind === "none") && outputParts.frontmatter) {
					expect(parseFrontmatter(outputParts.frontmatter.yaml.replace(/\r\n/g, "\n")).kind).toBe("mapping");
				}
				if (inputBlock.kind === "invalid" || inputBlock.kind === "not-mapping" || inputBlock.kind === "anchored") {
					expect(outputParts.frontmatter?.yaml).toBe(splitNote(input).frontmatter?.yaml);
				}
			}),
			{ seed: SEED, numRuns: RUNS },
		);
	});

	it("lists a note in the queue the same before and after a tidy, whatever the case of its keys", () => {
		const spell = (key: string, how: number) => (how === 0 ? key : how === 1 ? key[0].toUpperCase() + key.slice(1) : key.toUpperCase());
		fc.assert(
			fc.property(note, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 8 }), (input, cases) => {
				// A tag that is a proxied image address is split at its comma as a list of tags: not a shape notes have.
				fc.pre(!/^tags?:.*omnivore-image-cache/im.test(input));
				let k = 0;
				const cased = input.replace(/^([a-z_]+):/gm, (_, key: string) => `${spell(key, cases[k++ % cases.length])}:`);
				const once = tidier.tidy(cased);
				expect(tidier.tidy(once.text).text).toBe(once.text);
				// The same tags, in any order (one order merges two keys, the other reads them as written).
				const listed = (text: string) => {
					const item = buildQueueItem("a.md", text, tidier.options, tidier.proxy);
					return item && { ...item, tags: [...item.tags].sort() };
				};
				expect(listed(once.text)).toEqual(listed(cased));
			}),
			{ seed: SEED + 3, numRuns: Math.ceil(RUNS / 5) },
		);
	});

	it("leaves notes with neither the tag nor a fingerprint exactly as they are", () => {
		fc.assert(
			fc.property(note, (input) => {
				const untagged = input.replace(/#omnivore/gi, "#other").replace(/\bOmnivore\b/g, "Other").replace(/omnivore\.app/gi, "example.org");
				expect(tidier.tidy(untagged).text).toBe(untagged);
			}),
			{ seed: SEED + 1, numRuns: Math.ceil(RUNS / 5) },
		);
	});

	it("unwraps images in any note without touching anything else", () => {
		fc.assert(
			fc.property(note, (input) => {
				const result = tidier.unwrapImages(input);
				expect(splitNote(result.text).frontmatter?.yaml).toBe(splitNote(input).frontmatter?.yaml);
				bodyOnlyChangedAtUrls(input, result);
				writtenUrlIsSafe(result);
				expect(tidier.unwrapImages(result.text).text).toBe(result.text);
			}),
			{ seed: SEED + 2, numRuns: Math.ceil(RUNS / 5) },
		);
	});
});
