// Keeps long runs from freezing Obsidian: gives the UI a turn whenever a stretch of work gets long.

export interface Clock {
	now(): number;
	/** Let the UI render and handle input before work continues. */
	yieldToUi(): Promise<void>;
}

export const browserClock: Clock = {
	now: () => performance.now(),
	yieldToUi: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
};

export class Yielder {
	private last: number;
	/** The longest stretch between two yields so far, in milliseconds. */
	maxStretch = 0;

	constructor(
		private readonly clock: Clock,
		private readonly budgetMs = 25,
	) {
		this.last = clock.now();
	}

	/** Call between units of work. */
	async maybeYield(): Promise<void> {
		const now = this.clock.now();
		const stretch = now - this.last;
		if (stretch < this.budgetMs) return;
		this.maxStretch = Math.max(this.maxStretch, stretch);
		await this.clock.yieldToUi();
		this.last = this.clock.now();
	}

	/** Record the final stretch when the run ends. */
	finish(): void {
		this.maxStretch = Math.max(this.maxStretch, this.clock.now() - this.last);
	}
}
