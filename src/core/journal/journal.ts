// Remembers what each tidy replaced, so undo can put notes back: one JSON-lines file per batch. The
// plugin keeps it in its folder (through the vault's adapter), the CLI in a dot-folder of the vault.

import { hashBytes, hashText } from "../hash";
import type { Change } from "../report";
import { parseBatch, type BatchHeader, type JournalBatch, type JournalEntry } from "./batchFile";
import { reverseEdits } from "./edits";

export { parseBatch, UNREADABLE_HEADER_LABEL, type JournalBatch, type JournalEntry } from "./batchFile";

export interface JournalLimits {
	/** Batches kept; older ones are deleted when a new one starts (with `pruneWhenKept`, once it is kept). */
	batches: number;
	/** Total size of all batch files; the oldest go first when it is exceeded. */
	bytes: number;
	/**
	 * Old batches go only once a run says it is kept (`kept`), not as it starts: a run that writes
	 * nothing and discards its batch (the CLI's) then costs the user none of the runs before it.
	 */
	pruneWhenKept?: boolean;
}

// Twenty runs: in the plugin each "Tidy current note" is a run of its own, and five of them would push
// a "Tidy all" before them out of undo's reach. The size limit keeps the folder small either way.
export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { batches: 20, bytes: 100 * 1024 * 1024 };

/** The storage a journal needs: Obsidian's DataAdapter has this shape, and so does the CLI's. */
export interface JournalStorage {
	exists(path: string): Promise<boolean>;
	mkdir(path: string): Promise<void>;
	write(path: string, data: string): Promise<void>;
	append(path: string, data: string): Promise<void>;
	read(path: string): Promise<string>;
	list(path: string): Promise<{ files: string[]; folders: string[] }>;
	remove(path: string): Promise<void>;
	stat(path: string): Promise<{ size: number } | null>;
}

type Adapter = JournalStorage;

/** Where the previous text of a note is recorded before the note is replaced. */
export interface EntryRecorder {
	record(path: string, before: string, after: string, changes?: Change[]): Promise<void>;
}

/** The journal line of a replaced note. With the engine's changes it holds only what was replaced (checked to rebuild `before`). */
export function entryLine(path: string, before: string, after: string, changes?: Change[]): string {
	const edits = changes ? reverseEdits(before, after, changes) : null;
	const hashes = { afterHash: hashText(after), beforeHash: hashText(before) };
	const entry: JournalEntry = edits ? { path, edits, ...hashes } : { path, before, ...hashes };
	return `${JSON.stringify(entry)}\n`;
}

/** A batch being written: entries are appended one by one, each before its note is written. */
export class JournalBatchWriter implements EntryRecorder {
	private closed = false;
	/** An append failed part-way (a full disk): the next entry starts on a new line, not glued to the cut one. */
	private cutShort = false;

	constructor(
		private readonly adapter: Adapter,
		readonly file: string,
	) {}

	/** False once the batch was undone or discarded: nothing may be added to it any more. */
	get open(): boolean {
		return !this.closed;
	}

	close(): void {
		this.closed = true;
	}

	async record(path: string, before: string, after: string, changes?: Change[]): Promise<void> {
		await this.appendEntry(entryLine(path, before, after, changes));
	}

	/** An entry made by `entryLine` (on another thread, say). */
	async appendEntry(line: string): Promise<void> {
		// Appending to a discarded batch would write entries no undo can ever find.
		if (this.closed) throw new Error("the journal batch was closed; open a new one");
		try {
			await this.adapter.append(this.file, this.cutShort ? `\n${line}` : line);
			this.cutShort = false;
		} catch (error) {
			this.cutShort = true;
			throw error;
		}
	}

	/** A folder about to be created (for a created file); call before creating it, so undo can remove it. */
	async recordCreatedFolder(path: string): Promise<void> {
		const entry: JournalEntry = { path, created: true, folder: true, afterHash: "" };
		await this.appendEntry(`${JSON.stringify(entry)}\n`);
	}

	/** A file about to be created; call before creating it, so undo can always find it. */
	async recordCreated(path: string, content: string | Uint8Array): Promise<void> {
		const entry: JournalEntry =
			typeof content === "string" ? { path, created: true, afterHash: hashText(content) } : { path, created: true, binary: true, afterHash: hashBytes(content) };
		await this.appendEntry(`${JSON.stringify(entry)}\n`);
	}
}

export class Journal {
	/** Writers handed out, by file, so that discarding a batch closes its writer. */
	private readonly writers = new Map<string, JournalBatchWriter>();
	private lastFile = "";

	constructor(
		private readonly adapter: Adapter,
		private readonly folder: string,
		private readonly limits: JournalLimits = DEFAULT_JOURNAL_LIMITS,
	) {}

	/** Start a batch; old batches beyond the limits are removed first. */
	async begin(label: string): Promise<JournalBatchWriter> {
		// Stryker disable next-line ConditionalExpression: both storages create a folder that exists without complaint; the check only spares a call.
		if (!(await this.adapter.exists(this.folder))) await this.adapter.mkdir(this.folder);
		if (!this.limits.pruneWhenKept) await this.prune(this.limits.batches - 1);
		const startedAt = Date.now();
		const batch = await this.nextBatchName(startedAt);
		const file = `${this.folder}/${batch}.jsonl`;
		this.lastFile = file;
		const header: BatchHeader = { batch, label, startedAt };
		await this.adapter.write(file, `${JSON.stringify(header)}\n`);
		const writer = new JournalBatchWriter(this.adapter, file);
		this.writers.set(file, writer);
		return writer;
	}

	/**
	 * Names sort in the order batches started: the start time, zero-padded, then a sequence number. A new
	 * name sorts after the newest batch, even one that another journal over this folder (a second CLI
	 * run, the plugin reloaded) started in the same millisecond, or one from before the clock went back.
	 */
	private async nextBatchName(startedAt: number): Promise<string> {
		const name = (time: number, sequence: number) => `${time.toString().padStart(15, "0")}-${sequence.toString().padStart(4, "0")}`;
		const files = await this.batchFiles();
		// The newest in the folder, or the last this journal started if that was discarded since: a name is never reused.
		const newest = /(\d{15})-(\d{4})\.jsonl$/.exec([files[files.length - 1] ?? "", this.lastFile].sort()[1]);
		if (!newest || Number(newest[1]) < startedAt) return name(startedAt, 0);
		return name(Number(newest[1]), Number(newest[2]) + 1);
	}

	private async batchFiles(): Promise<string[]> {
		if (!(await this.adapter.exists(this.folder))) return [];
		const listed = await this.adapter.list(this.folder);
		return listed.files.filter((f) => f.endsWith(".jsonl")).sort();
	}

	/** A run's batch is kept (`pruneWhenKept`): older batches beyond the limits go, the newest counted. */
	async kept(): Promise<void> {
		await this.prune(this.limits.batches);
	}

	private async prune(keep: number): Promise<void> {
		const files = await this.batchFiles();
		const sizes = await Promise.all(files.map(async (f) => (await this.adapter.stat(f))?.size ?? 0));
		let total = sizes.reduce((a, b) => a + b, 0);
		// Stryker disable next-line EqualityOperator: once every file is gone the total is 0, so the loop has stopped already.
		for (let i = 0; i < files.length; i++) {
			if (files.length - i <= keep && total <= this.limits.bytes) break;
			await this.adapter.remove(files[i]);
			total -= sizes[i];
		}
	}

	/** The most recent batch not undone yet with at least one entry, or null. */
	async latest(): Promise<(JournalBatch & { file: string }) | null> {
		const files = await this.batchFiles();
		for (let i = files.length - 1; i >= 0; i--) {
			const batch = parseBatch(await this.adapter.read(files[i]), files[i]);
			if (batch && batch.undoneAt === undefined && batch.entries.length > 0) return { ...batch, file: files[i] };
		}
		return null;
	}

	/** Every batch, undone ones included, newest first (to find what a note held before a tidy). */
	async batches(): Promise<Array<JournalBatch & { file: string }>> {
		const files = await this.batchFiles();
		const batches: Array<JournalBatch & { file: string }> = [];
		for (const file of files.reverse()) {
			const batch = parseBatch(await this.adapter.read(file), file);
			if (batch) batches.push({ ...batch, file });
		}
		return batches;
	}

	/** Whether the batch file is still there (the journal folder may have been deleted by hand). */
	async holds(file: string): Promise<boolean> {
		return this.adapter.exists(file);
	}

	async discard(file: string): Promise<void> {
		this.writers.get(file)?.close();
		this.writers.delete(file);
		await this.adapter.remove(file);
	}

	/**
	 * Close an undone batch. The entries of notes undo left (edited since) are kept, marked undone, as
	 * the only copy of what those notes held; a batch with nothing left is deleted. `stillToUndo`: some
	 * were left for a reason that can be put right (read-only, a full disk), so the batch keeps only the
	 * entries left and stays the one undo takes.
	 */
	async markUndone(batch: JournalBatch & { file: string }, kept: JournalEntry[], stillToUndo = false): Promise<void> {
		if (kept.length === 0) return this.discard(batch.file);
		this.writers.get(batch.file)?.close();
		this.writers.delete(batch.file);
		const header: BatchHeader = { batch: batch.batch, label: batch.label, startedAt: batch.startedAt, ...(stillToUndo ? {} : { undoneAt: Date.now() }) };
		await this.adapter.write(batch.file, [header, ...kept].map((line) => `${JSON.stringify(line)}\n`).join(""));
	}
}
