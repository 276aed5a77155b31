// Runs tasks with at most `total` at once, and at most `perHost` at once against one host.

export class HostLimiter {
	private running = 0;
	private readonly perHostRunning = new Map<string, number>();
	private readonly waiting: Array<{ host: string; start: () => void }> = [];

	constructor(
		private readonly total: number,
		private readonly perHost: number,
	) {}

	async run<T>(host: string, task: () => Promise<T>): Promise<T> {
		await new Promise<void>((start) => {
			this.waiting.push({ host, start });
			this.next();
		});
		try {
			return await task();
		} finally {
			this.running--;
			this.perHostRunning.set(host, (this.perHostRunning.get(host) ?? 1) - 1);
			this.next();
		}
	}

	/** Start the first waiting tasks whose host has room, in the order they came. */
	private next(): void {
		for (let i = 0; i < this.waiting.length && this.running < this.total; ) {
			const { host, start } = this.waiting[i];
			const busy = this.perHostRunning.get(host) ?? 0;
			if (busy >= this.perHost) {
				i++;
				continue;
			}
			this.waiting.splice(i, 1);
			this.running++;
			this.perHostRunning.set(host, busy + 1);
			start();
		}
	}
}
