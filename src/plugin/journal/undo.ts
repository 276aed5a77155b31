// Puts back the notes of the last journaled batch, skipping any note edited since it was tidied.

import type { TFile, Vault } from "obsidian";
import { hashText } from "../../core";
import type { Journal, JournalEntry } from "./journal";

export interface UndoOutcome {
	label: string;
	restored: string[];
	/** Notes changed since they were tidied (or gone), left as they are. */
	skipped: Array<{ path: string; reason: string }>;
}

type UndoVault = Pick<Vault, "getFileByPath" | "process">;

/** Entries grouped per note, newest first: a note tidied twice is put back step by step. */
function newestFirstByPath(entries: JournalEntry[]): Map<string, JournalEntry[]> {
	const byPath = new Map<string, JournalEntry[]>();
	for (const entry of [...entries].reverse()) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
	return byPath;
}

export async function undoLastBatch(journal: Journal, vault: UndoVault): Promise<UndoOutcome | null> {
	const batch = await journal.latest();
	if (!batch) return null;
	const outcome: UndoOutcome = { label: batch.label, restored: [], skipped: [] };
	for (const [path, entries] of newestFirstByPath(batch.entries)) {
		const file: TFile | null = vault.getFileByPath(path);
		if (!file) {
			outcome.skipped.push({ path, reason: "it was moved or deleted" });
			continue;
		}
		let restored = false;
		let edited = false;
		await vault.process(file, (current) => {
			let text = current;
			for (const [i, entry] of entries.entries()) {
				if (hashText(text) === entry.afterHash) {
					text = entry.before;
					restored = true;
				} else if (i === 0) {
					// The newest write no longer matches: the note was edited since.
					edited = true;
					break;
				}
				// An older entry that does not match is a write that never happened (a retried one).
			}
			return text;
		});
		if (restored) outcome.restored.push(path);
		else if (edited) outcome.skipped.push({ path, reason: "it was edited after it was tidied" });
	}
	await journal.discard(batch.file);
	return outcome;
}
