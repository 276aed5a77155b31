// Timing helpers of the benchmark: seconds of a run, and median with min and max over rounds.

export interface Spread {
	median: number;
	min: number;
	max: number;
}

export function seconds(run: () => void): number {
	const start = process.hrtime.bigint();
	run();
	return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function secondsAsync(run: () => Promise<void>): Promise<number> {
	const start = process.hrtime.bigint();
	await run();
	return Number(process.hrtime.bigint() - start) / 1e9;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function spread(values: number[]): Spread {
	return { median: percentile(values, 50), min: Math.min(...values), max: Math.max(...values) };
}

/** The list turned left by `by` places: rounds run the same passes in a different order. */
export function rotate<T>(items: readonly T[], by: number): T[] {
	const shift = by % items.length;
	return [...items.slice(shift), ...items.slice(0, shift)];
}
