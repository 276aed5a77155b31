// A journal entry holds only what a tidy replaced, and rebuilds the note exactly from it.

import { FakeDataAdapter } from "../../__mocks__/obsidian";
import { NoteTidier } from "../../../src/core";
import { Journal } from "../../../src/core/journal/journal";
import { decideRestore } from "../../../src/core/journal/restore";

const PROXY = "https://proxy-prod.omnivore-image-cache.app/";

async function recordTidy(before: string) {
	const result = new NoteTidier().tidy(before);
	const journal = new Journal(new FakeDataAdapter(), "journal");
	await (await journal.begin("tidy")).record("Omnivore/Note.md", before, result.text, result.report.changes);
	const [entry] = (await journal.latest())?.entries ?? [];
	return { after: result.text, entry };
}

describe("compact journal entries", () => {
	it("of a note whose only change is in its body hold the old image URLs and none of the frontmatter", async () => {
		const before = [
			"---",
			"title: A long read",
			"tags:",
			"  - omnivore",
			"status: unread",
			"---",
			"# A long read",
			"",
			`![](${PROXY}0x0,sAbC-1/https://cdn.example.com/one.png)`,
			`![](${PROXY}640x0,sAbC-2/https%3A%2F%2Fcdn.example.com%2Ftwo.png)`,
			"",
		].join("\n");
		const { after, entry } = await recordTidy(before);
		expect(after).not.toBe(before);
		expect(entry.before).toBeUndefined();
		expect(entry.edits?.map(([, , text]) => text)).toEqual([
			`${PROXY}0x0,sAbC-1/https://cdn.example.com/one.png`,
			`${PROXY}640x0,sAbC-2/https%3A%2F%2Fcdn.example.com%2Ftwo.png`,
		]);
		expect(decideRestore(after, [entry])).toEqual({ kind: "restore", text: before });
	});

	it("of a note with a proxied thumbnail and proxied images rebuild it exactly", async () => {
		const before = [
			"---",
			"title: Photos",
			`image: ${PROXY}320x320,sXyZ/https://cdn.example.com/cover.jpg`,
			"tags:",
			"  - omnivore",
			"---",
			`![a](${PROXY}0x0,sXyZ/https://cdn.example.com/a.jpg) and ![b](${PROXY}0x0,sXyZ/https://cdn.example.com/bb.jpg)`,
			"",
		].join("\r\n");
		const { after, entry } = await recordTidy(before);
		expect(after).toContain("image: https://cdn.example.com/cover.jpg");
		expect(entry.before).toBeUndefined();
		expect(entry.edits).toHaveLength(3);
		expect(decideRestore(after, [entry])).toEqual({ kind: "restore", text: before });
	});
});
