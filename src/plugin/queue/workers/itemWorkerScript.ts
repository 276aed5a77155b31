// The script of the queue's worker threads (decision 0028), bundled on its own by the build
// (scripts/itemWorkerSource.mjs): it answers each batch of notes with their items. It imports the
// engine only: a worker has no `obsidian` and no DOM.

import { indexRequestHandler, type IndexRequest } from "../../../core/queue/indexNotes";

interface WorkerScope {
	onmessage: ((event: { data: IndexRequest }) => void) | null;
	onmessageerror: (() => void) | null;
	postMessage(message: unknown): void;
}

const answer = indexRequestHandler();
const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(answer(event.data));
// A request that could not be read has no id to answer: a reply that answers nothing makes the
// main thread build that batch (and the others sent here) itself.
scope.onmessageerror = () => scope.postMessage(null);
