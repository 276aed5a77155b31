// `omnivore-queue import`: brings an Omnivore export into a vault folder, every write journaled so
// `undo` takes the whole import back (created notes and PDFs removed, enriched notes restored).

import { existsSync, linkSync, mkdirSync, realpathSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { asTidyTransform, countActions, folderOf, foldersDownTo, importExport, plural, LazyBatch, NoteTidier, tidyAndRecord, type ImportReport, type ImportTarget, type TidyOptions } from "../core";
import { temporaryPath } from "./atomicWrite";
import { FileNoteStore } from "./fileNoteStore";
import { openExport } from "./exportSource";
import { endRun, vaultJournal } from "./journalStorage";
import { giveToVaultOwner, makeFolders } from "./vaultOwner";
import { lateEditProblem, type LateEditSaved } from "./lateEditsSaved";
import type { Progress } from "./progressBar";
import { describeFsError, isWithin, listNotes, type VaultFile } from "./vaultFiles";

export interface ImportVaultOptions {
	folder: string;
	dryRun: boolean;
	/** Complete matched notes that are links to files outside the vault. */
	followLinks?: boolean;
	engine?: Partial<TidyOptions>;
	progress?: Progress;
	/** Takes the vault's lock once the export is known to be good; released when the import ends. */
	lock?: () => { release(): void };
}

/**
 * Create a file that must not exist yet, whole or not at all: written beside it, then linked into
 * place. It and the folders made for it are given the owner of `vault` (a run with sudo).
 */
export function createExclusive(absolute: string, data: string | Uint8Array, vault = dirname(absolute)): void {
	makeFolders(vault, dirname(absolute));
	const temporary = temporaryPath(absolute);
	try {
		// Inside the `try`: a write the disk cuts short (full) leaves no partial file behind.
		writeFileSync(temporary, data, { flag: "wx" });
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
		giveToVaultOwner(vault, absolute);
	} finally {
		if (existsSync(temporary)) unlinkSync(temporary);
	}
}

/** The vault folder as the import's port: notes completed through tidy-and-record (the same safe writes
 * as tidy), new files created whole, every write journaled first. */
class FolderTarget implements ImportTarget {
	private readonly journal: LazyBatch;
	private readonly files = new Map<string, VaultFile>();
	private readonly store: FileNoteStore;
	private held: { release(): void } | null = null;
	/** The vault's real path, once the first new file asks (the vault folder may not exist before). */
	private realVault: string | null = null;

	constructor(
		private readonly vault: string,
		private readonly followLinks: boolean,
		private readonly lock?: () => { release(): void },
	) {
		this.journal = new LazyBatch(vaultJournal(vault), "omnivore-queue import");
		this.store = new FileNoteStore((path) => this.fileOf(path), { followLinks, vault });
	}

	private at(path: string): string {
		return join(this.vault, ...path.split("/"));
	}

	private fileOf(path: string): VaultFile {
		return this.files.get(path) ?? { absolute: this.at(path), path, outside: false };
	}

	async prepare(): Promise<void> {
		mkdirSync(this.vault, { recursive: true });
		if (this.lock) this.held = this.lock();
	}

	release(): void {
		this.held?.release();
		this.held = null;
	}

	async notePaths(): Promise<string[]> {
		if (!existsSync(this.vault)) return [];
		for (const file of listNotes(this.vault).files) this.files.set(file.path, file);
		return [...this.files.keys()];
	}

	async read(path: string): Promise<string> {
		const text = await this.store.read(path);
		// Every note of the vault is read to match it: holding them all would take the vault's size in
		// memory. A note the import writes is read again when it is written.
		this.store.forget(path);
		return text;
	}

	async checkWritable(path: string): Promise<void> {
		try {
			this.store.readNow(path);
			await this.store.checkWritable(path);
		} finally {
			this.store.forget(path);
		}
	}

	async exists(path: string): Promise<boolean> {
		return existsSync(this.at(path));
	}

	async createNote(path: string, text: string): Promise<void> {
		await this.create(path, text);
	}

	async createFile(path: string, data: Uint8Array): Promise<void> {
		await this.create(path, data);
	}

	/** Whether the folder a new file goes in is (through a link) outside the vault: written there only with --follow-links. */
	private isLinkedOutside(path: string): boolean {
		let folder = dirname(this.at(path));
		while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
		this.realVault ??= realpathSync(this.vault);
		return !isWithin(this.realVault, realpathSync(folder));
	}

	private async create(path: string, data: string | Uint8Array): Promise<void> {
		if (!this.followLinks && this.isLinkedOutside(path)) throw new Error("its folder is a link to a folder outside the vault (import --follow-links writes there)");
		const journal = await this.journal.get();
		// The folders made for it, outermost first: undo removes them once empty.
		for (const folder of foldersDownTo(folderOf(path))) if (!existsSync(this.at(folder))) await journal.recordCreatedFolder(folder);
		await journal.recordCreated(path, data);
		try {
			createExclusive(this.at(path), data, this.vault);
		} catch (error) {
			// The folder's problem in words (read-only, not a folder), not a temporary file's name.
			throw new Error(describeFsError(error));
		}
	}

	async updateNote(path: string, transform: (current: string) => string | null): Promise<boolean> {
		return (await tidyAndRecord(this.store, path, asTidyTransform(transform), () => this.journal.get())).written;
	}

	/** The end of the run's batch: removed when nothing was written, else kept (journalStorage.ts). */
	async endRun(report: ImportReport): Promise<void> {
		const wrote = report.items.some((item) => item.action === "created" || item.action === "enriched" || item.pdf !== undefined);
		await endRun(this.vault, this.journal, wrote);
	}

	async settle(): Promise<string[]> {
		return this.store.settle();
	}

	/** After the import: late edits that could not be put back, and where they were saved. */
	lateEditsSaved(): LateEditSaved[] {
		return this.store.lateEditsSaved();
	}
}

export async function importIntoVault(exportPath: string, vault: string, options: ImportVaultOptions): Promise<ImportReport> {
	const archive = openExport(exportPath);
	const tidier = new NoteTidier(options.engine);
	const target = new FolderTarget(vault, options.followLinks ?? false, options.lock);
	options.progress?.note("Reading the export…");
	try {
		const report = await importExport(archive, target, {
			tidier,
			folder: options.folder,
			dryRun: options.dryRun,
			onProgress: (done, total) => options.progress?.update(done, total),
		});
		await target.endRun(report);
		for (const late of target.lateEditsSaved()) {
			const item = report.items.find((i) => i.path === late.path && i.action !== "created");
			if (item) Object.assign(item, { failed: true, problems: [...item.problems, lateEditProblem(late).message] });
		}
		return report;
	} finally {
		target.release();
		options.progress?.end();
	}
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
		// A title may hold line breaks (the note's own is made one line): one problem, one line.
		for (const item of problems) lines.push(`  ${item.path ?? item.title.replace(/\s+/g, " ")}: ${item.problems.join(" ")}`);
	}
	if (!report.dryRun && counts.created + counts.enriched > 0) lines.push("", 'Run "omnivore-queue undo" to take this import back.');
	return `${lines.join("\n")}\n`;
}
