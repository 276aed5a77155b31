/** @jest-environment jsdom */
// How many Web Workers the plugin starts, from what, and when it cleans up: the platform's decisions
// (the pool itself is tested in itemWorkers.test.ts, the real workers in the browser test).
import { webItemWorkers } from "../../src/plugin/queue/workers/webItemWorkers";
import { Component, Platform } from "../__mocks__/obsidian";

// The worker script's text, as the build embeds it (the tests' stand-in is empty: no workers). Jest
// hoists this above the imports.
jest.mock("omnivore-queue-item-worker", () => ({ __esModule: true, default: "self.onmessage = () => undefined;" }));

const MB = 1024 * 1024;

class FakeWebWorker {
	static started: Array<{ url: string; name?: string }> = [];
	constructor(url: string, options?: { name?: string }) {
		FakeWebWorker.started.push({ url, name: options?.name });
	}
}

function withCores(cores: number): void {
	Object.defineProperty(navigator, "hardwareConcurrency", { value: cores, configurable: true });
}

describe("the plugin's Web Workers", () => {
	const made: string[] = [];
	const revoked: string[] = [];
	beforeEach(() => {
		FakeWebWorker.started = [];
		made.length = 0;
		revoked.length = 0;
		Object.assign(globalThis, { Worker: FakeWebWorker });
		URL.createObjectURL = () => {
			made.push(`blob:${made.length}`);
			return made[made.length - 1];
		};
		URL.revokeObjectURL = (url: string) => void revoked.push(url);
		Platform.isMobile = false;
	});

	it("start one a core, four at most, from 128 MB to read on two or three cores and 32 MB on more", () => {
		const owner = new Component();
		withCores(2);
		expect(webItemWorkers(owner as never)).toMatchObject({ size: 2, minBytes: 128 * MB });
		withCores(3);
		expect(webItemWorkers(owner as never)).toMatchObject({ size: 3, minBytes: 128 * MB });
		withCores(16);
		expect(webItemWorkers(owner as never)).toMatchObject({ size: 4, minBytes: 32 * MB });
		Platform.isMobile = true;
		expect(webItemWorkers(owner as never)).toMatchObject({ size: 2, minBytes: 32 * MB });
	});

	it("start none on one core, or where there are no Web Workers", () => {
		withCores(1);
		expect(webItemWorkers(new Component() as never)).toBeNull();
		withCores(4);
		Object.assign(globalThis, { Worker: undefined });
		expect(webItemWorkers(new Component() as never)).toBeNull();
	});

	it("start every worker from one blob URL of the script, made at the first start and revoked on unload", () => {
		withCores(4);
		const owner = new Component();
		owner.load();
		const plan = webItemWorkers(owner as never);
		expect(made).toEqual([]);
		plan?.start();
		plan?.start();
		expect(made).toEqual(["blob:0"]);
		expect(FakeWebWorker.started).toEqual([
			{ url: "blob:0", name: "Omnivore Queue: reading notes" },
			{ url: "blob:0", name: "Omnivore Queue: reading notes" },
		]);
		owner.unload();
		expect(revoked).toEqual(["blob:0"]);
	});
});
