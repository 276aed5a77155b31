// Runs the engine over every note of a vault folder and collects one report for the whole run.

import { fstatSync, closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NoteTidier, type JournalBatchWriter, type NoteReport, type Problem, type TidyOptions } from "../core";
import { writeFileAtomic } from "./atomicWrite";
import { vaultJournal } from "./journalStorage";
import { CHECKED_FILE, fileStamp, fingerprint, readChecked, stampOf, writeChecked, type CheckedNote } from "./checkedNotes";
import { describeFsError, listNotes } from "./vaultFiles";

export interface NoteOutcome extends NoteReport {
	path: string;
	/** Counts, kept even when the changes themselves are not. */
	keysChanged: number;
	urlsUnwrapped: number;
	/** Whether the new text was written (false in a dry run). */
	written: boolean;
	/** Old and new text, kept only when diffs were asked for. */
	before?: string;
	after?: string;
}

export interface VaultReport {
	vault: string;
	dryRun: boolean;
	scanned: number;
	omnivoreNotes: number;
	changed: number;
	written: number;
	keysChanged: number;
	urlsUnwrapped: number;
	notes: NoteOutcome[];
}

export interface TidyVaultOptions {
	dryRun: boolean;
	keepText: boolean;
	engine?: Partial<TidyOptions>;
	/** Read every note, even those an earlier run found clean and that have not changed since. */
	force?: boolean;
	/** Part of what makes earlier verdicts valid (the CLI's version). */
	version?: string;
	/** Keep every change in the report (for --json); otherwise only counts, to keep memory low. */
	keepChanges?: boolean;
}

// Larger notes are not Omnivore exports; reading them whole would only cost memory.
const MAX_NOTE_BYTES = 20 * 1024 * 1024;

/** The outcome of a note that was not changed: unreadable, skipped, or known clean from an earlier run. */
function untouched(path: string, isOmnivoreNote: boolean, problems: Problem[]): NoteOutcome {
	return { path, isOmnivoreNote, changed: false, written: false, keysChanged: 0, urlsUnwrapped: 0, changes: [], problems };
}

function unreadable(path: string, message: string): NoteOutcome {
	return untouched(path, false, [{ code: "unreadable-file", message }]);
}

export async function tidyVault(vault: string, options: TidyVaultOptions): Promise<VaultReport> {
	const tidier = new NoteTidier(options.engine);
	// Opened on the first write: a run that changes nothing leaves no batch behind.
	let journal: JournalBatchWriter | null = null;
	const print = fingerprint(options.version ?? "dev", tidier.options);
	const earlier = options.force ? new Map<string, CheckedNote>() : readChecked(vault, print);
	const checked = new Map<string, CheckedNote>();
	const listing = listNotes(vault);
	const notes: NoteOutcome[] = listing.unreadable.map(({ path, reason }) => unreadable(path, `The folder could not be read: ${reason}.`));
	let scanned = 0;
	for (const file of listing.files) {
		scanned++;
		const skip = (message: string) => notes.push(unreadable(file.path, message));
		let buffer: Buffer;
		let mode: number;
		let stamp: string;
		try {
			const fd = openSync(file.absolute, "r");
			try {
				const info = fstatSync(fd);
				mode = info.mode & 0o777;
				stamp = fileStamp(info);
				const known = earlier.get(file.path);
				if (known?.stamp === stamp) {
					// Unchanged since a run found it clean: its verdict (and any problems) still hold.
					checked.set(file.path, known);
					if (known.omnivore || known.problems.length > 0) notes.push(untouched(file.path, known.omnivore, known.problems));
					continue;
				}
				if (info.size > MAX_NOTE_BYTES) {
					skip(`The note is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB, more than any Omnivore export; it was skipped.`);
					continue;
				}
				buffer = readFileSync(fd);
			} finally {
				closeSync(fd);
			}
		} catch (error) {
			skip(`The note could not be read: ${describeFsError(error)}.`);
			continue;
		}
		const text = buffer.toString("utf8");
		const result = tidier.tidy(text);
		const clean = (now: string | null) => {
			if (now) checked.set(file.path, { stamp: now, omnivore: result.report.isOmnivoreNote, problems: result.report.problems });
		};
		if (!result.report.isOmnivoreNote) {
			clean(stamp);
			// A note left alone can still have something to say (tagged, but no saved article).
			if (result.report.problems.length > 0) notes.push(untouched(file.path, false, result.report.problems));
			continue;
		}
		// Bytes that are not UTF-8 would not survive the round trip through text: leave such a file alone.
		if (result.report.changed && !Buffer.from(text, "utf8").equals(buffer)) {
			skip("The note is not valid UTF-8 text; it was left as it was.");
			continue;
		}
		const { changes } = result.report;
		const outcome: NoteOutcome = {
			path: file.path,
			...result.report,
			// A change's text is a view into the note: keeping it would keep every note in memory.
			changes: options.keepChanges ? changes.map((c) => JSON.parse(JSON.stringify(c)) as typeof c) : [],
			keysChanged: changes.filter((c) => c.kind.startsWith("key-")).length,
			urlsUnwrapped: changes.filter((c) => c.kind === "url-unwrapped").length,
			written: false,
		};
		if (options.keepText && result.report.changed) {
			outcome.before = text;
			outcome.after = result.text;
		}
		if (result.report.changed && !options.dryRun) {
			try {
				journal ??= await vaultJournal(vault).begin("omnivore-queue tidy");
				// The previous text is on disk before the note is replaced, so undo can always put it back.
				await journal.record(file.path, text, result.text, result.report.changes);
				writeFileAtomic(file.absolute, result.text, mode);
				outcome.written = true;
				clean(stampOf(file.absolute));
			} catch (error) {
				outcome.problems = [...outcome.problems, { code: "unwritable-file", message: `The note could not be written: ${describeFsError(error)}. It was left as it was.` }];
			}
		}
		if (!result.report.changed) clean(stamp);
		notes.push(outcome);
	}
	if (!options.dryRun) saveChecked(vault, print, checked);
	const omnivore = notes.filter((n) => n.isOmnivoreNote);
	return {
		vault,
		dryRun: options.dryRun,
		scanned,
		omnivoreNotes: omnivore.length,
		changed: omnivore.filter((n) => n.changed).length,
		written: omnivore.filter((n) => n.written).length,
		keysChanged: omnivore.reduce((sum, n) => sum + n.keysChanged, 0),
		urlsUnwrapped: omnivore.reduce((sum, n) => sum + n.urlsUnwrapped, 0),
		notes,
	};
}

function saveChecked(vault: string, print: string, checked: Map<string, CheckedNote>): void {
	try {
		mkdirSync(join(vault, CHECKED_FILE, ".."), { recursive: true });
		writeChecked(vault, print, checked);
	} catch {
		// Only a speed-up: the next run reads every note again.
	}
}
