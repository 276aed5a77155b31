// Where a body holds what reading time leaves out (code, images, link targets, HTML tags), as
// ranges of the body itself: the same parts `readableText` removes with patterns from the body
// without its code, found without building those copies of the text.

import type { TextRange } from "../markdown/codeRanges";
import { opensTag } from "./markupSpans";

/**
 * Sorted, disjoint ranges of the body, each read as a space (an empty one is a space put in).
 * Patterns that `readableText` applies one after the other are applied here to "the body with these
 * ranges read as spaces": a character of the body counts only where no range covers it.
 */
export class UnreadRanges {
	private constructor(
		private readonly text: string,
		readonly ranges: TextRange[],
	) {}

	/** The body with its code read as spaces (overlapping or touching ranges merged: still one space). */
	static ofCode(text: string, code: TextRange[]): UnreadRanges {
		const merged: TextRange[] = [];
		// Ranges that start together merge in either order.
		for (const range of [...code].sort((a, b) => a.start - b.start)) {
			const last = merged.at(-1);
			if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
			else merged.push({ start: range.start, end: range.end });
		}
		return new UnreadRanges(text, merged);
	}

	/** The first range that ends after `at`, by binary search. */
	private firstEndingAfter(at: number): number {
		let low = 0;
		let high = this.ranges.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.ranges[mid].end <= at) low = mid + 1;
			else high = mid;
		}
		return low;
	}

	/** Whether a range covers the character at `at`. */
	covers(at: number): boolean {
		const range = this.ranges[this.firstEndingAfter(at)];
		return range !== undefined && range.start <= at;
	}

	/** Whether a range (a space) stands right before the character at `at`. */
	startsAt(at: number): boolean {
		let low = 0;
		let high = this.ranges.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.ranges[mid].start < at) low = mid + 1;
			else high = mid;
		}
		return this.ranges[low]?.start === at;
	}

	/** Where `character` next stands uncovered, from `from`; -1 when nowhere. */
	private next(character: string, from: number): number {
		let at = this.text.indexOf(character, from);
		// Stryker disable next-line ConditionalExpression: covers(-1) is false as well (no range starts before the text)
		while (at !== -1 && this.covers(at)) at = this.text.indexOf(character, this.ranges[this.firstEndingAfter(at)].end);
		return at;
	}

	/** Whether the uncovered character at `at` is followed by `character`, not by a range. */
	private followedBy(at: number, character: string): boolean {
		return this.text[at + 1] === character && !this.startsAt(at + 1);
	}

	/** Whether `literal` stands anywhere uncovered (its first character uncovered: erring on the side of yes). */
	hasUncovered(literal: string): boolean {
		for (let at = this.text.indexOf(literal); at !== -1; at = this.text.indexOf(literal, at + 1)) if (!this.covers(at)) return true;
		return false;
	}

	/** The same with each match of a pattern `open … close` read as a space, as `String.replace` finds them. */
	private withMatches(find: (from: number) => { start: number; end: number } | "none-later" | "not-here", opener: string): UnreadRanges {
		const found: TextRange[] = [];
		for (let at = this.next(opener, 0); at !== -1; ) {
			const match = find(at);
			if (match === "none-later") break;
			if (match === "not-here") at = this.next(opener, at + 1);
			else {
				found.push(match);
				at = this.next(opener, match.end);
			}
		}
		// Stryker disable next-line ConditionalExpression: absorbing no match gives the same ranges (this spares a copy)
		return found.length === 0 ? this : new UnreadRanges(this.text, absorb(this.ranges, found));
	}

	/** `!\[[^\]]*\]\([^)]*\)`: an image. */
	withImages(): UnreadRanges {
		return this.withMatches((at) => {
			if (!this.followedBy(at, "[")) return "not-here";
			const close = this.next("]", at + 2);
			if (close === -1) return "none-later";
			if (!this.followedBy(close, "(")) return "not-here";
			const end = this.next(")", close + 2);
			return end === -1 ? "none-later" : { start: at, end: end + 1 };
		}, "!");
	}

	/** `\]\([^)]*\)`: a link's target. */
	withLinkTargets(): UnreadRanges {
		return this.withMatches((at) => {
			if (!this.followedBy(at, "(")) return "not-here";
			const end = this.next(")", at + 2);
			return end === -1 ? "none-later" : { start: at, end: end + 1 };
		}, "]");
	}

	/** `<[A-Za-z/!][^>]*>`: an HTML tag (its name's first character uncovered). */
	withHtmlTags(): UnreadRanges {
		return this.withMatches((at) => {
			if (!opensTag(this.text.charCodeAt(at + 1)) || this.startsAt(at + 1)) return "not-here";
			const end = this.next(">", at + 1);
			return end === -1 ? "none-later" : { start: at, end: end + 1 };
		}, "<");
	}
}

/** `ranges` with `matches` added and the ranges inside a match dropped (a match starts and ends uncovered). */
function absorb(ranges: TextRange[], matches: TextRange[]): TextRange[] {
	const out: TextRange[] = [];
	let r = 0;
	for (const match of matches) {
		while (r < ranges.length && ranges[r].end <= match.start) out.push(ranges[r++]);
		while (r < ranges.length && ranges[r].start < match.end) r++;
		out.push(match);
	}
	while (r < ranges.length) out.push(ranges[r++]);
	return out;
}
