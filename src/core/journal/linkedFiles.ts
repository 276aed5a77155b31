// Which files a run created are still named in the vault's notes, so undo keeps them. A guess that
// errs on keeping: a note "links to" a file when its text holds the file's name, as written,
// percent-encoded or not, in any case (Obsidian resolves links without regard to case), anywhere but
// in a web address: a note put back holds the image's original address, which ends with the same name.

interface Named {
	/** Lengths of the spellings with this extension: only substrings of these lengths can match. */
	lengths: Set<number>;
	/** Each spelling (lower case) and the files it names. */
	files: Map<string, string[]>;
}

// What ends the path or address a name stands in, looking back from the name.
const BEFORE_PATH = new Set([..." \t\n\r([<\"'|=`>"]);
// A scheme and two slashes, also as Omnivore's notes escape them (`https:&#x2F;&#x2F;`); not `file:`.
const WEB_ADDRESS = /^(?!file:)[a-z][a-z0-9+.-]*:(?:\/|&#x0*2f;|&#0*47;|&sol;|%2f){2}/;
// Stryker disable next-line all: a bound on the look back, far above any path a note holds
const LONGEST_PATH = 4096;

/** Whether the name at `start` of `lower` ends a web address (`https://example.com/chart.png`), not a path in the vault. */
function inWebAddress(lower: string, start: number): boolean {
	let from = start;
	while (from > 0 && start - from < LONGEST_PATH && !BEFORE_PATH.has(lower[from - 1])) from--;
	// `file:///…` names a file on the disk: it may be the vault's.
	return WEB_ADDRESS.test(lower.slice(from, start));
}

function spellings(name: string): string[] {
	return [...new Set([name, encodeURI(name), encodeURIComponent(name)].map((s) => s.toLowerCase()))];
}

/** The part after the last dot, or "" for a name without one. */
function extensionOf(name: string): string {
	const dot = name.lastIndexOf(".");
	return dot <= 0 ? "" : name.slice(dot + 1);
}

export class LinkedFiles {
	/** By extension (lower case): a text is searched from each place the extension ends a word. */
	private readonly byExtension = new Map<string, Named>();
	private readonly withoutExtension: Array<{ spelling: string; path: string }> = [];

	constructor(paths: readonly string[]) {
		for (const path of paths) {
			const name = path.split("/").pop() ?? path;
			const extension = extensionOf(name).toLowerCase();
			for (const spelling of spellings(name)) {
				if (extension === "") {
					this.withoutExtension.push({ spelling, path });
					continue;
				}
				const named = this.byExtension.get(extension) ?? { lengths: new Set<number>(), files: new Map<string, string[]>() };
				named.lengths.add(spelling.length);
				named.files.set(spelling, [...(named.files.get(spelling) ?? []), path]);
				this.byExtension.set(extension, named);
			}
		}
	}

	/**
	 * The files `text` names. Each place a known extension stands after a dot is looked at once, with
	 * the spellings that end there; a text is not searched once per file (undo of a run that
	 * downloaded thousands of images reads every note of the vault).
	 */
	namedIn(text: string): Set<string> {
		const found = new Set<string>();
		const lower = text.toLowerCase();
		for (const [extension, named] of this.byExtension) {
			const suffix = `.${extension}`;
			for (let at = lower.indexOf(suffix); at !== -1; at = lower.indexOf(suffix, at + 1)) {
				const end = at + suffix.length;
				// `.svgz` is another extension than `.svg`.
				if (/[a-z0-9]/.test(lower[end] ?? "")) continue;
				for (const length of named.lengths) {
					if (length > end) continue;
					const files = named.files.get(lower.slice(end - length, end));
					if (files && !inWebAddress(lower, end - length)) for (const path of files) found.add(path);
				}
			}
		}
		for (const { spelling, path } of this.withoutExtension) {
			for (let at = lower.indexOf(spelling); at !== -1; at = lower.indexOf(spelling, at + 1)) {
				if (inWebAddress(lower, at)) continue;
				found.add(path);
				break;
			}
		}
		return found;
	}
}
