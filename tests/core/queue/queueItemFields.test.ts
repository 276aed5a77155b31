// Each field of a queue item as a reader sees it, on the shapes Omnivore's templates and their users
// wrote: reading time from the plugin's own counts, authors Omnivore did not know, sites, addresses,
// statuses, tags in several places, file names and single-file exports.
import { buildQueueItem, NoteTidier } from "../../../src/core";

const tidier = new NoteTidier();
const item = (text: string, path = "Omnivore/Article.md") => buildQueueItem(path, text, tidier.options, tidier.proxy);
const note = (frontmatter: string, body = "# Rust in 2023\n#Omnivore\n\n[Read Original](https://smallcultfollowing.com/babysteps/rust-2023/)\n") =>
	item(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${frontmatter}---\n${body}`);

describe("reading time", () => {
	it.each([
		["the plugin's read_length, rounded", "read_length: 7.4\nwords_count: 9200\n", 7],
		["a read_length under a minute", "read_length: 0.3\n", 1],
		["words_count when read_length is not a number", "read_length: soon\nwords_count: 4600\n", 20],
		["words_count when read_length is zero", "read_length: 0\nwords_count: 2415\n", 10],
		// Omnivore's read_length of the same count: 235 words a minute (230 would give 6).
		["words_count at Omnivore's own speed", "words_count: 1270\n", 5],
		["a handful of words", "words_count: 40\n", 1],
	])("comes from %s", (_name, frontmatter, minutes) => {
		expect(note(frontmatter)?.readingMinutes).toBe(minutes);
	});

	it("is counted from the body when the note says nothing of it", () => {
		expect(note("words_count: -5\n", `# Long read\n#Omnivore\n[Read Original](https://a.example/p)\n\n${"word ".repeat(2300)}\n`)?.readingMinutes).toBe(10);
	});
});

describe("author, site and address", () => {
	it("shows no author where Omnivore wrote `unknown`, in any case, and one line for a folded name", () => {
		expect(note("author: unknown\n")?.author).toBeNull();
		expect(note("author: Unknown\n")?.author).toBeNull();
		expect(note("author: >-\n  Niko\n  Matsakis\n")?.author).toBe("Niko Matsakis");
	});

	it("shows the names of an author written as a list (Linter, Metadata Menu), as tidy leaves it", () => {
		expect(note("author:\n  - Matt Chung\n")?.author).toBe("Matt Chung");
		expect(note("author: [Ann Lee, ' Bob ']\n")?.author).toBe("Ann Lee, Bob");
		// Not names: left out, as before.
		expect(note("author:\n  - name: Ann\n")?.author).toBeNull();
		expect(note("author: [Ann, '']\n")?.author).toBeNull();
		expect(note("author: [unknown]\n")?.author).toBeNull();
		expect(note("author: [Ann, Unknown]\n")?.author).toBe("Ann");
		const found = item(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nauthor:\n  - Matt Chung\n---\n# T\n#Omnivore\n`);
		expect(item(tidier.tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nauthor:\n  - Matt Chung\n---\n# T\n#Omnivore\n`).text)?.author).toBe(found?.author);
	});

	it("shows the author a user wrote under another case beside Omnivore's `unknown`, as tidy keeps it", () => {
		expect(note("author: unknown\nAuthor: Niko Matsakis\n")?.author).toBe("Niko Matsakis");
		expect(note("Author: Niko Matsakis\nauthor: Unknown\n")?.author).toBe("Niko Matsakis");
		const block = "author: unknown\nAuthor: Niko Matsakis\n";
		const tidied = tidier.tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${block}---\n# Rust in 2023\n#Omnivore\n`).text;
		expect(item(tidied)?.author).toBe("Niko Matsakis");
	});

	it.each([
		["an empty key, an alias, then another spelling", "original_url:\nurl: https://y.example/a\nOriginal_URL: https://x.example/a\n"],
		["another spelling, then an alias", "Original_URL: https://x.example/a\nurl: https://y.example/a\n"],
		["an alias that is no address first", "source: my friend Anna\nurl: https://y.example/a\n"],
		["an empty save date and two others", "date_saved:\nsaved: 2024-01-01\nDate_Saved: 2024-02-02\n"],
		["an empty site and two others", "site_name:\nsite: a.example\nSite_Name: b.example\n"],
		["the placeholder, then an empty author, then one", "author: unknown\nAuthor:\nAUTHOR: Bob\n"],
	])("reads the same value before and after a tidy: %s", (_name, block) => {
		const text = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: T\n${block}status: unread\n---\n# T\n#Omnivore\n`;
		const before = item(text);
		const after = item(tidier.tidy(text).text);
		expect(after).toEqual(before);
	});

	// Shapes a fuzz of the real notes found: each settled by one tidy, and listed the same before and after.
	const LINKS = "[Read on Omnivore](https://omnivore.app/me/on-reading-18c44dda2f3)\n[Read Original](https://a.example/on-reading)\n";
	it.each([
		["a status in another case that is no word", "Status: []\n"],
		["an empty status and one in capitals", "status:\nSTATUS: read\n"],
		["two spellings of Omnivore's state", "State: read\nstate: true\n"],
		["Omnivore's state, and an empty spelling of it", "State: unread\nstate:\n"],
		["an empty state above a filled one", "state:\nState: read\n"],
		["two spellings of the status in other words", "status: Read\nStatus: read\n"],
		["two spellings of the status, one a yes or no", "Status: unread\nstatus: false\n"],
		["Omnivore's address as the original and another in the body", "URL: https://omnivore.app/me/other-slug-18c2f4a1b2c\n"],
		["the same, with a save date that is no date", "date_saved: Y.02.02\nURL: https://omnivore.app/me/other-slug-18c2f4a1b2c\n"],
		["Omnivore's address under one alias, the article's under another", "Original_url: https://omnivore.app/me/other-slug-18c2f4a1b2c\nurl: https://a.example/on-reading\n"],
	])("settles in one tidy and lists the same before and after: %s", (_name, block) => {
		const text = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: T\n${block}---\n# T\n#Omnivore\n\n${LINKS}`;
		const once = tidier.tidy(text);
		expect(tidier.tidy(once.text).text).toBe(once.text);
		expect(item(once.text)).toEqual(item(text));
		expect(once.report.problems).toEqual([]);
	});

	it("reads a configured key written with capitals first, as tidy keeps it", () => {
		const custom = new NoteTidier({ keys: { ...tidier.options.keys, author: "Author" } });
		const text = "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: T\nauthor: Ann\nAUTHOR: Bob\nAuthor: unknown\n---\n# T\n#Omnivore\n";
		const read = (note: string) => buildQueueItem("a.md", note, custom.options, custom.proxy)?.author;
		expect(read(text)).toBe("Ann");
		expect(read(custom.tidy(text).text)).toBe("Ann");
	});

	it("takes the site's name when there is one, else the address's host, else none", () => {
		expect(note("site_name: Baby Steps\n")?.site).toBe("Baby Steps");
		expect(note("")?.site).toBe("smallcultfollowing.com");
		expect(note("", "# A newsletter\n#Omnivore\n\n[Read on Omnivore](https://omnivore.app/me/a-newsletter-18c2f4a1b2c)\n")).toMatchObject({ site: null, url: null });
	});

	it("takes no Omnivore address for the article's, and dates the note by the library link held in its place", () => {
		const found = note("original_url: https://omnivore.app/me/rust-in-2023-18de9d85b43\n", "# Rust in 2023\n#Omnivore\n");
		expect(found).toMatchObject({ url: null, site: null, savedAt: "2024-02-27T09:14:46.000Z" });
	});

	it("takes the placeholder of an emailed newsletter for no address", () => {
		expect(note("original_url: https://omnivore.app/no_url?q=0a1b2c\n", "# Weekly\n#Omnivore\n")).toMatchObject({ url: null, site: null });
	});
});

describe("status", () => {
	it.each([
		["an empty status, with Omnivore's state", 'status: ""\nstate: ARCHIVED\n', "archived"],
		["a status left blank, with Omnivore's state", "status:\nstate: READING\n", "reading"],
		["a status over Omnivore's state", "status: read\nstate: INBOX\n", "read"],
		["a blank state and a read flag", "state:\nread: true\n", "read"],
		["a read flag of false", "read: false\n", "unread"],
		// Omnivore wrote date_archived only for an article archived when it synced.
		["the date Omnivore kept of its archiving", "date_read: 2024-03-07\ndate_archived: 2024-10-22T08:16:25.000Z\n", "archived"],
		["that date as the property editor names it", "Date Archived: 2024-10-22\n", "archived"],
		["an archiving date under a state", "state: READING\ndate_archived: 2024-10-22\n", "reading"],
		["an archiving date under a read flag", "read: false\ndate_archived: 2024-10-22\n", "unread"],
		["an empty archiving date", "date_archived:\n", "unread"],
		["an archiving date that is no date", "date_archived: '{{{dateArchived}}}'\n", "unread"],
		// Omnivore set readAt once the article was opened: its state said READING at least.
		["the date Omnivore kept of its opening", "date_saved: 2024-04-07 11:48:47\ndate_read: 2024-04-07 11:54:00\n", "reading"],
		["that date as the property editor names it", "Date Read: 2024-04-07\n", "reading"],
		["an opening date under a state", "state: INBOX\ndate_read: 2024-04-07\n", "unread"],
		["an opening date under a read flag", "read: true\ndate_read: 2024-04-07\n", "read"],
		["an empty opening date", "date_read:\ndate_archived:\n", "unread"],
		["an opening date that is no date", "date_read: '{{{dateRead}}}'\n", "unread"],
	])("reads %s", (_name, frontmatter, status) => {
		expect(note(frontmatter)?.status).toBe(status);
		// As tidy writes it: the queue reads the same before and after.
		const text = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${frontmatter}---\n# Rust in 2023\n#Omnivore\n`;
		const tidied = tidier.tidy(text).text;
		expect(tidied).toMatch(/^status: \w+$/m);
		expect(item(tidied)?.status).toBe(status);
	});
});

describe("status from a state tag under the Omnivore tag", () => {
	// A template's `# State` section, `#Omnivore/{{{state}}}`, with nothing in the frontmatter but the id
	// (WilliamEchols/digital-garden: 50 notes, 17 completed).
	const stated = (state: string, frontmatter = "", more = "") =>
		`---\nid: 2dc49346-5cad-491b-ab06-1389b69398e5\n${frontmatter}---\n\n# Cameron R. Wolfe on Twitter\n#Omnivore\n\n` +
		"[Read on Omnivore](https://omnivore.app/me/https-twitter-com-cwolferesearch-status-1690094725699710976-189e7ac64a7)\n" +
		`[Read Original](https://twitter.com/cwolferesearch/status/1690094725699710976)\n\n# State\n${state}\n\n# Content\nI have recently given some lectures.${more}\n`;

	it.each([
		["#Omnivore/completed", "read"],
		["#Omnivore/reading", "reading"],
		["#Omnivore/inbox", "unread"],
		["#Omnivore/archived", "archived"],
		["#omnivore/COMPLETED", "read"],
		// Labels under the tag are no state; nor are Omnivore's states outside it.
		["#Omnivore/later", "unread"],
		["#Omnivore/read", "unread"],
		["#completed", "unread"],
		["#Omnivore/state/completed", "unread"],
		["`#Omnivore/completed`", "unread"],
		// Two saying the same are one state.
		["#Omnivore/completed #Omnivore/completed", "read"],
	])("reads %s as %s, before and after a tidy, which writes it", (state, status) => {
		const text = stated(state);
		expect(item(text)?.status).toBe(status);
		const tidied = tidier.tidy(text);
		expect(tidied.text).toContain(`\nstatus: ${status}\n`);
		expect(item(tidied.text)?.status).toBe(status);
		// The body is never edited: the tag stays where the template put it.
		expect(tidied.text).toContain(`\n# State\n${state}\n`);
	});

	it("reads the tag in the frontmatter's tags too, and under a nested Omnivore tag", () => {
		expect(item(stated("", "tags: [Omnivore/completed, ai]\n"))?.status).toBe("read");
		const nested = new NoteTidier({ tagName: "Sources/Omnivore" });
		const text = stated("#Sources/Omnivore/archived").replace("\n#Omnivore\n", "\n#Sources/Omnivore\n");
		expect(buildQueueItem("a.md", text, nested.options, nested.proxy)?.status).toBe("archived");
		expect(nested.tidy(text).text).toContain("\nstatus: archived\n");
	});

	it("gives way to a status, a state and a read flag, and wins over Omnivore's dates", () => {
		expect(item(stated("#Omnivore/completed", "status: reading\n"))?.status).toBe("reading");
		expect(item(stated("#Omnivore/completed", "state: ARCHIVED\n"))?.status).toBe("archived");
		expect(item(stated("#Omnivore/completed", "read: false\n"))?.status).toBe("unread");
		expect(item(stated("#Omnivore/completed", "date_read: 2023-08-11\n"))?.status).toBe("read");
	});

	it("lists tags that disagree under unknown status, and tidy writes none and says why", () => {
		const text = stated("#Omnivore/inbox", "", "\n\n#Omnivore/completed");
		expect(item(text)?.status).toBe("unknown");
		const tidied = tidier.tidy(text);
		expect(tidied.text).not.toMatch(/^status:/m);
		expect(tidied.report.problems.map((problem) => [problem.code, problem.message])).toEqual([
			["unknown-state", 'the note\'s tags under #Omnivore give different reading states; no status was written and the queue lists the note under "unknown status".'],
		]);
		expect(item(tidied.text)?.status).toBe("unknown");
	});

	it("does not list the state tag among the article's tags", () => {
		expect(item(stated("#Omnivore/completed"))?.tags).toEqual([]);
	});
});

describe("tags", () => {
	it("lists each tag once, in any case, as first written, without the Omnivore tag", () => {
		expect(note("tags: [AI, Omnivore/article, ai, Read Later]\n", "# T\n#Omnivore #Ai #read_later #reading\n")?.tags).toEqual(["AI", "Read_Later", "reading"]);
	});
});

describe("title", () => {
	it("is the text a template HTML-escaped (`{{title}}`), as tidy writes it", () => {
		const block = "title: \"&quot;Yes to Life&quot; by Viktor Frankl: Leon&#39;s notes\"\n";
		expect(note(block)?.title).toBe('"Yes to Life" by Viktor Frankl: Leon\'s notes');
		const tidied = tidier.tidy(`---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${block}---\n# T\n#Omnivore\n`).text;
		expect(note(block)?.title).toBe(item(tidied)?.title);
		// A title with an ampersand that is no reference keeps it.
		expect(note("title: Q&A with R&D\n")?.title).toBe("Q&A with R&D");
	});

	it.each([
		["escaped twice (&amp;lt;), which stays", 'title: "HTML tip: write &amp;lt; for <"\n', "# T\n#Omnivore\n"],
		["taken from a heading that shows an entity as text", "", "# Write &amp;lt; for &lt; in HTML\n#Omnivore\n"],
		["cut by a # read as a comment, and escaped", "title: Weekly &amp; Co #112\n", "# Weekly &amp; Co #112\n#Omnivore\n"],
		["with an apostrophe written as such beside an escaped one", "title: \"Leon&#39;s Cafe - Leon's Cafe\"\n", "# T\n#Omnivore\n"],
	])("is settled by one tidy and listed the same before and after: a title %s", (_name, block, body) => {
		const text = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n${block}---\n${body}`;
		const once = tidier.tidy(text);
		expect(tidier.tidy(once.text).text).toBe(once.text);
		expect(item(once.text)?.title).toBe(item(text)?.title);
	});

	it("is the file's name without its extension, in any case, when the note has no other", () => {
		expect(item("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n\nJust text.\n", "Reading/Slow Reading.MD")?.title).toBe("Slow Reading");
		expect(item("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n\nJust text.\n", "Top level.md")?.title).toBe("Top level");
	});

	it("is the heading when an unquoted title was cut short by a `#` read as a comment", () => {
		expect(note("title: The Weekly Dispatch #112\n", "# The Weekly Dispatch #112\n#Omnivore\n")?.title).toBe("The Weekly Dispatch #112");
		expect(note("title: The Weekly Dispatch #112\n", "# Another heading\n#Omnivore\n")?.title).toBe("The Weekly Dispatch");
		expect(note("title: The Weekly Dispatch #112\n", "#Omnivore\n[Read Original](https://example.substack.com/p/112)\n")?.title).toBe("The Weekly Dispatch");
	});

	it("is the file's name, not the heading a list template puts above the article's text", () => {
		const listTemplate =
			"---\nid: 48fdceec-bdb4-441e-a75d-c1437e55ce49\nomnivore_url: https://omnivore.app/me/how-i-backup-derek-sivers-18dea2377a5\n---\n\n" +
			" - Site: sive.rs\n - [Read Original](https://sive.rs/backup)\n - [Read on Omnivore](https://omnivore.app/me/how-i-backup-derek-sivers-18dea2377a5)\n\n" +
			"# Article text\nSome people have asked, so here is how I do my backups.\n\n# Every day\n";
		expect(item(listTemplate, "Reading/How I backup - Derek Sivers.md")?.title).toBe("How I backup - Derek Sivers");
		expect(tidier.tidy(listTemplate).text).not.toContain("title:");
	});

	it("is the frontmatter's title over the heading, on one line", () => {
		expect(note("title: >-\n  Rust in 2023:\n  the year ahead\n")?.title).toBe("Rust in 2023: the year ahead");
	});

	it("is the heading of the one article a single-file note holds, with no tag above it", () => {
		// As wiresurfer/shaishav.kr's weekly digests have them: each article between its markers.
		const article = (id: string, title: string, slug: string) =>
			`%%${id}_start%%\n## ${title}\n> [Omnivore](https://omnivore.app/me/${slug})  |  [Original](https://gamma.app/docs/${slug})\n\nA short description.\n\n---\n%%${id}_end%%\n`;
		const digest = (...ids: string[]) => `---\n${ids.map((id) => `- id: ${id}\n`).join("")}---\n\n`;
		const first = ["993d89d4-2522-4ea8-a78c-e432d551f430", "a16z Consumer Abundance Agenda", "a-16-z-consumer-abundance-agenda-18e0b7862c6"] as const;
		const second = ["2b2e0c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d", "Another article", "another-article-18e0b7862c7"] as const;
		expect(item(digest(first[0]) + article(...first), "Bookmarks/Weekly-Digest-Week-10.md")?.title).toBe("a16z Consumer Abundance Agenda");
		// Of two articles, the first one's heading is not the note's.
		expect(item(digest(first[0], second[0]) + article(...first) + article(...second), "Bookmarks/Weekly-Digest-Week-11.md")).toMatchObject({
			title: "Weekly-Digest-Week-11 (2 articles)",
			articles: 2,
		});
	});

	it("counts no articles in a single-file note that holds one", () => {
		const found = item("---\n- id: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n%%1_start%%\n# Only one\n#Omnivore\n%%1_end%%\n");
		expect(found?.title).toBe("Only one");
		expect(found).not.toHaveProperty("articles");
	});
});

describe("values a template left empty", () => {
	it("reads the address from an alias when original_url is blank", () => {
		expect(note("original_url:\nurl: https://smallcultfollowing.com/babysteps/rust-2023/\n", "# Rust in 2023\n#Omnivore\n")).toMatchObject({
			url: "https://smallcultfollowing.com/babysteps/rust-2023/",
			site: "smallcultfollowing.com",
		});
	});

	it("takes an empty status beside an empty state for unread", () => {
		expect(note('status: ""\nstate: ""\n')?.status).toBe("unread");
	});

	it("counts the body when Omnivore wrote no words (words_count: 0)", () => {
		expect(note("words_count: 0\n", `# Rust in 2023\n#Omnivore\n\n${"word ".repeat(2300)}\n`)?.readingMinutes).toBe(10);
	});
});

describe("a note without frontmatter", () => {
	it("has the body's tags only", () => {
		expect(item("# Rust in 2023\n#Omnivore #newsletter\n\n[Read Original](https://a.example/p)\n")).toMatchObject({ title: "Rust in 2023", tags: ["newsletter"], url: "https://a.example/p" });
	});
});

describe("a note found by its frontmatter alone", () => {
	it("is listed when its tag is written with YAML escapes", () => {
		expect(item('---\ntags: ["\\u004Fmnivore"]\noriginal_url: https://a.example/p\n---\n# Rust in 2023\n\nSome text.\n')).toMatchObject({ title: "Rust in 2023", url: "https://a.example/p" });
	});
});

describe("the save date", () => {
	it("comes from the omnivore_url property's slug when the note has no date_saved", () => {
		expect(note("omnivore_url: https://omnivore.app/me/rust-in-2023-18de9d85b43\n", "# Rust in 2023\n#Omnivore\n")?.savedAt).toBe("2024-02-27T09:14:46.000Z");
	});

	// A WeChat article saved on 2023-11-26 at 09:52:31 UTC (the slug's timestamp), published on the 15th.
	const WECHAT = "# 做事有条理\n#Omnivore\n\n[Read on Omnivore](https://omnivore.app/me/https-mp-weixin-qq-com-s-d-7-d-yy-o-2-esc-gl-1-d-wbki-flq-18c0b0b7d25)\n[Read Original](https://mp.weixin.qq.com/s/D7dYyO2esc-gl1dWbkiFLQ)\n";
	const wechat = (block: string) => `---\nid: 4bd4f5a8-1f7c-4c1e-9d0a-6f1d2f0b7c11\n${block}state: false\n---\n${WECHAT}`;

	it.each([
		["a bare `date` days before the save the link records (the publish date)", "date: 2023-11-15 07:01:00\n", "2023-11-26T09:52:31.000Z"],
		["the same in capitals", "Date: 2023-11-15\n", "2023-11-26T09:52:31.000Z"],
		["a bare `date` at the save", "date: 2023-11-26 10:52:31\n", "2023-11-26T09:52:31.000Z"],
		["a bare `date` of the save's day, without a time", "date: 2023-11-26\n", "2023-11-26"],
		["a bare `date` of the day before, as written in a time zone far west", "date: 2023-11-25\n", "2023-11-25"],
		["a bare `date` after it (saved again later)", "date: 2024-01-03 08:00:00\n", "2024-01-03T07:00:00.000Z"],
		["`saved`, which says what it is, before it", "saved: 2023-11-15 07:01:00\n", "2023-11-15T06:01:00.000Z"],
		["a publish date under `date`, a save date under `saved`", "date: 2023-11-15 07:01:00\nsaved: 2023-11-26 10:52:40\n", "2023-11-26T09:52:40.000Z"],
	])("is read as tidy keeps it: %s", (_name, block, savedAt) => {
		const text = wechat(block);
		expect(item(text)?.savedAt).toBe(savedAt);
		const once = tidier.tidy(text);
		expect(item(once.text)).toEqual(item(text));
		expect(tidier.tidy(once.text).text).toBe(once.text);
	});

	it.each([
		["omnivoreUrl:", "omnivoreUrl"],
		["Omnivore_URL:", "Omnivore_URL"],
		["original_url: (Omnivore's address in its place)", "original_url"],
		["url:", "url"],
	])("is read as tidy keeps it when the link is only in %s", (_name, key) => {
		const text = `---\nid: 4bd4f5a8-1f7c-4c1e-9d0a-6f1d2f0b7c11\ndate: 2023-11-15 07:01:00\n${key}: https://omnivore.app/me/https-mp-weixin-qq-com-s-d-7-d-yy-o-2-esc-gl-1-d-wbki-flq-18c0b0b7d25\n---\n# 做事有条理\n#Omnivore\n`;
		expect(item(text)?.savedAt).toBe("2023-11-26T09:52:31.000Z");
		expect(item(tidier.tidy(text).text)?.savedAt).toBe("2023-11-26T09:52:31.000Z");
	});

	it("leaves a bare `date` before the save as written, adds the save date from the link and says why", () => {
		const once = tidier.tidy(wechat("date: 2023-11-15 07:01:00\n"));
		expect(once.text).toContain("\ndate: 2023-11-15 07:01:00\n");
		expect(once.text).toContain("\ndate_saved: 2023-11-26T10:52:31\n");
		expect(once.report.problems).toEqual([
			{
				code: "alias-conflict",
				key: "date",
				message: 'date "2023-11-15 07:01:00" is 11 days before the save the Omnivore link records, so it is not taken as date_saved (it may be the publish date); it was left as written.',
			},
		]);
		// A bare `date` at the save is renamed, as before.
		expect(tidier.tidy(wechat("date: 2023-11-26 10:52:31\n")).text).toContain("date_saved: 2023-11-26T10:52:31\n");
	});
});

describe("image problems", () => {
	const proxiedRelative = "![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/images/cover.png)\n";

	it("are none for a relative image the article's address resolves", () => {
		expect(note("", `# Rust in 2023\n#Omnivore\n[Read Original](https://a.example/blog/post)\n${proxiedRelative}`)?.hasImageProblems).toBe(false);
		expect(note("", `# Rust in 2023\n#Omnivore\n${proxiedRelative}`)?.hasImageProblems).toBe(true);
	});
});

describe("the file name as title", () => {
	it("keeps `.md` written inside the name", () => {
		expect(item("---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n\nJust text.\n", "Omnivore/Why .md files won.md")?.title).toBe("Why .md files won");
	});
});
