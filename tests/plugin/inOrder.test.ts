// Results taken in the order they were asked for, whatever order they arrive in.
import { InOrder } from "../../src/plugin/queue/inOrder";

function later<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

describe("InOrder", () => {
	it("gives values only once those asked for before them have arrived, and each once", async () => {
		const order = new InOrder<string>();
		const first = later<string[]>();
		const second = later<string[]>();
		order.add(["a"]);
		order.addLater(first.promise);
		order.add(["b"]);
		order.addLater(second.promise);
		expect(order.takeReady()).toEqual(["a"]);
		expect(order.waiting).toBe(2);

		second.resolve(["d", "e"]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		// The second batch is back, but the first is not: nothing after it may go out.
		expect(order.takeReady()).toEqual([]);
		expect(order.waiting).toBe(1);

		// Waiting is for the first part still to come, not for any.
		let arrived = false;
		const waited = order.nextArrival().then(() => (arrived = true));
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(arrived).toBe(false);
		first.resolve(["c"]);
		await waited;
		expect(order.takeReady()).toEqual(["c", "b", "d", "e"]);
		expect(order.takeReady()).toEqual([]);
		expect(order.waiting).toBe(0);
		// Nothing to wait for: at once.
		await order.nextArrival();
	});

	it("takes empty parts in their turn", async () => {
		const order = new InOrder<number>();
		order.addLater(Promise.resolve([]));
		order.add([1]);
		await order.nextArrival();
		expect(order.takeReady()).toEqual([1]);
	});
});
