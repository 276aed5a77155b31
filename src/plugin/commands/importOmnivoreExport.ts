// "Import Omnivore export…": pick the zip, preview what it would create and complete, then import with
// a progress notice that can cancel. Journaled as one batch: "Undo last tidy" takes it back.

import { Notice } from "obsidian";
import { DEFAULT_IMPORT_FOLDER, ExportError, importExport, plural, zipArchive, type ImportReport } from "../../core";
import { BUSY, exclusive } from "../batch/exclusive";
import { ProgressNotice } from "../batch/progressNotice";
import { showReportAction } from "../notices";
import { undoAction } from "./undoLastTidy";
import { Yielder } from "../batch/yielder";
import type { PluginContext } from "../context";
import { blobSource, pickZipFile } from "../import/blobSource";
import { ImportPreviewModal } from "../import/importPreviewModal";
import { VaultImportTarget } from "../import/vaultImportTarget";

const LABEL = "Import Omnivore export";
export interface ImportDialogs {
	pickFile(): Promise<Blob | null>;
	/** The folder for new notes the user confirmed, or null when the import is cancelled. */
	confirm(plan: ImportReport, folder: string): Promise<string | null>;
}

export function defaultDialogs(context: PluginContext): ImportDialogs {
	return {
		pickFile: pickZipFile,
		confirm: (plan, folder) => new Promise((resolve) => new ImportPreviewModal(context.app, plan, folder, resolve).open()),
	};
}

export async function importOmnivoreExport(context: PluginContext, dialogs: ImportDialogs = defaultDialogs(context)): Promise<ImportReport | null> {
	if (context.batchRunning) {
		new Notice(BUSY);
		return null;
	}
	// Taken once a file is picked: a picker closed without a choice may never answer.
	const file = await dialogs.pickFile();
	if (!file) return null;
	return exclusive(context, () => importFile(context, dialogs, file));
}

async function importFile(context: PluginContext, dialogs: ImportDialogs, file: Blob): Promise<ImportReport | null> {
	let progress: ProgressNotice | null = null;
	try {
		const archive = zipArchive(blobSource(file));
		const tidier = context.tidier();
		const reading = new Notice("Reading the export…", 0);
		let plan: ImportReport;
		try {
			const previewYielder = new Yielder(context.clock);
			plan = await importExport(archive, new VaultImportTarget(context.app, () => Promise.reject(new Error("a preview writes nothing"))), {
				tidier,
				folder: DEFAULT_IMPORT_FOLDER,
				dryRun: true,
				pause: () => previewYielder.maybeYield(),
			});
		} catch (error) {
			if (!(error instanceof ExportError)) throw error;
			new Notice(`This file cannot be imported: ${error.message}.`);
			return null;
		} finally {
			reading.hide();
		}
		const folder = await dialogs.confirm(plan, DEFAULT_IMPORT_FOLDER);
		if (folder === null || context.unloaded) return null;

		progress = new ProgressNotice(LABEL);
		const shown = progress;
		const batch = context.beginBatch(LABEL);
		const yielder = new Yielder(context.clock);
		const target = new VaultImportTarget(context.app, () => batch.get(), () => context.unloaded);
		const report = await importExport(archive, target, {
			tidier,
			folder,
			dryRun: false,
			onProgress: (done, total) => shown.update(done, total),
			isCancelled: () => shown.isCancelled || context.unloaded,
			pause: () => yielder.maybeYield(),
		});
		context.reports.setLastRun(
			LABEL,
			report.items
				.filter((item) => item.problems.length > 0 && item.path)
				.map((item) => ({ path: item.path as string, problems: item.problems.map((message) => ({ code: "import-problem" as const, message })) })),
		);
		const created = report.items.filter((i) => i.action === "created").length;
		const enriched = report.items.filter((i) => i.action === "enriched").length;
		const problems = report.items.filter((i) => i.problems.length > 0).length;
		shown.finish(
			`${report.cancelled ? "Stopped: " : ""}${plural(created, "note")} created, ${enriched} completed.` + (problems > 0 ? ` ${plural(problems, "article")} with problems.` : ""),
			[...(problems > 0 ? [showReportAction(context)] : []), ...(created + enriched > 0 ? [undoAction(context, batch)] : [])],
		);
		return report;
	} finally {
		progress?.close();
	}
}
