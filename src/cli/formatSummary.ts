// Turns a vault report into the text the CLI prints: a summary, problems grouped by kind, optional diffs.

import { createTwoFilesPatch } from "diff";
import { groupProblems, plural, PROBLEM_TITLES } from "../core";
import type { VaultReport } from "./tidyVault";

export function formatSummary(report: VaultReport): string {
	const lines: string[] = [];
	const verb = report.dryRun ? "would change" : "changed";
	lines.push(
		`Scanned ${plural(report.scanned, "note")} in ${report.vault}: ${plural(report.omnivoreNotes, "Omnivore note")}, ${report.changed} ${verb}.`,
	);
	lines.push(`  Properties ${report.dryRun ? "to fix" : "fixed"}: ${report.keysChanged}`);
	lines.push(`  Image URLs ${report.dryRun ? "to unwrap" : "unwrapped"}: ${report.urlsUnwrapped}`);
	if (report.failed > 0) lines.push(`  Notes that could not be read or written: ${report.failed} (listed below)`);
	if (report.dryRun) lines.push("  Dry run: no file was written.");
	else if (report.written > 0) lines.push('  "omnivore-queue undo <vault>" puts them back.');

	const groups = groupProblems(report.notes);
	const total = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
	if (total === 0) {
		lines.push("No problems.");
	} else {
		lines.push("", `Problems left for you (${total}):`);
		for (const [code, list] of groups) {
			lines.push(`  ${PROBLEM_TITLES[code]} [${code}] (${list.length})`);
			// The engine's message is shared with the plugin; how to convert them is the CLI's to say.
			if (code === "ambiguous-date") lines.push("    (Run again with --date-order day-first or month-first to convert them.)");
			for (const { path, problem } of list) lines.push(`    ${problem.line ? `${path}:${problem.line}` : path}: ${problem.message}`);
		}
	}
	return lines.join("\n") + "\n";
}

/** A unified diff whose headers show the path as written (the diff library quotes non-ASCII names, git-style). */
export function formatDiff(path: string, before: string, after: string): string {
	const patch = createTwoFilesPatch("a", "b", before, after, "", "", { context: 3 });
	return patch.replace(/^--- a\n\+\+\+ b\n/m, `--- a/${path}\n+++ b/${path}\n`);
}

export function formatDiffs(report: VaultReport): string {
	return report.notes
		.filter((note) => note.before !== undefined && note.after !== undefined && note.changed)
		.map((note) => formatDiff(note.path, note.before as string, note.after as string))
		.join("\n");
}

/** The full report for `--json`, without the notes' texts. */
export function toJson(report: VaultReport): string {
	const notes = report.notes.map(({ before: _before, after: _after, ...rest }) => rest);
	return JSON.stringify({ ...report, notes }, null, 2) + "\n";
}
