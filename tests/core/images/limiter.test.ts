import { HostLimiter } from "../../../src/core/images/limiter";

test("never more than the total at once, nor more than the per-host limit on one host", async () => {
	const limiter = new HostLimiter(3, 2);
	let running = 0;
	let most = 0;
	const perHost = new Map<string, number>();
	let mostPerHost = 0;
	const hosts = ["a", "a", "a", "a", "b", "b", "b", "c", "c", "d"];
	const order: string[] = [];
	await Promise.all(
		hosts.map((host, i) =>
			limiter.run(host, async () => {
				running++;
				perHost.set(host, (perHost.get(host) ?? 0) + 1);
				most = Math.max(most, running);
				mostPerHost = Math.max(mostPerHost, perHost.get(host) ?? 0);
				await new Promise((resolve) => setTimeout(resolve, 5));
				order.push(`${host}${i}`);
				running--;
				perHost.set(host, (perHost.get(host) ?? 1) - 1);
			}),
		),
	);
	expect(order).toHaveLength(10);
	expect(most).toBe(3);
	expect(mostPerHost).toBe(2);
});

test("a failing task frees its place", async () => {
	const limiter = new HostLimiter(1, 1);
	await expect(limiter.run("a", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
	await expect(limiter.run("a", async () => 42)).resolves.toBe(42);
});

test("a slow task keeps its place on its host while the quick ones behind it come and go", async () => {
	const limiter = new HostLimiter(4, 2);
	const running = new Map<string, number>();
	let mostOnA = 0;
	const task = (host: string, ms: number) =>
		limiter.run(host, async () => {
			running.set(host, (running.get(host) ?? 0) + 1);
			mostOnA = Math.max(mostOnA, running.get("a") ?? 0);
			await new Promise((resolve) => setTimeout(resolve, ms));
			running.set(host, (running.get(host) ?? 1) - 1);
		});
	await Promise.all([task("a", 60), task("a", 5), task("a", 5), task("a", 5), task("a", 5)]);
	expect(mostOnA).toBe(2);
});
