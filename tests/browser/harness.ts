// Builds the browser page (the real queue view over the fake Obsidian, with an Obsidian-like theme)
// and starts headless Chromium: shared by the browser test and `npm run screenshots`.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser } from "playwright-core";

// Paths from the repository root (where npm and Jest run), so the harness also works bundled.
const ROOT = process.cwd();
const HERE = join(ROOT, "tests", "browser");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM);

/** Bundle the page into a new temporary folder; returns the folder (index.html inside). */
export function buildPage(): string {
	const dir = mkdtempSync(join(tmpdir(), "omnivore-queue-browser-"));
	// The queue's worker script as the plugin's build embeds it (scripts/itemWorkerSource.mjs, which
	// needs esbuild's async API): bundled on its own, then given to the page as text.
	const worker = buildSync({ entryPoints: [join(ROOT, "src", "plugin", "queue", "workers", "itemWorkerScript.ts")], bundle: true, format: "iife", platform: "browser", target: "es2018", write: false, logLevel: "silent" });
	writeFileSync(join(dir, "itemWorkerSource.js"), `export default ${JSON.stringify(worker.outputFiles[0].text)};`);
	bundlePage(dir, "queuePage.ts", "page.js");
	writeFileSync(join(dir, "theme.css"), readFileSync(join(HERE, "theme.css")));
	writeFileSync(join(dir, "styles.css"), readFileSync(join(ROOT, "styles.css")));
	writeFileSync(
		join(dir, "index.html"),
		`<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"></head>
<body><script src="page.js"></script></body></html>`,
	);
	return dir;
}

/** The Bases layout's page (basesPage.ts), in a folder `buildPage` made: bases.html. */
export function buildBasesPage(dir: string): void {
	bundlePage(dir, "basesPage.ts", "bases.js");
	writeFileSync(
		join(dir, "bases.html"),
		`<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">
<style>.bases-view { height: 100vh; display: flex; flex-direction: column; }</style></head><body><script src="bases.js"></script></body></html>`,
	);
}

function bundlePage(dir: string, entry: string, outfile: string): void {
	buildSync({
		entryPoints: [join(HERE, entry)],
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2020",
		outfile: join(dir, outfile),
		alias: { obsidian: join(ROOT, "tests", "__mocks__", "obsidian.ts"), "omnivore-queue-item-worker": join(dir, "itemWorkerSource.js") },
		logLevel: "silent",
	});
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
	});
}
