// What the engine did to a note and what it could not do, with a reason code and a plain sentence.

/** Why something in a note was left as it was. Stable codes: the CLI's JSON and the plugin group by them. */
export type ProblemCode =
	| "invalid-frontmatter"
	| "frontmatter-not-mapping"
	| "unparseable-date"
	| "ambiguous-date"
	| "alias-conflict"
	| "unknown-state"
	| "unknown-status"
	| "not-a-saved-article"
	| "only-proxied-images"
	| "uploaded-file"
	| "yaml-anchors"
	| "too-deeply-nested"
	| "frontmatter-too-large"
	| "omnivore-error"
	| "unsafe-image-url"
	| "relative-image-url"
	| "unrecognized-proxy-url"
	| "unreadable-file"
	| "unwritable-file"
	| "edited-since-tidy"
	| "image-not-downloaded"
	| "import-problem"
	| "engine-failed"
	| "cr-line-endings"
	| "open-code-block"
	| "images-in-code";

export type ChangeKind =
	| "frontmatter-repaired"
	| "key-changed"
	| "key-added"
	| "key-removed"
	| "key-renamed"
	| "url-unwrapped"
	| "image-localized";

export interface Problem {
	code: ProblemCode;
	/** A sentence a user understands. */
	message: string;
	/** The property concerned, when there is one. */
	key?: string;
	/** 1-based line in the note, when known. */
	line?: number;
}

export interface Change {
	kind: ChangeKind;
	message: string;
	key?: string;
	from?: string;
	to?: string;
	line?: number;
	/** For a rewritten URL: where `from` starts in the note's body (after the frontmatter). */
	bodyOffset?: number;
}

export interface NoteReport {
	isOmnivoreNote: boolean;
	changed: boolean;
	changes: Change[];
	problems: Problem[];
}

/** Human names for problem codes, used as group headings. */
export const PROBLEM_TITLES: Record<ProblemCode, string> = {
	"invalid-frontmatter": "Frontmatter is not valid YAML",
	"frontmatter-not-mapping": "Frontmatter is not a list of properties",
	"unparseable-date": "Date could not be read",
	"ambiguous-date": "Date is ambiguous (day or month first?)",
	"alias-conflict": "Two properties hold different values",
	"unknown-state": "Unknown reading state",
	"unknown-status": "Unknown reading status",
	"not-a-saved-article": "Tagged #Omnivore but does not look like a saved article",
	"only-proxied-images": "Proxied images are the only sign of a saved article",
	"uploaded-file": "Uploaded file (PDF): no original web address",
	"yaml-anchors": "Frontmatter uses YAML anchors or aliases",
	"too-deeply-nested": "Frontmatter is too deeply nested",
	"frontmatter-too-large": "Frontmatter is too large to be an Omnivore note's",

	"omnivore-error": "Omnivore reported an error when it wrote this note",
	"unsafe-image-url": "Proxied image does not lead to a web address",
	"relative-image-url": "Proxied image has a relative address and the note has no original URL",
	"unrecognized-proxy-url": "Image proxy address has an unknown shape",
	"unreadable-file": "File could not be read",
	"unwritable-file": "File could not be written",
	"edited-since-tidy": "Edited since it was tidied, so not undone",
	"image-not-downloaded": "Image could not be downloaded",
	"import-problem": "Imported with a problem (content missing, note left as it was)",
	"engine-failed": "Omnivore Queue failed on the note (left as it was)",
	"cr-line-endings": "Lines end in a carriage return alone (classic Mac) or in two",
	"open-code-block": "A code block never closed hides Omnivore links or images",
	"images-in-code": "Proxied images stand in code, which tidy never edits",
};

/** Collects changes and problems while the steps run. */
export class ReportBuilder {
	readonly changes: Change[] = [];
	readonly problems: Problem[] = [];

	change(change: Change): void {
		this.changes.push(change);
	}

	problem(problem: Problem): void {
		this.problems.push(problem);
	}

	/** Line numbers from a part of the note are shifted to be lines of the whole note. */
	merge(other: { changes: Change[]; problems: Problem[] }, lineOffset = 0): void {
		const shift = <T extends { line?: number }>(item: T): T =>
			item.line === undefined ? item : { ...item, line: item.line + lineOffset };
		this.changes.push(...other.changes.map(shift));
		this.problems.push(...other.problems.map(shift));
	}
}

/** Quote a value for a message, shortened so a data: URI does not flood the report. */
export function quoteForMessage(value: string, max = 120): string {
	const oneLine = /\s/.test(value) ? value.replace(/\s+/g, " ") : value;
	return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}
