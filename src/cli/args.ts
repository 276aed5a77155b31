// Parses the command line into a request, or a usage error with one clear sentence.

import { parseArgs } from "node:util";
import { QUEUE_SORTS, QUEUE_STATUSES, type DayMonthOrder, type MatchMode, type QueueSort, type QueueStatus } from "../core";

export const USAGE = `Usage:
  omnivore-queue tidy <vault> [options]    repair the Omnivore notes of a vault
  omnivore-queue queue <vault> [options]   list the reading queue
  omnivore-queue undo <vault>              put back the notes of the last tidy run

tidy normalizes the frontmatter of the notes the Omnivore plugin exported and points their
proxied images back to the original addresses.
  --dry-run             Show what would change; write nothing.
  --diff                Show the changes as unified diffs.
  --json                Print the full report as JSON.
  --force               Read every note, even those the last run found clean and unchanged since.

queue lists the articles, newest saved first.
  --status <status>     unread, reading, read, archived or unknown (repeatable; default: all).
  --tag <tag>           Only articles with this tag (repeatable: any of them).
  --search <words>      Only articles whose title, author or site hold these words.
  --sort <order>        ${QUEUE_SORTS.join(", ")}.
  --limit <n>           At most n articles.
  --json                Print {"items": [...]} instead of a table.

Both:
  --omnivore-tag <name> Tag that marks Omnivore notes (default: Omnivore, also as part of a
                        nested tag such as Type/Omnivore; a nested name is matched exactly).
  --match <how>         fingerprint (default): the tag, or the links Omnivore's plugin wrote;
                        tag: the tag alone.
  --omnivore-host <host> A self-hosted Omnivore whose /me/ links mark notes too (repeatable).
  --proxy-host <url>    Also unwrap images of a self-hosted proxy (repeatable).
  --date-order <order>  Read 03/04/2024 as day-first or month-first (default: report it).
  -h, --help            Show this help.
  -v, --version         Show the version.
`;

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
	| { command: "help" }
	| { command: "version" }
	| { command: "undo"; vault: string }
	| ({ command: "tidy"; dryRun: boolean; diff: boolean; force: boolean } & EngineArgs)
	| ({ command: "queue"; statuses: QueueStatus[]; tags: string[]; search: string; sort: QueueSort; limit: number | null } & EngineArgs);

export class UsageError extends Error {}

export function parseCommandLine(argv: string[]): Request {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				"dry-run": { type: "boolean", default: false },
				diff: { type: "boolean", default: false },
				force: { type: "boolean", default: false },
				json: { type: "boolean", default: false },
				"omnivore-tag": { type: "string" },
				status: { type: "string", multiple: true, default: [] },
				tag: { type: "string", multiple: true, default: [] },
				search: { type: "string", default: "" },
				sort: { type: "string", default: "saved-newest" },
				limit: { type: "string" },
				"proxy-host": { type: "string", multiple: true, default: [] },
				"date-order": { type: "string" },
				match: { type: "string" },
				"omnivore-host": { type: "string", multiple: true, default: [] },
				help: { type: "boolean", short: "h", default: false },
				version: { type: "boolean", short: "v", default: false },
			},
		});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const { values, positionals } = parsed;
	if (values.help) return { command: "help" };
	if (values.version) return { command: "version" };
	const [command, vault, ...extra] = positionals;
	if (command === undefined) throw new UsageError("No command given.");
	if (command === "help") return { command: "help" };
	if (command !== "tidy" && command !== "queue" && command !== "undo") throw new UsageError(`Unknown command "${command}".`);
	if (vault === undefined) throw new UsageError(`${command} needs the path of a vault folder.`);
	if (command === "undo") return { command, vault };
	if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
	const dateOrder = values["date-order"];
	if (dateOrder !== undefined && dateOrder !== "day-first" && dateOrder !== "month-first") {
		throw new UsageError(`--date-order must be day-first or month-first, not "${dateOrder}".`);
	}
	for (const host of values["proxy-host"]) {
		if (!/^https?:\/\/[^/\s]+/i.test(host)) throw new UsageError(`--proxy-host needs an address such as http://localhost:7070, not "${host}".`);
	}
	const match = values.match;
	if (match !== undefined && match !== "tag" && match !== "fingerprint") throw new UsageError(`--match must be tag or fingerprint, not "${match}".`);
	for (const host of values["omnivore-host"]) {
		if (!/^(?:https?:\/\/)?[^/\s:]+(?::\d+)?\/?$/i.test(host)) throw new UsageError(`--omnivore-host needs a host such as omnivore.example.com, not "${host}".`);
	}
	const engine: EngineArgs = {
		vault,
		json: values.json,
		omnivoreTag: values["omnivore-tag"],
		proxyHosts: values["proxy-host"],
		dateOrder,
		match,
		omnivoreHosts: values["omnivore-host"],
	};
	if (command === "tidy") {
		const queueOnly = values.tag.length > 0 ? "--tag" : values.status.length > 0 ? "--status" : values.search ? "--search" : values.limit ? "--limit" : null;
		if (queueOnly) throw new UsageError(`${queueOnly} belongs to the queue command${queueOnly === "--tag" ? "; tidy takes --omnivore-tag" : ""}.`);
		return { command, dryRun: values["dry-run"], diff: values.diff, force: values.force, ...engine };
	}
	if (values["dry-run"] || values.diff) throw new UsageError("--dry-run and --diff belong to the tidy command.");
	const statuses = values.status.flatMap((s) => s.split(",")).map((s) => s.trim().toLowerCase());
	const unknown = statuses.find((s) => !(QUEUE_STATUSES as readonly string[]).includes(s));
	if (unknown !== undefined) throw new UsageError(`--status must be one of ${QUEUE_STATUSES.join(", ")}, not "${unknown}".`);
	if (!(QUEUE_SORTS as readonly string[]).includes(values.sort)) throw new UsageError(`--sort must be one of ${QUEUE_SORTS.join(", ")}, not "${values.sort}".`);
	const limit = values.limit === undefined ? null : Number(values.limit);
	if (limit !== null && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit needs a positive whole number, not "${values.limit}".`);
	return {
		command,
		statuses: statuses as QueueStatus[],
		tags: values.tag,
		search: values.search,
		sort: values.sort as QueueSort,
		limit,
		...engine,
	};
}
