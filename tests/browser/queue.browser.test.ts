// The queue view in a real browser engine: headless Chromium (Debian's package) driven by
// playwright-core renders 10,000 articles, scrolls, filters and changes a status.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOTS = join(ROOT, "tests", "screenshots");
const available = existsSync(CHROMIUM);

if (!available && !process.env.CI) {
	console.warn(`Skipping the browser test: no Chromium at ${CHROMIUM} (install Debian's chromium package, as .ci/run does).`);
}

// In CI a missing browser is a failure, not a skip.
const describeInBrowser = available || process.env.CI ? describe : describe.skip;

describeInBrowser("the queue view in Chromium", () => {
	let dir: string;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), "omnivore-queue-browser-"));
		buildSync({
			entryPoints: [join(__dirname, "queuePage.ts")],
			bundle: true,
			format: "iife",
			platform: "browser",
			target: "es2020",
			outfile: join(dir, "page.js"),
			alias: { obsidian: join(ROOT, "tests", "__mocks__", "obsidian.ts") },
			logLevel: "silent",
		});
		writeFileSync(join(dir, "styles.css"), readFileSync(join(ROOT, "styles.css")));
		writeFileSync(
			join(dir, "index.html"),
			`<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="styles.css">
<style>
/* A few of Obsidian's theme variables, so the screenshot looks like the plugin in a light theme. */
:root{--size-4-1:4px;--size-4-2:8px;--size-4-4:16px;--border-width:1px;--background-modifier-border:#e0e0e0;
--background-modifier-hover:#f2f2f2;--background-primary:#fff;--text-muted:#6b6b6b;--text-faint:#999;--text-warning:#b45309;
--interactive-accent:#7c3aed;--text-on-accent:#fff;--font-ui-small:13px;--font-ui-smaller:12px;--font-semibold:600;--radius-s:4px}
body{margin:0;font:14px sans-serif} body > div{width:360px;height:640px;display:flex;flex-direction:column}
.view-content{flex:1;min-height:0;display:flex;flex-direction:column}</style></head>
<body><script src="page.js"></script></body></html>`,
		);
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
		});
		page = await browser.newPage({ viewport: { width: 360, height: 640 } });
		page.on("pageerror", (error) => {
			throw error;
		});
		await page.goto(`file://${join(dir, "index.html")}?notes=10000`);
		await page.waitForFunction(() => window.queue?.ready === true, undefined, { timeout: 60_000 });
	}, 90_000);

	afterAll(async () => {
		await browser?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	const rowCount = () => page.locator(".omnivore-queue-row").count();

	it("renders 10,000 articles with counts and keeps the DOM small", async () => {
		await page.waitForSelector('[aria-label="All: 10000"]');
		expect(await page.getAttribute(".omnivore-queue-tab.is-active", "aria-label")).toBe("Unread: 5001");
		expect(await rowCount()).toBeGreaterThan(5);
		expect(await rowCount()).toBeLessThan(40);
		// Unread are the notes whose number leaves 0, 1 or 2 divided by 6; the newest saved is 9998.
		expect(await page.locator(".omnivore-queue-row-title").first().textContent()).toBe("Article 09998 about reading");
	});

	it("scrolls through the list, rendering only the rows in view", async () => {
		await page.locator(".omnivore-queue-scroll").evaluate((el) => {
			el.scrollTop = 76 * 2500;
			el.dispatchEvent(new Event("scroll"));
		});
		await page.waitForSelector('.omnivore-queue-row[data-index="2500"]');
		const indexes = await page.locator(".omnivore-queue-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-index"))));
		expect(Math.min(...indexes)).toBeGreaterThan(2480);
		expect(indexes.length).toBeLessThan(40);
		expect(await page.locator('.omnivore-queue-row[data-index="2500"]').isVisible()).toBe(true);
	});

	it("filters as the reader types", async () => {
		await page.fill(".omnivore-queue-search", "09996");
		await page.waitForFunction(() => document.querySelectorAll(".omnivore-queue-row").length === 1);
		expect(await page.locator(".omnivore-queue-row-title").textContent()).toBe("Article 09996 about rust");
		await page.fill(".omnivore-queue-search", "");
		await page.waitForFunction(() => document.querySelectorAll(".omnivore-queue-row").length > 1);
	});

	it("marks an article read from its row and writes only its status", async () => {
		const first = page.locator(".omnivore-queue-row").first();
		const path = await first.getAttribute("data-key");
		const before = await page.evaluate((p) => window.queue.app.vault.testText(p as string), path);
		await first.hover();
		await first.locator('button[aria-label="Mark as read"]').click();
		await page.waitForFunction((p) => document.querySelector(".omnivore-queue-row")?.getAttribute("data-key") !== p, path);
		const after = await page.evaluate((p) => window.queue.app.vault.testText(p as string), path);
		expect(after).toBe(before?.replace("status: unread", "status: read"));
		expect(await page.getAttribute(".omnivore-queue-tab.is-active", "aria-label")).toBe("Unread: 5000");
		mkdirSync(SCREENSHOTS, { recursive: true });
		await page.screenshot({ path: join(SCREENSHOTS, "queue.png") });
	});
});
