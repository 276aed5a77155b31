// The queue pane in headless Chromium as readers use it: the mouse in a scrolled list, the keyboard
// only, narrow sidebars, an input method composing a search, a base. Each test reproduces a bug a
// hostile trial found (what jsdom cannot see: layout, scrolling, focus).
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildBasesPage, buildPage, CHROMIUM, chromiumAvailable, launchChromium } from "./harness";

if (!chromiumAvailable && !process.env.CI) console.warn(`Skipping the queue use test: no Chromium at ${CHROMIUM}.`);
const describeInBrowser = chromiumAvailable || process.env.CI ? describe : describe.skip;
jest.setTimeout(60_000);

describeInBrowser("the queue pane in use, in Chromium", () => {
	let dir: string;
	let browser: Browser;
	const errors: string[] = [];

	const open = async (query: string, width = 360, height = 640, file = "index.html"): Promise<Page> => {
		const page = await browser.newPage({ viewport: { width, height } });
		page.on("pageerror", (error) => errors.push(error.message));
		await page.goto(`file://${join(dir, file)}?${query}`);
		await page.waitForFunction(() => (window.queue?.ready ?? window.bases?.ready) === true, undefined, { timeout: 60_000 });
		return page;
	};

	beforeAll(async () => {
		dir = buildPage();
		buildBasesPage(dir);
		browser = await launchChromium();
	}, 90_000);

	afterAll(async () => {
		await browser?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	beforeEach(() => errors.splice(0));

	/** The list's active row as the list and the screen see it. */
	const activeRow = (page: Page) =>
		page.evaluate(() => {
			const list = document.querySelector(".omnivore-queue-scroll") as HTMLElement;
			const id = list.getAttribute("aria-activedescendant");
			const row = id ? document.getElementById(id) : null;
			const box = row?.getBoundingClientRect();
			const view = list.getBoundingClientRect();
			return {
				id,
				exists: row !== null,
				inView: box ? box.top >= view.top - 1 && box.bottom <= view.bottom + 1 : false,
				title: row?.querySelector(".omnivore-queue-row-title")?.textContent ?? null,
				scrollTop: list.scrollTop,
			};
		});
	/** Wheel scrolling goes on after the last wheel event: wait until the list stands still. */
	const scrollSettled = async (page: Page) => {
		const top = () => page.evaluate(() => (document.querySelector(".omnivore-queue-scroll") as HTMLElement).scrollTop);
		for (let last = -1, now = await top(); now !== last; last = now, now = await top()) await page.waitForTimeout(150);
	};
	const focusedLabel = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute("aria-label") ?? ""}`.trim());
	const intoList = async (page: Page) => {
		await page.focus(".omnivore-queue-search");
		await page.keyboard.press("ArrowDown");
	};

	it("opens the row a first click lands on in a scrolled list, and keeps the scroll position", async () => {
		const page = await open("notes=10000");
		await page.mouse.move(180, 400);
		for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 1000);
		await page.waitForFunction(() => (document.querySelector(".omnivore-queue-scroll") as HTMLElement).scrollTop >= 29_000);
		await scrollSettled(page);
		const target = await page.evaluate(() => {
			const row = Array.from(document.querySelectorAll<HTMLElement>(".omnivore-queue-row")).find((r) => r.getBoundingClientRect().top > 350);
			return { key: row?.dataset.key, y: (row?.getBoundingClientRect().top ?? 0) + 20 };
		});
		// The list has not had focus yet: this click is the first thing the reader does in it.
		await page.mouse.click(180, target.y);
		expect(await page.evaluate(() => window.queue.opened)).toEqual([target.key]);
		expect((await activeRow(page)).scrollTop).toBeGreaterThan(29_000);
		await page.close();
	});

	it("shows the top of a new list after a tab change or a search, and Down then Enter from the search opens the first result", async () => {
		const page = await open("notes=10000");
		await intoList(page);
		for (let i = 0; i < 40; i++) await page.keyboard.press("j");
		await page.locator('.omnivore-queue-tab[aria-label^="All:"]').click();
		expect((await activeRow(page)).scrollTop).toBe(0);
		await page.fill(".omnivore-queue-search", "rust");
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("Enter");
		const first = await page.evaluate(() => window.queue.view.visibleItems()[0].path);
		expect(await page.evaluate(() => window.queue.opened)).toEqual([first]);
		await page.close();
	});

	it("keeps the selected article selected when another article enters the list above it", async () => {
		const page = await open("notes=100");
		await intoList(page);
		for (let i = 0; i < 3; i++) await page.keyboard.press("j");
		const before = (await activeRow(page)).title;
		// A sync brings a change that moves an article to the top (here: a newer saved date).
		await page.evaluate(async () => {
			const vault = window.queue.app.vault;
			await vault.process(vault.getFileByPath("Omnivore/0.md") as never, (text: string) => text.replace(/date_saved: .*/, "date_saved: 2030-01-01T00:00:00"));
		});
		await page.waitForFunction(() => document.querySelector(".omnivore-queue-row-title")?.textContent === "Article 00000 about rust");
		expect((await activeRow(page)).title).toBe(before);
		await page.close();
	});

	it("brings an active row scrolled out of view back before the menu key acts on it", async () => {
		const page = await open("notes=10000");
		await intoList(page);
		await page.keyboard.press("j");
		await page.keyboard.press("j");
		await page.mouse.move(180, 400);
		for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 1000);
		await page.waitForFunction(() => (document.querySelector(".omnivore-queue-scroll") as HTMLElement).scrollTop >= 9000);
		await scrollSettled(page);
		await page.keyboard.press("ContextMenu");
		const row = await activeRow(page);
		expect(row.inView).toBe(true);
		const menu = await page.locator(".menu").boundingBox();
		expect(menu?.y).toBeGreaterThan(100);
		await page.close();
	});

	it("keeps focus on a filter pill toggled from the keyboard", async () => {
		const page = await open("notes=2000");
		await page.focus('button[aria-label^="Show filters"]');
		await page.keyboard.press("Enter");
		await page.focus('button[aria-label="Only notes with image problems"]');
		await page.keyboard.press("Enter");
		expect(await focusedLabel(page)).toBe("BUTTON Only notes with image problems");
		// Pressed again from the keyboard, it turns the filter off again.
		await page.keyboard.press("Enter");
		expect(await page.evaluate(() => (window.queue.view.getState().filter as { imageProblems: boolean }).imageProblems)).toBe(false);
		await page.close();
	});

	it("keeps focus in the pane after Clear search in the empty state is used from the keyboard", async () => {
		const page = await open("notes=200");
		await page.fill(".omnivore-queue-search", "zzzz no such article");
		await page.focus(".omnivore-queue-empty button");
		await page.keyboard.press("Enter");
		expect(await page.inputValue(".omnivore-queue-search")).toBe("");
		expect(await page.evaluate(() => document.querySelector(".omnivore-queue-view")?.contains(document.activeElement))).toBe(true);
		await page.close();
	});

	it("sorts the table from the keyboard: focus stays on the column head, and Enter twice on Saved turns the order around", async () => {
		const page = await open("notes=200&main=1", 1100, 600);
		await page.focus('button[aria-label="Sort by title"]');
		await page.keyboard.press("Enter");
		expect(await focusedLabel(page)).toBe("BUTTON Sort by title");
		await page.focus('button[aria-label="Sort by saved"]');
		await page.keyboard.press("Enter");
		await page.keyboard.press("Enter");
		expect(await page.evaluate(() => window.queue.view.getState().sort)).toBe("saved-oldest");
		await page.close();
	});

	it("opens a menu chosen from the keyboard next to its button, not in the window's corner", async () => {
		const page = await open("notes=200");
		for (const selector of ['button[aria-label="Change sort order"]', 'button[aria-label="Filter by saved"]']) {
			if (selector.includes("saved")) await page.click('button[aria-label^="Show filters"]');
			await page.focus(selector);
			await page.keyboard.press("Enter");
			const button = await page.locator(selector).boundingBox();
			const menu = await page.locator(".menu").boundingBox();
			expect(Math.abs((menu?.y ?? 0) - ((button?.y ?? 0) + (button?.height ?? 0)))).toBeLessThan(12);
			await page.evaluate(() => document.querySelectorAll(".menu").forEach((m) => m.remove()));
		}
		await page.close();
	});

	it("keeps search input that an IME is composing: Enter that commits it stays in the search box", async () => {
		const page = await open("notes=100");
		await page.focus(".omnivore-queue-search");
		const cdp = await page.context().newCDPSession(page);
		// A pinyin or romaji composition shows Latin letters until it is committed with Enter.
		await cdp.send("Input.imeSetComposition", { text: "rust", selectionStart: 4, selectionEnd: 4 });
		await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229 });
		expect(await page.evaluate(() => document.activeElement?.className)).toContain("omnivore-queue-search");
		await page.close();
	});

	it("shows where focus is when the list that takes it is empty", async () => {
		const page = await open("notes=0");
		await page.focus(".omnivore-queue-search");
		let found: { visible: boolean } | null = null;
		for (let i = 0; i < 6 && !found; i++) {
			await page.keyboard.press("Tab");
			found = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				if (!el.classList.contains("omnivore-queue-scroll")) return null;
				const style = getComputedStyle(el);
				return { visible: style.outlineStyle !== "none" || style.boxShadow !== "none" };
			});
		}
		// Either the empty list is not a tab stop, or focus on it shows.
		if (found) expect(found.visible).toBe(true);
		await page.close();
	});

	it("keeps every status tab's icon and count inside the tab in a 260 px sidebar with the Unknown status tab", async () => {
		const page = await open("notes=20000", 260, 640);
		await page.evaluate(async () => {
			const vault = window.queue.app.vault;
			for (let i = 0; i < 12_000; i += 1000) await vault.process(vault.getFileByPath(`Omnivore/${i}.md`) as never, (t: string) => t.replace(/status: \w+/, "status: someday"));
		});
		await page.waitForSelector('.omnivore-queue-tab[aria-label^="Unknown status:"]');
		const tabs = await page.locator(".omnivore-queue-tab").evaluateAll((all) => all.map((t) => ({ label: t.getAttribute("aria-label"), over: t.scrollWidth - t.clientWidth })));
		for (const tab of tabs) expect(tab).toEqual({ label: tab.label, over: 0 });
		await page.close();
	});

	it("keeps a long author or site filter inside the pane, its × in view", async () => {
		const page = await open("notes=50", 320, 640);
		await page.evaluate(() =>
			window.queue.view.setState(
				{ filter: { statuses: [], author: "Jean-Baptiste Emmanuel Zorg de la Montagne-Sainte-Geneviève", site: "a-very-long-subdomain.of-an-example-publication.co.uk" } },
				{ history: false },
			),
		);
		await page.click('button[aria-label^="Show filters"]');
		const layout = await page.evaluate(() => {
			const view = document.querySelector(".omnivore-queue-view") as HTMLElement;
			const right = view.getBoundingClientRect().right;
			return {
				overflow: view.scrollWidth - view.clientWidth,
				removers: Array.from(document.querySelectorAll(".omnivore-queue-pill-remove"), (x) => x.getBoundingClientRect().right <= right),
			};
		});
		expect(layout.overflow).toBeLessThanOrEqual(0);
		expect(layout.removers).toEqual([true, true]);
		await page.close();
	});

	it("lines the table's column heads up with their columns", async () => {
		const page = await open("notes=200&main=1", 1100, 600);
		// Each head starts where its column's cells start; the last (Length) ends where the reading times end.
		const edges = await page.evaluate(() => {
			const edges = (el: Element | null) => {
				const cells = Array.from(el?.children ?? []);
				return cells.map((c, i) => Math.round(i === cells.length - 1 ? c.getBoundingClientRect().right : c.getBoundingClientRect().left));
			};
			return { head: edges(document.querySelector(".omnivore-queue-table-head")), row: edges(document.querySelector(".omnivore-queue-row")) };
		});
		expect(edges.head).toHaveLength(edges.row.length);
		for (let i = 0; i < edges.head.length; i++) expect(Math.abs(edges.head[i] - edges.row[i])).toBeLessThanOrEqual(2);
		await page.close();
	});

	it("in a narrow base, gives way on the source, not the author, as the pane does: the short date", async () => {
		const page = await open("notes=12", 260, 600, "bases.html");
		const when = await page.locator(".omnivore-queue-row-when").first().innerText();
		expect(when).toMatch(/^\d+ min·\d+[a-z]+$/);
		await page.close();
	});

	it("in a base, acts on the right article after the last row leaves the base", async () => {
		const page = await open("notes=12", 400, 600, "bases.html");
		await page.focus(".omnivore-queue-scroll");
		await page.keyboard.press("End");
		await page.keyboard.press("r");
		// Obsidian runs the base's query again: the article marked read is no longer unread.
		await page.waitForFunction(() => window.bases.app.vault.testText("Omnivore/0.md")?.includes("status: read"));
		await page.evaluate(() => window.bases.requery());
		expect(await page.locator(".omnivore-queue-row").count()).toBe(5);
		const active = await page.getAttribute(".omnivore-queue-scroll", "aria-activedescendant");
		expect(active).not.toBeNull();
		await page.keyboard.press("Enter");
		expect(errors).toEqual([]);
		expect(await page.evaluate(() => window.bases.opened)).toEqual(["Omnivore/1.md"]);
		await page.close();
	});
});
