// Remembers what each tidy replaced, so undo can put notes back: one JSON-lines file per batch. The
// plugin keeps it in its folder (through the vault's adapter), the CLI in a dot-folder of the vault.

import { hashText } from "../hash";
import type { Change } from "../report";
import { reverseEdits, type ReverseEdit } from "./edits";

export interface JournalEntry {
	path: string;
	/** The note's text before the engine wrote it, or else `edits` that rebuild it from the text written. */
	before?: string;
	edits?: ReverseEdit[];
	/** Hash of the text written; undo restores only a note that still holds exactly that text. */
	afterHash: string;
	/** Hash of the text replaced, to recognise a write that never happened. */
	beforeHash?: string;
}

interface BatchHeader {
	batch: string;
	label: string;
	startedAt: number;
}

export interface JournalBatch extends BatchHeader {
	entries: JournalEntry[];
}

export interface JournalLimits {
	/** Batches kept; older ones are deleted when a new one starts. */
	batches: number;
	/** Total size of all batch files; the oldest go first when it is exceeded. */
	bytes: number;
}

export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { batches: 5, bytes: 100 * 1024 * 1024 };

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

/** A batch being written: entries are appended one by one, each before its note is written. */
export class JournalBatchWriter {
	constructor(
		private readonly adapter: Adapter,
		readonly file: string,
	) {}

	/** With the engine's changes, the entry holds only what was replaced (checked to rebuild `before`). */
	async record(path: string, before: string, after: string, changes?: Change[]): Promise<void> {
		const edits = changes ? reverseEdits(before, after, changes) : null;
		const hashes = { afterHash: hashText(after), beforeHash: hashText(before) };
		const entry: JournalEntry = edits ? { path, edits, ...hashes } : { path, before, ...hashes };
		await this.adapter.append(this.file, `${JSON.stringify(entry)}\n`);
	}
}

export class Journal {
	private sequence = 0;

	constructor(
		private readonly adapter: Adapter,
		private readonly folder: string,
		private readonly limits: JournalLimits = DEFAULT_JOURNAL_LIMITS,
	) {}

	/** Start a batch; old batches beyond the limits are removed first. */
	async begin(label: string): Promise<JournalBatchWriter> {
		if (!(await this.adapter.exists(this.folder))) await this.adapter.mkdir(this.folder);
		await this.prune(this.limits.batches - 1);
		const startedAt = Date.now();
		// Zero-padded so names sort in the order batches started.
		const batch = `${startedAt.toString().padStart(15, "0")}-${(this.sequence++).toString().padStart(4, "0")}`;
		const file = `${this.folder}/${batch}.jsonl`;
		const header: BatchHeader = { batch, label, startedAt };
		await this.adapter.write(file, `${JSON.stringify(header)}\n`);
		return new JournalBatchWriter(this.adapter, file);
	}

	private async batchFiles(): Promise<string[]> {
		if (!(await this.adapter.exists(this.folder))) return [];
		const listed = await this.adapter.list(this.folder);
		return listed.files.filter((f) => f.endsWith(".jsonl")).sort();
	}

	private async prune(keep: number): Promise<void> {
		const files = await this.batchFiles();
		const sizes = await Promise.all(files.map(async (f) => (await this.adapter.stat(f))?.size ?? 0));
		let total = sizes.reduce((a, b) => a + b, 0);
		for (let i = 0; i < files.length; i++) {
			if (files.length - i <= keep && total <= this.limits.bytes) break;
			await this.adapter.remove(files[i]);
			total -= sizes[i];
		}
	}

	/** The most recent batch with at least one entry, or null. */
	async latest(): Promise<(JournalBatch & { file: string }) | null> {
		const files = await this.batchFiles();
		for (let i = files.length - 1; i >= 0; i--) {
			const batch = parseBatch(await this.adapter.read(files[i]));
			if (batch && batch.entries.length > 0) return { ...batch, file: files[i] };
		}
		return null;
	}

	async discard(file: string): Promise<void> {
		await this.adapter.remove(file);
	}
}

/** Parse a batch file; a line cut short by a crash is ignored. */
export function parseBatch(text: string): JournalBatch | null {
	const lines = text.split("\n").filter((line) => line !== "");
	let header: BatchHeader | null = null;
	const entries: JournalEntry[] = [];
	for (const line of lines) {
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			continue;
		}
		if (isHeader(value)) header = value;
		else if (isEntry(value)) entries.push(value);
	}
	return header ? { ...header, entries } : null;
}

function isHeader(value: unknown): value is BatchHeader {
	return typeof value === "object" && value !== null && typeof (value as BatchHeader).batch === "string";
}

function isEntry(value: unknown): value is JournalEntry {
	const entry = value as JournalEntry;
	return (
		typeof value === "object" &&
		value !== null &&
		typeof entry.path === "string" &&
		(typeof entry.before === "string" || Array.isArray(entry.edits)) &&
		typeof entry.afterHash === "string"
	);
}
