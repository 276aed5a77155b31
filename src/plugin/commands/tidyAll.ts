// "Tidy all Omnivore notes…" and "Unwrap proxied images in all notes…": preview first, then a
// cancellable batch with progress.

import { Notice } from "obsidian";
import type { PluginContext } from "../context";
import { exclusive } from "../batch/exclusive";
import { PreviewModal } from "../batch/previewModal";
import { showReportAction } from "../notices";
import { undoAction } from "./undoLastTidy";
import { ProgressNotice } from "../batch/progressNotice";
import { countProblems, plural, type NoteProblems } from "../../core";
import { applyBatch, previewBatch, type ApplyOutcome, type BatchPreview } from "../batch/tidyBatch";
import { TIDY_ALL, UNWRAP_ALL, type BatchKind } from "../batch/batchKinds";

/** Ask the user to confirm the preview; resolves true for Apply. */
export type ConfirmPreview = (preview: BatchPreview) => Promise<boolean>;

export function modalConfirm(context: PluginContext, kind: BatchKind = TIDY_ALL): ConfirmPreview {
	return (preview) => new Promise((resolve) => new PreviewModal(context.app, preview, kind, (path) => context.openNote(path), resolve).open());
}

/** Problems to report after a run: those of written notes, and those of notes left as they were. */
function runProblems(preview: BatchPreview, outcome: ApplyOutcome): NoteProblems[] {
	// Notes written report their problems from the run; the others (unchanged, or left by a cancel) from the preview.
	const written = new Set(outcome.writtenPaths);
	const failed = outcome.failed.map(({ path, reason }) => ({
		path,
		problems: [{ code: "unwritable-file" as const, message: reason }],
	}));
	return [...outcome.problems, ...preview.problems.filter((n) => !written.has(n.path)), ...failed];
}

export function tidyAllNotes(context: PluginContext, confirm: ConfirmPreview = modalConfirm(context)): Promise<ApplyOutcome | null> {
	return runBatch(context, TIDY_ALL, confirm);
}

export function unwrapAllNotes(context: PluginContext, confirm: ConfirmPreview = modalConfirm(context, UNWRAP_ALL)): Promise<ApplyOutcome | null> {
	return runBatch(context, UNWRAP_ALL, confirm);
}

function runBatch(context: PluginContext, kind: BatchKind, confirm: ConfirmPreview): Promise<ApplyOutcome | null> {
	return exclusive(context, () => previewAndApply(context, kind, confirm));
}

async function previewAndApply(context: PluginContext, kind: BatchKind, confirm: ConfirmPreview): Promise<ApplyOutcome | null> {
	// Closed in `finally`: a run that fails half-way must not leave a notice that never goes away.
	let shownProgress: ProgressNotice | null = null;
	try {
		const { app } = context;
		const scanning = new Notice(kind.searching, 0);
		const tidier = context.tidier();
		let preview: BatchPreview;
		try {
			preview = await previewBatch(await kind.files(context), app.vault, tidier, context.clock, kind);
		} finally {
			scanning.hide();
		}
		if (preview.found === 0) {
			new Notice(kind.nothingFound(context));
			return null;
		}
		// The plugin may have been turned off while the preview was open.
		if (!(await confirm(preview)) || context.unloaded) return null;

		const progress = new ProgressNotice(kind.title);
		shownProgress = progress;
		// A run with nothing to write leaves no batch to crowd out older ones; one whose journal cannot
		// be opened stops here, before any note is changed.
		const batch = context.beginBatch(kind.title);
		if (preview.toChange.length > 0) await batch.get();
		const outcome = await applyBatch(preview.toChange, {
			app,
			tidier,
			kind,
			openJournal: async () => batch,
			clock: context.clock,
			onProgress: (done, total) => progress.update(done, total),
			isCancelled: () => progress.isCancelled,
			stopped: () => context.unloaded,
		});
		const problems = runProblems(preview, outcome);
		context.reports.setLastRun(kind.title, problems);
		const count = countProblems(problems);
		progress.finish(
			kind.done(outcome.written, preview.toChange.length, outcome.cancelled) + (count > 0 ? ` ${plural(count, "problem")} left.` : ""),
			[...(count > 0 ? [showReportAction(context)] : []), ...(outcome.written > 0 ? [undoAction(context, batch)] : [])],
		);
		return outcome;
	} finally {
		shownProgress?.close();
	}
}
