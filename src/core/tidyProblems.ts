// The problems tidy reports for a note it leaves (wholly or its frontmatter), each with a sentence that says why.

import type { FrontmatterState } from "./frontmatter/readBlock";
import type { Problem } from "./report";

/**
 * Unwrapped, the note would no longer read as a saved article (its status was not written: the
 * frontmatter cannot be edited, or adding it is turned off), and would leave the queue and later tidies.
 */
export function onlyProxiedImages(): Problem {
	return {
		code: "only-proxied-images",
		message:
			"The note's only sign of a saved Omnivore article is its proxied images: unwrapped, it would no longer count as one, so it was left as it was. Give it a reading status tidy knows (status: unread), and it will be.",
	};
}

export type LeftFrontmatter = Extract<FrontmatterState, { kind: "invalid" | "not-mapping" | "anchored" }>;

export function frontmatterProblem(state: LeftFrontmatter, unwrapped: number): Problem {
	const images = unwrapped > 0 ? ` Images in the body were still unwrapped (${unwrapped}).` : "";
	switch (state.kind) {
		case "invalid":
			return invalidProblem(state, images);
		case "anchored":
			return {
				code: "yaml-anchors",
				line: 1,
				message: `The frontmatter uses YAML anchors or aliases (${state.names.join(", ")}); it was left as it was so their meaning is kept. A value such as "&amp; more" meant as text needs quotes.${images}`,
			};
		case "not-mapping":
			return {
				code: "frontmatter-not-mapping",
				line: 1,
				message: `The frontmatter is ${state.found} rather than properties (Omnivore's single-file mode writes a list); it was left as it was.${images}`,
			};
	}
}

function invalidProblem(state: Extract<FrontmatterState, { kind: "invalid" }>, images: string): Problem {
	const left = `; it was left as it was.${images}`;
	if (state.refused === "too-deep") return { code: "too-deeply-nested", line: 1, message: `The frontmatter is too deeply nested to read safely${left}` };
	if (state.refused === "too-large") return { code: "frontmatter-too-large", line: 1, message: `${state.error}${left}` };
	if (state.refused === "commented-opening") {
		const fix = "Obsidian reads no properties under an opening --- with more on its line; remove the comment to have the note tidied";
		return { code: "invalid-frontmatter", line: 1, message: `The frontmatter's opening line has a comment after its ---: ${fix}${left}` };
	}
	return { code: "invalid-frontmatter", line: 1, message: `The frontmatter is not valid YAML (${state.error}) and could not be repaired${left}` };
}

export function notAnArticle(tagName: string): Problem {
	return {
		code: "not-a-saved-article",
		message: `Tagged #${tagName} but does not look like a saved article (no link to an Omnivore article or Read Original link; no id, article address, save date or reading status; no proxied image); it was left alone.`,
	};
}

/** The engine failed on the note: it is left as it was, and the user told so (and asked to report it). */
export function engineFailed(error: unknown): Problem {
	const reason = error instanceof Error ? error.message : String(error);
	return {
		code: "engine-failed",
		message: `Omnivore Queue failed on this note (${reason}); it was left as it was. Please report it, with the note if you can share it.`,
	};
}

/** A note whose lines end in a carriage return alone, which the engine would read as one line. */
export function crLineEndings(): Problem {
	return {
		code: "cr-line-endings",
		message: "The note's lines end in a carriage return alone (as classic Mac OS wrote them) or in two (CR CR LF, a CRLF file converted again), which tidy does not read; it was left as it was. Convert its line endings to LF or CRLF to have it tidied.",
	};
}
