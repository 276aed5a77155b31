// What each file of an Omnivore export is: a metadata batch, an article's content (HTML or PDF), or its highlights.

export type ExportEntry =
	| { kind: "metadata"; name: string }
	| { kind: "content"; slug: string; format: "html" | "pdf" }
	| { kind: "highlights"; slug: string }
	| { kind: "other" };

const OTHER: ExportEntry = { kind: "other" };
const METADATA = /^metadata(?:_\d+_to_\d+)?\.json$/i;
// The export writes `content/`; its documentation says `contents/`. Both are read.
const CONTENT = /^contents?\/(.+)\.(html?|pdf)$/i;
const HIGHLIGHTS = /^highlights\/(.+)\.md$/i;

/**
 * Classify a path inside the export. A zip re-made from an unzipped folder may put everything under
 * one top folder (`omnivore-export/metadata_0_to_20.json`): that first folder is ignored when it is
 * not one of the export's own. A slug holding `/` made folders (`content/a/b.html` is slug `a/b`),
 * unless the path reads as the export's own under a top folder (`content/content/a.html`).
 */
export function classifyEntry(path: string): ExportEntry {
	const clean = path.replace(/\\/g, "/").replace(/^\.?\//, "");
	// What macOS adds (`__MACOSX/`, `._name`), and anything hidden (a name or a folder starting with a dot).
	if (clean.startsWith("__MACOSX/") || /(?:^|\/)\./.test(clean)) return { kind: "other" };
	// The path past its first folder (the whole path when it has none) reads as the export's own first.
	const inner = classifyClean(clean.slice(clean.indexOf("/") + 1));
	return inner.kind === "other" ? classifyClean(clean) : inner;
}

/** A slug as it is looked up: composed Unicode, whatever the zip tool or the metadata wrote. */
export function slugKey(slug: string): string {
	return slug.normalize("NFC");
}

function classifyClean(path: string): ExportEntry {
	if (METADATA.test(path)) return { kind: "metadata", name: path };
	const content = CONTENT.exec(path);
	if (content) return { kind: "content", slug: slugKey(content[1]), format: content[2].toLowerCase() === "pdf" ? "pdf" : "html" };
	const highlights = HIGHLIGHTS.exec(path);
	if (highlights) return { kind: "highlights", slug: slugKey(highlights[1]) };
	return OTHER;
}

const MB = 1024 * 1024;
/** The most the import reads of an entry: far more than Omnivore ever wrote there, far less than a zip bomb. */
export const ENTRY_LIMITS = { metadata: 64 * MB, highlights: 64 * MB, html: 20 * MB, pdf: 512 * MB };

/** The size limit of an entry the import reads. */
export function entryLimit(entry: Exclude<ExportEntry, { kind: "other" }>): number {
	return entry.kind === "content" ? ENTRY_LIMITS[entry.format] : ENTRY_LIMITS[entry.kind];
}

/** Metadata files in the order the export wrote them (`metadata_0_to_20`, `metadata_20_to_40`, ...). */
export function metadataOrder(a: string, b: string): number {
	const start = (name: string) => Number(/_(\d+)_to_/.exec(name)?.[1] ?? 0);
	return start(a) - start(b) || a.localeCompare(b);
}
