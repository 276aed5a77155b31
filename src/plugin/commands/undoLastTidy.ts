// "Undo last tidy": restores the notes of the last batch that were not edited since.

import { Notice } from "obsidian";
import type { PluginContext } from "../context";
import { undoLastBatch, type UndoOutcome } from "../journal/undo";

export async function undoLastTidy(context: PluginContext): Promise<UndoOutcome | null> {
	const outcome = await undoLastBatch(context.journal, context.app.vault);
	if (!outcome) {
		new Notice("There is no tidy to undo.");
		return null;
	}
	context.reports.setLastRun(
		`Undo of "${outcome.label}"`,
		outcome.skipped.map(({ path, reason }) => ({
			path,
			problems: [{ code: "edited-since-tidy" as const, message: `Not restored: ${reason}.` }],
		})),
	);
	const skipped = outcome.skipped.length;
	new Notice(
		`Undid "${outcome.label}": ${outcome.restored.length} ${outcome.restored.length === 1 ? "note" : "notes"} restored.` +
			(skipped > 0 ? ` ${skipped} changed since and left as they are: run "Show tidy report" to see them.` : ""),
	);
	return outcome;
}
