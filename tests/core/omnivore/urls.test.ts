// What Omnivore's addresses mean: library links (omnivore.app and self-hosted), the app's own pages,
// uploads, the newsletter placeholder, and the article addresses and sites left once those are set aside.
import { buildOmnivoreLinks, isArticleUrl, isAttachmentUrl, isOmnivoreAppPage, isWebUrl, linksFor, OMNIVORE_APP_LINKS, READ_ON_OMNIVORE, siteFromUrl } from "../../../src/core/omnivore/urls";

const SLUG = "rust-in-2023-18c2f4a1b2c";

describe("library links", () => {
	it("are found in any case, and a whole-string test allows the spaces a quoted property may hold", () => {
		expect(OMNIVORE_APP_LINKS.isLibraryLink(`https://Omnivore.app/ME/${SLUG}`)).toBe(true);
		expect(OMNIVORE_APP_LINKS.isLibraryLink(` https://omnivore.app/me/${SLUG}#0a1b `)).toBe(true);
		expect(OMNIVORE_APP_LINKS.isLibraryLink(`see https://omnivore.app/me/${SLUG}`)).toBe(false);
		expect(OMNIVORE_APP_LINKS.occursIn(`[Read on Omnivore](HTTPS://OMNIVORE.APP/me/${SLUG})`)).toBe(true);
	});

	it("follow the self-hosted hosts configured, however they are written, and ignore those that are no web host", () => {
		const links = buildOmnivoreLinks([" read.example.org ", "http://localhost:3000/", "ftp://files.example.org", "not a host !"]);
		expect(links.isLibraryLink(`https://read.example.org/me/${SLUG}`)).toBe(true);
		expect(links.isLibraryLink(`http://localhost:3000/me/${SLUG}`)).toBe(true);
		expect(links.isLibraryLink(`https://files.example.org/me/${SLUG}`)).toBe(false);
		expect(links.isLibraryLink(`https://omnivore.app/me/${SLUG}`)).toBe(true);
	});

	it("are built once per settings object, and the app's own when none is configured", () => {
		const hosts = ["read.example.org"];
		expect(linksFor([])).toBe(OMNIVORE_APP_LINKS);
		expect(linksFor(hosts)).toBe(linksFor(hosts));
		expect(linksFor(hosts).isLibraryLink(`https://read.example.org/me/${SLUG}`)).toBe(true);
	});
});

describe("article addresses", () => {
	it.each([
		["https://a.example/rust", true],
		["http://a.example/rust", true],
		["https://blog.omnivore.app/p/labels", true],
		["https://omnivore.app/no_url?q=0a1b", false],
		["https://omnivore.app/attachments/u/1/notes.pdf", false],
		[`https://omnivore.app/me/${SLUG}`, false],
		["https://omnivore.app/settings", false],
		["ftp://a.example/rust", false],
		["my friend's newsletter", false],
	])("%p is an article's address: %p", (url, expected) => {
		expect(isArticleUrl(url)).toBe(expected);
	});

	it("sets aside a self-hosted library's links once configured", () => {
		const url = `https://read.example.org/me/${SLUG}`;
		expect(isArticleUrl(url)).toBe(true);
		expect(isArticleUrl(url, buildOmnivoreLinks(["read.example.org"]))).toBe(false);
	});

	it("is a web address only from its start", () => {
		expect(isWebUrl("https://a.example")).toBe(true);
		expect(isWebUrl("my friend at https://a.example")).toBe(false);
	});
});

describe("the app's own addresses", () => {
	it("tells the app's pages from uploads, the placeholder and the library", () => {
		expect(isOmnivoreAppPage(" https://omnivore.app/ ")).toBe(true);
		expect(isOmnivoreAppPage("http://www.omnivore.app/settings/integrations")).toBe(true);
		expect(isOmnivoreAppPage("https://omnivore.app")).toBe(true);
		expect(isOmnivoreAppPage("https://omnivore.application.example")).toBe(false);
		expect(isOmnivoreAppPage("http://omnivore.app/attachments/u/1/notes.pdf")).toBe(false);
		expect(isOmnivoreAppPage("http://www.omnivore.app/no_url?q=0a1b")).toBe(false);
		expect(isOmnivoreAppPage("https://omnivore.app/no_url?q=0a1b")).toBe(false);
		expect(isOmnivoreAppPage(`https://omnivore.app/me/${SLUG}`)).toBe(false);
	});

	it("knows an upload by its address", () => {
		expect(isAttachmentUrl("http://omnivore.app/attachments/u/1/notes.pdf")).toBe(true);
		expect(isAttachmentUrl("https://a.example/attachments/notes.pdf")).toBe(false);
	});
});

describe("siteFromUrl", () => {
	it.each([
		["https://www.Example.com/a", "example.com"],
		["https://fly.io/blog/sqlite-internals-wal/", "fly.io"],
		["https://omnivore.app/no_url?q=0a1b", undefined],
		["http://[bad/", undefined],
		["https://www./", undefined],
	])("%p → %p", (url, expected) => {
		expect(siteFromUrl(url)).toBe(expected);
	});
});

describe("the Read on Omnivore link", () => {
	it("is found by its text, however the words are spaced", () => {
		const found = (text: string) => new RegExp(READ_ON_OMNIVORE.source, READ_ON_OMNIVORE.flags).test(text);
		expect(found("[Read on Omnivore](https://omnivore.app/me/x)")).toBe(true);
		expect(found("[Read  on\tOmnivore](https://omnivore.app/me/x)")).toBe(true);
		expect(found("[Read on the web](https://a.example)")).toBe(false);
	});
});
