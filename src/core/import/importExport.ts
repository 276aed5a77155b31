// Brings an Omnivore export into a vault: each item becomes exactly one note, created or enriched.
// Reads the export twice (its index, then the contents one by one) so memory stays bounded.

import { NoteGoneError } from "../journal/noteStore";
import { MAX_NOTE_BYTES } from "../note";
import { longerInUtf8 } from "../utf8";
import { classifyEntry, entryLimit, type ExportEntry } from "./exportEntries";
import type { ExportArchive } from "./exportArchive";
import { decodeText, readExportIndex, type ExportIndex } from "./exportIndex";
import type { ExportItem } from "./exportItem";
import type { ExportHighlight } from "./highlights";
import { enrichNote } from "./enrich";
import { noteBaseName, numberedPath } from "./fileName";
import { htmlToMarkdown } from "./htmlToMarkdown";
import { articleUrl } from "./itemValues";
import { renderNewNote } from "./newNote";
import type { ImportOptions, ImportReport, ImportTarget, ItemOutcome } from "./importPort";
import { noteKeys, VaultMatcher } from "./vaultMatcher";

class Cancelled extends Error {}

interface Pending {
	item: ExportItem;
	outcome: ItemOutcome;
	/** The new note's path, for an item the vault does not have (its outcome names it once it is made). */
	notePath?: string;
	/** Where its PDF goes, for an upload. */
	pdfPath?: string;
	/** Why its content could not be read (a later copy of the entry may still be read). */
	contentError?: string;
}

export async function importExport(archive: ExportArchive, target: ImportTarget, options: ImportOptions): Promise<ImportReport> {
	const index = await readExportIndex(archive);
	if (!options.dryRun) await target.prepare?.();
	const exportProblems = index.problems;
	const matcher = new VaultMatcher();
	const taken = new Set<string>();
	for (const path of (await target.notePaths()).sort()) {
		await options.pause?.();
		taken.add(path.toLowerCase());
		try {
			matcher.add(path, noteKeys(await target.read(path), options.tidier));
		} catch (error) {
			// A note that cannot be read cannot be matched: its article gets a note of its own, and the user is told why.
			if (!(error instanceof NoteGoneError)) exportProblems.push(`${path}: ${reason(error)} No article was matched to it.`);
		}
	}
	const pending = await plan(index, matcher, target, taken, options.folder);
	const report: ImportReport = { dryRun: options.dryRun, cancelled: false, items: pending.map((p) => p.outcome), exportProblems, exportFilesSkipped: index.filesSkipped };
	let done = 0;
	const step = async () => {
		await options.pause?.();
		if (options.isCancelled?.()) throw new Cancelled();
		options.onProgress?.(++done, pending.length);
	};
	try {
		for (const entry of pending.filter((p) => p.notePath === undefined)) {
			await step();
			await enrich(entry, index, target, options);
		}
		// New notes by the slug whose content they wait for (an odd export may give two items one slug).
		const bySlug = new Map<string, Pending[]>();
		for (const p of pending) if (p.notePath !== undefined) bySlug.set(p.item.slug, [...(bySlug.get(p.item.slug) ?? []), p]);
		// A dry run reads no content, and an export whose items all have notes needs none: no second pass over the zip.
		if (!options.dryRun && bySlug.size > 0) {
			await archive.read(
				(name) => {
					const entry = contentEntry(name);
					return entry && bySlug.has(entry.slug) ? { maxBytes: entryLimit(entry) } : null;
				},
				async (name, data) => {
					// Only contents were asked for; a copy of one already read was asked for before the first arrived.
					const entry = contentEntry(name) as ContentEntry;
					const waiting = bySlug.get(entry.slug);
					if (!waiting) return;
					if (data instanceof Error) {
						for (const w of waiting) w.contentError = data.message;
						return;
					}
					bySlug.delete(entry.slug);
					for (const w of waiting) {
						await step();
						await create(w, index, target, options, { format: entry.format, data });
					}
				},
			);
		}
		for (const waiting of [...bySlug.values()].flat()) {
			await step();
			if (waiting.contentError) waiting.outcome.problems.push(`Its content could not be read from the export (${waiting.contentError}); its note was made without it.`);
			else if (!index.contents.has(waiting.item.slug)) waiting.outcome.problems.push("The export holds no content for it; its note holds only its details and highlights.");
			if (options.dryRun) Object.assign(waiting.outcome, { action: "created", path: waiting.notePath, pdf: waiting.pdfPath });
			else await create(waiting, index, target, options, null);
		}
	} catch (error) {
		if (!(error instanceof Cancelled)) throw error;
		report.cancelled = true;
	}
	if (!options.dryRun) await enrichPutBack(pending, index, target, options);
	return report;
}

/** The entry at `name` when it is an article's content. */
type ContentEntry = Extract<ExportEntry, { kind: "content" }>;

function contentEntry(name: string): ContentEntry | null {
	const entry = classifyEntry(name);
	return entry.kind === "content" ? entry : null;
}

// Rounds of enriching again a note whose late edit was put back, before it is left as it is.
const PUT_BACK_ROUNDS = 2;

/** A note an edit reached only as it was replaced holds that edit again, without the import's: enrich it again. */
async function enrichPutBack(pending: Pending[], index: ExportIndex, target: ImportTarget, options: ImportOptions): Promise<void> {
	for (let round = 0; ; round++) {
		const putBack = new Set(await target.settle?.());
		if (putBack.size === 0) return;
		for (const entry of pending.filter((p) => p.notePath === undefined && putBack.has(p.outcome.path as string))) {
			if (round < PUT_BACK_ROUNDS) await enrich(entry, index, target, options);
			else {
				Object.assign(entry.outcome, { action: "left", failed: true });
				entry.outcome.problems.push("Its note kept changing while it was being enriched; the edits were kept and it was left without the import's.");
			}
		}
		if (round >= PUT_BACK_ROUNDS) return;
	}
}

async function plan(index: ExportIndex, matcher: VaultMatcher, target: ImportTarget, taken: Set<string>, folder: string): Promise<Pending[]> {
	const pending: Pending[] = [];
	for (const item of index.items) {
		const outcome: ItemOutcome = { id: item.id, title: item.title, action: "unchanged", problems: [] };
		const match = matcher.match(item);
		if (match) {
			Object.assign(outcome, { path: match.path, matchedBy: match.by });
			pending.push({ item, outcome });
			continue;
		}
		const isPdf = index.contents.get(item.slug) === "pdf";
		// An upload's title is often its file name: `paper.pdf` makes `paper.md` and `paper.pdf`, not `paper.pdf.pdf`.
		const base = noteBaseName(isPdf ? item.title.replace(/\.pdf$/i, "") : item.title, item.slug);
		// Free in the vault and in this import, compared without case (the disk may not tell case apart).
		const free = async (path: string) => !taken.has(path.toLowerCase()) && !(await target.exists(path));
		let notePath: string;
		let pdfPath: string | undefined;
		for (let n = 1; ; n++) {
			notePath = numberedPath(folder, base, n, "md");
			pdfPath = isPdf ? numberedPath(folder, base, n, "pdf") : undefined;
			if ((await free(notePath)) && (pdfPath === undefined || (await free(pdfPath)))) break;
		}
		// The PDF shares the note's name and number: reserving the note reserves both.
		taken.add(notePath.toLowerCase());
		pending.push({ item, outcome, notePath, pdfPath });
	}
	return pending;
}

async function enrich(entry: Pending, index: ExportIndex, target: ImportTarget, options: ImportOptions): Promise<void> {
	const { item, outcome } = entry;
	const path = outcome.path as string;
	const highlights = highlightsOf(index, item);
	let result: ReturnType<typeof enrichNote> | null = null;
	const transform = (current: string) => {
		result = enrichNote(current, item, highlights, options.tidier);
		return result.kind === "enriched" && result.text !== current ? result.text : null;
	};
	let written: boolean;
	try {
		if (options.dryRun) {
			written = transform(await target.read(path)) !== null;
			if (written) await target.checkWritable?.(path);
		} else written = await target.updateNote(path, transform);
	} catch (error) {
		Object.assign(outcome, { action: "left", failed: true });
		outcome.problems.push(`Its note could not be enriched: ${reason(error)}`);
		return;
	}
	const done = result as ReturnType<typeof enrichNote> | null;
	if (done?.kind === "left") {
		outcome.action = "left";
		outcome.problems.push(`Its note was left as it was: ${done.reason}.`);
	} else if (done) {
		outcome.problems.push(...done.problems);
		if (written) Object.assign(outcome, { action: "enriched", filled: done.filled, highlightsAdded: done.highlightsAdded });
	}
}

async function create(entry: Pending, index: ExportIndex, target: ImportTarget, options: ImportOptions, content: { format: "html" | "pdf"; data: Uint8Array } | null): Promise<void> {
	const { item, outcome } = entry;
	const path = entry.notePath as string;
	let markdown: string | undefined;
	let pdfPath: string | undefined;
	try {
		// Stryker disable next-line ConditionalExpression,LogicalOperator: the plan gives a PDF path exactly to an item whose first content is a PDF, the one read here; the check narrows the type.
		if (content?.format === "pdf" && entry.pdfPath) {
			await target.createFile(entry.pdfPath, content.data);
			pdfPath = entry.pdfPath;
		} else if (content?.format === "html") {
			try {
				markdown = htmlToMarkdown(decodeText(content.data), { proxy: options.tidier.proxy, baseUrl: articleUrl(item, options.tidier.options) });
			} catch (error) {
				// An article that cannot be converted costs the note its content, not the note.
				outcome.problems.push(`Its content could not be converted (${error instanceof Error ? error.message : String(error)}); its note was made without it.`);
			}
		}
		const render = (content: string | undefined) => options.tidier.tidy(renderNewNote({ item, content, pdfPath, highlights: highlightsOf(index, item) }, options.tidier.options)).text;
		let note = render(markdown);
		if (markdown !== undefined && longerInUtf8(note, MAX_NOTE_BYTES)) {
			// Escapes and links written whole can make it larger than its HTML: a note past the size of any
			// article is not read back (the CLI skips it), so each import would make another copy.
			outcome.problems.push(`Its content would make a note larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB; its note was made without it.`);
			note = render(undefined);
		}
		await target.createNote(path, note);
		Object.assign(outcome, { action: "created", path, ...(pdfPath ? { pdf: pdfPath } : {}) });
	} catch (error) {
		Object.assign(outcome, { action: "left", failed: true, ...(pdfPath ? { pdf: pdfPath } : {}) });
		outcome.problems.push(`Its note could not be created: ${reason(error)}${pdfPath ? ` Its PDF was copied to ${pdfPath}.` : ""}`);
	}
}

function highlightsOf(index: ExportIndex, item: ExportItem): ExportHighlight[] {
	return index.highlights.get(item.slug) ?? [];
}

/** An error's message as the end of a sentence. */
function reason(error: unknown): string {
	const message = (error instanceof Error ? error.message : String(error)).trim();
	return /[.!?]$/.test(message) ? message : `${message}.`;
}
