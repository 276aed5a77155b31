// The two vault-wide runs: tidy the Omnivore notes, or unwrap proxied images in every note.

import type { TFile } from "obsidian";
import { plural, type NoteReport, type NoteTidier, type TidyResult } from "../../core";
import type { PluginContext } from "../context";
import { findCandidatesReadingText, notesInScope } from "../notes/candidates";
import type { BatchPreview } from "./tidyBatch";

export interface BatchKind {
	/** The command's name, also the journal batch's label. */
	title: string;
	/** Shown while the notes are read for the preview. */
	searching: string;
	/** The notes to read. */
	files(context: PluginContext): Promise<TFile[]>;
	transform(tidier: NoteTidier, text: string): TidyResult;
	/** Whether a note is one the run is about (counted in the preview). */
	counts(report: NoteReport): boolean;
	/** The notice when no note is one the run is about. */
	nothingFound(context: PluginContext): string;
	/** The preview's first line. */
	summary(preview: BatchPreview): string;
	/** The preview's button, which says what it does to how many notes. */
	apply(count: number): string;
	/** The progress notice's last line, before the count of problems. */
	done(written: number, total: number, cancelled: boolean): string;
}

export const TIDY_ALL: BatchKind = {
	title: "Tidy all Omnivore notes",
	searching: "Looking for Omnivore notes…",
	files: ({ app, settings, clock }) => findCandidatesReadingText(app.vault, app.metadataCache, settings, clock),
	transform: (tidier, text) => tidier.tidy(text),
	counts: (report) => report.isOmnivoreNote,
	nothingFound: ({ settings }) => (settings.match === "tag" ? `No notes tagged #${settings.tagName} were found.` : "No Omnivore notes were found."),
	summary: (preview) =>
		preview.toChange.length === 0
			? `All ${plural(preview.found, "Omnivore note")} are already tidy.`
			: `${plural(preview.toChange.length, "note")} of ${preview.found} would change: ` +
				`${plural(preview.counts.properties, "property", "properties")} and ${plural(preview.counts.imageUrls, "image URL")}.`,
	apply: (count) => (count === 0 ? "Nothing to tidy" : `Tidy ${plural(count, "note")}`),
	done: (written, total, cancelled) => `${cancelled ? "Stopped: tidied" : "Tidied"} ${written} of ${plural(total, "note")}.`,
};

/** Every note in the chosen folders, Omnivore or not: people paste proxied images into their own notes. */
export const UNWRAP_ALL: BatchKind = {
	title: "Unwrap proxied images in all notes",
	searching: "Looking for proxied images…",
	files: async ({ app, settings }) => notesInScope(app.vault, settings),
	transform: (tidier, text) => tidier.unwrapImages(text),
	counts: (report) => report.changed || report.problems.length > 0,
	nothingFound: () => "No proxied images were found.",
	summary: (preview) =>
		preview.toChange.length === 0
			? `No image could be unwrapped in the ${plural(preview.found, "note")} with proxied images.`
			: `${plural(preview.counts.imageUrls, "image URL")} in ${plural(preview.toChange.length, "note")} would point to the original images.`,
	apply: (count) => (count === 0 ? "Nothing to unwrap" : `Unwrap images in ${plural(count, "note")}`),
	done: (written, total, cancelled) => `${cancelled ? "Stopped: unwrapped images in" : "Unwrapped images in"} ${written} of ${plural(total, "note")}.`,
};
