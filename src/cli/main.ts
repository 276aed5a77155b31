// The `omnivore-queue` command: runs the engine over a vault folder outside Obsidian.

import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { TidyOptions } from "../core";
import { parseCommandLine, USAGE, UsageError, type Request } from "./args";
import { formatDiffs, formatSummary, toJson } from "./formatSummary";
import { formatQueueTable, queueOfVault } from "./queueVault";
import { tidyVault } from "./tidyVault";
import { formatUndo, undoVault } from "./undoVault";
import { describeFsError } from "./vaultFiles";

declare const OMNIVORE_QUEUE_VERSION: string;

const VERSION = typeof OMNIVORE_QUEUE_VERSION === "string" ? OMNIVORE_QUEUE_VERSION : "dev";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface Output {
	out: (text: string) => void;
	err: (text: string) => void;
}

async function checkVault(path: string): Promise<void> {
	let info;
	try {
		info = await stat(path);
	} catch (error) {
		throw new UsageError(`Cannot open vault folder "${path}": ${describeFsError(error)}.`);
	}
	if (!info.isDirectory()) throw new UsageError(`"${path}" is not a folder; give the path of a vault folder.`);
}

function engineOptions(request: Extract<Request, { command: "tidy" | "queue" }>): Partial<TidyOptions> {
	const engine: Partial<TidyOptions> = { extraProxyBases: request.proxyHosts };
	if (request.omnivoreTag) engine.tagName = request.omnivoreTag.replace(/^#/, "");
	if (request.dateOrder) engine.dayMonthOrder = request.dateOrder;
	if (request.match) engine.match = request.match;
	if (request.omnivoreHosts.length > 0) engine.omnivoreHosts = request.omnivoreHosts;
	return engine;
}

async function runQueue(request: Extract<Request, { command: "queue" }>, output: Output): Promise<number> {
	await checkVault(request.vault);
	const items = queueOfVault(resolve(request.vault), request, engineOptions(request));
	output.out(request.json ? `${JSON.stringify({ items }, null, 2)}\n` : formatQueueTable(items));
	return EXIT_OK;
}

async function runTidy(request: Extract<Request, { command: "tidy" }>, output: Output): Promise<number> {
	await checkVault(request.vault);
	const engine = engineOptions(request);
	const report = await tidyVault(resolve(request.vault), { dryRun: request.dryRun, keepText: request.diff, engine, force: request.force, version: VERSION, keepChanges: request.json });
	report.vault = request.vault;
	if (request.json) {
		output.out(toJson(report));
		return EXIT_OK;
	}
	if (request.diff) {
		const diffs = formatDiffs(report);
		if (diffs) output.out(diffs + "\n");
	}
	output.out(formatSummary(report));
	return EXIT_OK;
}

export async function main(argv: string[], output: Output): Promise<number> {
	try {
		const request = parseCommandLine(argv);
		switch (request.command) {
			case "help":
				output.out(USAGE);
				return EXIT_OK;
			case "version":
				output.out(`${VERSION}\n`);
				return EXIT_OK;
			case "tidy":
				return await runTidy(request, output);
			case "queue":
				return await runQueue(request, output);
			case "undo":
				await checkVault(request.vault);
				output.out(formatUndo(await undoVault(resolve(request.vault))));
				return EXIT_OK;
		}
	} catch (error) {
		if (error instanceof UsageError) {
			output.err(`omnivore-queue: ${error.message}\nRun "omnivore-queue --help" for usage.\n`);
			return EXIT_USAGE;
		}
		const message = error instanceof Error ? error.message : String(error);
		output.err(`omnivore-queue: unexpected error: ${message}\n`);
		return EXIT_FAILURE;
	}
}
