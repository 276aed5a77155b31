// Runs the engine over every note of a vault folder and collects one report for the whole run.

import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { asNoteLeft, countChanges, LazyBatch, NoteTidier, tidyAndRecord, type NoteReport, type Problem, type TidyOptions, type TidyResult } from "../core";
import { CHECKED_FILE, fingerprint, readChecked, stampOf, writeChecked, type CheckedNote } from "./checkedNotes";
import { FileNoteStore } from "./fileNoteStore";
import { lateEditProblem } from "./lateEdits";
import { vaultJournal } from "./journalStorage";
import { removeLeftovers } from "./leftovers";
import { startTidyPool, type TidyPool } from "./tidyPool";
import { LOCK_NAME, STATE_FOLDER } from "./vaultLock";
import { listNotes, type VaultFile } from "./vaultFiles";

export interface NoteOutcome extends NoteReport {
	path: string;
	/** Counts, kept even when the changes themselves are not; zero for a note that could not be written. */
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
	/** Notes changed (in a dry run: that would change). A note that could not be written is not counted. */
	changed: number;
	written: number;
	keysChanged: number;
	urlsUnwrapped: number;
	/** Notes that could not be read or written. */
	failed: number;
	notes: NoteOutcome[];
}

export interface TidyVaultOptions {
	dryRun: boolean;
	keepText: boolean;
	engine?: Partial<TidyOptions>;
	/** Read every note, even those an earlier run found clean and that have not changed since. */
	force?: boolean;
	/** Edit notes that are links to files outside the vault. */
	followLinks?: boolean;
	/** Part of what makes earlier verdicts valid (the CLI's version). */
	version?: string;
	/** Keep every change in the report (for --json); otherwise only counts, to keep memory low. */
	keepChanges?: boolean;
	/** Run the engine on this many worker threads, started from `script` (the CLI bundle); else on this thread. */
	workers?: { script: string; jobs: number };
}

const LABEL = "omnivore-queue tidy";

/** The outcome of a note that was not changed: unreadable, skipped, or known clean from an earlier run. */
function untouched(path: string, isOmnivoreNote: boolean, problems: Problem[]): NoteOutcome {
	return { path, isOmnivoreNote, changed: false, written: false, keysChanged: 0, urlsUnwrapped: 0, changes: [], problems };
}

export const isFailure = (problem: Problem): boolean => problem.code === "unreadable-file" || problem.code === "unwritable-file";

export async function tidyVault(vault: string, options: TidyVaultOptions): Promise<VaultReport> {
	const tidier = new NoteTidier(options.engine);
	let pool: TidyPool | null = null;
	try {
		return await tidyWith(vault, options, tidier, (notesToRead) => (pool = startTidyPool(options.workers, tidier.options, notesToRead)));
	} finally {
		await (pool as TidyPool | null)?.close();
	}
}

/** A note read, and the engine's result for it under way on a worker (null: tidied on this thread). */
type Prepared = { text: string; early: Promise<TidyResult | null> | null } | { error: unknown };

// Notes read ahead per worker: enough to keep every worker busy while this thread writes.
const AHEAD_PER_WORKER = 8;

async function tidyWith(vault: string, options: TidyVaultOptions, tidier: NoteTidier, startWorkers: (notesToRead: number) => TidyPool | null): Promise<VaultReport> {
	const stateExisted = holdsState(vault);
	// Opened on the first write: a run that changes nothing leaves no batch behind.
	const journal = new LazyBatch(vaultJournal(vault), LABEL);
	const print = fingerprint(options.version ?? "dev", tidier.options);
	const earlier = options.force ? new Map<string, CheckedNote>() : readChecked(vault, print);
	const checked = new Map<string, CheckedNote>();
	const listing = listNotes(vault);
	if (!options.dryRun) removeLeftovers(vault, listing);
	const byPath = new Map<string, VaultFile>(listing.files.map((file) => [file.path, file]));
	let pool: TidyPool | null = null;
	const store = new FileNoteStore((path) => byPath.get(path) as VaultFile, { followLinks: options.followLinks ?? false, vault });
	const run: NoteRun = { tidier, store, journal, keepText: options.keepText, keepChanges: options.keepChanges ?? false };
	// By path, in the order found: a note tidied again replaces its first outcome.
	const found = new Map<string, NoteOutcome>(
		listing.unreadable.map(({ path, reason }) => [path, untouched(path, false, [{ code: "unreadable-file", message: `The folder could not be read: ${reason}.` }])]),
	);
	const prepare = (file: VaultFile): Prepared => {
		try {
			const text = store.readNow(file.path);
			return { text, early: pool ? pool.tidy(text) : null };
		} catch (error) {
			return { error };
		}
	};
	const finish = async (file: VaultFile, stamp: string | null, prepared: Prepared): Promise<void> => {
		if ("error" in prepared) {
			const left = asNoteLeft(prepared.error);
			found.set(file.path, untouched(file.path, false, [{ code: left.code, message: left.message }]));
			return;
		}
		const { text } = prepared;
		const early = prepared.early ? await prepared.early : null;
		// The worker's result holds for the text it was given; a note read again is tidied here.
		const engine = (t: string): TidyResult => (early && t === text ? early : tidier.tidy(t));
		const outcome = options.dryRun ? await preview(file.path, text, run, engine) : await tidyOne(file.path, text, run, engine);
		store.forget(file.path);
		const now = outcome.written ? stampOf(file.absolute) : stamp;
		const clean = !outcome.changed || outcome.written;
		if (clean && now && !outcome.problems.some(isFailure)) checked.set(file.path, { stamp: now, omnivore: outcome.isOmnivoreNote, problems: outcome.problems });
		// A note left alone can still have something to say (tagged, but no saved article).
		if (!outcome.isOmnivoreNote && outcome.problems.length === 0) return;
		found.set(file.path, outcome);
	};
	const visit = (file: VaultFile, stamp: string | null): Promise<void> => finish(file, stamp, prepare(file));
	// In the vault's order: each note is finished (checked, journaled, written, reported) in turn, while
	// the notes after it are read and tidied on the workers.
	const stamps = listing.files.map((file) => stampOf(file.absolute));
	const isKnown = (file: VaultFile, stamp: string | null) => stamp !== null && earlier.get(file.path)?.stamp === stamp;
	pool = startWorkers(listing.files.filter((file, i) => !isKnown(file, stamps[i])).length);
	const ahead: Array<() => Promise<void>> = [];
	const limit = pool ? pool.size * AHEAD_PER_WORKER : 0;
	for (const [i, file] of listing.files.entries()) {
		const stamp = stamps[i];
		const known = earlier.get(file.path);
		if (known && isKnown(file, stamp)) {
			// Unchanged since a run found it clean: its verdict (and any problems) still hold.
			ahead.push(async () => {
				checked.set(file.path, known);
				if (known.omnivore || known.problems.length > 0) found.set(file.path, untouched(file.path, known.omnivore, known.problems));
			});
		} else {
			const prepared = prepare(file);
			ahead.push(() => finish(file, stamp, prepared));
		}
		while (ahead.length > limit) await (ahead.shift() as () => Promise<void>)();
	}
	for (const step of ahead.splice(0)) await step();
	// An edit that reached a note only as it was replaced was put back: that note is tidied again.
	for (let round = 0; ; round++) {
		const putBack = await store.settle();
		if (putBack.length === 0) break;
		for (const path of putBack) {
			const outcome = found.get(path);
			if (round < 2) await visit(byPath.get(path) as VaultFile, null);
			else if (outcome) found.set(path, leftUnwritten(outcome, new Error("it kept changing while it was being tidied")));
		}
		if (round >= 2) break;
	}
	for (const late of store.lateEditsSaved()) {
		checked.delete(late.path);
		const outcome = found.get(late.path) ?? untouched(late.path, true, []);
		found.set(late.path, { ...outcome, problems: [...outcome.problems, lateEditProblem(late)] });
	}
	const notes = [...found.values()];
	const omnivore = notes.filter((n) => n.isOmnivoreNote);
	const written = omnivore.filter((n) => n.written).length;
	// Entries of notes whose write failed are no undo batch: a run that wrote nothing leaves none.
	const batch = await journal.opened();
	if (batch && written === 0) await vaultJournal(vault).discard(batch.file);
	// A folder without Omnivore notes is not given a `.omnivore-queue/` of ours.
	if (!options.dryRun && (stateExisted || omnivore.length > 0)) saveChecked(vault, print, checked);
	return {
		vault,
		dryRun: options.dryRun,
		scanned: listing.files.length,
		omnivoreNotes: omnivore.length,
		changed: omnivore.filter((n) => n.changed).length,
		written,
		keysChanged: omnivore.reduce((sum, n) => sum + n.keysChanged, 0),
		urlsUnwrapped: omnivore.reduce((sum, n) => sum + n.urlsUnwrapped, 0),
		failed: notes.filter((n) => n.problems.some(isFailure)).length,
		notes,
	};
}

/** What one note's processing needs from the run. */
interface NoteRun {
	tidier: NoteTidier;
	store: FileNoteStore;
	journal: LazyBatch;
	keepText: boolean;
	keepChanges: boolean;
}

function outcomeOf(path: string, text: string, result: TidyResult, run: NoteRun): NoteOutcome {
	const counts = countChanges(result.report.changes);
	// A change's text is a view into the note: copied, so the note itself is not kept in memory.
	const changes = run.keepChanges ? result.report.changes.map((c) => JSON.parse(JSON.stringify(c)) as typeof c) : [];
	const outcome: NoteOutcome = { path, ...result.report, changes, keysChanged: counts.properties, urlsUnwrapped: counts.imageUrls, written: false };
	if (run.keepText && result.report.changed) Object.assign(outcome, { before: text, after: result.text });
	return outcome;
}

/** What a dry run reports: the changes, and the reason a note would be left (read-only...). */
async function preview(path: string, text: string, run: NoteRun, engine: (text: string) => TidyResult): Promise<NoteOutcome> {
	const result = engine(text);
	const outcome = outcomeOf(path, text, result, run);
	if (!result.report.changed) return outcome;
	try {
		await run.store.checkWritable(path);
	} catch (error) {
		return leftUnwritten(outcome, error);
	}
	return outcome;
}

async function tidyOne(path: string, text: string, run: NoteRun, tidy: (text: string) => TidyResult): Promise<NoteOutcome> {
	try {
		const recorded = await tidyAndRecord(run.store, path, tidy, () => run.journal.get(), text);
		// The note may have been tidied again after an edit landed: report what was written.
		return { ...outcomeOf(path, recorded.before, recorded.result, run), written: recorded.written };
	} catch (error) {
		return leftUnwritten(outcomeOf(path, text, tidy(text), run), error);
	}
}

/** A note left as it was: not counted as changed, its problem says why. */
function leftUnwritten(outcome: NoteOutcome, error: unknown): NoteOutcome {
	const left = asNoteLeft(error);
	return { ...outcome, changed: false, keysChanged: 0, urlsUnwrapped: 0, problems: [...outcome.problems, { code: left.code, message: left.message }] };
}

/** Whether `.omnivore-queue/` holds anything besides the lock of this run. */
function holdsState(vault: string): boolean {
	try {
		return readdirSync(join(vault, STATE_FOLDER)).some((name) => name !== LOCK_NAME);
	} catch {
		return false;
	}
}

function saveChecked(vault: string, print: string, checked: Map<string, CheckedNote>): void {
	try {
		mkdirSync(join(vault, CHECKED_FILE, ".."), { recursive: true });
		writeChecked(vault, print, checked);
	} catch {
		// Only a speed-up: the next run reads every note again.
	}
}
