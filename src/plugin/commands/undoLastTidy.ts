// "Undo last tidy": restores the notes of the last batch that were not edited since.

import { Notice } from "obsidian";
import { plural, undoBatch, type UndoOutcome } from "../../core";
import type { PluginContext } from "../context";
import { vaultCreatedFiles, vaultNoteStore } from "../journal/vaultNoteStore";
import { showNotice, showReportAction } from "../notices";

export async function undoLastTidy(context: PluginContext): Promise<UndoOutcome | null> {
	const outcome = await undoBatch(context.journal, vaultNoteStore(context.app.vault), { created: vaultCreatedFiles(context.app) });
	if (!outcome) {
		new Notice("There is no tidy to undo.");
		return null;
	}
	context.reports.setLastRun(
		`Undo of "${outcome.label}"`,
		outcome.skipped.map(({ path, reason, edited }) => ({
			path,
			problems: [
				{
					code: edited ? ("edited-since-tidy" as const) : ("unwritable-file" as const),
					message: `Not restored. ${reason} Its text from before the tidy stays in the journal (${outcome.file}).`,
				},
			],
		})),
	);
	const skipped = outcome.skipped.length;
	const left = skipped === 1 ? "was left as it is" : "were left as they are";
	showNotice(
		`Undid "${outcome.label}": ${plural(outcome.restored.length, "note")} restored` +
			(outcome.removed.length > 0 ? `, ${plural(outcome.removed.length, "file")} it created removed.` : ".") +
			(skipped > 0 ? ` ${plural(skipped, "note")} changed since ${left}.` : ""),
		skipped > 0 ? [showReportAction(context)] : [],
	);
	return outcome;
}
