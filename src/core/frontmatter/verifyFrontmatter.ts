// The read-back check: an edited block is parsed again and must hold exactly the values the editor expects.

import { readSimpleBlock } from "./simpleBlock";
import { anchorsOf, firstProblem, parseTokens, toValues } from "./yamlDocument";

const DOES_NOT_READ_BACK = "the edited block does not read back as intended";

/** Re-read edited YAML and confirm it holds exactly the expected values: the last guard against damage. */
export function verifyFrontmatter(yaml: string, expected: Record<string, unknown>): string | null {
	// What the engine writes is almost always of the simple shape, read without the library (which
	// would read it the same: the reader accepts only text whose meaning is beyond doubt).
	const simple = readSimpleBlock(yaml);
	// Stryker disable next-line ConditionalExpression: see above
	if (simple) return deepEqual(simple, expected) ? null : DOES_NOT_READ_BACK;
	const { doc } = parseTokens(yaml);
	if (!doc) return Object.keys(expected).length === 0 ? null : "the edited block is empty";
	const problem = firstProblem(doc);
	if (problem) return problem;
	if (anchorsOf(doc, yaml).length > 0) return "the edited block holds an anchor or alias";
	const actual: unknown = toValues(doc) ?? {};
	return deepEqual(actual, expected) ? null : DOES_NOT_READ_BACK;
}

function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aKeys = Object.keys(a);
	const bKeys = Object.keys(b);
	if (aKeys.length !== bKeys.length) return false;
	const bRecord = b as Record<string, unknown>;
	const aRecord = a as Record<string, unknown>;
	return aKeys.every((key) => key in bRecord && deepEqual(aRecord[key], bRecord[key]));
}
