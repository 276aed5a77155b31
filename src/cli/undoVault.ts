// `omnivore-queue undo <vault>`: puts back the notes of the last tidy run, skipping notes edited since
// (their previous text stays in the journal; `undo --show <note>` prints it).

import { readdirSync, readFileSync, realpathSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { earlierText, entriesByNote, NoteLeftError, plural, undoBatch, type CreatedFiles, type UndoOutcome } from "../core";
import { FileNoteStore } from "./fileNoteStore";
import { vaultJournal } from "./journalStorage";
import { lateEditProblem, type LateEditSaved } from "./lateEditsSaved";
import { removeLeftovers } from "./leftovers";
import { CannotRun } from "./cannotRun";
import { UsageError } from "./usageError";
import { describeFsError, isThere, isWithin, listNotes, type VaultFile } from "./vaultFiles";

/** Where a journaled note is: a linked note was written where it lives, and is put back there. */
function noteFile(vault: string, path: string): VaultFile {
	const absolute = join(vault, ...path.split("/"));
	try {
		const target = realpathSync(absolute);
		// A link to a file outside the vault (which a tidy with --follow-links wrote, or a shared vault brought
		// beside a journal of its own) is written through only with --follow-links, as for tidy.
		return { absolute: target, path, outside: !isWithin(realpathSync(vault), target) };
	} catch {
		// Missing: reading it reports why.
		return { absolute, path, outside: false };
	}
}

export interface UndoReport extends UndoOutcome {
	/** Edits that reached a note's old file just as it was put back, and could not be joined with it: saved aside. */
	lateEdits: LateEditSaved[];
}

export async function undoVault(vault: string, options: { dryRun: boolean; followLinks?: boolean }): Promise<UndoReport | null> {
	const followLinks = options.followLinks ?? false;
	if (!followLinks) await refuseLinksOutside(vault);
	const store = new FileNoteStore((path) => noteFile(vault, path), { followLinks, vault });
	// A run killed mid-write left its temporary file beside the note: undo, the usual next step, removes it as tidy would.
	if (!options.dryRun) removeLeftovers(vault, listNotes(vault), followLinks);
	const outcome = await undoBatch(vaultJournal(vault), store, { dryRun: options.dryRun, created: createdFiles(vault, followLinks) });
	// undoBatch took the late edits that were put back (settle); those saved aside are reported here.
	return outcome ? { ...outcome, lateEdits: store.lateEditsSaved() } : null;
}

/**
 * A run made with --follow-links is undone with it, or not at all: undone without it, its linked notes
 * would be left and the batch closed, and only `--show` would give their text back.
 */
async function refuseLinksOutside(vault: string): Promise<void> {
	const batch = await vaultJournal(vault).latest();
	const linked = [...new Set(batch?.entries.filter((entry) => !entry.created).map((entry) => entry.path))].filter((path) => noteFile(vault, path).outside);
	if (linked.length === 0) return;
	throw new UsageError(
		`the last run changed ${plural(linked.length, "note")} that ${linked.length === 1 ? "is a link to a file" : "are links to files"} outside the vault (${linked[0]}); "undo --follow-links" puts ${linked.length === 1 ? "it" : "them"} back with the rest.`,
		"undo",
	);
}

/** The vault's canvases (their cards link to files too), outside dot-folders, as vault paths. */
function canvasesIn(vault: string): string[] {
	try {
		return readdirSync(vault, { recursive: true, encoding: "utf8" })
			.map((path) => path.split(sep).join("/"))
			.filter((path) => path.toLowerCase().endsWith(".canvas") && !path.split("/").some((part) => part.startsWith(".")));
	} catch {
		return [];
	}
}

/** Files a run created (imported notes and PDFs, downloaded images), by their place in the vault (a link there is removed, never what it points to). */
function createdFiles(vault: string, followLinks: boolean): CreatedFiles {
	const at = (path: string) => join(vault, ...path.split("/"));
	// In a folder linked from outside the vault, only with --follow-links.
	const inVault = (path: string) => followLinks || isWithin(realpathSync(vault), realpathSync(dirname(at(path))));
	return {
		exists: async (path) => isThere(at(path)),
		readBytes: async (path) => readFileSync(at(path)),
		checkRemovable: (path) => {
			if (!inVault(path)) throw new NoteLeftError("unwritable-file", "It is in a folder linked from outside the vault (undo --follow-links removes it); it was kept.");
		},
		remove: async (path) => unlinkSync(at(path)),
		// rmdir refuses a folder that holds anything, and a link to a folder.
		removeFolderIfEmpty: async (path) => {
			if (!inVault(path)) return false;
			try {
				rmdirSync(at(path));
				return true;
			} catch {
				return false;
			}
		},
		noteTexts: async function* () {
			const paths = [...listNotes(vault).files.map((file) => file.path), ...canvasesIn(vault)];
			for (const path of paths) {
				try {
					// Only searched for file names: text that is not UTF-8 is read as well as it can be.
					yield { path, text: readFileSync(at(path), "utf8") };
				} catch {
					// Gone or unreadable since it was listed: it names nothing.
				}
			}
		},
	};
}

/** What an import's undo removes, or nothing for a tidy's. */
function removedText(report: UndoOutcome, dryRun: boolean): string {
	if (report.removed.length === 0) return "";
	const files = plural(report.removed.length, "file");
	return dryRun ? ` and remove ${files} it created` : `, ${files} it created removed`;
}

export function formatUndo(report: UndoReport | null): string {
	if (!report) return "There is nothing to undo in this vault: every tidy, import or images run it recorded was undone already, or none ran.\n";
	const when = new Date(report.startedAt).toLocaleString();
	const lines = report.dryRun
		? [`Undo of "${report.label}" of ${when} would restore ${plural(report.restored.length, "note")}${removedText(report, true)}. Dry run: no file was written.`]
		: [`Undid "${report.label}" of ${when}: ${plural(report.restored.length, "note")} restored${removedText(report, false)}.`];
	if (report.skipped.length > 0) {
		lines.push(`Left as they are (${report.skipped.length}):`);
		for (const { path, reason } of report.skipped) lines.push(`  ${path}: ${reason}`);
		// A damaged entry no longer knows that text, and a file the run created had none: --show would have nothing to print.
		if (!report.dryRun && report.skipped.some((s) => !s.damaged && !s.created)) {
			lines.push(`Their text from before that run stays in the journal (${report.file}); "omnivore-queue undo <vault> --show <note>" prints it.`);
		}
		if (report.incomplete) {
			const others = report.skipped.some((s) => s.edited || s.damaged);
			lines.push(`Once what stopped ${others ? "the notes that could not be written" : "them"} is put right, undo again: it takes this run again until they are back.`);
		}
	}
	if (report.gone.length > 0) {
		lines.push(`No longer where the run created them (deleted, moved or renamed since), so not removed (${report.gone.length}):`);
		for (const path of report.gone) lines.push(`  ${path}`);
	}
	if (report.unreadableEntries > 0) {
		lines.push(`${plural(report.unreadableEntries, "line")} of the journal (${report.file}) could not be read (cut short, or changed by hand): ${report.unreadableEntries === 1 ? "the note it names was" : "the notes they name were"} not undone.`);
	}
	if (report.lateEdits.length > 0) {
		lines.push(`Edits saved aside (${report.lateEdits.length}):`);
		for (const late of report.lateEdits) lines.push(`  ${late.path}: ${lateEditProblem(late).message}`);
	}
	return `${lines.join("\n")}\n`;
}

export interface ShownText {
	text: string;
	/** Where it came from, for the user (on stderr, so stdout holds only the note). */
	note: string;
}

/** What a note held before the newest tidy that journaled it, undone or not. */
export async function showEarlierText(vault: string, path: string): Promise<ShownText | null> {
	let current = "";
	try {
		current = readFileSync(noteFile(vault, path).absolute, "utf8");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "EISDIR") throw new CannotRun(`${path} is a folder; --show takes the path of one note in it.`);
		if (code !== "ENOENT") throw new CannotRun(`${path} could not be read: ${describeFsError(error)}.`);
	}
	for (const batch of await vaultJournal(vault).batches()) {
		const entries = entriesByNote(batch.entries).get(path);
		if (!entries) continue;
		const earlier = earlierText(current, entries);
		if (!earlier) continue;
		const source = `"${batch.label}" of ${new Date(batch.startedAt).toLocaleString()} (${batch.file})`;
		const note = earlier.exact
			? `${path} as it was before ${source}.`
			: `${path} was edited after ${source}: its frontmatter from before that tidy, over its current body.`;
		return { text: earlier.text, note };
	}
	return null;
}
