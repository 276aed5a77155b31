// The journal's storage on disk for the CLI: a dot-folder of the vault, which Obsidian and the walk skip.

import { appendFileSync, existsSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { Journal, type JournalLimits, type JournalStorage, type LazyBatch } from "../core";
import { writeFileAtomic } from "./atomicWrite";
import { RunStopped } from "./cannotRun";
import { describeFsError } from "./vaultFiles";
import { readStateText } from "./stateFile";
import { makeFolders } from "./vaultOwner";

export const JOURNAL_FOLDER = ".omnivore-queue/journal";

// Larger than the plugin's: one CLI run over a big vault is a single batch. Old batches go once a run
// is kept (`endRun`): a run that wrote nothing discards its batch and costs none of the five before it.
const CLI_LIMITS: JournalLimits = { batches: 5, bytes: 1024 * 1024 * 1024, pruneWhenKept: true };

/** Paths are vault-relative with `/`, as in the plugin; this resolves them against the vault. */
export function nodeStorage(vault: string): JournalStorage {
	const at = (path: string) => join(vault, ...path.split("/"));
	return {
		exists: async (path) => existsSync(at(path)),
		// Given the vault's owner under sudo as soon as it is made (a killed run gives nothing back).
		mkdir: async (path) => makeFolders(vault, at(path)),
		write: async (path, data) => {
			try {
				writeFileAtomic(at(path), data);
			} catch (error) {
				throw new RunStopped(`the journal for undo could not be written (${describeFsError(error)}); make room and run it again`);
			}
		},
		append: async (path, data) => {
			try {
				appendFileSync(at(path), data, "utf8");
			} catch (error) {
				// The note is left because of this: its report says why in words.
				throw new Error(`its journal entry could not be saved (${describeFsError(error)})`);
			}
		},
		read: async (path) => readStateText(at(path)),
		list: async (path) => {
			const entries = readdirSync(at(path), { withFileTypes: true });
			return {
				// A batch's name that is no file (a folder, a pipe, a link) is listed too: reading it then says why,
				// rather than undo passing over that run without a word.
				files: entries.filter((e) => e.isFile() || e.name.endsWith(".jsonl")).map((e) => `${path}/${e.name}`),
				folders: entries.filter((e) => e.isDirectory()).map((e) => `${path}/${e.name}`),
			};
		},
		remove: async (path) => unlinkSync(at(path)),
		stat: async (path) => {
			try {
				return { size: statSync(at(path)).size };
			} catch {
				return null;
			}
		},
	};
}

export function vaultJournal(vault: string): Journal {
	return new Journal(nodeStorage(vault), JOURNAL_FOLDER, CLI_LIMITS);
}

/**
 * At a run's end: the batch of a run that wrote nothing (its entries are of writes that failed) is
 * removed, so it pushes no real run out of the journal; a kept one makes older batches past the limits go.
 */
export async function endRun(vault: string, journal: LazyBatch, wrote: boolean): Promise<void> {
	const batch = await journal.opened();
	if (!batch) return;
	if (wrote) await vaultJournal(vault).kept();
	else await vaultJournal(vault).discard(batch.file);
}
