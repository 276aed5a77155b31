// Messages between the tidy's threads, sent in batches: one postMessage per turn of the event loop
// instead of one per message. Each message to a thread that is waiting wakes it, and with four
// messages a note the wake-ups cost a tidy more than its writes did (0020).

interface Port {
	postMessage(value: unknown): void;
}

export class BatchedPort<T> {
	private queued: T[] = [];

	constructor(private readonly port: Port) {}

	post(message: T): void {
		if (this.queued.length === 0) setImmediate(() => this.flush());
		this.queued.push(message);
	}

	private flush(): void {
		const batch = this.queued;
		this.queued = [];
		if (batch.length > 0) this.port.postMessage(batch);
	}
}
