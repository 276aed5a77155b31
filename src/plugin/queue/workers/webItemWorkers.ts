// The queue's worker threads in Obsidian: Web Workers started from the bundled worker script through
// a blob URL (as Dataview starts its importers), on desktop and mobile alike (decision 0028).

import { Platform, type Component } from "obsidian";
import source from "omnivore-queue-item-worker";
import { workersFromBytes, type ItemWorker, type ItemWorkerPlan } from "./itemWorkers";

/**
 * Workers for the queue's builds: one a core (the main thread mostly waits on them), four at most,
 * two on a phone; none where Web Workers do not run or a single core would gain nothing.
 * The blob URL is made at the first start and revoked when `owner` unloads.
 */
export function webItemWorkers(owner: Component): ItemWorkerPlan | null {
	const cores = typeof navigator === "undefined" ? 1 : (navigator.hardwareConcurrency ?? 1);
	if (source === "" || typeof Worker === "undefined" || typeof Blob === "undefined" || cores < 2) return null;
	let url: string | null = null;
	owner.register(() => {
		if (url !== null) URL.revokeObjectURL(url);
	});
	return {
		size: Math.min(cores, Platform.isMobile ? 2 : 4),
		minBytes: workersFromBytes(cores),
		start: () => {
			url ??= URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
			return new Worker(url, { name: "Omnivore Queue: reading notes" }) as unknown as ItemWorker;
		},
	};
}
