// One image fetched through the HTTP port: what is retried, when the archive is asked, what is refused.

import { archiveUrl, DEFAULT_ARCHIVE, downloadImage, USER_AGENT, type DownloadSettings } from "../../../src/core/images/downloader";
import { HttpFailure, type HttpRequest, type HttpResponse } from "../../../src/core/images/httpPort";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const ORIGINAL = "https://cdn.example.com/figures/chart.png";
const ARCHIVED = `https://archive.example/web/2id_/${ORIGINAL}`;

type Answer = HttpResponse | HttpFailure | Error;

/** A server that answers each URL from its script in turn (the last answer repeats), and what was asked. */
function scripted(answers: Record<string, Answer[]>, overrides: Partial<DownloadSettings> = {}) {
	const asked: string[] = [];
	const slept: number[] = [];
	const settings: DownloadSettings = {
		http: {
			get: (request: HttpRequest) => {
				asked.push(request.url);
				const script = answers[request.url] ?? [{ status: 404 }];
				const answer = script.length > 1 ? script.shift()! : script[0];
				return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
			},
		},
		timeoutMs: 5000,
		maxBytes: 20 * 1024 * 1024,
		userAgent: "test",
		retries: 2,
		backoffMs: 100,
		archive: "https://archive.example/web/2id_/{url}",
		sleep: (ms) => {
			slept.push(ms);
			return Promise.resolve();
		},
		...overrides,
	};
	return { settings, asked, slept };
}

describe("downloadImage", () => {
	it("tries again an image cut short (a connection closed early, with no length to tell), then asks the archive", async () => {
		const cut = PNG.subarray(0, 14);
		const { settings, asked } = scripted({ [ORIGINAL]: [{ status: 200, body: cut }, { status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toMatchObject({ ok: true, bytes: PNG, fromArchive: false });
		expect(asked).toEqual([ORIGINAL, ORIGINAL]);
		const always = scripted({ [ORIGINAL]: [{ status: 200, body: cut }], [ARCHIVED]: [{ status: 200, body: cut }] });
		const failed = await downloadImage(ORIGINAL, always.settings);
		expect(failed.ok).toBe(false);
		expect(failed.ok ? "" : failed.reason).toContain("the image arrived cut short (tried 3 times)");
		expect(always.asked).toEqual([ORIGINAL, ORIGINAL, ORIGINAL, ARCHIVED, ARCHIVED, ARCHIVED]);
	});

	it("takes an image at the first answer", async () => {
		const { settings, asked, slept } = scripted({ [ORIGINAL]: [{ status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: true, bytes: PNG, kind: { extension: "png", mime: "image/png" }, fromArchive: false });
		expect(asked).toEqual([ORIGINAL]);
		expect(slept).toEqual([]);
	});

	it.each([503, 500, 429, 408])("tries again after a %i, waiting twice as long each time", async (status) => {
		const { settings, asked, slept } = scripted({ [ORIGINAL]: [{ status }, { status }, { status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toMatchObject({ ok: true, fromArchive: false });
		expect(asked).toEqual([ORIGINAL, ORIGINAL, ORIGINAL]);
		expect(slept).toEqual([100, 200]);
	});

	it("never waits more than 30 seconds between tries", async () => {
		const { settings, slept } = scripted({ [ORIGINAL]: [{ status: 503 }] }, { retries: 3, backoffMs: 20_000, archive: null });
		await downloadImage(ORIGINAL, settings);
		expect(slept).toEqual([20_000, 30_000, 30_000]);
	});

	it.each([
		["seconds", "7"],
		["an HTTP date", "Tue, 01 Dec 2026 10:00:07 GMT"],
	])("waits as long as a 429 or 503 asks in %s, when that is longer than its own wait", async (_form, retryAfter) => {
		const now = () => Date.parse("2026-12-01T10:00:00Z");
		const { settings, slept } = scripted({ [ORIGINAL]: [{ status: 429, retryAfter }, { status: 503, retryAfter: "0" }, { status: 200, body: PNG }] }, { now });
		expect(await downloadImage(ORIGINAL, settings)).toMatchObject({ ok: true, fromArchive: false });
		// Seven seconds asked, then none: its own 200 ms then.
		expect(slept).toEqual([7_000, 200]);
	});

	it.each(["soon", "", "-5", "1.5", "2030-01-01", "1700000000000000000000 GMT"])("reads a Retry-After it cannot understand (%p) as no wish", async (retryAfter) => {
		const { settings, slept } = scripted({ [ORIGINAL]: [{ status: 503, retryAfter }, { status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toMatchObject({ ok: true });
		expect(slept).toEqual([100]);
	});

	it("does not wait an hour a server asks for: it asks the archive, and says why", async () => {
		const { settings, asked, slept } = scripted({ [ORIGINAL]: [{ status: 429, retryAfter: "3600" }], [ARCHIVED]: [{ status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toMatchObject({ ok: true, fromArchive: true });
		expect(asked).toEqual([ORIGINAL, ARCHIVED]);
		expect(slept).toEqual([]);
		const { settings: noArchive } = scripted({ [ORIGINAL]: [{ status: 503, retryAfter: "90" }] }, { archive: null });
		expect(await downloadImage(ORIGINAL, noArchive)).toEqual({ ok: false, reason: "the server answered 503 and asked to wait 90 seconds" });
	});

	it.each([
		[" 90 ", "90 seconds"],
		["119", "119 seconds"],
		["120", "2 minutes"],
		["3600", "60 minutes"],
	])("says how long a server asked to wait (%p)", async (retryAfter, said) => {
		const { settings } = scripted({ [ORIGINAL]: [{ status: 429, retryAfter }] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: `the server answered 429 and asked to wait ${said}` });
	});

	it("takes a wait of 30 seconds asked, but no more", async () => {
		const { settings, slept } = scripted({ [ORIGINAL]: [{ status: 503, retryAfter: "30" }, { status: 503, retryAfter: "31" }] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "the server answered 503 and asked to wait 31 seconds" });
		expect(slept).toEqual([30_000]);
	});

	it("reads the Retry-After of the last try as the end of its tries", async () => {
		const { settings, slept } = scripted({ [ORIGINAL]: [{ status: 503 }, { status: 503 }, { status: 503, retryAfter: "3600" }] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "the server answered 503 (tried 3 times)" });
		expect(slept).toEqual([100, 200]);
	});

	it("asks the archive once the tries are spent, and says so when its copy is used", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [{ status: 502 }], [ARCHIVED]: [{ status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toMatchObject({ ok: true, fromArchive: true, bytes: PNG });
		expect(asked).toEqual([ORIGINAL, ORIGINAL, ORIGINAL, ARCHIVED]);
	});

	it.each([404, 410, 403])("goes to the archive at once after a %i", async (status) => {
		const { settings, asked } = scripted({ [ORIGINAL]: [{ status }], [ARCHIVED]: [{ status: 404 }] });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: `the server answered ${status}; the archive's copy: the server answered 404` });
		expect(asked).toEqual([ORIGINAL, ARCHIVED]);
	});

	it("says how long it waited and how often when nothing answers", async () => {
		const { settings } = scripted({ [ORIGINAL]: [new HttpFailure("timeout", "timed out")] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "it did not arrive within 5 s (tried 3 times)" });
	});

	it("says the network's reason, without counting tries when none are allowed", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [new HttpFailure("network", "connection refused")] }, { archive: null, retries: 0 });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "connection refused" });
		expect(asked).toEqual([ORIGINAL]);
	});

	it("does not ask again an address it refuses to contact", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [new HttpFailure("refused", "it leads to Omnivore's image proxy")] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "it leads to Omnivore's image proxy" });
		expect(asked).toEqual([ORIGINAL]);
	});

	it("refuses an image larger than the limit without asking the archive, whose copy is as large", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [{ status: 200, tooLarge: true }] });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "it is larger than 20 MB" });
		expect(asked).toEqual([ORIGINAL]);
	});

	it.each([
		["a web page (a parked site answers every address with one)", { status: 200, body: new TextEncoder().encode("<!doctype html><html>Domain for sale</html>") }, "the server sent something that is not an image (a web page?)"],
		["nothing", { status: 200 }, "the server sent nothing"],
	])("asks the archive, once, when the site sends %s", async (_what, answer, reason) => {
		const { settings, asked } = scripted({ [ORIGINAL]: [answer], [ARCHIVED]: [{ status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: true, bytes: PNG, kind: { extension: "png", mime: "image/png" }, fromArchive: true });
		expect(asked).toEqual([ORIGINAL, ARCHIVED]);
		const { settings: without } = scripted({ [ORIGINAL]: [answer] }, { archive: null });
		expect(await downloadImage(ORIGINAL, without)).toEqual({ ok: false, reason });
	});

	it("takes part of an image for no image, and asks the archive", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [{ status: 206, body: PNG.slice(0, 4) }] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "the server sent only part of the image" });
		expect(asked).toEqual([ORIGINAL]);
		const { settings: withArchive, asked: askedBoth } = scripted({ [ORIGINAL]: [{ status: 206, body: PNG.slice(0, 4) }], [ARCHIVED]: [{ status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, withArchive)).toMatchObject({ ok: true, fromArchive: true });
		expect(askedBoth).toEqual([ORIGINAL, ARCHIVED]);
	});

	it.each(["https://me:secret@cdn.example.com/chart.png", "https://me@cdn.example.com/chart.png", "https://:secret@cdn.example.com/chart.png"])(
		"never sends, nor hands to the archive, an address holding a user name or password: %s",
		async (url) => {
			const { settings, asked } = scripted({});
			expect(await downloadImage(url, settings)).toEqual({ ok: false, reason: "its address holds a user name or password, which are never sent" });
			expect(asked).toEqual([]);
		},
	);

	it("finds no password in an address that is no URL, and lets the server say no", async () => {
		const { settings, asked } = scripted({}, { archive: null, retries: 0 });
		expect(await downloadImage("not a url", settings)).toEqual({ ok: false, reason: "the server answered 404" });
		expect(asked).toEqual(["not a url"]);
	});

	it("never asks an archive when there is none", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [{ status: 404 }] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "the server answered 404" });
		expect(asked).toEqual([ORIGINAL]);
	});

	it("asks the archive, once, for an address whose server sends it to the dead proxy", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [new HttpFailure("refused", "it leads to Omnivore's image proxy, which is gone")], [ARCHIVED]: [{ status: 200, body: PNG }] });
		expect(await downloadImage(ORIGINAL, settings)).toMatchObject({ ok: true, fromArchive: true });
		expect(asked).toEqual([ORIGINAL, ARCHIVED]);
	});

	it("takes only a 2xx answer: a choice of redirects the client did not follow is not the image", async () => {
		const { settings, asked } = scripted({ [ORIGINAL]: [{ status: 300, body: PNG }] }, { archive: null });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "the server answered 300" });
		expect(asked).toEqual([ORIGINAL]);
	});

	it("says the size limit in megabytes, rounded to one decimal", async () => {
		const { settings } = scripted({ [ORIGINAL]: [{ status: 200, tooLarge: true }] }, { maxBytes: 2.5 * 1024 * 1024 + 1000 });
		expect(await downloadImage(ORIGINAL, settings)).toEqual({ ok: false, reason: "it is larger than 2.5 MB" });
	});

	it("lets an error that is not the network's through, rather than call it a failed image", async () => {
		const { settings } = scripted({ [ORIGINAL]: [new TypeError("a bug")] });
		await expect(downloadImage(ORIGINAL, settings)).rejects.toThrow("a bug");
	});
});

describe("archiveUrl", () => {
	it("puts the original, as it is, wherever the template says", () => {
		expect(archiveUrl("https://a.example/{url}?from={url}", "https://b.example/x.png?a=1&b=2")).toBe(
			"https://a.example/https://b.example/x.png?a=1&b=2?from=https://b.example/x.png?a=1&b=2",
		);
	});
});

describe("what the downloader tells the servers it asks", () => {
	it("asks Web Archive for the original bytes, not its page around them", () => {
		expect(archiveUrl(DEFAULT_ARCHIVE, ORIGINAL)).toBe(`https://web.archive.org/web/2id_/${ORIGINAL}`);
	});
	it("names itself, so a site owner knows what asked", () => {
		expect(USER_AGENT).toMatch(/^omnivore-queue\/\S+ \(.+\)$/);
	});
	it("a network failure names itself in a log", () => {
		expect(String(new HttpFailure("timeout", "no answer"))).toBe("HttpFailure: no answer");
	});
});
