// What a code block left open hides (the article's fence cut short): proxied images, or the note's
// Omnivore links themselves. Said, never edited.
import { buildQueueItem, NoteTidier } from "../../src/core";

const tidier = new NoteTidier();
const PROXY = "https://proxy-prod.omnivore-image-cache.app/0x0,sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A/";
const HEAD = "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstatus: unread\n---\n# Routers\n#Omnivore\n\n";

describe("proxied images in a code block left open", () => {
	const open = `${HEAD}![](${PROXY}https://a.example/one.png)\n\n\`\`\`routeros\n/ip address print\n\n## Next part\n\n![](${PROXY}https://a.example/two.png)\n![](${PROXY}https://a.example/three.png)\n`;

	it("are left as they are, and reported at the block's first line, with how to mend it", () => {
		const result = tidier.tidy(open);
		expect(result.text).toContain("![](https://a.example/one.png)");
		expect(result.text).toContain(`![](${PROXY}https://a.example/two.png)`);
		expect(result.report.problems).toEqual([
			{
				code: "open-code-block",
				line: 10,
				message:
					"2 proxied images were left on Omnivore's dead proxy: the code block that opens on this line is never closed (the article's, cut short), so Obsidian shows the rest of the note as code, which tidy never edits. Close it with a line of three backticks where its code ends, and tidy again.",
			},
		]);
		expect(open.split("\n")[9]).toBe("```routeros");
		// The queue warns of them, before and after a tidy.
		expect(buildQueueItem("a.md", open, tidier.options, tidier.proxy)?.hasImageProblems).toBe(true);
		expect(buildQueueItem("a.md", result.text, tidier.options, tidier.proxy)?.hasImageProblems).toBe(true);
	});

	it("in a block that is closed, even on the note's last line, are images in code; an open block without them is no problem", () => {
		const closed = `${HEAD}\`\`\`\n![](${PROXY}https://a.example/sample.png)\n\`\`\``;
		const result = tidier.tidy(closed);
		expect(result.text).toContain(`![](${PROXY}https://a.example/sample.png)`);
		expect(result.report.problems.map(({ code }) => code)).toEqual(["images-in-code"]);
		expect(buildQueueItem("a.md", closed, tidier.options, tidier.proxy)?.hasImageProblems).toBe(true);
		expect(tidier.tidy(`${HEAD}\`\`\`\nno images here\n`).report.problems).toEqual([]);
	});
});

describe("proxied images in closed code", () => {
	// An article whose code block held a fenced block of its own: the inner fence, flattened, closes the
	// outer block early, and the outer block's closing fence then opens a block that the next fence
	// closes (real: a Freedium copy in zubayrali/vault-template). The image between them stands in code.
	const article =
		`${HEAD}Make the index note:\n\n\`\`\`clean\n# Index\n\`\`\`dataview\nTABLE file.link\n\`\`\`\n\`\`\`\n\n` +
		`![a](${PROXY}https://a.example/a.png)\n\nText.\n\n\`\`\`\n\n![b](${PROXY}https://a.example/b.png)\n`;

	it("are left, reported at the first one's line, and the queue warns of them", () => {
		const result = tidier.tidy(article);
		// The body as it was but for the image outside code; only the frontmatter gains the title.
		const body = (text: string) => text.slice(text.indexOf("# Routers"));
		expect(body(result.text)).toBe(body(article).replace(`![b](${PROXY}`, "![b]("));
		const lines = article.split("\n");
		expect(result.report.problems.map(({ code, line, message }) => ({ code, text: lines[(line ?? 0) - 1], message }))).toEqual([
			{
				code: "images-in-code",
				text: `![a](${PROXY}https://a.example/a.png)`,
				message:
					"1 proxied image was left on Omnivore's dead proxy because it stands in code (from this line on), which tidy never edits. If that code is the article's text, put in code by a broken fence or an indent of four spaces, mend it and tidy again.",
			},
		]);
		expect(buildQueueItem("a.md", article, tidier.options, tidier.proxy)?.hasImageProblems).toBe(true);
		expect(buildQueueItem("a.md", result.text, tidier.options, tidier.proxy)?.hasImageProblems).toBe(true);
	});

	it("are counted together, in blocks and spans, apart from those of a block left open", () => {
		const body = `\`\`\`\n![](${PROXY}https://a.example/1.png)\n![](${PROXY}https://a.example/2.png)\n\`\`\`\n\nSee \`${PROXY}https://a.example/3.png\`.\n\n\`\`\`\n![](${PROXY}https://a.example/4.png)\n`;
		const problems = tidier.tidy(HEAD + body).report.problems;
		expect(problems.map(({ code, line }) => ({ code, line }))).toEqual([
			{ code: "images-in-code", line: 9 },
			{ code: "open-code-block", line: 15 },
		]);
		expect(problems[0].message).toMatch(/^3 proxied images were left .* because they stand in code/);
		expect(problems[1].message).toMatch(/^1 proxied image was left/);
	});
});

describe("Omnivore links in a code block left open", () => {
	// An article's ASCII diagram opens a tilde fence that a line with text after it cannot close
	// (real: a Linux kernel document saved with a custom template's `# links` section at its end).
	const head = "---\nid: a1d12234-5991-4220-b61e-1e50811e4756\ntitle: Control Group v2\nstate: INBOX\n---\n\n# Control Group v2\n\n";
	const diagram = "~~~~~~~~~~~~~ - C0 - C00\n~ cgroup    ~      \\ C01\n~~~~~~~~~~~~~ - C1 - C10\n\nMore text.\n\n";
	const links = "# links\n[Read on Omnivore](https://omnivore.app/me/control-group-v-2-18cfa6901d6)\n[Read Original](https://www.kernel.org/doc/cgroup-v2.html)\n";

	it("leave the note as it is, said at the block's first line, with how to mend it", () => {
		const note = head + diagram + links;
		const result = tidier.tidy(note);
		expect(result.text).toBe(note);
		expect(result.report.isOmnivoreNote).toBe(false);
		expect(result.report.problems.map(({ code, line }) => ({ code, line }))).toEqual([{ code: "open-code-block", line: 9 }]);
		expect(result.report.problems[0].message).toMatch(/^This looks like an Omnivore note, but its Omnivore links are inside a code block that opens on this line and is never closed/);
		expect(note.split("\n")[8]).toBe("~~~~~~~~~~~~~ - C0 - C00");
		// Closed, it is an Omnivore note like any other.
		const mended = head + diagram.replace("More text.", "~~~~~~~~~~~~~\nMore text.") + links;
		expect(tidier.tidy(mended).report).toMatchObject({ isOmnivoreNote: true, problems: [] });
	});

	it("say nothing of a note that would not be an Omnivore note were the block closed", () => {
		// No id Omnivore gave, no label: a note of one's own quoting a link in code.
		const own = "# Notes\n\n```\nsee https://omnivore.app/me/control-group-v-2-18cfa6901d6\n";
		expect(tidier.tidy(own).report.problems).toEqual([]);
		expect(tidier.tidy(head + links + "\n```\ncode of one's own\n").report.problems).toEqual([]);
	});
});
