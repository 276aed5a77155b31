// Proxied images that stand in code, which tidy never edits. In an Omnivore note they are the
// article's own, put in code by fences its conversion broke (an inner fence flattened, so the
// block closes early and opens again below) or by HTML it indented four spaces: the note keeps
// dead images, and says so.

import type { Problem } from "./report";

/** The problem of `count` proxied images in closed code, the first at `line` of the body (the report shifts it to the note's). */
export function imagesInCodeProblem(count: number, line: number): Problem {
	const images = count === 1 ? "1 proxied image was" : `${count} proxied images were`;
	return {
		code: "images-in-code",
		line,
		message: `${images} left on Omnivore's dead proxy because ${count === 1 ? "it stands" : "they stand"} in code (from this line on), which tidy never edits. If that code is the article's text, put in code by a broken fence or an indent of four spaces, mend it and tidy again.`,
	};
}
