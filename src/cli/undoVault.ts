// `omnivore-queue undo <vault>`: puts back the notes of the last tidy run, skipping notes edited since
// (their previous text stays in the journal; `undo --show <note>` prints it).

import { lstatSync, readFileSync, realpathSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { earlierText, entriesByNote, plural, undoBatch, type CreatedFiles, type UndoOutcome } from "../core";
import { FileNoteStore } from "./fileNoteStore";
import { vaultJournal } from "./journalStorage";
import { lateEditProblem, type LateEditSaved } from "./lateEdits";
import { removeLeftovers } from "./leftovers";
import { describeFsError, listNotes, type VaultFile } from "./vaultFiles";

function noteFile(vault: string, path: string): VaultFile {
	const absolute = join(vault, ...path.split("/"));
	let target = absolute;
	try {
		// A linked note was written where it lives; it is put back there.
		target = realpathSync(absolute);
	} catch {
		// Missing: reading it reports why.
	}
	return { absolute: target, path, outside: false };
}

export interface UndoReport extends UndoOutcome {
	/** Edits that reached a note's old file just as it was put back, and could not be joined with it: saved aside. */
	lateEdits: LateEditSaved[];
}

export async function undoVault(vault: string, options: { dryRun: boolean }): Promise<UndoReport | null> {
	const store = new FileNoteStore((path) => noteFile(vault, path), { followLinks: true, vault });
	// A run killed mid-write left its temporary file beside the note: undo, the usual next step, removes it as tidy would.
	if (!options.dryRun) removeLeftovers(vault, listNotes(vault));
	const outcome = await undoBatch(vaultJournal(vault), store, { ...options, created: createdFiles(vault) });
	// undoBatch took the late edits that were put back (settle); those saved aside are reported here.
	return outcome ? { ...outcome, lateEdits: store.lateEditsSaved() } : null;
}

/** Files a run created (imported notes and PDFs, downloaded images), by their place in the vault (a link there is removed, never what it points to). */
function createdFiles(vault: string): CreatedFiles {
	const at = (path: string) => join(vault, ...path.split("/"));
	return {
		exists: async (path) => {
			try {
				lstatSync(at(path));
				return true;
			} catch {
				return false;
			}
		},
		readBytes: async (path) => readFileSync(at(path)),
		remove: async (path) => unlinkSync(at(path)),
	};
}

/** What an import's undo removes, or nothing for a tidy's. */
function removedText(report: UndoOutcome, dryRun: boolean): string {
	if (report.removed.length === 0) return "";
	const files = plural(report.removed.length, "file");
	return dryRun ? ` and remove ${files} it created` : `, ${files} it created removed`;
}

export function formatUndo(report: UndoReport | null): string {
	if (!report) return "There is no tidy to undo in this vault.\n";
	const when = new Date(report.startedAt).toLocaleString();
	const lines = report.dryRun
		? [`Undo of "${report.label}" of ${when} would restore ${plural(report.restored.length, "note")}${removedText(report, true)}. Dry run: no file was written.`]
		: [`Undid "${report.label}" of ${when}: ${plural(report.restored.length, "note")} restored${removedText(report, false)}.`];
	if (report.skipped.length > 0) {
		lines.push(`Left as they are (${report.skipped.length}):`);
		for (const { path, reason } of report.skipped) lines.push(`  ${path}: ${reason}`);
		if (!report.dryRun) {
			lines.push(`Their text from before the tidy stays in the journal (${report.file}); "omnivore-queue undo <vault> --show <note>" prints it.`);
		}
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
		if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${path} could not be read: ${describeFsError(error)}`);
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
