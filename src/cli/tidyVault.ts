// Runs the engine over every note of a vault folder and collects one report for the whole run.

import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LazyBatch, NoteTidier, type TidyOptions } from "../core";
import { CHECKED_FILE, fingerprint, readChecked, stampOf, writeChecked, type CheckedNote } from "./checkedNotes";
import { FileNoteStore } from "./fileNoteStore";
import { lateEditProblem } from "./lateEditsSaved";
import { endRun, vaultJournal } from "./journalStorage";
import { removeLeftovers } from "./leftovers";
import { startTidyPool, type TidyPool } from "./tidyPool";
import { doNote, isFailure, leftUnwritten, readNote, untouched, type NoteDone, type NoteOutcome, type NoteRun } from "./tidyNote";
import { LOCK_NAME, STATE_FOLDER } from "./vaultLock";
import { listNotes, type VaultFile } from "./vaultFiles";

export { isFailure, type NoteOutcome } from "./tidyNote";

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

export async function tidyVault(vault: string, options: TidyVaultOptions): Promise<VaultReport> {
	const tidier = new NoteTidier(options.engine);
	// Opened on the first write: a run that changes nothing leaves no batch behind.
	const journal = new LazyBatch(vaultJournal(vault), LABEL);
	const settings = {
		engine: tidier.options,
		dryRun: options.dryRun,
		keepText: options.keepText,
		keepChanges: options.keepChanges ?? false,
		followLinks: options.followLinks ?? false,
		vault,
	};
	const appendEntry = async (line: string) => (await journal.get()).appendEntry(line);
	let pool: TidyPool | null = null;
	try {
		return await tidyWith(vault, options, tidier, journal, (notesToRead) => (pool = startTidyPool(options.workers, settings, notesToRead, appendEntry)));
	} finally {
		await (pool as TidyPool | null)?.close();
	}
}

/** A note under way on a worker (null when it is done on this thread), or read here. */
type Prepared = { onWorker: Promise<NoteDone | null> } | { text: string } | { error: unknown };

// Notes sent ahead per worker: enough to keep every worker busy while this thread assembles the report.
const AHEAD_PER_WORKER = 64;

async function tidyWith(vault: string, options: TidyVaultOptions, tidier: NoteTidier, journal: LazyBatch, startWorkers: (notesToRead: number) => TidyPool | null): Promise<VaultReport> {
	const stateExisted = holdsState(vault);
	const print = fingerprint(options.version ?? "dev", tidier.options);
	const earlier = options.force ? new Map<string, CheckedNote>() : readChecked(vault, print);
	const checked = new Map<string, CheckedNote>();
	const listing = listNotes(vault);
	if (!options.dryRun) removeLeftovers(vault, listing, options.followLinks);
	const byPath = new Map<string, VaultFile>(listing.files.map((file) => [file.path, file]));
	let pool: TidyPool | null = null;
	const store = new FileNoteStore((path) => byPath.get(path) as VaultFile, { followLinks: options.followLinks ?? false, vault });
	const run: NoteRun = { tidier, store, journal, keepText: options.keepText, keepChanges: options.keepChanges ?? false };
	// By path, in the order found: a note tidied again replaces its first outcome.
	const found = new Map<string, NoteOutcome>([
		...listing.unreadable.map(({ path, reason }) => [path, untouched(path, false, [{ code: "unreadable-file", message: `The folder could not be read: ${reason}.` }])] as const),
		...listing.notFiles.map(({ path, reason }) => [path, untouched(path, false, [{ code: "unreadable-file", message: `The note could not be read: ${reason}.` }])] as const),
	]);
	const prepare = (file: VaultFile): Prepared => (pool ? { onWorker: pool.note(file) } : readNote(store, file));
	// A note a worker gave back (it stopped) is read again and done here.
	const doHere = (file: VaultFile, prepared: Prepared): Promise<NoteDone> => doNote(file, "onWorker" in prepared ? readNote(store, file) : prepared, run, options.dryRun);
	const finish = async (file: VaultFile, stamp: string | null, prepared: Prepared): Promise<void> => {
		const done = ("onWorker" in prepared ? await prepared.onWorker : null) ?? (await doHere(file, prepared));
		const { outcome } = done;
		const now = outcome.written ? done.stamp : stamp;
		const clean = !outcome.changed || outcome.written;
		if (clean && now && !outcome.problems.some(isFailure)) checked.set(file.path, { stamp: now, omnivore: outcome.isOmnivoreNote, problems: outcome.problems });
		// A note left alone can still have something to say (tagged, but no saved article).
		if (!outcome.isOmnivoreNote && outcome.problems.length === 0) return;
		found.set(file.path, outcome);
	};
	const visit = (file: VaultFile, stamp: string | null): Promise<void> => finish(file, stamp, readNote(store, file));
	// In the vault's order: each note's outcome is taken in turn into the report, while the notes after
	// it are done on the workers (or, without workers, each note is done here in turn).
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
		// Taken in by halves: the notes after are then sent to the workers in batches, and each message
		// that wakes a thread carries many notes (one at a time, the wake-ups cost more than the work).
		if (ahead.length > limit) while (ahead.length > limit / 2) await (ahead.shift() as () => Promise<void>)();
	}
	for (const step of ahead.splice(0)) await step();
	// An edit that reached a note only as it was replaced was put back: that note is tidied again.
	const onWorkers = pool ? await pool.settle() : { putBack: [], saved: [] };
	for (let round = 0; ; round++) {
		const putBack = [...(round === 0 ? onWorkers.putBack : []), ...(await store.settle())];
		if (putBack.length === 0) break;
		for (const path of putBack) {
			const outcome = found.get(path);
			if (round < 2) await visit(byPath.get(path) as VaultFile, null);
			else if (outcome) found.set(path, leftUnwritten(outcome, new Error("it kept changing while it was being tidied")));
		}
		if (round >= 2) break;
	}
	for (const late of [...onWorkers.saved, ...store.lateEditsSaved()]) {
		checked.delete(late.path);
		const outcome = found.get(late.path) ?? untouched(late.path, true, []);
		found.set(late.path, { ...outcome, problems: [...outcome.problems, lateEditProblem(late)] });
	}
	const notes = [...found.values()];
	const omnivore = notes.filter((n) => n.isOmnivoreNote);
	const written = omnivore.filter((n) => n.written).length;
	// Entries of notes whose write failed are no undo batch: a run that wrote nothing leaves none.
	await endRun(vault, journal, written > 0);
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
