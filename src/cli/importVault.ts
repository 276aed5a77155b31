// `omnivore-queue import`: brings an Omnivore export into a vault folder, every write journaled so
// `undo` takes the whole import back (created notes and PDFs removed, enriched notes restored).

import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { countActions, importExport, NoteNotEditable, NoteTidier, type ImportReport, type ImportTarget, type JournalBatchWriter, type TidyOptions } from "../core";
import { writeFileAtomic } from "./atomicWrite";
import { openExport } from "./exportSource";
import { vaultJournal } from "./journalStorage";
import type { Progress } from "./progressBar";
import { listNotes } from "./vaultFiles";

export interface ImportVaultOptions {
	folder: string;
	dryRun: boolean;
	engine?: Partial<TidyOptions>;
	progress?: Progress;
	/** Takes the vault's lock once the export is known to be good; released when the import ends. */
	lock?: () => { release(): void };
}

let sequence = 0;

/** Create a file that must not exist yet, whole or not at all: written beside it, then linked into place. */
export function createExclusive(absolute: string, data: string | Uint8Array): void {
	mkdirSync(dirname(absolute), { recursive: true });
	const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}-${sequence++}.tmp`);
	writeFileSync(temporary, data, { flag: "wx" });
	try {
		try {
			// A link fails when the name is taken, so a file that appeared meanwhile is never replaced.
			linkSync(temporary, absolute);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === "EEXIST" || existsSync(absolute)) throw new Error("a file of that name appeared meanwhile");
			// File systems without hard links (FAT, some network shares).
			if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
			renameSync(temporary, absolute);
		}
	} finally {
		if (existsSync(temporary)) unlinkSync(temporary);
	}
}

/** The vault folder as the import's port, journaling each write before it is made. */
class FolderTarget implements ImportTarget {
	private journal: JournalBatchWriter | null = null;

	private held: { release(): void } | null = null;

	constructor(
		private readonly vault: string,
		private readonly lock?: () => { release(): void },
	) {}

	async prepare(): Promise<void> {
		mkdirSync(this.vault, { recursive: true });
		if (this.lock) this.held = this.lock();
	}

	release(): void {
		this.held?.release();
		this.held = null;
	}

	private at(path: string): string {
		return join(this.vault, ...path.split("/"));
	}

	private async batch(): Promise<JournalBatchWriter> {
		this.journal ??= await vaultJournal(this.vault).begin("omnivore-queue import");
		return this.journal;
	}

	async notePaths(): Promise<string[]> {
		return existsSync(this.vault) ? listNotes(this.vault).files.map((file) => file.path) : [];
	}

	async read(path: string): Promise<string> {
		return readFileSync(this.at(path), "utf8");
	}

	async exists(path: string): Promise<boolean> {
		return existsSync(this.at(path));
	}

	async createNote(path: string, text: string): Promise<void> {
		await (await this.batch()).recordCreated(path, text);
		createExclusive(this.at(path), text);
	}

	async createFile(path: string, data: Uint8Array): Promise<void> {
		await (await this.batch()).recordCreated(path, data);
		createExclusive(this.at(path), data);
	}

	async updateNote(path: string, transform: (current: string) => string | null): Promise<boolean> {
		const buffer = readFileSync(this.at(path));
		const current = buffer.toString("utf8");
		if (!Buffer.from(current, "utf8").equals(buffer)) throw new NoteNotEditable("the note is not valid UTF-8 text, so it was left as it was");
		const next = transform(current);
		if (next === null) return false;
		await (await this.batch()).record(path, current, next);
		writeFileAtomic(this.at(path), next);
		return true;
	}
}

export async function importIntoVault(exportPath: string, vault: string, options: ImportVaultOptions): Promise<ImportReport> {
	const archive = openExport(exportPath);
	const tidier = new NoteTidier(options.engine);
	const target = new FolderTarget(vault, options.lock);
	try {
		return await importExport(archive, target, {
			tidier,
			folder: options.folder,
			dryRun: options.dryRun,
			onProgress: (done, total) => options.progress?.update(done, total),
		});
	} finally {
		target.release();
		options.progress?.end();
	}
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

export function formatImport(report: ImportReport, exportPath: string, vault: string): string {
	const counts = countActions(report);
	const pdfs = report.items.filter((i) => i.action === "created" && i.pdf).length;
	const would = report.dryRun ? "would be " : "";
	const lines = [
		`${report.dryRun ? "Dry run: nothing was written. " : ""}${plural(report.items.length, "item")} in ${exportPath}, imported into ${vault}:`,
		`  ${plural(counts.created, "note")} ${would}created${pdfs > 0 ? ` (${plural(pdfs, "PDF")} ${would}copied)` : ""}`,
		`  ${plural(counts.enriched, "note")} ${would}enriched`,
		`  ${plural(counts.unchanged, "note")} already complete`,
	];
	if (counts.left > 0) lines.push(`  ${plural(counts.left, "note")} left as ${counts.left === 1 ? "it was" : "they were"}`);
	if (report.cancelled) lines.push("The import was stopped before the end; what it wrote is kept (undo takes it back).");
	const problems = report.items.filter((i) => i.problems.length > 0);
	if (problems.length > 0 || report.exportProblems.length > 0) {
		lines.push("", `Problems (${problems.length + report.exportProblems.length}):`);
		for (const message of report.exportProblems) lines.push(`  ${message}`);
		for (const item of problems) lines.push(`  ${item.path ?? item.title}: ${item.problems.join(" ")}`);
	}
	if (!report.dryRun && counts.created + counts.enriched > 0) lines.push("", 'Run "omnivore-queue undo" to take this import back.');
	return `${lines.join("\n")}\n`;
}
