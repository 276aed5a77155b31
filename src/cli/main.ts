// The `omnivore-queue` command: runs the engine over a vault folder outside Obsidian.

import { stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { ExportError, type TidyOptions } from "../core";
import { commandHelp, parseCommandLine, UsageError, type Request } from "./args";
import { formatDiffs, formatSummary, toJson } from "./formatSummary";
import { formatImport, importIntoVault } from "./importVault";
import { NO_PROGRESS, progressBar } from "./progressBar";
import { formatQueueTable, formatUnreadable, queueOfVault } from "./queueVault";
import { tidyVault } from "./tidyVault";
import { formatUndo, showEarlierText, undoVault } from "./undoVault";
import { attachmentFolderProblem } from "./attachmentFolder";
import { CannotRun, stoppedLine } from "./cannotRun";
import { formatImagesReport, imagesVault } from "./imagesVault";
import { pluginSettings } from "./pluginSettings";
import { progressLine } from "./progress";
import { USAGE } from "./usage";
import { checkVault, lockVault, refuseRoot, withLock } from "./vaultChecks";
import { openFilesLimit, workersFor } from "./workerCount";

declare const OMNIVORE_QUEUE_VERSION: string;

const VERSION = typeof OMNIVORE_QUEUE_VERSION === "string" ? OMNIVORE_QUEUE_VERSION : "dev";

/** The run finished and every note it meant to read and write was read and written. */
export const EXIT_OK = 0;
/** The run finished, but some notes could not be read or written (they are listed). */
export const EXIT_FAILURE = 1;
/** A usage error, or nothing could run (vault unreadable, another run holds the vault). */
export const EXIT_USAGE = 2;

export interface Output {
	out: (text: string) => void;
	err: (text: string) => void;
	/** Standard output is a terminal: long runs draw a progress bar. */
	isTerminal?: boolean;
	/** The terminal's width, when it is one. */
	columns?: () => number | undefined;
}

/** What the process running the CLI offers: the script worker threads start from (the CLI bundle). */
export interface Host {
	workerScript?: string;
	/** How many files the process may hold open (tests); by default read from the system. */
	openFilesLimit?: () => number | null;
}

/** The plugin's settings in the vault (said on stderr when there are some), with the flags over them. */
function engineOptions(request: Extract<Request, { command: "tidy" | "queue" | "images" | "import" }>, output: Output): Partial<TidyOptions> {
	const plugin = pluginSettings(resolve(request.vault));
	if (plugin) {
		output.err(`omnivore-queue: with the settings of the Omnivore Queue plugin in this vault (${plugin.path}).\n`);
		for (const warning of plugin.warnings) output.err(`omnivore-queue: in ${plugin.path}: ${warning}\n`);
	}
	const saved: Partial<TidyOptions> = plugin?.options ?? {};
	const engine: Partial<TidyOptions> = {
		...saved,
		// Hosts and proxies given add to the plugin's.
		extraProxyBases: [...new Set([...(saved.extraProxyBases ?? []), ...request.proxyHosts])],
		omnivoreHosts: [...new Set([...(saved.omnivoreHosts ?? []), ...request.omnivoreHosts])],
	};
	if (request.omnivoreTag) engine.tagName = request.omnivoreTag.replace(/^#/, "");
	if (request.dateOrder) engine.dayMonthOrder = request.dateOrder;
	if (request.match) engine.match = request.match;
	return engine;
}

async function runQueue(request: Extract<Request, { command: "queue" }>, output: Output, host: Host): Promise<number> {
	await checkVault(request.vault);
	const { items, unreadable } = await queueOfVault(resolve(request.vault), request, engineOptions(request, output), VERSION, workersOf(host, request.jobs, output));
	output.out(request.json ? `${JSON.stringify({ items }, null, 2)}\n` : formatQueueTable(items));
	if (unreadable.length === 0) return EXIT_OK;
	output.err(formatUnreadable(unreadable));
	return EXIT_FAILURE;
}

function workersOf(host: Host, jobs: number | null, output: Output): { script: string; jobs: number } | undefined {
	return workersFor(host.workerScript, jobs, (host.openFilesLimit ?? openFilesLimit)(), output.err);
}

async function runTidy(request: Extract<Request, { command: "tidy" }>, output: Output, host: Host): Promise<number> {
	await checkVault(request.vault);
	const vault = resolve(request.vault);
	const options = {
		dryRun: request.dryRun,
		keepText: request.diff,
		engine: engineOptions(request, output),
		force: request.force,
		followLinks: request.followLinks,
		version: VERSION,
		keepChanges: request.json,
		workers: workersOf(host, request.jobs, output),
	};
	// A dry run writes nothing, so it needs no lock (and leaves no `.omnivore-queue/`).
	const report = request.dryRun ? await tidyVault(vault, options) : await withLock(vault, "tidy", () => tidyVault(vault, options));
	report.vault = request.vault;
	if (request.json) output.out(toJson(report));
	else {
		// The summary first: with many diffs it would scroll out of sight.
		output.out(formatSummary(report));
		if (request.diff) {
			const diffs = formatDiffs(report);
			if (diffs) output.out(`\n${diffs}`);
		}
	}
	return report.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

async function runImages(request: Extract<Request, { command: "images" }>, output: Output): Promise<number> {
	await checkVault(request.vault);
	const vault = resolve(request.vault);
	const options = { ...request, engine: engineOptions(request, output), onProgress: request.json ? undefined : progressLine(output) };
	const folderProblem = attachmentFolderProblem(vault, request.folder);
	if (folderProblem) throw new CannotRun(`The attachment folder "${request.folder}" ${folderProblem}; images are saved only in the vault's own visible folders (choose another with --folder).`);
	// A dry run makes no request and writes nothing, not even the lock.
	const report = request.dryRun ? await imagesVault(vault, options) : await withLock(vault, "images", () => imagesVault(vault, options));
	output.out(request.json ? `${JSON.stringify({ vault: request.vault, folder: request.folder, ...report }, null, 2)}\n` : formatImagesReport(report, request.folder));
	return report.notesFailed > 0 || report.failed.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** `--show` takes a note's path in the vault, or a path to it from here. */
function notePathInVault(vault: string, given: string): string {
	const fromHere = resolve(given);
	const inVault = relative(vault, fromHere);
	const outside = inVault.startsWith("..") || isAbsolute(inVault);
	const asGiven = isAbsolute(given) || (!existsSync(join(vault, given)) && existsSync(fromHere)) ? inVault : given;
	return (outside ? given : asGiven).split(sep).join("/").replace(/^\.\//, "");
}

async function runUndo(request: Extract<Request, { command: "undo" }>, output: Output): Promise<number> {
	await checkVault(request.vault);
	const vault = resolve(request.vault);
	if (request.show !== undefined) {
		const path = notePathInVault(vault, request.show);
		const shown = await showEarlierText(vault, path);
		if (!shown) {
			output.err(`omnivore-queue: the journal holds no earlier text of "${path}".\n`);
			return EXIT_FAILURE;
		}
		output.err(`${shown.note}\n`);
		output.out(shown.text);
		return EXIT_OK;
	}
	const { dryRun, followLinks } = request;
	const report = dryRun ? await undoVault(vault, { dryRun, followLinks }) : await withLock(vault, "undo", () => undoVault(vault, { dryRun, followLinks }));
	output.out(request.json ? `${JSON.stringify(report ?? { nothingToUndo: true }, null, 2)}\n` : formatUndo(report));
	// A note that could not be put back, or a late edit saved aside, needs the user's eye.
	return report && (report.skipped.some((s) => !s.edited) || report.lateEdits.length > 0) ? EXIT_FAILURE : EXIT_OK;
}

async function runImport(request: Extract<Request, { command: "import" }>, output: Output): Promise<number> {
	// A vault that does not exist yet is made once the export is known to be good, so bad input creates nothing.
	refuseRoot(request.vault, "import");
	const info = await stat(request.vault).catch(() => null);
	if (info && !info.isDirectory()) throw new UsageError(`"${request.vault}" is not a folder; give the path of a vault folder.`, "import");
	const vault = resolve(request.vault);
	const progress = output.isTerminal && !request.json ? progressBar(output.out, "Importing", output.columns) : NO_PROGRESS;
	let report;
	try {
		report = await importIntoVault(request.exportPath, vault, {
			folder: request.folder,
			dryRun: request.dryRun,
			followLinks: request.followLinks,
			engine: engineOptions(request, output),
			progress,
			lock: () => lockVault(vault, "import"),
		});
	} catch (error) {
		if (!(error instanceof ExportError)) throw error;
		// Bad input is not a usage mistake: one line saying what is wrong with the file, nothing written.
		output.err(`omnivore-queue: cannot import "${request.exportPath}": ${error.message}.\n`);
		return EXIT_USAGE;
	}
	output.out(request.json ? `${JSON.stringify(report, null, 2)}\n` : formatImport(report, request.exportPath, request.vault));
	// A file of the export that could not be read leaves its articles out: the import is not whole.
	return report.items.some((item) => item.failed) || report.exportFilesSkipped > 0 ? EXIT_FAILURE : EXIT_OK;
}

export async function main(argv: string[], output: Output, host: Host = {}): Promise<number> {
	try {
		const request = parseCommandLine(argv);
		switch (request.command) {
			case "help":
				output.out(request.topic ? commandHelp(request.topic) : USAGE);
				return EXIT_OK;
			case "version":
				output.out(`${VERSION}\n`);
				return EXIT_OK;
			case "tidy":
				return await runTidy(request, output, host);
			case "queue":
				return await runQueue(request, output, host);
			case "images":
				return await runImages(request, output);
			case "undo":
				return await runUndo(request, output);
			case "import":
				return await runImport(request, output);
		}
	} catch (error) {
		if (error instanceof UsageError) {
			const help = error.topic ? `omnivore-queue ${error.topic} --help` : "omnivore-queue --help";
			output.err(`omnivore-queue: ${error.message}\nRun "${help}" for usage.\n`);
			return EXIT_USAGE;
		}
		if (error instanceof CannotRun) {
			output.err(`omnivore-queue: ${error.message}\n`);
			return EXIT_USAGE;
		}
		output.err(stoppedLine(error));
		return EXIT_FAILURE;
	}
}
