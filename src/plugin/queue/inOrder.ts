// Results that arrive out of order (batches back from worker threads), taken in the order they were
// asked for: a build through workers fills the index in the same order as one on the main thread.

interface Part<T> {
	values: T[] | null;
	arrived: Promise<void>;
}

export class InOrder<T> {
	private readonly parts: Array<Part<T>> = [];
	private outstanding = 0;

	/** Values known now, after everything added before them. */
	add(values: T[]): void {
		this.parts.push({ values, arrived: Promise.resolve() });
	}

	/** Values still to come (the promise must not reject), after everything added before them. */
	addLater(values: Promise<T[]>): void {
		this.outstanding++;
		const part: Part<T> = {
			values: null,
			arrived: values.then((arrived) => {
				part.values = arrived;
				this.outstanding--;
			}),
		};
		this.parts.push(part);
	}

	/** How many of the parts added later have not arrived yet. */
	get waiting(): number {
		return this.outstanding;
	}

	/** The values at the front whose turn has come, in order; they are not given again. */
	takeReady(): T[] {
		const taken: T[] = [];
		for (let front = this.parts[0]; front?.values; front = this.parts[0]) {
			this.parts.shift();
			for (const value of front.values) taken.push(value);
		}
		return taken;
	}

	/** Wait for the first part still to come (at once when none is). */
	async nextArrival(): Promise<void> {
		await this.parts.find((part) => part.values === null)?.arrived;
	}
}
