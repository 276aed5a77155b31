// Search over the queue: every word of the query, in any order, in the title, author, site or tags;
// ranked so that titles holding the words come first. Plain substring tests, so 50,000 articles
// are searched within a frame (a fuzzy matcher is documented as slow beyond a few thousand).

/** The words of a query, lowercased, without a leading `#` (so `#rust` finds the tag). */
export function searchWords(query: string): string[] {
	const words = query
		.toLowerCase()
		// Stryker disable next-line Regex: single spaces split the same once empty words are dropped
		.split(/\s+/)
		.map((word) => word.replace(/^#/, ""))
		.filter((word) => word !== "");
	return [...new Set(words)];
}

/**
 * Whether `at` starts a word in `text` (lower-cased): the start, or after an ASCII space or punctuation
 * mark, not after a digit, a letter or any character beyond ASCII. Character codes rather than a
 * Unicode regex: this runs for every match on every keystroke.
 */
function atWordStart(text: string, at: number): boolean {
	if (at === 0) return true;
	const code = text.charCodeAt(at - 1);
	const digit = code >= 48 && code <= 57;
	const letter = code >= 97 && code <= 122;
	// Stryker disable next-line EqualityOperator: 128 is a control character, never before a word in a title
	return code < 128 && !digit && !letter;
}

/** Points for one word: in the title beats elsewhere, and the start of a word beats its middle. */
function wordScore(word: string, title: string, others: string): number {
	const inTitle = title.indexOf(word);
	if (inTitle !== -1) return atWordStart(title, inTitle) ? 4 : 3;
	const inOthers = others.indexOf(word);
	if (inOthers !== -1) return atWordStart(others, inOthers) ? 2 : 1;
	return 0;
}

/** The highest score a query of `wordCount` words can reach (the number of rank buckets less one). */
export function maxSearchScore(wordCount: number): number {
	return wordCount * 4;
}

/**
 * How well an article matches (both texts lowercased), 0 when a word is missing. Each word scores
 * 1 to 4, so a query of n words scores between n and 4n.
 */
export function searchScore(words: readonly string[], title: string, others: string): number {
	let score = 0;
	for (const word of words) {
		const points = wordScore(word, title, others);
		if (points === 0) return 0;
		score += points;
	}
	return score;
}

/**
 * One text per item (titles, or author, site and tags), joined into one string so that a word is
 * found by one walk of `indexOf` over all of them rather than a call per item: a keystroke then costs
 * little more than the matches it finds. Texts are joined by a line break, which no query word holds,
 * so a match never spans two items and a text's start is a word start, as `atWordStart` says of 0.
 */
export class SearchColumn {
	private readonly text: string;
	/** Where each text starts in `text`, and one past the end. */
	private readonly starts: Int32Array;

	constructor(texts: readonly string[]) {
		this.starts = new Int32Array(texts.length + 1);
		let at = 0;
		for (let i = 0; i < texts.length; i++) {
			this.starts[i] = at;
			at += texts[i].length + 1;
		}
		this.starts[texts.length] = at;
		// Stryker disable next-line StringLiteral: any white space does, as no query word holds one
		this.text = texts.join("\n");
	}

	get size(): number {
		// Stryker disable next-line ArithmeticOperator: a longer array of scores only holds zeros past the items
		return this.starts.length - 1;
	}

	/** Calls `found` for each text holding `word` (no spaces), once, for its first occurrence. */
	eachFirstMatch(word: string, found: (index: number, wordStart: boolean) => void): void {
		const { text, starts } = this;
		let index = 0;
		for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, starts[index + 1])) {
			while (starts[index + 1] <= at) index++;
			found(index, atWordStart(text, at));
		}
	}
}

/** `wordScore` of one word for every item at once, 0 where it is missing. */
export function wordScores(word: string, titles: SearchColumn, others: SearchColumn): Uint8Array {
	const scores = new Uint8Array(titles.size);
	titles.eachFirstMatch(word, (index, wordStart) => {
		scores[index] = wordStart ? 4 : 3;
	});
	others.eachFirstMatch(word, (index, wordStart) => {
		if (scores[index] === 0) scores[index] = wordStart ? 2 : 1;
	});
	return scores;
}

/** Where the query's words occur in a text, as sorted, merged [start, end) ranges, for highlighting. */
export function searchMatches(text: string, words: readonly string[]): Array<[number, number]> {
	const lower = text.toLowerCase();
	// Lowercasing that changes the length (a few Unicode letters) would shift every range: skip those.
	if (lower.length !== text.length) return [];
	const ranges: Array<[number, number]> = [];
	for (const word of words) {
		for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const merged: Array<[number, number]> = [];
	for (const range of ranges) {
		const last = merged[merged.length - 1];
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([range[0], range[1]]);
	}
	return merged;
}
