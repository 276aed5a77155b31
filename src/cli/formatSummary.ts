// Turns a vault report into the text the CLI prints: a summary, problems grouped by kind, optional diffs.

import { createTwoFilesPatch } from "diff";
import { PROBLEM_TITLES, type ProblemCode } from "../core";
import type { VaultReport } from "./tidyVault";

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

export function formatSummary(report: VaultReport): string {
	const lines: string[] = [];
	const verb = report.dryRun ? "would change" : "changed";
	lines.push(
		`Scanned ${plural(report.scanned, "note")} in ${report.vault}: ${plural(report.omnivoreNotes, "Omnivore note")}, ${report.changed} ${verb}.`,
	);
	lines.push(`  Properties ${report.dryRun ? "to fix" : "fixed"}: ${report.keysChanged}`);
	lines.push(`  Image URLs ${report.dryRun ? "to unwrap" : "unwrapped"}: ${report.urlsUnwrapped}`);
	if (report.dryRun) lines.push("  Dry run: no file was written.");

	const groups = new Map<ProblemCode, string[]>();
	for (const note of report.notes) {
		for (const problem of note.problems) {
			const where = problem.line ? `${note.path}:${problem.line}` : note.path;
			const list = groups.get(problem.code) ?? [];
			list.push(`${where}: ${problem.message}`);
			groups.set(problem.code, list);
		}
	}
	const total = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
	if (total === 0) {
		lines.push("No problems.");
	} else {
		lines.push("", `Problems left for you (${total}):`);
		for (const [code, list] of groups) {
			lines.push(`  ${PROBLEM_TITLES[code]} [${code}] (${list.length})`);
			for (const entry of list) lines.push(`    ${entry}`);
		}
	}
	return lines.join("\n") + "\n";
}

export function formatDiffs(report: VaultReport): string {
	return report.notes
		.filter((note) => note.before !== undefined && note.after !== undefined)
		.map((note) => createTwoFilesPatch(`a/${note.path}`, `b/${note.path}`, note.before as string, note.after as string, "", "", { context: 3 }))
		.join("\n");
}

/** The full report for `--json`, without the notes' texts. */
export function toJson(report: VaultReport): string {
	const notes = report.notes.map(({ before: _before, after: _after, ...rest }) => rest);
	return JSON.stringify({ ...report, notes }, null, 2) + "\n";
}
