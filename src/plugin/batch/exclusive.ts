// One run at a time: tidies, imports, image downloads and undo all write notes and journal batches,
// and an undo in the middle of a run would take back half of it while the run goes on writing.

import { Notice } from "obsidian";
import type { PluginContext } from "../context";

export const BUSY = "Another run is under way; try again once it has ended (its notice can cancel it).";

/** Run `work` unless another run is under way (then say so and resolve null). */
export async function exclusive<T>(context: PluginContext, work: () => Promise<T>): Promise<T | null> {
	if (context.batchRunning) {
		new Notice(BUSY);
		return null;
	}
	context.batchRunning = true;
	try {
		// Automatic cleanup starts nothing while a run is under way; one already writing ends first,
		// so an undo never takes back a batch that cleanup is still adding to.
		await context.automaticIdle();
		return await work();
	} finally {
		context.batchRunning = false;
	}
}
