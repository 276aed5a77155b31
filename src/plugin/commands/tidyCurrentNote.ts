// "Tidy current note" and "Unwrap proxied images in current note".

import { MarkdownView, Notice, type TFile } from "obsidian";
import { countChanges, describeCounts, plural, type TidyResult } from "../../core";
import { tidyFile } from "../batch/tidyBatch";
import type { PluginContext } from "../context";
import { applyToEditor } from "../notes/editorEdit";
import { showNotice, showReportAction } from "../notices";

export type CurrentNoteAction = "tidy" | "unwrap";

function problemsHint(result: TidyResult): string {
	const count = result.report.problems.length;
	return count === 0 ? "" : ` ${plural(count, "problem")} left.`;
}

export async function tidyCurrentNote(context: PluginContext, file: TFile, action: CurrentNoteAction): Promise<void> {
	const tidier = context.tidier();
	const transform = (text: string): TidyResult => (action === "tidy" ? tidier.tidy(text) : tidier.unwrapImages(text));
	const view = context.app.workspace.getActiveViewOfType(MarkdownView);
	const inEditor = view !== null && view.file === file && view.getMode() === "source";

	let result: TidyResult;
	if (inEditor) {
		// Through the editor, so the cursor stays put and the change is one step of the note's undo history.
		const before = view.editor.getValue();
		result = transform(before);
		if (result.report.changed) applyToEditor(view.editor, before, result.text);
	} else {
		const label = `${action === "tidy" ? "Tidy" : "Unwrap images in"} ${file.basename}`;
		({ result } = await tidyFile(file, context.app.vault, () => context.beginBatch(label).get(), transform));
	}

	context.reports.setLastRun(`${action === "tidy" ? "Tidy" : "Unwrap images in"} ${file.path}`, [{ path: file.path, problems: result.report.problems }]);
	if (action === "tidy" && !result.report.isOmnivoreNote) {
		const about = result.report.problems.some((p) => p.code === "not-a-saved-article");
		new Notice(
			about
				? `${file.basename} is tagged #${context.settings.tagName} but does not look like a saved article, so it was left as it was.`
				: `${file.basename} does not look like an Omnivore note (no #${context.settings.tagName} tag, no Omnivore link), so it was left as it was.`,
		);
	} else {
		const report = result.report.problems.length > 0 ? [showReportAction(context)] : [];
		const message = result.report.changed
			? `${action === "tidy" ? "Tidied" : "Unwrapped images in"} ${file.basename}: ${describeCounts(countChanges(result.report.changes))}.`
			: `${file.basename} has nothing to ${action === "tidy" ? "tidy" : "unwrap"}.`;
		showNotice(message + problemsHint(result), report);
	}
}
