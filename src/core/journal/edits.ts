// Compact journal entries: instead of a note's whole previous text, the few edits that turn the text
// written back into it. A tidy changes the frontmatter and some URLs; the rest of the note is the same.

import { splitNote } from "../note";
import type { Change } from "../report";

/** `[start, length, text]`: replace `length` characters at `start` (in the written text) with `text`. */
export type ReverseEdit = [number, number, string];

export function applyReverseEdits(after: string, edits: ReverseEdit[]): string {
	// Edits in order and apart (as `reverseEdits` makes them) are joined in one pass: a note with
	// hundreds of images would otherwise be copied once per edit.
	const pieces: string[] = [];
	let position = 0;
	for (const [start, length, replacement] of edits) {
		// Stryker disable next-line ConditionalExpression,EqualityOperator: edits in order go either way, to the same text; only overlapping ones need this
		if (start < position) return applyOneByOne(after, edits);
		pieces.push(after.slice(position, start), replacement);
		position = start + length;
	}
	pieces.push(after.slice(position));
	return pieces.join("");
}

function applyOneByOne(after: string, edits: ReverseEdit[]): string {
	let text = after;
	for (let i = edits.length - 1; i >= 0; i--) {
		const [start, length, replacement] = edits[i];
		text = text.slice(0, start) + replacement + text.slice(start + length);
	}
	return text;
}

/**
 * The edits from `after` back to `before`, from the engine's report of the URLs it rewrote. Null when
 * they would not reproduce `before` exactly; the caller then keeps the whole text.
 */
export function reverseEdits(before: string, after: string, changes: Change[]): ReverseEdit[] | null {
	const beforeBody = splitNote(before).body;
	const afterBody = splitNote(after).body;
	const beforeHead = before.length - beforeBody.length;
	const afterHead = after.length - afterBody.length;
	const edits: ReverseEdit[] = [];
	if (before.slice(0, beforeHead) !== after.slice(0, afterHead)) edits.push([0, afterHead, before.slice(0, beforeHead)]);
	let shift = afterHead - beforeHead;
	for (const change of changes) {
		// Stryker disable next-line ConditionalExpression,LogicalOperator: only a rewritten body URL or a localized image has an offset, and always a from and a to; each check is there for the types.
		if ((change.kind !== "url-unwrapped" && change.kind !== "image-localized") || change.bodyOffset === undefined || change.from === undefined || change.to === undefined) continue;
		edits.push([beforeHead + change.bodyOffset + shift, change.to.length, change.from]);
		shift += change.to.length - change.from.length;
	}
	return applyReverseEdits(after, edits) === before ? edits : null;
}
