// What each file of an Omnivore export is: a metadata batch, an article's content (HTML or PDF), or its highlights.

export type ExportEntry =
	| { kind: "metadata"; name: string }
	| { kind: "content"; slug: string; format: "html" | "pdf" }
	| { kind: "highlights"; slug: string }
	| { kind: "other" };

const METADATA = /^metadata(?:_\d+_to_\d+)?\.json$/i;
// The export writes `content/`; its documentation says `contents/`. Both are read.
const CONTENT = /^contents?\/(.+)\.(html?|pdf)$/i;
const HIGHLIGHTS = /^highlights\/(.+)\.md$/i;

/**
 * Classify a path inside the export. A zip re-made from an unzipped folder may put everything under
 * one top folder (`omnivore-export/metadata_0_to_20.json`): that first folder is ignored when it is
 * not one of the export's own.
 */
export function classifyEntry(path: string): ExportEntry {
	const clean = path.replace(/\\/g, "/").replace(/^\.?\//, "");
	if (clean.startsWith("__MACOSX/") || /(?:^|\/)\.[^/]*$/.test(clean)) return { kind: "other" };
	const direct = classifyClean(clean);
	if (direct.kind !== "other") return direct;
	const slash = clean.indexOf("/");
	return slash === -1 ? direct : classifyClean(clean.slice(slash + 1));
}

function classifyClean(path: string): ExportEntry {
	if (METADATA.test(path)) return { kind: "metadata", name: path };
	const content = CONTENT.exec(path);
	if (content && !content[1].includes("/")) {
		return { kind: "content", slug: content[1], format: content[2].toLowerCase() === "pdf" ? "pdf" : "html" };
	}
	const highlights = HIGHLIGHTS.exec(path);
	if (highlights && !highlights[1].includes("/")) return { kind: "highlights", slug: highlights[1] };
	return { kind: "other" };
}

/** Metadata files in the order the export wrote them (`metadata_0_to_20`, `metadata_20_to_40`, ...). */
export function metadataOrder(a: string, b: string): number {
	const start = (name: string) => Number(/_(\d+)_to_/.exec(name)?.[1] ?? 0);
	return start(a) - start(b) || a.localeCompare(b);
}
