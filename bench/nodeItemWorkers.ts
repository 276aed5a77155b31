// The queue's worker threads as the benchmark runs them: the plugin's own worker script (bundled as
// the plugin bundles it) in `worker_threads`, behind the Web Worker shape the queue index expects.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import source from "omnivore-queue-item-worker";
import { workersFromBytes, type ItemWorker, type ItemWorkerPlan } from "../src/plugin/queue/workers/itemWorkers";

// What a Web Worker's global scope gives the script: `self.onmessage` and `self.postMessage`.
const WEB_WORKER_SCOPE = `const { parentPort } = require("node:worker_threads");
globalThis.self = { postMessage: (message) => parentPort.postMessage(message), set onmessage(handler) { parentPort.on("message", (data) => handler({ data })); } };
`;

/** As many workers as the plugin starts on a desktop with this machine's cores. */
export function nodeItemWorkers(): ItemWorkerPlan {
	return {
		size: Math.min(availableParallelism(), 4),
		minBytes: workersFromBytes(availableParallelism()),
		start: () => {
			const thread = new Worker(WEB_WORKER_SCOPE + source, { eval: true });
			const worker: ItemWorker = {
				onmessage: null,
				onerror: null,
				postMessage: (message) => thread.postMessage(message),
				terminate: () => void thread.terminate(),
			};
			thread.on("message", (data: Parameters<NonNullable<ItemWorker["onmessage"]>>[0]["data"]) => worker.onmessage?.({ data }));
			thread.on("error", (error) => worker.onerror?.(error));
			return worker;
		},
	};
}
