// The queue view in a real browser engine: headless Chromium (Debian's package) driven by
// playwright-core renders 10,000 articles, scrolls, searches, is used from the keyboard, shows
// each article's status, and fits a 260 px sidebar.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildPage, CHROMIUM, chromiumAvailable, launchChromium } from "./harness";

if (!chromiumAvailable && !process.env.CI) {
	console.warn(`Skipping the browser test: no Chromium at ${CHROMIUM} (install Debian's chromium package, as .ci/run does).`);
}

// In CI a missing browser is a failure, not a skip.
const describeInBrowser = chromiumAvailable || process.env.CI ? describe : describe.skip;

// Each step drives a real browser: on a busy machine one can take longer than Jest's 5 s default.
// The frame-budget checks below measure the view itself and stay strict.
jest.setTimeout(30_000);

/** One frame at 60 Hz, on the development machine. */
const FRAME_MS = 16;

describeInBrowser("the queue view in Chromium", () => {
	let dir: string;
	let browser: Browser;
	let page: Page;

	const open = async (query: string, width = 360, height = 640) => {
		const opened = await browser.newPage({ viewport: { width, height } });
		opened.on("pageerror", (error) => {
			throw error;
		});
		await opened.goto(`file://${join(dir, "index.html")}?${query}`);
		await opened.waitForFunction(() => window.queue?.ready === true, undefined, { timeout: 60_000 });
		return opened;
	};

	beforeAll(async () => {
		dir = buildPage();
		browser = await launchChromium();
		page = await open("notes=10000");
	}, 90_000);

	afterAll(async () => {
		await browser?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	// A frame's budget on this machine as it runs now, timed just before the view is: a machine (or a
	// day, or a loaded CI run) several times slower than the development machine failed the checks with
	// a view no slower than before. Never looser than a frame on a machine as fast or faster.
	const frameBudget = async () => FRAME_MS * (await page.evaluate(() => window.machineSlowdown()));

	const rows = () => page.locator(".omnivore-queue-row");
	const titles = () => page.locator(".omnivore-queue-row-title").allTextContents();
	const search = async (text: string) => {
		await page.fill(".omnivore-queue-search", text);
		await page.waitForFunction((t) => window.queue.view.getState().filter && (window.queue.view.getState().filter as { search: string }).search === t, text);
	};
	const tab = (label: string) => page.locator(`.omnivore-queue-tab[aria-label^="${label}:"]`);

	it("renders 10,000 articles with counts and keeps the DOM small", async () => {
		await page.waitForSelector('[aria-label="All: 10000"]');
		expect(await page.getAttribute(".omnivore-queue-tab.is-active", "aria-label")).toBe("Unread: 5001");
		expect(await rows().count()).toBeGreaterThan(5);
		expect(await rows().count()).toBeLessThan(40);
		// Unread are the notes whose number leaves 0, 1 or 2 divided by 6; the newest saved is 9998.
		expect((await titles())[0]).toBe("Article 09998 about reading");
	});

	it("scrolls through the list, rendering only the rows in view", async () => {
		const height = await rows().first().evaluate((el) => el.getBoundingClientRect().height, undefined, { timeout: 10_000 });
		await page.locator(".omnivore-queue-scroll").evaluate((el, h) => {
			el.scrollTop = h * 2500;
			el.dispatchEvent(new Event("scroll"));
		}, height);
		// Rows redrawn under the test (a late second redraw once did it, on a loaded machine) would
		// leave this waiting: say what the list held rather than time out without a word.
		await page.waitForSelector('.omnivore-queue-row[data-index="2500"]', { timeout: 10_000 }).catch(async () => {
			const state = await page.evaluate(() => {
				const list = document.querySelector(".omnivore-queue-scroll") as HTMLElement;
				const drawn = Array.from(document.querySelectorAll(".omnivore-queue-row"), (r) => r.getAttribute("data-index"));
				return { scrollTop: list.scrollTop, scrollHeight: list.scrollHeight, clientHeight: list.clientHeight, drawn: `${drawn[0]}..${drawn.at(-1)}`, items: window.queue.view.visibleItems().length };
			});
			throw new Error(`Row 2500 was not drawn (row height ${height}): ${JSON.stringify(state)}`);
		});
		const indexes = await rows().evaluateAll((all) => all.map((r) => Number(r.getAttribute("data-index"))));
		expect(Math.min(...indexes)).toBeGreaterThan(2480);
		expect(indexes.length).toBeLessThan(40);
		expect(await page.locator('.omnivore-queue-row[data-index="2500"]').isVisible()).toBe(true);
		await page.locator(".omnivore-queue-scroll").evaluate((el) => (el.scrollTop = 0));
	});

	it("scrolls and filters 10,000 articles within a frame, rendering rows and all", async () => {
		const frameMs = await frameBudget();
		const { scrollMs, keystrokeMs } = await page.evaluate(() => window.measureView());
		expect(scrollMs).toBeLessThan(frameMs);
		expect(keystrokeMs).toBeLessThan(frameMs);
		await page.locator(".omnivore-queue-scroll").evaluate((el) => (el.scrollTop = 0));
	}, 30_000);

	it("shows each article's status: its icon, and read or archived ones dimmed", async () => {
		await tab("All").click();
		const looks = await rows().evaluateAll((all) =>
			all.slice(0, 6).map((row) => ({
				status: ["unread", "reading", "read", "archived"].find((s) => row.classList.contains(`is-${s}`)),
				icon: row.querySelector(".omnivore-queue-row-icon")?.getAttribute("data-icon"),
				color: getComputedStyle(row.querySelector(".omnivore-queue-row-title") as Element).color,
			})),
		);
		const byStatus = new Map(looks.map((l) => [l.status, l]));
		expect([...byStatus.keys()].sort()).toEqual(["archived", "read", "reading", "unread"]);
		expect(new Set(looks.map((l) => l.icon)).size).toBe(4);
		// No status borrows the pane's own icon.
		expect(looks.map((l) => l.icon)).not.toContain(await page.evaluate(() => window.queue.view.getIcon()));
		expect(byStatus.get("read")?.color).not.toBe(byStatus.get("unread")?.color);
		expect(byStatus.get("archived")?.color).toBe(byStatus.get("read")?.color);
		expect(await tab("All").getAttribute("aria-selected")).toBe("true");
		// Two tabs Ctrl-clicked: both marked, and the rows say which is which.
		await tab("Unread").click();
		await tab("Read").click({ modifiers: ["Control"] });
		expect(await page.locator('.omnivore-queue-tab[aria-selected="true"]').count()).toBe(2);
		expect(await page.locator(".omnivore-queue-row.is-read").count()).toBeGreaterThan(0);
		await tab("Unread").click();
	});

	it("ranks search results, title matches first, words in any order, and highlights them", async () => {
		await tab("All").click();
		await search("rust");
		const found = await page.evaluate(() => window.queue.view.visibleItems().map((item) => item.title));
		const lastInTitle = found.map((t) => t.includes("rust")).lastIndexOf(true);
		const firstElsewhere = found.findIndex((t) => !t.includes("rust"));
		expect(lastInTitle).toBeGreaterThan(0);
		expect(firstElsewhere).toBeGreaterThan(lastInTitle);
		expect(await page.locator(".omnivore-queue-row").first().locator(".search-result-file-matched-text").first().textContent()).toBe("rust");

		await search("rust 09996");
		expect(await titles()).toEqual(["Article 09996 about rust"]);
		await search("09996 RUST");
		expect(await titles()).toEqual(["Article 09996 about rust"]);
		await search("");
		await tab("Unread").click();
	});

	it("filters 50,000 articles within a frame as the reader types", async () => {
		const frameMs = await frameBudget();
		const { typicalMs, results } = await page.evaluate(() => window.measureSearch(50_000));
		expect(results).toBeGreaterThan(0);
		expect(typicalMs).toBeLessThan(frameMs);
	}, 30_000);

	it("builds the index on Web Workers started from the bundled worker script, with the items of a build on the page's thread", async () => {
		const { items, same, started, sent, answered } = await page.evaluate(() => window.compareWorkerBuild(600));
		expect(items).toBeGreaterThan(500);
		expect(started).toBeGreaterThanOrEqual(2);
		// Every candidate note went to a worker and came back from one: none was built on the page's thread.
		expect(sent).toBeGreaterThanOrEqual(items);
		expect(answered).toBe(sent);
		expect(same).toBe(true);
	}, 60_000);

	it("is used from the keyboard: arrows and j/k move, R marks read, Enter opens, focus stays", async () => {
		await page.focus(".omnivore-queue-search");
		await page.keyboard.press("ArrowDown");
		const list = page.locator(".omnivore-queue-scroll");
		expect(await page.evaluate(() => document.activeElement?.className)).toContain("omnivore-queue-scroll");
		const active = () => list.getAttribute("aria-activedescendant");
		expect(await active()).toMatch(/-0$/);
		await page.keyboard.press("j");
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("k");
		expect(await active()).toMatch(/-1$/);
		const ring = await page.locator(".omnivore-queue-row.is-selected").evaluate((el) => getComputedStyle(el).boxShadow);
		expect(ring).not.toBe("none");

		const path = await page.locator(".omnivore-queue-row.is-selected").getAttribute("data-key");
		await page.keyboard.press("r");
		await page.waitForFunction((p) => document.querySelector(".omnivore-queue-row.is-selected")?.getAttribute("data-key") !== p, path);
		expect(await page.evaluate((p) => window.queue.app.vault.testText(p as string), path)).toContain("status: read");
		expect(await page.evaluate(() => document.activeElement?.className)).toContain("omnivore-queue-scroll");
		expect(await active()).toMatch(/-1$/);

		const next = await page.locator(".omnivore-queue-row.is-selected").getAttribute("data-key");
		await page.keyboard.press("Enter");
		expect(await page.evaluate(() => window.queue.opened.at(-1))).toBe(next);
	});

	it("moves between tabs with arrow keys and acts on Enter in a header button", async () => {
		await tab("Unread").focus();
		await page.keyboard.press("ArrowRight");
		expect(await page.getAttribute(".omnivore-queue-tab.is-active", "aria-label")).toMatch(/^Reading:/);
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^Reading:/);
		await page.keyboard.press("End");
		expect(await page.getAttribute(".omnivore-queue-tab.is-active", "aria-label")).toMatch(/^All:/);
		await page.keyboard.press("Home");

		await page.focus('button[aria-label="Change sort order"]');
		await page.keyboard.press("Enter");
		await page.locator(".menu .menu-item", { hasText: "Title (A to Z)" }).click();
		expect((await titles())[0]).toBe("Article 00000 about rust");
	});

	it("marks an article read from its row and writes only its status", async () => {
		await page.locator(".omnivore-queue-view").evaluate(() => undefined);
		const first = rows().first();
		const path = await first.getAttribute("data-key");
		const before = await page.evaluate((p) => window.queue.app.vault.testText(p as string), path);
		await page.focus(".omnivore-queue-scroll");
		await first.hover();
		await first.locator('button[aria-label^="Mark as read"]').click();
		await page.waitForFunction((p) => document.querySelector(".omnivore-queue-row")?.getAttribute("data-key") !== p, path);
		const after = await page.evaluate((p) => window.queue.app.vault.testText(p as string), path);
		expect(after).toBe(before?.replace("status: unread", "status: read"));
		// The button took no focus, so the redrawn rows did not drop it: the keys still work.
		expect(await page.evaluate(() => document.activeElement?.className)).toContain("omnivore-queue-scroll");
	});

	it("clears the search with Escape", async () => {
		await search("rust");
		await page.focus(".omnivore-queue-search");
		await page.keyboard.press("Escape");
		expect(await page.inputValue(".omnivore-queue-search")).toBe("");
		expect(await page.getAttribute(".omnivore-queue-tab.is-active", "aria-label")).toMatch(/^Unread: /);
	});

	it("shows a table with sortable columns in the main area", async () => {
		const wide = await open("notes=200&main=1", 1100, 600);
		expect(await wide.locator(".omnivore-queue-table-head").isVisible()).toBe(true);
		const cells = await wide.locator(".omnivore-queue-row").first().locator(".omnivore-queue-cell").allInnerTexts();
		expect(cells).toEqual(["Article 00199 about databases", "en.wikipedia.org", "Author 5", "#databases#papers", expect.stringMatching(/ ago$/), "20 min"]);
		await wide.click('button[aria-label="Sort by title"]');
		expect(await wide.locator(".omnivore-queue-row-title").first().textContent()).toBe("Article 00000 about rust");
		await wide.click('button[aria-label="Sort by saved"]');
		await wide.click('button[aria-label="Sort by saved"]');
		expect(await wide.getAttribute('button[aria-label="Sort by saved"]', "aria-pressed")).toBe("true");
		expect(await wide.locator(".omnivore-queue-row-title").first().textContent()).toBe("Article 00000 about rust");
		await wide.close();
	});

	it("keeps a right-to-left article's meta line in order: site, author, then reading time and date", async () => {
		const mixed = await open("sample=realistic&notes=14", 350, 800);
		const boxes = await mixed.evaluate(() => {
			const row = Array.from(document.querySelectorAll(".omnivore-queue-row")).find((r) => r.textContent?.includes("aljazeera.net")) as HTMLElement;
			const box = (el: Element | null | undefined) => (el as HTMLElement).getBoundingClientRect();
			const parts = row.querySelectorAll(".omnivore-queue-row-source .omnivore-queue-row-part");
			const when = row.querySelectorAll(".omnivore-queue-row-when .omnivore-queue-row-part");
			return { site: box(parts[0]), author: box(parts[1]), minutes: box(when[0]), date: box(when[1]), title: box(row.querySelector(".omnivore-queue-row-title")), authorText: parts[1]?.textContent };
		});
		expect(boxes.authorText).toBe("أحمد سالم");
		expect(boxes.site.right).toBeLessThanOrEqual(boxes.author.left);
		expect(boxes.author.right).toBeLessThanOrEqual(boxes.minutes.left);
		expect(boxes.minutes.right).toBeLessThanOrEqual(boxes.date.left);
		await mixed.close();
	});

	it("on a phone, shows only More actions on each row, with a target a finger can hit", async () => {
		const phone = await open("sample=realistic&notes=14", 390, 700);
		await phone.evaluate(() => document.body.addClass("is-mobile"));
		const row = phone.locator(".omnivore-queue-row").first();
		expect(await row.locator(".omnivore-queue-row-actions button:visible").evaluateAll((all) => all.map((b) => b.getAttribute("aria-label")))).toEqual(["More actions"]);
		const hits = await row.evaluate((el) => {
			const more = (el.querySelector(".omnivore-queue-row-more") as HTMLElement).getBoundingClientRect();
			const y = more.top + more.height / 2;
			// Points around the icon, as a fingertip lands: left of it, and below it on the meta line.
			return [
				[more.left - 8, y],
				[more.left + more.width / 2, more.bottom + 8],
			].map(([x, at]) => document.elementFromPoint(x, at)?.closest("button")?.getAttribute("aria-label") ?? null);
		});
		expect(hits).toEqual(["More actions", "More actions"]);
		await row.locator(".omnivore-queue-row-more").click({ position: { x: -6, y: 4 }, force: true });
		expect(await phone.locator(".menu .menu-item").allTextContents()).toContain("Copy link to note");
		await phone.close();
	});

	it("keeps the Tidy all preview's buttons in view and long addresses inside it and the report, on a phone", async () => {
		const phone = await open("notes=0", 390, 640);
		await phone.evaluate(() => window.screens.preview());
		await phone.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
		const preview = await phone.evaluate(() => {
			const modal = document.querySelector(".modal") as HTMLElement;
			const body = modal.querySelector(".omnivore-queue-preview-body") as HTMLElement;
			const apply = Array.from(modal.querySelectorAll("button"), (b) => ({ text: b.textContent, bottom: b.getBoundingClientRect().bottom }));
			return { apply, tall: body.scrollHeight > body.clientHeight, wide: body.scrollWidth - body.clientWidth, text: modal.textContent ?? "" };
		});
		// The body scrolls under a footer that stays in view, and says what it does to how many notes.
		expect(preview.tall).toBe(true);
		expect(preview.apply.map((b) => b.text)).toEqual(["Tidy 11 notes", "Cancel"]);
		for (const button of preview.apply) expect(button.bottom).toBeLessThanOrEqual(640);
		expect(preview.wide).toBeLessThanOrEqual(0);
		expect(preview.text).toContain("/ftp://files.slow.example");
		expect(preview.text).not.toMatch(/@@|--date-order/);

		await phone.evaluate(() => document.body.empty());
		await phone.evaluate(() => window.screens.report());
		const report = await phone.evaluate(() => {
			const content = document.querySelector(".modal-content") as HTMLElement;
			return { wide: content.scrollWidth - content.clientWidth, text: content.textContent ?? "" };
		});
		expect(report.text).toContain("/ftp://files.slow.example");
		expect(report.wide).toBeLessThanOrEqual(0);
		await phone.close();
	});

	it("fits a 260 px sidebar: tabs on one line, the first article within 90 px of the top", async () => {
		const narrow = await open("notes=10000", 260, 640);
		const geometry = await narrow.evaluate(() => {
			const view = document.querySelector(".omnivore-queue-view") as HTMLElement;
			const tabs = Array.from(document.querySelectorAll<HTMLElement>(".omnivore-queue-tab"), (t) => t.getBoundingClientRect());
			const strip = (document.querySelector(".omnivore-queue-tabs") as HTMLElement).getBoundingClientRect();
			const row = (document.querySelector(".omnivore-queue-row") as HTMLElement).getBoundingClientRect();
			const searchBox = (document.querySelector(".omnivore-queue-search") as HTMLElement).getBoundingClientRect();
			// What gives way on a narrow row is the source, never the reading time and date.
			const when = Array.from(document.querySelectorAll<HTMLElement>(".omnivore-queue-row-when"), (el) => ({ cut: el.scrollWidth > el.clientWidth, right: el.getBoundingClientRect().right }));
			return { top: view.getBoundingClientRect().top, tabs, strip, row, searchWidth: searchBox.width, width: view.clientWidth, when };
		});
		expect(new Set(geometry.tabs.map((t) => Math.round(t.top))).size).toBe(1);
		for (const t of geometry.tabs) {
			expect(t.left).toBeGreaterThanOrEqual(geometry.strip.left - 0.5);
			expect(t.right).toBeLessThanOrEqual(geometry.strip.right + 0.5);
		}
		expect(geometry.row.top - geometry.top).toBeLessThanOrEqual(90);
		expect(geometry.searchWidth).toBeGreaterThan(geometry.width - 30);
		expect(geometry.when.length).toBeGreaterThan(5);
		for (const when of geometry.when) {
			expect(when.cut).toBe(false);
			expect(when.right).toBeLessThanOrEqual(geometry.row.right);
		}
		// With the filters open the list keeps most of the pane.
		await narrow.click('button[aria-label^="Show filters"]');
		const withFilters = await narrow.evaluate(() => {
			const list = (document.querySelector(".omnivore-queue-scroll") as HTMLElement).getBoundingClientRect();
			const rows = Array.from(document.querySelectorAll(".omnivore-queue-row"), (r) => r.getBoundingClientRect());
			return { listTop: list.top, whole: rows.filter((r) => r.top >= list.top && r.bottom <= list.bottom).length };
		});
		expect(withFilters.listTop).toBeLessThanOrEqual(200);
		expect(withFilters.whole).toBeGreaterThanOrEqual(8);
		await narrow.close();
	});
});
