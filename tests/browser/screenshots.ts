// `npm run screenshots`: the queue pane and its states, the Bases-like wide table, the Tidy all
// preview, the report and the settings, in light and dark Obsidian-like themes, as PNGs in tests/screenshots/
// (git-ignored). With --readme it also refreshes the two pictures the README shows (docs/).
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildPage, CHROMIUM, chromiumAvailable, launchChromium } from "./harness";

const OUT = join(process.cwd(), "tests", "screenshots");
const DOCS = join(process.cwd(), "docs");

interface Shot {
	name: string;
	width: number;
	height: number;
	query: string;
	/** Put the page in the state to show. */
	act?: (page: Page) => Promise<void>;
	/** Pixels per CSS pixel (2 unless said). */
	scale?: number;
}

const SHOTS: Shot[] = [
	{
		// The README's picture: small enough to commit.
		name: "readme",
		width: 410,
		height: 430,
		scale: 1.5,
		query: "sample=realistic&notes=40",
		act: async (page) => {
			await page.locator(".omnivore-queue-row").nth(1).hover();
		},
	},
	{
		name: "queue",
		width: 340,
		height: 560,
		query: "sample=realistic&notes=40",
		act: async (page) => {
			await page.locator(".omnivore-queue-row").nth(1).hover();
		},
	},
	{ name: "queue-260", width: 260, height: 560, query: "sample=realistic&notes=40" },
	{
		name: "search",
		width: 340,
		height: 420,
		query: "sample=realistic&notes=40",
		act: async (page) => {
			await page.locator('.omnivore-queue-tab[aria-label^="All:"]').click();
			await page.fill(".omnivore-queue-search", "reading");
		},
	},
	{
		name: "filters",
		width: 340,
		height: 460,
		query: "sample=realistic&notes=40",
		act: async (page) => {
			await page.evaluate(() => window.queue.view.setState({ filter: { statuses: ["unread"], tags: ["reading"] } }, { history: false }));
			await page.click('button[aria-label^="Show filters"]');
		},
	},
	{
		name: "sort-menu",
		width: 340,
		height: 420,
		query: "sample=realistic&notes=40",
		act: async (page) => {
			await page.click('button[aria-label="Change sort order"]');
		},
	},
	{
		name: "keyboard",
		width: 340,
		height: 360,
		query: "sample=realistic&notes=40",
		act: async (page) => {
			await page.focus(".omnivore-queue-search");
			await page.keyboard.press("ArrowDown");
			await page.keyboard.press("j");
		},
	},
	{ name: "empty", width: 340, height: 360, query: "notes=0&folders=Clippings,Omnivore" },
	{ name: "table", width: 1100, height: 520, query: "sample=realistic&notes=40&main=1" },
	{
		name: "preview",
		width: 900,
		height: 680,
		query: "notes=0",
		act: async (page) => {
			await page.evaluate(() => window.screens.preview());
		},
	},
	{
		name: "report",
		width: 700,
		height: 600,
		query: "notes=0",
		act: async (page) => {
			await page.evaluate(() => window.screens.report());
		},
	},
	{
		name: "settings",
		width: 820,
		height: 1000,
		query: "notes=0",
		act: async (page) => {
			await page.evaluate(() => window.screens.settings());
		},
	},
];

async function shoot(browser: Browser, dir: string, shot: Shot, theme: "light" | "dark"): Promise<string> {
	const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: shot.scale ?? 2 });
	page.on("pageerror", (error) => process.stderr.write(`${shot.name}: ${error.message}\n`));
	await page.goto(`file://${join(dir, "index.html")}?${shot.query}&theme=${theme}`);
	await page.waitForFunction(() => window.queue?.ready === true, undefined, { timeout: 60_000 });
	await shot.act?.(page);
	await page.waitForTimeout(150);
	const path = join(OUT, `${shot.name}-${theme}.png`);
	await page.screenshot({ path });
	await page.close();
	return path;
}

async function main(): Promise<void> {
	if (!chromiumAvailable) {
		process.stderr.write(`No Chromium at ${CHROMIUM}: install Debian's chromium package (or set CHROMIUM_PATH).\n`);
		process.exit(2);
	}
	mkdirSync(OUT, { recursive: true });
	const dir = buildPage();
	const browser = await launchChromium();
	try {
		for (const theme of ["light", "dark"] as const) {
			for (const shot of SHOTS) process.stdout.write(`${await shoot(browser, dir, shot, theme)}\n`);
		}
		if (process.argv.includes("--readme")) {
			for (const theme of ["light", "dark"]) copyFileSync(join(OUT, `readme-${theme}.png`), join(DOCS, `queue-${theme}.png`));
		}
	} finally {
		await browser.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

void main();
