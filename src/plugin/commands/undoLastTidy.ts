// "Undo last tidy": restores the notes of the last batch that were not edited since, where they are now.

import { Notice } from "obsidian";
import { plural, undoBatch, type LazyBatch, type UndoOutcome } from "../../core";
import { runGuarded } from "../errorBoundary";
import { exclusive } from "../batch/exclusive";
import type { PluginContext } from "../context";
import { followingMoves, movedNotes } from "../journal/movedNotes";
import { vaultCreatedFiles, vaultNoteStore } from "../journal/vaultNoteStore";
import { showNotice, showReportAction, type NoticeAction } from "../notices";

/** The "Undo" button of a notice that ends a run: it takes back that run, never another one. */
export function undoAction(context: PluginContext, batch: LazyBatch): NoticeAction {
	return { label: "Undo", run: () => void runGuarded("Undo", () => undoRun(context, batch)) };
}

async function undoRun(context: PluginContext, batch: LazyBatch): Promise<UndoOutcome | null> {
	const writer = await batch.opened();
	const latest = await context.journal.latest();
	// Still the newest (or, undone in part, still the one undo takes).
	if (writer && latest?.file === writer.file) return undoLastTidy(context);
	if (!writer || !writer.open) new Notice("This run was undone already.");
	else if (latest) new Notice(`"${latest.label}" changed notes after this run, so it was not undone. "Undo last tidy" takes back one run at a time, the newest first.`);
	else new Notice("This run can no longer be undone: its journal is gone.");
	return null;
}

export async function undoLastTidy(context: PluginContext): Promise<UndoOutcome | null> {
	// From a notice's button still shown after the plugin was turned off.
	if (context.unloaded) return null;
	return exclusive(context, () => undoLast(context));
}

async function undoLast(context: PluginContext): Promise<UndoOutcome | null> {
	const moved = await movedNotes(context.journal, context.app.vault);
	// Turned off half-way, it writes nothing more: the notes left are put back by the next undo.
	const outcome = await undoBatch(context.journal, followingMoves(vaultNoteStore(context.app, { stopped: () => context.unloaded, savedForm: true }), moved), { created: vaultCreatedFiles(context.app) });
	if (!outcome) {
		new Notice("There is nothing to undo: every run was undone already, or none ran.");
		return null;
	}
	// A note that arrived this session is still watched: cleaned up once quiet, it would be tidied again.
	context.automaticLeave(outcome.restored.map((path) => moved.get(path) ?? path));
	context.reports.setLastRun(
		`Undo of "${outcome.label}"`,
		outcome.skipped.map(({ path, reason, edited, damaged, created }) => ({
			path,
			problems: [
				{
					code: edited || damaged ? ("edited-since-tidy" as const) : ("unwritable-file" as const),
					// A damaged entry no longer knows the earlier text, and a file the run created had none.
					message: damaged || created ? `Not restored. ${reason}` : `Not restored. ${reason} Its text from before that run stays in the journal (${outcome.file}).`,
				},
			],
		})),
	);
	const skipped = outcome.skipped.length;
	// Files the run created that are not notes (images, PDFs) and undo kept (changed since, or a note still links to them).
	const isKeptFile = (s: (typeof outcome.skipped)[number]) => s.edited && s.created === true && !s.path.toLowerCase().endsWith(".md");
	const kept = outcome.skipped.filter(isKeptFile).length;
	const changed = outcome.skipped.filter((s) => s.edited && !isKeptFile(s)).length;
	const damaged = outcome.skipped.filter((s) => s.damaged).length;
	const failed = outcome.skipped.filter((s) => !s.edited && !s.damaged).length;
	showNotice(
		`Undid "${outcome.label}": ${plural(outcome.restored.length, "note")} restored` +
			(outcome.removed.length > 0 ? `, ${plural(outcome.removed.length, "file")} it created removed.` : ".") +
			(changed > 0 ? ` ${plural(changed, "note")} had changed since, so ${changed === 1 ? "it was left as it is" : "they were left as they are"}.` : "") +
			(damaged > 0 ? ` ${plural(damaged, "note")} had a damaged journal entry, so ${damaged === 1 ? "it was left as it is" : "they were left as they are"}.` : "") +
			(kept > 0 ? ` ${plural(kept, "file")} it created ${kept === 1 ? "was" : "were"} kept: changed since, or a note still links to ${kept === 1 ? "it" : "them"}.` : "") +
			(outcome.gone.length > 0 ? ` ${plural(outcome.gone.length, "file")} it created ${outcome.gone.length === 1 ? "was" : "were"} no longer where it put ${outcome.gone.length === 1 ? "it" : "them"} (deleted, moved or renamed since), so not removed.` : "") +
			(outcome.unreadableEntries > 0 ? ` ${plural(outcome.unreadableEntries, "line")} of the journal could not be read, so the notes named there were not undone.` : "") +
			// The batch stays the one undo takes: undoing again puts these back once the cause is put right.
			(failed > 0 ? ` ${plural(failed, "note")} could not be put back; run "Undo last tidy" again once the report's reason is put right.` : ""),
		skipped > 0 ? [showReportAction(context)] : [],
	);
	return outcome;
}
