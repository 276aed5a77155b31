// Journal entries sent by the workers, appended in the order of the notes in the vault, whichever
// worker finishes first: the journal of a run on many threads is the journal of a run on one (0020).
// A note's entry is appended once every note before it has either sent its entry or finished without
// one; only then may its worker replace it (the entry is on disk first, so undo can always find it).

interface Waiting {
	lines: string[];
	appended: Array<() => void>;
	failed: Array<(error: unknown) => void>;
}

export class EntriesInOrder {
	/** The first note whose turn has not come yet. */
	private next = 0;
	private readonly waiting = new Map<number, Waiting>();
	private readonly finished = new Set<number>();
	private queue: Promise<void> = Promise.resolve();

	constructor(private readonly append: (line: string) => Promise<void>) {}

	/** Note `id`'s entry: resolves once it is appended, rejects when it could not be. */
	entry(id: number, line: string): Promise<void> {
		return new Promise((resolve, reject) => {
			const waiting = this.waiting.get(id) ?? { lines: [], appended: [], failed: [] };
			waiting.lines.push(line);
			waiting.appended.push(resolve);
			waiting.failed.push(reject);
			this.waiting.set(id, waiting);
			this.pump();
		});
	}

	/** Note `id` is done: it sends no more entries in its turn (a later one, after a retry, is appended at once). */
	finish(id: number): void {
		if (id < this.next) return;
		this.finished.add(id);
		this.pump();
	}

	private pump(): void {
		this.queue = this.queue.then(async () => {
			for (;;) {
				// A note whose turn has passed (it wrote, then an edit made it try again) is appended at once.
				for (const [id, waiting] of this.waiting) if (id < this.next) await this.write(id, waiting);
				const waiting = this.waiting.get(this.next);
				if (waiting) await this.write(this.next, waiting);
				else if (!this.finished.has(this.next)) return;
				this.finished.delete(this.next);
				this.next++;
			}
		});
	}

	private async write(id: number, waiting: Waiting): Promise<void> {
		this.waiting.delete(id);
		try {
			for (const line of waiting.lines) await this.append(line);
			for (const done of waiting.appended) done();
		} catch (error) {
			for (const fail of waiting.failed) fail(error);
		}
	}
}
