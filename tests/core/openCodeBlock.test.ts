// Proxied images a code block left open hides (the article's fence cut short): said, never edited.
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

	it("are no problem in a block that is closed, even on the note's last line, nor an open block without them", () => {
		const closed = `${HEAD}\`\`\`\n![](${PROXY}https://a.example/sample.png)\n\`\`\``;
		expect(tidier.tidy(closed).report.problems).toEqual([]);
		expect(buildQueueItem("a.md", closed, tidier.options, tidier.proxy)?.hasImageProblems).toBe(false);
		expect(tidier.tidy(`${HEAD}\`\`\`\nno images here\n`).report.problems).toEqual([]);
	});
});
