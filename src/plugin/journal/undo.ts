// Puts back the notes of the last journaled batch, skipping any note edited since it was tidied.

import type { Vault } from "obsidian";
import { decideRestore, entriesByNote, type Journal } from "../../core";

export interface UndoOutcome {
	label: string;
	restored: string[];
	/** Notes changed since they were tidied (or gone), left as they are. */
	skipped: Array<{ path: string; reason: string }>;
}

type UndoVault = Pick<Vault, "getFileByPath" | "process">;

export async function undoLastBatch(journal: Journal, vault: UndoVault): Promise<UndoOutcome | null> {
	const batch = await journal.latest();
	if (!batch) return null;
	const outcome: UndoOutcome = { label: batch.label, restored: [], skipped: [] };
	for (const [path, entries] of entriesByNote(batch.entries)) {
		const file = vault.getFileByPath(path);
		if (!file) {
			outcome.skipped.push({ path, reason: "it was moved or deleted" });
			continue;
		}
		let decision: ReturnType<typeof decideRestore> = { kind: "unchanged" };
		await vault.process(file, (current) => {
			decision = decideRestore(current, entries);
			return decision.kind === "restore" ? decision.text : current;
		});
		const decided = decision as ReturnType<typeof decideRestore>;
		if (decided.kind === "restore") outcome.restored.push(path);
		else if (decided.kind === "edited") outcome.skipped.push({ path, reason: "it was edited after it was tidied" });
	}
	await journal.discard(batch.file);
	return outcome;
}
