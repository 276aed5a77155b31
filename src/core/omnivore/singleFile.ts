// Omnivore's single-file mode writes every saved article into one note, each between
// `%%{id}_start%%` and `%%{id}_end%%`.

const ARTICLE_START = /%%([^%\n]+)_start%%/g;

/** The ids of the articles a note of single-file mode holds, each once; fewer than two make no such note. */
export function singleFileArticles(body: string): string[] {
	// A fast path: in a body without the marker the pattern finds nothing either. (`%%` alone, rare in
	// notes, is searched for faster than the whole marker.)
	// Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: see above
	if (!body.includes("%%") || !body.includes("_start%%")) return [];
	const ids = [...new Set([...body.matchAll(ARTICLE_START)].map((match) => match[1].trim()))];
	return ids.length > 1 ? ids : [];
}
