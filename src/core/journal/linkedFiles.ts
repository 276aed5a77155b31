// Which files a run created are still named in the vault's notes (and canvases), so undo keeps them.
// A guess that errs on keeping: a note "links to" a file when its text, read the way links are
// written (percent-encoded, HTML-escaped, with Markdown or JSON backslash escapes, either Unicode form,
// any case, as Obsidian resolves links without regard to case), holds the file's name right after a
// path's start or a `/`, anywhere but at the end of a web address: a note put back holds the image's
// original address, which ends with the same name.

import { decodeHtmlEntities } from "../htmlEntities";

// What may stand just before a file's name in a link: a path's start, or the `/` of a folder.
const BEFORE_NAME = new Set([..." \t\n\r([<\"'|=`>/\\:"]);
// What ends the path or address a name stands in, looking back from the name.
const BEFORE_PATH = new Set([..." \t\n\r([<\"'|=`>"]);
// A scheme and two slashes (the text is decoded first); not `file:`, which may name the vault's file.
const WEB_ADDRESS = /^(?!file:)[a-z][a-z0-9+.-]*:\/\//;
// Stryker disable next-line all: a bound on the look back, far above any path a note holds
const LONGEST_PATH = 4096;
const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/g;
// A backslash before ASCII punctuation: a Markdown escape (`a\(1\).png`), or JSON's `\/`.
const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Whether the name at `start` of `text` ends a web address (`https://example.com/chart.png`), not a path in the vault. */
function inWebAddress(text: string, start: number): boolean {
	let from = start;
	// Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: bounds of the look back (the text's start, and a length no path reaches); the delimiter ends it first.
	while (from > 0 && start - from < LONGEST_PATH && !BEFORE_PATH.has(text[from - 1])) from--;
	return WEB_ADDRESS.test(text.slice(from, start));
}

function decodePercentRun(run: string): string {
	try {
		return decodeURIComponent(run);
	} catch {
		// Not UTF-8 (`%E9` alone): left as written.
		return run;
	}
}

/** A text as its links name files: unescaped, decoded, one Unicode form, lower case. */
function asLinksRead(text: string): string {
	return decodeHtmlEntities(text.replace(BACKSLASH_ESCAPE, "$1").replace(PERCENT_RUN, decodePercentRun)).normalize("NFC").toLowerCase();
}

/** The part after the last dot, or "" for a name without one. */
function extensionOf(name: string): string {
	const dot = name.lastIndexOf(".");
	return dot <= 0 ? "" : name.slice(dot + 1);
}

interface Named {
	/** Lengths of the names with this extension: only substrings of these lengths can match. */
	lengths: Set<number>;
	/** Each name (as links are read) and the files it names. */
	files: Map<string, string[]>;
}

export class LinkedFiles {
	/** By extension: a text is searched from each place the extension ends a name. */
	private readonly byExtension = new Map<string, Named>();
	private readonly withoutExtension: Array<{ name: string; path: string }> = [];

	constructor(paths: readonly string[]) {
		for (const path of paths) {
			const name = (path.split("/").pop() ?? path).normalize("NFC").toLowerCase();
			const extension = extensionOf(name);
			if (extension === "") {
				this.withoutExtension.push({ name, path });
				continue;
			}
			const named = this.byExtension.get(extension) ?? { lengths: new Set<number>(), files: new Map<string, string[]>() };
			named.lengths.add(name.length);
			named.files.set(name, [...(named.files.get(name) ?? []), path]);
			this.byExtension.set(extension, named);
		}
	}

	/** Whether a name found at `start` of `text` stands where a link's file name stands. */
	private static isLinkName(text: string, start: number): boolean {
		return (start === 0 || BEFORE_NAME.has(text[start - 1])) && !inWebAddress(text, start);
	}

	/**
	 * The files `text` names. Each place a known extension stands after a dot is looked at once, with
	 * the names that end there; a text is not searched once per file (undo of a run that downloaded
	 * thousands of images reads every note of the vault).
	 */
	namedIn(text: string): Set<string> {
		const found = new Set<string>();
		const read = asLinksRead(text);
		for (const [extension, named] of this.byExtension) {
			const suffix = `.${extension}`;
			for (let at = read.indexOf(suffix); at !== -1; at = read.indexOf(suffix, at + 1)) {
				const end = at + suffix.length;
				// `.svgz` is another extension than `.svg`.
				if (/[a-z0-9]/.test(read[end] ?? "")) continue;
				for (const length of named.lengths) {
					// Stryker disable next-line ConditionalExpression: a name longer than the text before its end matches nothing anyway.
					if (length > end) continue;
					const files = named.files.get(read.slice(end - length, end));
					if (files && LinkedFiles.isLinkName(read, end - length)) for (const path of files) found.add(path);
				}
			}
		}
		for (const { name, path } of this.withoutExtension) {
			for (let at = read.indexOf(name); at !== -1; at = read.indexOf(name, at + 1)) {
				if (!LinkedFiles.isLinkName(read, at)) continue;
				found.add(path);
				break;
			}
		}
		return found;
	}
}
