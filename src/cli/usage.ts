// What each command takes and how its help reads: one table, so the parser and the help agree.

import { QUEUE_SORTS } from "../core";

export interface OptionSpec {
	type: "boolean" | "string";
	multiple?: boolean;
	short?: string;
	/** `<value>` shown after the option name, for string options. */
	value?: string;
	help: string;
}

export const COMMAND_NAMES = ["tidy", "queue", "images", "undo", "import"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

interface CommandSpec {
	/** What the command takes before its options (default `<vault>`). */
	args?: string;
	summary: string;
	about: string;
	options: Record<string, OptionSpec>;
}

const ENGINE: Record<string, OptionSpec> = {
	"omnivore-tag": {
		type: "string",
		value: "<name>",
		help: "Tag that marks Omnivore notes (default: Omnivore, also as part of a nested tag such as Type/Omnivore; a nested name is matched exactly).",
	},
	match: { type: "string", value: "<how>", help: "fingerprint (default): the tag, or the links Omnivore's plugin wrote; tag: the tag alone." },
	"omnivore-host": { type: "string", multiple: true, value: "<host>", help: "A self-hosted Omnivore whose /me/ links mark notes too (repeatable)." },
	"proxy-host": { type: "string", multiple: true, value: "<url>", help: "Also unwrap images of a self-hosted proxy (repeatable)." },
	"date-order": { type: "string", value: "<order>", help: "Read 03/04/2024 as day-first or month-first (default: report it)." },
};

export const COMMANDS: Record<CommandName, CommandSpec> = {
	tidy: {
		summary: "repair the Omnivore notes of a vault (back it up first)",
		about: "Normalizes the frontmatter of the notes the Omnivore plugin exported and points their proxied\nimages back to the original addresses. Every note it replaces is journaled first: `undo` puts it back.",
		options: {
			"dry-run": { type: "boolean", help: "Show what would change; write nothing." },
			diff: { type: "boolean", help: "Also show the changes as unified diffs." },
			json: { type: "boolean", help: "Print the full report as JSON." },
			force: { type: "boolean", help: "Read every note, even those the last run found clean and unchanged since." },
			"follow-links": { type: "boolean", help: "Also edit notes that are links to files outside the vault." },
			jobs: { type: "string", value: "<n>", help: "Tidy on n threads (default: one per core); notes, journal and report are the same." },
			...ENGINE,
		},
	},
	queue: {
		summary: "list the reading queue",
		about: "Lists the articles, newest saved first. Reads notes that were never tidied too.",
		options: {
			status: { type: "string", multiple: true, value: "<status>", help: "unread, reading, read, archived or unknown (repeatable; default: all)." },
			tag: { type: "string", multiple: true, value: "<tag>", help: "Only articles with this tag (repeatable: any of them)." },
			search: { type: "string", value: "<words>", help: "Only articles whose title, author, site or tags hold these words." },
			sort: { type: "string", value: "<order>", help: `${QUEUE_SORTS.join(", ")}.` },
			limit: { type: "string", value: "<n>", help: "At most n articles." },
			json: { type: "boolean", help: 'Print {"items": [...]} instead of a table.' },
			jobs: { type: "string", value: "<n>", help: "Read notes on n threads (default: one per core); the list is the same." },
			...ENGINE,
		},
	},
	images: {
		summary: "download the notes' images into the vault (uses the network)",
		about:
			"Downloads every remote image of the Omnivore notes into a folder of the vault and points the notes at\nthe files; a server error or timeout is tried again, a missing image is fetched from the archive.\nOnly this command uses the network. `undo` points the notes back at the remote images and\nremoves the files this run downloaded.\nExit code 1 also when an image could not be downloaded (each is listed with its notes and reason).",
		options: {
			"dry-run": { type: "boolean", help: "Say what would be downloaded; download and write nothing." },
			json: { type: "boolean", help: "Print the report as JSON." },
			folder: { type: "string", value: "<folder>", help: "Vault folder for the images (default: Omnivore/attachments)." },
			archive: { type: "string", value: "<template>", help: "Archive URL with {url} for gone images (default: the Wayback Machine)." },
			"no-archive": { type: "boolean", help: "Do not ask an archive for gone images." },
			concurrency: { type: "string", value: "<n>", help: "Downloads at once (default: 8; at most 6 from one host)." },
			"max-size": { type: "string", value: "<MB>", help: "Refuse larger images (default: 20; from 0.01 to 2048)." },
			timeout: { type: "string", value: "<seconds>", help: "Give up on a request after this long (default: 30; from 1 to 3600)." },
			"retry-failed": { type: "boolean", help: "Try again the images an earlier run could not download." },
			"omnivore-tag": ENGINE["omnivore-tag"],
			match: ENGINE.match,
			"omnivore-host": ENGINE["omnivore-host"],
			"proxy-host": ENGINE["proxy-host"],
		},
	},
	undo: {
		summary: "put back the notes of the last tidy, images run or import",
		about:
			"Puts back the notes of the last tidy or images run, or import (the notes and PDFs it created are\n" +
			"removed). A note edited since is left as it is; its text from before the run stays in the journal,\n" +
			"and --show prints it. A note it could not put back (read-only, a full disk) is put back by the\n" +
			"next undo, which takes the same run again until it is all back.",
		options: {
			"dry-run": { type: "boolean", help: "Show what would be restored; write nothing." },
			json: { type: "boolean", help: "Print the report as JSON." },
			"follow-links": { type: "boolean", help: "Also put back notes that are links to files outside the vault (tidy --follow-links)." },
			show: { type: "string", value: "<note>", help: "Print what this note (vault-relative path) held before the last tidy that changed it." },
		},
	},
	import: {
		args: "<export> <vault>",
		summary: "bring an Omnivore export (zip or unzipped folder) into a vault",
		about:
			"Gives each saved article of Omnivore's data export one note: the vault's own note (found by id,\n" +
			"Omnivore link or address) completed without overwriting anything, or a new one in the folder.\n" +
			"Every write is journaled first: `undo` takes the import back.",
		options: {
			"dry-run": { type: "boolean", help: "Show what would be created and completed; write nothing." },
			json: { type: "boolean", help: "Print each article's outcome as JSON." },
			folder: { type: "string", value: "<folder>", help: "Vault folder for new notes (default: Omnivore)." },
			"follow-links": { type: "boolean", help: "Also complete notes that are links to files outside the vault." },
			...ENGINE,
		},
	},
};

/** `<vault>`, or what else the command takes. */
export function commandArgs(name: CommandName): string {
	return COMMANDS[name].args ?? "<vault>";
}

const EXIT_CODES = "Exit codes: 0 done; 1 finished, but some notes could not be read or written (listed);\n2 usage error, or nothing could run (vault unreadable, another run holds the vault).";

function optionLines(options: Record<string, OptionSpec>): string[] {
	return Object.entries(options).map(([name, spec]) => `  ${`--${name}${spec.value ? ` ${spec.value}` : ""}`.padEnd(24)}${spec.help}`);
}

/** `omnivore-queue tidy <vault> [--dry-run] ... [--date-order <order>]`, wrapped under its start. */
function usageLine(name: CommandName): string {
	const start = `omnivore-queue ${name} ${commandArgs(name)}`;
	const lines = [start];
	for (const [option, spec] of Object.entries(COMMANDS[name].options)) {
		const word = `[--${option}${spec.value ? ` ${spec.value}` : ""}]`;
		if (lines[lines.length - 1].length + word.length + 1 > 96) lines.push(" ".repeat(start.length + 7));
		lines[lines.length - 1] += ` ${word}`;
	}
	return lines.join("\n");
}

export const USAGE = [
	"Usage: omnivore-queue <command> <vault> [options]",
	"",
	...COMMAND_NAMES.map((name) => `  ${`omnivore-queue ${name} ${commandArgs(name)}`.padEnd(40)}${COMMANDS[name].summary}`),
	"",
	'Run "omnivore-queue <command> --help" for the options of a command. In a vault where the Obsidian',
	"plugin keeps settings, the commands use them (its property names, tag, hosts, dates); flags override them.",
	"  -h, --help              Show help.",
	"  -v, --version           Show the version.",
	"",
	EXIT_CODES,
	"",
].join("\n");

export function commandHelp(name: CommandName): string {
	const spec = COMMANDS[name];
	return [`Usage: ${usageLine(name)}`, "", spec.about, "", ...optionLines(spec.options), "  -h, --help              Show this help.", "", EXIT_CODES, ""].join("\n");
}
