// The properties a new or enriched note gets from an export item, as tidy would write them.

import { readMetadataBatch, type ExportItem } from "../../../src/core/import/exportItem";
import { articleUrl, itemValues, labelTags } from "../../../src/core/import/itemValues";
import { resolveOptions } from "../../../src/core/options";
import { ITEMS } from "./exportFixture";

/** An item as the export's metadata file gives it. */
function item(raw: Record<string, unknown>): ExportItem {
	const { items, problems } = readMetadataBatch(JSON.stringify([raw]), "metadata_0_to_1.json");
	expect(problems).toEqual([]);
	return items[0];
}

const values = (raw: Record<string, unknown>, options = resolveOptions()) => Object.fromEntries(itemValues(item(raw), options));

describe("itemValues", () => {
	it("gives every property an article knows, in the order a new note lists them", () => {
		expect(itemValues(item(ITEMS.sqlite), resolveOptions())).toEqual([
			["title", "How SQLite Scales Read Concurrency"],
			["author", "Jane Doe"],
			["tags", ["databases", "To_Read"]],
			["dateSaved", "2023-11-02T10:30:00"],
			["datePublished", "2023-10-30T01:00:00"],
			["originalUrl", "https://fly.io/blog/sqlite-internals-wal/"],
			["siteName", "fly.io"],
			["status", "unread"],
		]);
	});

	it("leaves out what the item does not know: no author, labels, publication date nor address of an uploaded PDF", () => {
		expect(itemValues(item(ITEMS.pdf), resolveOptions())).toEqual([
			["title", "Attention Is All You Need"],
			["dateSaved", "2023-12-01T09:00:00"],
			["status", "read"],
		]);
	});

	it("drops the author Omnivore wrote when it had none", () => {
		expect(values(ITEMS.noContent).author).toBeUndefined();
		expect(values({ ...ITEMS.sqlite, author: "Unknown" }).author).toBeUndefined();
		expect(values({ ...ITEMS.sqlite, author: "Unknown Pleasures" }).author).toBe("Unknown Pleasures");
	});

	it("writes a title on one line", () => {
		expect(values({ ...ITEMS.byId, title: "Rust in 2023:\n  What Comes\tNext " }).title).toBe("Rust in 2023: What Comes Next");
	});

	it("gives a newsletter, saved without an address, neither an address nor a site", () => {
		const newsletter = values(ITEMS.newsletter);
		expect(newsletter.originalUrl).toBeUndefined();
		expect(newsletter.siteName).toBeUndefined();
		expect(newsletter.author).toBe("The Dispatch");
	});

	it("names the site without www", () => {
		expect(values(ITEMS.cjk).siteName).toBe("ifanr.com");
	});

	it("skips a date the export holds in no form a date can be read from", () => {
		const read = values({ ...ITEMS.sqlite, savedAt: "not a date", publishedAt: "" });
		expect(read.dateSaved).toBeUndefined();
		expect(read.datePublished).toBeUndefined();
		expect(read.title).toBe("How SQLite Scales Read Concurrency");
	});

	it("skips a date Date would read as another day, or with a year tidy cannot read back", () => {
		// Date reads the 30th of February as the 1st of March, a bare number as a year, and years past 9999.
		for (const bad of ["2024-02-30T00:00:00.000Z", 12345, "+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00Z"]) {
			expect(values({ ...ITEMS.sqlite, publishedAt: bad }).datePublished).toBeUndefined();
		}
		expect(values({ ...ITEMS.sqlite, publishedAt: "2024-02-29T00:00:00.000Z" }).datePublished).toBe("2024-02-29T01:00:00");
	});

	it("writes dates and statuses as the settings say", () => {
		const options = resolveOptions({ dateTimeFormat: "DD/MM/YYYY HH:mm", statusValues: { unread: "to read", reading: "reading", read: "done", archived: "archived" } });
		const read = values(ITEMS.sqlite, options);
		expect([read.dateSaved, read.datePublished, read.status]).toEqual(["02/11/2023 10:30", "30/10/2023 01:00", "to read"]);
		expect(values(ITEMS.pdf, options).status).toBe("done");
	});

	it("writes no status the settings leave empty", () => {
		const options = resolveOptions({ statusValues: { unread: "", reading: "reading", read: "read", archived: "archived" } });
		expect(values(ITEMS.sqlite, options).status).toBeUndefined();
	});

	it("treats the links of a self-hosted Omnivore as no article's address", () => {
		const saved = { ...ITEMS.byUrl, url: "https://omnivore.example.com/me/notes-on-local-first-software-18f4b5c6d7e" };
		const selfHosted = resolveOptions({ omnivoreHosts: ["omnivore.example.com"] });
		expect(values(saved, selfHosted).originalUrl).toBeUndefined();
		expect(values(saved, selfHosted).siteName).toBeUndefined();
		expect(values(saved).originalUrl).toBe(saved.url);
	});
});

describe("articleUrl", () => {
	it("is the article's address, trimmed", () => {
		expect(articleUrl({ ...item(ITEMS.byUrl), url: "  https://example.org/posts/local-first \n" })).toBe("https://example.org/posts/local-first");
	});

	it("is none for Omnivore's own addresses, with or without settings", () => {
		expect(articleUrl(item(ITEMS.newsletter))).toBeUndefined();
		expect(articleUrl(item(ITEMS.pdf), resolveOptions())).toBeUndefined();
		expect(articleUrl({ ...item(ITEMS.sqlite), url: undefined })).toBeUndefined();
		expect(articleUrl({ ...item(ITEMS.sqlite), url: "https://omnivore.app/me/how-sqlite-scales-read-concurrency-18b8c2d4e10" })).toBeUndefined();
	});

	it("follows the self-hosted hosts of the settings", () => {
		const selfHosted = { ...item(ITEMS.sqlite), url: "https://read.example.net/me/how-sqlite-scales-18b8c2d4e10" };
		expect(articleUrl(selfHosted, { omnivoreHosts: ["read.example.net"] })).toBeUndefined();
		expect(articleUrl(selfHosted)).toBe(selfHosted.url);
	});
});

describe("labelTags", () => {
	it("turns labels into tags: spaces become _, a leading # goes", () => {
		expect(labelTags(["To Read", "#rust", "local first"])).toEqual(["To_Read", "rust", "local_first"]);
	});

	it("keeps the first of labels that differ only in case or spacing, and drops empty ones", () => {
		expect(labelTags(["AI", "ai", "To Read", "to  read", "#", "Ai"])).toEqual(["AI", "To_Read"]);
		expect(labelTags([])).toEqual([]);
	});
});
