// "Tidy all Omnivore notes…": preview first, then a cancellable batch with progress.

import { Notice } from "obsidian";
import type { PluginContext } from "../context";
import { PreviewModal } from "../batch/previewModal";
import { ProgressNotice } from "../batch/progressNotice";
import { applyBatch, previewBatch, type ApplyOutcome, type BatchPreview, type NoteProblems } from "../batch/tidyBatch";
import { findCandidates } from "../notes/candidates";

const LABEL = "Tidy all Omnivore notes";

/** Ask the user to confirm the preview; resolves true for Apply. */
export type ConfirmPreview = (preview: BatchPreview) => Promise<boolean>;

export function modalConfirm(context: PluginContext): ConfirmPreview {
	return (preview) => new Promise((resolve) => new PreviewModal(context.app, preview, (path) => context.openNote(path), resolve).open());
}

/** Problems to report after a run: those of written notes, and those of notes left as they were. */
function runProblems(preview: BatchPreview, outcome: ApplyOutcome): NoteProblems[] {
	// Notes written report their problems from the run; the others (unchanged, or left by a cancel) from the preview.
	const written = new Set(outcome.writtenPaths);
	const failed = outcome.failed.map(({ path, reason }) => ({
		path,
		problems: [{ code: "unwritable-file" as const, message: `The note could not be written: ${reason}.` }],
	}));
	return [...outcome.problems, ...preview.problems.filter((n) => !written.has(n.path)), ...failed];
}

export async function tidyAllNotes(context: PluginContext, confirm: ConfirmPreview = modalConfirm(context)): Promise<ApplyOutcome | null> {
	if (context.batchRunning) {
		new Notice("A tidy is already running.");
		return null;
	}
	context.batchRunning = true;
	// Closed in `finally`: a run that fails half-way must not leave a notice that never goes away.
	let shownProgress: ProgressNotice | null = null;
	try {
		const { app, settings } = context;
		const files = findCandidates(app.vault, app.metadataCache, settings);
		const scanning = new Notice("Looking for Omnivore notes…", 0);
		const tidier = context.tidier();
		let preview: BatchPreview;
		try {
			preview = await previewBatch(files, app.vault, tidier, context.clock);
		} finally {
			scanning.hide();
		}
		if (preview.omnivoreNotes === 0) {
			new Notice(settings.match === "tag" ? `No notes tagged #${settings.tagName} were found.` : "No Omnivore notes were found.");
			return null;
		}
		if (!(await confirm(preview))) return null;

		const progress = new ProgressNotice(LABEL);
		shownProgress = progress;
		const journal = await context.beginBatch(LABEL);
		const outcome = await applyBatch(preview.toChange, {
			vault: app.vault,
			tidier,
			journal,
			clock: context.clock,
			onProgress: (done, total) => progress.update(done, total),
			isCancelled: () => progress.isCancelled,
		});
		const problems = runProblems(preview, outcome);
		context.reports.setLastRun(LABEL, problems);
		const count = problems.reduce((sum, note) => sum + note.problems.length, 0);
		progress.finish(
			`${outcome.cancelled ? "Stopped: tidied" : "Tidied"} ${outcome.written} of ${preview.toChange.length} notes.` +
				(count > 0 ? ` ${count} problems left: run "Show tidy report" to see them.` : "") +
				(outcome.written > 0 ? ` "Undo last tidy" puts them back.` : ""),
		);
		return outcome;
	} finally {
		shownProgress?.close();
		context.batchRunning = false;
	}
}
