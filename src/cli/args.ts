// Parses the command line into a request, or a usage error with one clear sentence. Each command has
// its own options and its own help.

import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_IMPORT_FOLDER, importFolder, isTagName, QUEUE_SORTS, QUEUE_STATUSES, type DayMonthOrder, type MatchMode, type QueueSort, type QueueStatus } from "../core";
import { COMMAND_NAMES, COMMANDS, commandHelp, type CommandName, type OptionSpec } from "./usage";
import { imagesArgs, type ImagesArgs } from "./imagesArgs";
import { UsageError } from "./usageError";

export interface EngineArgs {
	vault: string;
	json: boolean;
	omnivoreTag?: string;
	proxyHosts: string[];
	dateOrder?: DayMonthOrder;
	match?: MatchMode;
	omnivoreHosts: string[];
}

export type Request =
	| { command: "help"; topic?: CommandName }
	| { command: "version" }
	| { command: "undo"; vault: string; dryRun: boolean; json: boolean; followLinks: boolean; show?: string }
	| ({ command: "images" } & ImagesArgs & EngineArgs)
	| ({ command: "import"; exportPath: string; dryRun: boolean; folder: string; followLinks: boolean } & EngineArgs)
	| ({ command: "tidy"; dryRun: boolean; diff: boolean; force: boolean; followLinks: boolean; jobs: number | null } & EngineArgs)
	| ({ command: "queue"; statuses: QueueStatus[]; tags: string[]; search: string; sort: QueueSort; limit: number | null; jobs: number | null } & EngineArgs);

export { UsageError };

export { commandHelp };

const GLOBAL: Record<string, OptionSpec> = {
	help: { type: "boolean", short: "h", help: "" },
	version: { type: "boolean", short: "v", help: "" },
};

/** `--limit -1` reaches us as `--limit=-1`, so the value gets our message, not Node's ambiguity error. */
function joinDashValues(argv: string[], options: Record<string, OptionSpec>): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i].startsWith("--") ? argv[i].slice(2) : null;
		const next = argv[i + 1];
		if (name && options[name]?.type === "string" && next !== undefined && next.startsWith("-") && !(next.slice(2) in options) && next !== "-h" && next !== "-v") {
			out.push(`${argv[i]}=${next}`);
			i++;
		} else out.push(argv[i]);
	}
	return out;
}

/** Our sentence for what Node's parser refused: an unknown option, or one without its value. */
function explainRefusal(command: CommandName, argv: string[], options: Record<string, OptionSpec>): string {
	const shortNames = new Map(Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith("-") || arg === "-" || arg === "--") continue;
		const name = arg.startsWith("--") ? arg.slice(2).split("=")[0] : shortNames.get(arg.slice(1)) ?? null;
		if (name === null || !(name in options)) {
			const owner = COMMAND_NAMES.find((other) => other !== command && name !== null && name in COMMANDS[other].options);
			const hint = owner ? ` It belongs to the ${owner} command${name === "tag" && command === "tidy" ? "; tidy takes --omnivore-tag" : ""}.` : "";
			return `${command} has no option ${JSON.stringify(arg.split("=")[0])}.${hint}`;
		}
		if (options[name].type === "boolean" && arg.includes("=")) return `--${name} takes no value: give it to turn it on, leave it out to leave it off.`;
		if (options[name].type === "string" && !arg.includes("=")) {
			if (argv[i + 1] === undefined || argv[i + 1].startsWith("-")) return `--${name} needs a value.`;
			i++;
		}
	}
	return `${command} could not read its options.`;
}

function parseCommand(command: CommandName, argv: string[]) {
	const options = { ...COMMANDS[command].options, ...GLOBAL };
	const nodeOptions = Object.fromEntries(
		Object.entries(options).map(([name, { type, multiple, short }]) => [name, { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) }]),
	);
	try {
		return parseArgs({ args: joinDashValues(argv, options), allowPositionals: true, strict: true, options: nodeOptions });
	} catch {
		throw new UsageError(explainRefusal(command, argv, options), command);
	}
}

/** A path on the disk into the vault names that folder of it; any other path is read from the vault's root. */
function folderInVault(given: string, vault: string): string {
	if (!isAbsolute(given)) return given;
	const inVault = relative(resolve(vault), given);
	return inVault.startsWith("..") || isAbsolute(inVault) ? given : inVault;
}

export function parseCommandLine(argv: string[]): Request {
	const commandIndex = argv.findIndex((arg) => !arg.startsWith("-"));
	const word = commandIndex === -1 ? undefined : argv[commandIndex];
	if (word === undefined) {
		if (argv.some((a) => a === "-h" || a === "--help")) return { command: "help" };
		if (argv.some((a) => a === "-v" || a === "--version")) return { command: "version" };
		if (argv.length > 0) throw new UsageError(`Unknown option ${JSON.stringify(argv[0])}; give a command first.`);
		throw new UsageError("No command given.");
	}
	if (word === "help") {
		const topic = argv[commandIndex + 1];
		return { command: "help", topic: (COMMAND_NAMES as readonly string[]).includes(topic) ? (topic as CommandName) : undefined };
	}
	if (!(COMMAND_NAMES as readonly string[]).includes(word)) throw new UsageError(`Unknown command "${word}".`);
	const command = word as CommandName;
	const { values, positionals } = parseCommand(command, [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)]);
	if (values.help) return { command: "help", topic: command };
	if (values.version) return { command: "version" };
	const flag = (name: string) => values[name] === true;
	const text = (name: string) => values[name] as string | undefined;
	const list = (name: string) => (values[name] as string[] | undefined) ?? [];
	if (command === "import") {
		const [exportPath, vault, ...extra] = positionals;
		if (exportPath === undefined || vault === undefined) throw new UsageError("import needs the export (a zip file or the folder it was unzipped to) and the vault folder.", command);
		if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`, command);
		const engine = engineArgs(command, vault, flag("json"), text("omnivore-tag"), list("proxy-host"), text("date-order"), text("match"), list("omnivore-host"));
		const folder = importFolder(folderInVault(text("folder") ?? DEFAULT_IMPORT_FOLDER, vault));
		if (!folder.ok) throw new UsageError(`--folder ${folder.reason}.`, command);
		return { command, exportPath, dryRun: flag("dry-run"), folder: folder.folder, followLinks: flag("follow-links"), ...engine };
	}
	const [vault, ...extra] = positionals;
	if (vault === undefined) throw new UsageError(`${command} needs the path of a vault folder.`, command);
	if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`, command);
	if (command === "undo") {
		const show = text("show");
		if (show !== undefined && show.trim() === "") throw new UsageError("--show needs the path of a note in the vault.", command);
		return { command, vault, dryRun: flag("dry-run"), json: flag("json"), followLinks: flag("follow-links"), show };
	}
	const engine = engineArgs(command, vault, flag("json"), text("omnivore-tag"), list("proxy-host"), text("date-order"), text("match"), list("omnivore-host"));
	if (command === "images") {
		const folder = text("folder");
		return { command, ...imagesArgs({ ...values, folder: folder === undefined ? undefined : folderInVault(folder, vault) }), ...engine };
	}
	if (command === "tidy") {
		return { command, dryRun: flag("dry-run"), diff: flag("diff"), force: flag("force"), followLinks: flag("follow-links"), jobs: positiveCount(text("jobs"), "--jobs", command), ...engine };
	}
	const queue = queueArgs(list("status"), list("tag"), text("search") ?? "", text("sort") ?? "saved-newest", text("limit"));
	return { command, ...queue, jobs: positiveCount(text("jobs"), "--jobs", command), ...engine };
}

function engineArgs(
	command: CommandName,
	vault: string,
	json: boolean,
	tag: string | undefined,
	hosts: string[],
	dateOrder: string | undefined,
	match: string | undefined,
	omnivoreHosts: string[],
): EngineArgs {
	if (dateOrder !== undefined && dateOrder !== "day-first" && dateOrder !== "month-first") {
		throw new UsageError(`--date-order must be day-first or month-first, not "${dateOrder}".`, command);
	}
	for (const host of hosts) {
		if (!/^https?:\/\/[^/\s]+/i.test(host)) throw new UsageError(`--proxy-host needs an address such as http://localhost:7070, not "${host}".`, command);
	}
	if (tag !== undefined && !isTagName(tag)) {
		throw new UsageError(`--omnivore-tag needs a tag name such as Omnivore, not ${JSON.stringify(tag)}.`, command);
	}
	if (match !== undefined && match !== "tag" && match !== "fingerprint") throw new UsageError(`--match must be tag or fingerprint, not "${match}".`, command);
	for (const host of omnivoreHosts) {
		if (!/^(?:https?:\/\/)?[^/\s:]+(?::\d+)?\/?$/i.test(host)) throw new UsageError(`--omnivore-host needs a host such as omnivore.example.com, not "${host}".`, command);
	}
	return { vault, json, omnivoreTag: tag?.trim(), proxyHosts: hosts, dateOrder, match, omnivoreHosts };
}

function queueArgs(rawStatuses: string[], tags: string[], search: string, sort: string, rawLimit: string | undefined) {
	const statuses = rawStatuses.flatMap((s) => s.split(",")).map((s) => s.trim().toLowerCase());
	const unknown = statuses.find((s) => !(QUEUE_STATUSES as readonly string[]).includes(s));
	if (unknown !== undefined) throw new UsageError(`--status must be one of ${QUEUE_STATUSES.join(", ")}, not "${unknown}".`, "queue");
	if (!(QUEUE_SORTS as readonly string[]).includes(sort)) throw new UsageError(`--sort must be one of ${QUEUE_SORTS.join(", ")}, not "${sort}".`, "queue");
	return { statuses: statuses as QueueStatus[], tags, search, sort: sort as QueueSort, limit: positiveCount(rawLimit, "--limit", "queue") };
}

/** A positive whole number given to an option, or null when the option was not given. */
function positiveCount(raw: string | undefined, option: string, command: CommandName): number | null {
	const count = raw === undefined ? null : /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
	if (count !== null && !(Number.isSafeInteger(count) && count > 0)) throw new UsageError(`${option} needs a positive whole number, not "${raw}".`, command);
	return count;
}
