// "Download images of current note" and "Download images of all Omnivore notes…": the core's image run
// over the Vault, with requestUrl, the vault's attachment settings, a preview, progress and undo.

import { Notice, type App, type TFile } from "obsidian";
import {
	formatMegabytes, parseImageRecord, plural, runImageDownloads, serializeImageRecord, USER_AGENT,
	type ImageRunReport, type LazyBatch, type NoteProblems,
} from "../../core";
import type { PluginContext } from "../context";
import { DecisionModal } from "../batch/decisionModal";
import { exclusive } from "../batch/exclusive";
import { ProgressNotice } from "../batch/progressNotice";
import { obsidianHttpClient } from "../images/obsidianHttp";
import { vaultAttachments } from "../images/vaultAttachments";
import { vaultNoteStore } from "../journal/vaultNoteStore";
import { findCandidates } from "../notes/candidates";
import { showReportAction, type NoticeAction } from "../notices";
import { undoAction } from "./undoLastTidy";

const MAX_BYTES = 20 * 1024 * 1024;

interface RunOptions {
	paths: string[];
	label: string;
	dryRun: boolean;
	/** Every note given, not only Omnivore notes (the current note: the user asked for it). */
	anyNote?: boolean;
	retryFailed?: boolean;
	progress?: ProgressNotice;
	/** The journal batch of a run that writes (a preview has none: it must not reset automatic cleanup's). */
	batch?: LazyBatch;
}

async function runImages(context: PluginContext, options: RunOptions): Promise<ImageRunReport> {
	const { app } = context;
	const adapter = app.vault.adapter;
	const recordPath = `${context.pluginFolder}/images.json`;
	const record = parseImageRecord((await adapter.exists(recordPath)) ? await adapter.read(recordPath) : null);
	const store = vaultNoteStore(app, { stopped: () => context.unloaded });
	const { batch } = options;
	const tidier = context.tidier();
	const { progress } = options;
	return runImageDownloads({
		paths: options.paths,
		read: (path) => store.read(path),
		store,
		attachments: vaultAttachments(app),
		tidier,
		accepts: options.anyNote ? () => true : undefined,
		record,
		download: {
			http: obsidianHttpClient,
			timeoutMs: 30_000,
			maxBytes: MAX_BYTES,
			userAgent: USER_AGENT,
			retries: 2,
			backoffMs: 500,
			// A template without {url} would ask the archive for the same page for every image.
			archive: context.settings.imageArchive.includes("{url}") ? context.settings.imageArchive : null,
			sleep: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
		},
		concurrency: 8,
		perHost: 6,
		dryRun: options.dryRun,
		retryFailed: options.retryFailed ?? false,
		openJournal: () => (batch ?? context.beginBatch(options.label)).get(),
		saveRecord: async (saved) => {
			if (!(await adapter.exists(context.pluginFolder))) await adapter.mkdir(context.pluginFolder);
			await adapter.write(recordPath, serializeImageRecord(saved));
		},
		onProgress: (phase, done, total) => {
			if (phase === "download") progress?.update(done, total);
		},
		isCancelled: () => (progress?.isCancelled ?? false) || context.unloaded,
	});
}

function problemsOf(report: ImageRunReport): NoteProblems[] {
	return report.notes.filter((n) => n.problems.length > 0).map(({ path, problems }) => ({ path, problems }));
}

function outcomeMessage(report: ImageRunReport): string {
	const failed = report.failed.length + report.earlierFailures;
	const parts = [
		`${report.cancelled ? "Stopped: downloaded" : "Downloaded"} ${plural(report.downloaded, "image")}${report.fromArchive > 0 ? ` (${report.fromArchive} from the web archive)` : ""}; ${plural(report.notesChanged, "note")} changed.`,
	];
	if (failed > 0) parts.push(`${plural(failed, "image")} could not be downloaded.`);
	return parts.join(" ");
}

/** The report says which images failed and which notes were left; undo points the notes back at the remote images and removes the files. */
function outcomeActions(context: PluginContext, report: ImageRunReport, batch: LazyBatch): NoticeAction[] {
	const toTell = report.failed.length + report.earlierFailures > 0 || report.notes.some((note) => note.problems.length > 0);
	return [...(toTell ? [showReportAction(context)] : []), ...(report.notesChanged > 0 ? [undoAction(context, batch)] : [])];
}

async function downloadWithProgress(context: PluginContext, options: Omit<RunOptions, "dryRun" | "progress" | "batch">): Promise<ImageRunReport> {
	const { label } = options;
	const progress = new ProgressNotice(label);
	try {
		const batch = context.beginBatch(label);
		const report = await runImages(context, { ...options, dryRun: false, progress, batch });
		context.reports.setLastRun(label, problemsOf(report));
		progress.finish(outcomeMessage(report), outcomeActions(context, report, batch));
		return report;
	} finally {
		progress.close();
	}
}

export function downloadImagesOfNote(context: PluginContext, file: TFile): Promise<ImageRunReport | null> {
	return exclusive(context, async () => {
		const label = "Download images of current note";
		const preview = await runImages(context, { paths: [file.path], label, dryRun: true, anyNote: true });
		if (preview.images === 0) {
			// A note whose proxied images are its only mark of a saved article keeps them: say why.
			const kept = preview.notes.flatMap((note) => note.problems).find((problem) => problem.code === "only-proxied-images");
			new Notice(kept?.message ?? "This note shows no remote images.");
			return null;
		}
		// Asked for this one note: images that failed before are tried again.
		return downloadWithProgress(context, { label, paths: [file.path], anyNote: true, retryFailed: true });
	});
}

/** Ask the user to confirm what the run would do; null to cancel, else whether to retry earlier failures. */
export type ConfirmImages = (preview: ImageRunReport) => Promise<{ retryFailed: boolean } | null>;

export function downloadImagesOfAll(context: PluginContext, confirm: ConfirmImages = (preview) => confirmInModal(context, preview)): Promise<ImageRunReport | null> {
	return exclusive(context, async () => {
		const label = "Download images of all Omnivore notes";
		const paths = findCandidates(context.app.vault, context.app.metadataCache, context.settings).map((file) => file.path);
		const scanning = new Notice("Looking for images in Omnivore notes…", 0);
		let preview: ImageRunReport;
		try {
			preview = await runImages(context, { paths, label, dryRun: true });
		} finally {
			scanning.hide();
		}
		if (preview.images === 0) {
			new Notice(preview.omnivoreNotes === 0 ? "No Omnivore notes were found." : "The Omnivore notes show no remote images.");
			return null;
		}
		const choice = await confirm(preview);
		if (!choice || context.unloaded) return null;
		return downloadWithProgress(context, { label, paths, retryFailed: choice.retryFailed });
	});
}

function confirmInModal(context: PluginContext, preview: ImageRunReport): Promise<{ retryFailed: boolean } | null> {
	return new Promise((resolve) => new ImagesPreviewModal(context.app, preview, context.settings.imageArchive.includes("{url}"), resolve).open());
}

/** What "Download images of all Omnivore notes" would do, before it uses the network. */
class ImagesPreviewModal extends DecisionModal {
	private retryFailed = false;

	constructor(
		app: App,
		private readonly preview: ImageRunReport,
		private readonly archive: boolean,
		decide: (choice: { retryFailed: boolean } | null) => void,
	) {
		super(app, (apply) => decide(apply ? { retryFailed: this.retryFailed } : null));
	}

	override onOpen(): void {
		const { preview, contentEl } = this;
		this.setTitle("Download images of all Omnivore notes");
		const lines = [
			`${plural(preview.images, "remote image")} in ${plural(preview.omnivoreNotes, "Omnivore note")}.`,
			`${plural(preview.toDownload, "image")} would be downloaded into the vault (where your attachment settings put them), and ${plural(preview.notesChanged, "note")} would point to the files.`,
			`Images are requested from the sites that host them${this.archive ? "; a missing one from the web archive set in the settings" : ""}. Larger than ${formatMegabytes(MAX_BYTES)} is refused.`,
		];
		if (preview.alreadyLocal > 0) lines.push(`${plural(preview.alreadyLocal, "image")} were downloaded before and are used as they are.`);
		if (preview.earlierFailures > 0) lines.push(`${plural(preview.earlierFailures, "image")} failed before: "Download and retry failed" tries them again.`);
		for (const line of lines) contentEl.createEl("p", { text: line });
		const retry = preview.earlierFailures > 0 ? { text: "Download and retry failed", choose: () => (this.retryFailed = true) } : undefined;
		this.addButtons(contentEl, "Download", preview.toDownload > 0 || preview.notesChanged > 0, "", retry);
	}
}
