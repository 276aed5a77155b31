// A frontmatter block whose lines end in both ways (`\n` and `\r\n`, as a note edited on two systems
// can be): the engine edits it with `\n` throughout, and each line it did not change gets its own
// line ending back, so that only the lines it changed differ.

import { diffArrays } from "diff";

/** Whether a text holds both `\r\n` and a `\n` without `\r`. */
export function hasMixedLineEndings(text: string): boolean {
	return text.includes("\r\n") && /(?:^|[^\r])\n/.test(text);
}

/** The lines of a text, each with its line break (the last may have none). */
function linesOf(text: string): string[] {
	// Stryker disable next-line ArrayDeclaration: only an empty text matches nothing, and it holds no mix of line endings
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const endingOf = (line: string): string => (line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "");
const contentOf = (line: string): string => line.slice(0, line.length - endingOf(line).length);

/**
 * `edited` (with `\n` line breaks) with each line that is one of `original`'s, in the same order, ended
 * as it was there; the lines the edit added or changed end as most of `original`'s lines do.
 */
export function withOriginalLineEndings(original: string, edited: string): string {
	const before = linesOf(original);
	const after = linesOf(edited);
	const crlf = before.filter((line) => line.endsWith("\r\n")).length;
	const usual = crlf * 2 >= before.length ? "\r\n" : "\n";
	const out: string[] = [];
	let at = 0;
	let from = 0;
	for (const part of diffArrays(before.map(contentOf), after.map(contentOf))) {
		const count = part.value.length;
		if (part.added) {
			for (const line of after.slice(at, at + count)) out.push(contentOf(line) + (endingOf(line) && usual));
			at += count;
		} else if (part.removed) {
			from += count;
		} else {
			// Kept lines end as they did, but a last line given a break (or left without one) ends as edited.
			for (let i = 0; i < count; i++) {
				const line = after[at + i];
				const old = before[from + i];
				out.push(contentOf(line) + (endingOf(line) && (endingOf(old) || usual)));
			}
			at += count;
			from += count;
		}
	}
	return out.join("");
}
