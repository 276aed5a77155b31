// Reads a frontmatter block with the yaml library: its tokens and document, the first problem, anchors, values.

import { Composer, Parser, visit, type CST, type Document } from "yaml";

// `logLevel: "error"`: warnings are read from the document, never printed (a key such as
// `{ date: YYYY-MM-DD }` made the CLI print Node warnings on stderr).
const COMPOSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: "error" } as const;

export function parseTokens(yaml: string): { tokens: CST.Token[]; doc: Document.Parsed | undefined } {
	const tokens = Array.from(new Parser().parse(yaml));
	const docs = withoutStackTraces(() => Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens)));
	return { tokens, doc: docs[0] };
}

/**
 * The library makes an Error object for each problem it finds, and the JavaScript engine records a
 * stack trace for each: on a block full of problems that cost more than the parse itself (0020). Only
 * their messages are read, so the traces are not recorded while it composes.
 */
// Stryker disable all: a speed measure; with or without traces the parse gives the same documents and messages.
function withoutStackTraces<T>(work: () => T): T {
	const errors = Error as { stackTraceLimit?: number };
	const limit = errors.stackTraceLimit;
	try {
		errors.stackTraceLimit = 0;
	} catch {
		// A frozen Error (`node --frozen-intrinsics`): the traces are recorded, which is only slower.
		return work();
	}
	try {
		return work();
	} finally {
		errors.stackTraceLimit = limit;
	}
}
// Stryker restore all

/** The first error or warning (an unknown `!tag`, say), on one line; null when there is none. */
export function firstProblem(doc: Document.Parsed): string | null {
	const problem = doc.errors[0] ?? doc.warnings[0];
	return problem ? problem.message.split("\n")[0] : null;
}

/** The anchors (`&t`) and aliases (`*t`) a document uses, as written. */
export function anchorsOf(doc: Document.Parsed, yaml: string): string[] {
	// Most blocks have neither character: no need to walk the document (walking one finds nothing).
	// Stryker disable next-line ConditionalExpression,StringLiteral: see above
	if (!yaml.includes("&") && !yaml.includes("*")) return [];
	const names: string[] = [];
	visit(doc, {
		Alias(_key, node) {
			names.push(`*${node.source}`);
		},
		Node(_key, node) {
			if (typeof node.anchor === "string") names.push(`&${node.anchor}`);
		},
	});
	return [...new Set(names)];
}

/** Values as plain data; null when they cannot be (an alias to no anchor, too many aliases). */
export function toValues(doc: Document.Parsed): Record<string, unknown> | null {
	try {
		return doc.toJS() as Record<string, unknown>;
	} catch {
		return null;
	}
}
