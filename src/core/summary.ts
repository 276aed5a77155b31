// How runs are summed up, in one place for the plugin and the CLI: counts of changes, problems
// grouped by kind, and plural words.

import type { Change, Problem, ProblemCode } from "./report";

export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

export interface ChangeCounts {
	/** Properties changed, added, removed or renamed; a repaired frontmatter counts as one. */
	properties: number;
	imageUrls: number;
}

export function countChanges(changes: readonly Change[]): ChangeCounts {
	let properties = 0;
	let imageUrls = 0;
	for (const change of changes) {
		if (change.kind === "url-unwrapped") imageUrls++;
		else if (change.kind.startsWith("key-") || change.kind === "frontmatter-repaired") properties++;
	}
	return { properties, imageUrls };
}

export function addCounts(a: ChangeCounts, b: ChangeCounts): ChangeCounts {
	return { properties: a.properties + b.properties, imageUrls: a.imageUrls + b.imageUrls };
}

/** "3 properties and 2 image URLs", leaving out what is zero ("" when both are). */
export function describeCounts(counts: ChangeCounts): string {
	const parts = [];
	if (counts.properties > 0) parts.push(plural(counts.properties, "property", "properties"));
	if (counts.imageUrls > 0) parts.push(plural(counts.imageUrls, "image URL"));
	return parts.join(" and ");
}

export interface NoteProblems {
	path: string;
	problems: Problem[];
}

export type ProblemGroups = Map<ProblemCode, Array<{ path: string; problem: Problem }>>;

/** Problems grouped by kind, in order of first appearance. */
export function groupProblems(notes: readonly NoteProblems[]): ProblemGroups {
	const groups: ProblemGroups = new Map();
	for (const note of notes) {
		for (const problem of note.problems) {
			const list = groups.get(problem.code) ?? [];
			list.push({ path: note.path, problem });
			groups.set(problem.code, list);
		}
	}
	return groups;
}

export function countProblems(notes: readonly NoteProblems[]): number {
	return notes.reduce((sum, note) => sum + note.problems.length, 0);
}
