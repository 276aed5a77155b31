// `omnivore-queue undo <vault>`: puts back the notes of the last tidy run, skipping notes edited since.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decideRestore, entriesByNote } from "../core";
import { writeFileAtomic } from "./atomicWrite";
import { vaultJournal } from "./journalStorage";
import { describeFsError } from "./vaultFiles";

export interface UndoReport {
	label: string;
	startedAt: number;
	restored: string[];
	skipped: Array<{ path: string; reason: string }>;
}

export async function undoVault(vault: string): Promise<UndoReport | null> {
	const journal = vaultJournal(vault);
	const batch = await journal.latest();
	if (!batch) return null;
	const report: UndoReport = { label: batch.label, startedAt: batch.startedAt, restored: [], skipped: [] };
	for (const [path, entries] of entriesByNote(batch.entries)) {
		const absolute = join(vault, ...path.split("/"));
		let current: string;
		try {
			current = readFileSync(absolute, "utf8");
		} catch (error) {
			report.skipped.push({ path, reason: `it could not be read (${describeFsError(error)})` });
			continue;
		}
		const decision = decideRestore(current, entries);
		if (decision.kind === "edited") {
			report.skipped.push({ path, reason: "it was edited after it was tidied" });
		} else if (decision.kind === "restore") {
			try {
				writeFileAtomic(absolute, decision.text);
				report.restored.push(path);
			} catch (error) {
				report.skipped.push({ path, reason: `it could not be written (${describeFsError(error)})` });
			}
		}
	}
	await journal.discard(batch.file);
	return report;
}

export function formatUndo(report: UndoReport | null): string {
	if (!report) return "There is no tidy to undo in this vault.\n";
	const lines = [`Undid "${report.label}" of ${new Date(report.startedAt).toLocaleString()}: ${report.restored.length} ${report.restored.length === 1 ? "note" : "notes"} restored.`];
	if (report.skipped.length > 0) {
		lines.push(`Left as they are (${report.skipped.length}):`);
		for (const { path, reason } of report.skipped) lines.push(`  ${path}: ${reason}.`);
	}
	return `${lines.join("\n")}\n`;
}
