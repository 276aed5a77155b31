// Refuses frontmatter nested deeper than any real note, before a parser or a pattern reads it.

// Real frontmatter nests a few levels. Far deeper text (`tags: [[[...` thousands deep, or a line of
// thousands of `: `, each a map inside the last) would exhaust the parser's stack or a pattern's
// memory: it is refused before anything reads it.
const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 256;
/** Block collections a line may open: `- ` and `? ` at its start, and `: ` (or `:` at its end) outside quotes and brackets. */
const MAX_BLOCKS_IN_A_LINE = 64;

/** Whether a block nests deeper than any real frontmatter, by a linear scan of its text. */
export function isTooDeeplyNested(yaml: string): boolean {
	let depth = 0;
	let quote: string | null = null;
	let lineStart = true;
	let indent = 0;
	let blocks = 0;
	// Stryker disable next-line EqualityOperator: a step past the end reads no character.
	for (let i = 0; i < yaml.length; i++) {
		const ch = yaml[i];
		if (ch === "\n") {
			lineStart = true;
			indent = 0;
			blocks = 0;
			if (quote === "'") quote = null;
			continue;
		}
		if (lineStart) {
			if (ch === " " || ch === "\t") {
				if (++indent > MAX_INDENT) return true;
				continue;
			}
			if ((ch === "-" || ch === "?") && (yaml[i + 1] === " " || yaml[i + 1] === "\t")) {
				if (++blocks > MAX_BLOCKS_IN_A_LINE) return true;
				continue;
			}
			lineStart = false;
		}
		if (quote !== null) {
			if (ch === quote) quote = null;
			else if (ch === "\\" && quote === '"') i++;
			continue;
		}
		if (ch === '"' || (ch === "'" && depth > 0)) quote = ch;
		else if (ch === "[" || ch === "{") {
			if (++depth > MAX_FLOW_DEPTH) return true;
		} else if ((ch === "]" || ch === "}") && depth > 0) depth--;
		else if (ch === ":" && depth === 0 && (yaml[i + 1] === " " || yaml[i + 1] === "\t" || yaml[i + 1] === "\n" || i + 1 === yaml.length)) {
			if (++blocks > MAX_BLOCKS_IN_A_LINE) return true;
		}
		else if (ch === "#" && (i === 0 || /\s/.test(yaml[i - 1]))) {
			const end = yaml.indexOf("\n", i);
			i = end === -1 ? yaml.length : end - 1;
		}
	}
	return false;
}
