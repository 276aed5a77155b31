// The queue skips a note without parsing it when its text holds no mark the detector looks for:
// that pre-check must never turn away a note the detector would take.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateVault } from "../../../bench/generateVault";
import { readFrontmatterBlock } from "../../../src/core/frontmatter/readBlock";
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";
import { splitNote } from "../../../src/core/note";
import { detectOmnivoreNote, mayHoldOmnivoreMarks } from "../../../src/core/omnivore/detect";
import { buildOmnivoreLinks } from "../../../src/core/omnivore/urls";
import { resolveOptions, type TidyOptions } from "../../../src/core/options";
import { buildProxyMatcher } from "../../../src/core/proxyUrls";

function both(text: string, given: Partial<TidyOptions> = {}) {
	const options = resolveOptions(given);
	const parts = splitNote(text);
	const detected = detectOmnivoreNote({ parts, frontmatter: readFrontmatterBlock(parts), code: findCodeRanges(parts.body) }, { options, links: buildOmnivoreLinks(options.omnivoreHosts), proxy: buildProxyMatcher() }).kind;
	return { detected, mayHold: mayHoldOmnivoreMarks(text, parts.frontmatter?.yaml ?? null, options) };
}

function markdownFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith(".md") ? [path] : [];
	});
}

const SETTINGS: Array<Partial<TidyOptions>> = [{}, { match: "tag" }, { tagName: "Sources/Omnivore" }, { tagName: "#reading" }, { omnivoreHosts: ["read.example.org"] }];

describe("mayHoldOmnivoreMarks", () => {
	it("holds for every note the detector takes, under every setting (generated vault and fixtures)", () => {
		const texts = [...[...generateVault(300, { seed: 12, maxBytes: 6000 })].map((n) => n.text), ...markdownFiles(join(__dirname, "../../fixtures/notes")).map((f) => readFileSync(f, "utf8"))];
		for (const settings of SETTINGS) {
			for (const text of texts) {
				const { detected, mayHold } = both(text, settings);
				if (detected !== "none") expect([settings, text.slice(0, 80), mayHold]).toEqual([settings, text.slice(0, 80), true]);
			}
		}
	});

	it.each([
		["a tag in capitals", "# T\n#OMNIVORE\n[Read Original](https://a.example/p)\n", {}],
		["a tag spelt with a YAML escape", '---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntags: ["\\u004Fmnivore"]\n---\n# T\n', {}],
		["a link spelt with YAML escapes", '---\nomnivore_url: "https:\\/\\/omnivore.app\\/me\\/t-1"\n---\n# T\n', {}],
		["an escaped link", "[Read on Omnivore](https:&#x2F;&#x2F;OMNIVORE.APP&#x2F;me&#x2F;t-1)\n", {}],
		["a self-hosted link", "[Read on Omnivore](https://read.example.org/me/t-1)\n", { omnivoreHosts: ["read.example.org"] }],
		["a nested tag setting", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#sources/omnivore/article\n", { tagName: "Sources/Omnivore" }],
		["a tag setting with spaces around it", "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n", { tagName: " #Omnivore " }],
	])("holds for %s", (_name, text, settings: Partial<TidyOptions>) => {
		expect(both(text, settings)).toEqual({ detected: "article", mayHold: true });
	});

	it("turns away notes with no mark at all, which the queue then does not parse", () => {
		expect(both("---\ntitle: My own note\ntags: [reading]\n---\n# Mine\n\nA link: [x](https://example.com).\n").mayHold).toBe(false);
		expect(both("# Link only\n[Read](https://omnivore.app/me/t-1)\n", { match: "tag", tagName: "reading-list" })).toEqual({ detected: "none", mayHold: false });
	});
});
