// A library link counts as a template's only where it stands on its line: alone, as a list item,
// after a label, beside the note's other links; not inside a sentence that quotes it.
import { standsOnItsLine } from "../../../src/core/omnivore/standingLink";

const LIBRARY = "https://omnivore.app/me/rust-in-2023-18c2f4a1b2c";

/** Whether the library address in `text` stands on its line. */
function stands(text: string): boolean {
	const start = text.indexOf(LIBRARY);
	return standsOnItsLine(text, start, start + LIBRARY.length);
}

describe("standsOnItsLine", () => {
	it.each([
		["the default template's line", `[Read on Omnivore](${LIBRARY})`],
		["a list item", ` - [Read on Omnivore](${LIBRARY})`],
		["an ordered list item with a title", `1. [Read on Omnivore](${LIBRARY} "Omnivore")`],
		["after a label", `- Omnivore: [link](${LIBRARY})`],
		["after a bold label", `**Links**: [Omnivore](<${LIBRARY}>) | [Web](https://a.example)`],
		["in bold", `**[Read on Omnivore](${LIBRARY})**`],
		["after an emoji", `🔗 [Read on Omnivore](${LIBRARY})`],
		["after the original's link", `[Read Original](https://a.example/x) | [Read on Omnivore](${LIBRARY})`],
		["before the original's link", `[Read on Omnivore](${LIBRARY}) · [Read Original](https://a.example/x)`],
		["in a table cell", `| [Omnivore](${LIBRARY}) |`],
		["in a callout", `> [!info]\n> [Read on Omnivore](${LIBRARY})\r\n> more`],
		["an autolink", `<${LIBRARY}>`],
		["a bare address", `Intro.\n${LIBRARY}?utm=x\nMore.`],
	])("%s", (_name, text) => {
		expect(stands(text)).toBe(true);
	});

	it.each([
		["in a sentence", `Its plugin wrote [Read on Omnivore](${LIBRARY}) under each title.`],
		["at a sentence's end", `I saved [this](${LIBRARY}).`],
		["a bare address in a sentence", `See ${LIBRARY} for an example`],
		["after a sentence's words", `Read it [here](${LIBRARY})`],
	])("not %s", (_name, text) => {
		expect(stands(text)).toBe(false);
	});

	it("looks no further than a template's line reaches, however long the line", () => {
		for (const filler of ["-", " ", "[x](y) ", "🔗"]) {
			const near = `${filler.repeat(Math.floor(900 / filler.length))}[A](${LIBRARY})${filler.repeat(Math.floor(900 / filler.length))}`;
			expect([filler, stands(near)]).toEqual([filler, true]);
			const far = `${filler.repeat(2000)}[A](${LIBRARY})`;
			expect([filler, stands(far), stands(`[A](${LIBRARY})${filler.repeat(2000)}`)]).toEqual([filler, false, false]);
		}
	});
});
