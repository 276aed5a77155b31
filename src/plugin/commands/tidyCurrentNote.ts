// "Tidy current note" and "Unwrap proxied images in current note".

import { Notice, type TFile } from "obsidian";
import { countChanges, describeCounts, plural, type LazyBatch, type TidyResult } from "../../core";
import { tidyFile } from "../batch/tidyBatch";
import type { PluginContext } from "../context";
import { runGuarded } from "../errorBoundary";
import { showNotice, showReportAction } from "../notices";

export type CurrentNoteAction = "tidy" | "unwrap";

function problemsHint(result: TidyResult): string {
	const count = result.report.problems.length;
	return count === 0 ? "" : ` ${plural(count, "problem")} left.`;
}

/** "Tidy note", offered by a notice about a note: through the error boundary, like a command. */
export function tidyNoteAction(context: PluginContext): (file: TFile) => void {
	return (file) => void runGuarded("Tidy current note", () => tidyCurrentNote(context, file, "tidy"), file.path);
}

export async function tidyCurrentNote(context: PluginContext, file: TFile, action: CurrentNoteAction): Promise<void> {
	// From a notice's button still shown after the plugin was turned off.
	if (context.unloaded) return;
	const tidier = context.tidier();
	const transform = (text: string): TidyResult => (action === "tidy" ? tidier.tidy(text) : tidier.unwrapImages(text));
	const label = `${action === "tidy" ? "Tidy" : "Unwrap images in"} ${file.basename}`;
	// In the editor when the note is being edited (the cursor stays put, the change is one step of its
	// undo history); journaled either way, so "Undo last tidy" takes back this tidy and not an earlier run.
	// One batch however many times the note is read again (typing between a read and the write).
	let batch: LazyBatch | null = null;
	const { result } = await tidyFile(file, context.app, () => (batch ??= context.beginBatch(label)).get(), transform, () => context.unloaded);

	context.reports.setLastRun(`${action === "tidy" ? "Tidy" : "Unwrap images in"} ${file.path}`, [{ path: file.path, problems: result.report.problems }]);
	// Omnivore's marks the engine could not read (an unclosed code block hides them, CR line endings, a
	// failure): the report says why, where "no tag, no link" would contradict what the user sees.
	const unread = !result.report.isOmnivoreNote && result.report.problems.some((p) => p.code !== "not-a-saved-article");
	if (action === "tidy" && unread) {
		showNotice(`${file.basename} could not be tidied.${problemsHint(result)}`, [showReportAction(context)]);
	} else if (action === "tidy" && !result.report.isOmnivoreNote) {
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
