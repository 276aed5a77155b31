// How many columns text takes on a terminal, as terminals draw it (wcwidth): East Asian wide
// characters and emoji take two, a mark or a zero-width character none, and a grapheme (a letter
// and its accents, a flag, a family joined by ZWJ) is drawn as one, so it is never cut in two.

// East Asian wide and fullwidth characters: Hangul Jamo, CJK (with the supplementary ideographs of
// planes 2 and 3), Hangul syllables, compatibility ideographs and forms, fullwidth forms.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
// Emoji drawn as pictures: those that are by default, one asked for with VS16, a keycap, a flag.
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\u20E3|\p{Regional_Indicator}/u;
// Marks, format characters (ZWJ, ZWSP, bidi marks) and variation selectors, alone: nothing drawn.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\uFE00-\uFE0F]+$/u;

const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

/** The text's graphemes (its code points where the runtime cannot segment). */
export function graphemes(text: string): string[] {
	return segmenter ? Array.from(segmenter.segment(text), ({ segment }) => segment) : Array.from(text);
}

/** Columns one grapheme takes. */
export function columnsOf(grapheme: string): number {
	if (EMOJI.test(grapheme) || WIDE.test(grapheme)) return 2;
	return ZERO_WIDTH.test(grapheme) ? 0 : 1;
}

/** The text on one line, cut (with …) or padded to exactly `columns` columns. */
export function fitColumns(value: string, columns: number): string {
	// A tab or a line separator in a title would break the row: one space.
	const text = value.replace(/[\t\n\r\u2028\u2029]/g, " ");
	const parts = graphemes(text);
	const total = parts.reduce((sum, grapheme) => sum + columnsOf(grapheme), 0);
	if (total <= columns) return text + " ".repeat(columns - total);
	let out = "";
	// The ellipsis takes one column.
	let used = 1;
	for (const grapheme of parts) {
		const width = columnsOf(grapheme);
		if (used + width > columns) break;
		out += grapheme;
		used += width;
	}
	return `${out}…${" ".repeat(columns - used)}`;
}
