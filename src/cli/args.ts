// Parses the command line into a request, or a usage error with one clear sentence.

import { parseArgs } from "node:util";
import type { DayMonthOrder } from "../core";

export const USAGE = `Usage: omnivore-queue tidy <vault> [options]

Repairs the notes the Omnivore plugin exported into an Obsidian vault: normalizes their
frontmatter and points proxied images back to their original addresses.

Options:
  --dry-run             Show what would change; write nothing.
  --diff                Show the changes as unified diffs.
  --json                Print the full report as JSON.
  --tag <name>          Tag that marks Omnivore notes (default: Omnivore).
  --proxy-host <url>    Also unwrap images of a self-hosted proxy (repeatable).
  --date-order <order>  Read 03/04/2024 as day-first or month-first (default: report it).
  -h, --help            Show this help.
  -v, --version         Show the version.
`;

export type Request =
	| { command: "help" }
	| { command: "version" }
	| {
			command: "tidy";
			vault: string;
			dryRun: boolean;
			diff: boolean;
			json: boolean;
			tag?: string;
			proxyHosts: string[];
			dateOrder?: DayMonthOrder;
	  };

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
				json: { type: "boolean", default: false },
				tag: { type: "string" },
				"proxy-host": { type: "string", multiple: true, default: [] },
				"date-order": { type: "string" },
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
	if (command !== "tidy") throw new UsageError(`Unknown command "${command}".`);
	if (vault === undefined) throw new UsageError("tidy needs the path of a vault folder.");
	if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
	const dateOrder = values["date-order"];
	if (dateOrder !== undefined && dateOrder !== "day-first" && dateOrder !== "month-first") {
		throw new UsageError(`--date-order must be day-first or month-first, not "${dateOrder}".`);
	}
	for (const host of values["proxy-host"]) {
		if (!/^https?:\/\/[^/\s]+/i.test(host)) throw new UsageError(`--proxy-host needs an address such as http://localhost:7070, not "${host}".`);
	}
	return {
		command: "tidy",
		vault,
		dryRun: values["dry-run"],
		diff: values.diff,
		json: values.json,
		tag: values.tag,
		proxyHosts: values["proxy-host"],
		dateOrder,
	};
}
