// What each frontmatter step tells the user it did, on blocks as Omnivore's templates and their users left
// them: the report is how a user learns why a note changed, or why it was left alone.

import { normalizeFrontmatter } from "../../../src/core/frontmatter/normalize";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";
import { readBodyFacts } from "../../../src/core/markdown/bodyFacts";
import { resolveOptions, type TidyOptions } from "../../../src/core/options";
import { buildProxyMatcher } from "../../../src/core/proxyUrls";
import { ReportBuilder } from "../../../src/core/report";

const UNREAD = 'status "unread" for a note Omnivore had not marked.';
const PROXY = "https://proxy-prod.omnivore-image-cache.app/320x320,sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A/";

function tidy(before: string, body = "", options: Partial<TidyOptions> = {}) {
	const outcome = parseFrontmatter(before);
	if (outcome.kind !== "mapping") throw new Error(`not a mapping: ${outcome.kind}`);
	const report = new ReportBuilder();
	normalizeFrontmatter({ editor: outcome.editor, body: readBodyFacts(body), options: resolveOptions(options), report, proxy: buildProxyMatcher() });
	return {
		text: outcome.editor.toString(),
		changes: report.changes.map((change) => change.message),
		problems: report.problems.map((problem) => `${problem.code}: ${problem.message}`),
	};
}

describe("the report of each step", () => {
	it("names, removals and dates: what a plugin 1.0 note with its own names gets", () => {
		expect(tidy("id: 1\nTitle: Rust\ntitle: Rust\nAuthor:\nsaved: 2024-02-27 01:30:06\n")).toEqual({
			text: "id: 1\ntitle: Rust\ndate_saved: 2024-02-27T01:30:06\nstatus: unread\n",
			changes: [
				"Title removed: same value as title.",
				"Author renamed to author: the canonical name for this value.",
				"saved renamed to date_saved: the canonical name for this value.",
				"author removed: it was empty.",
				"date_saved: written as an ISO date.",
				UNREAD,
			],
			problems: [],
		});
	});

	it("an alias fills an empty canonical key, and an alias that disagrees is kept and reported", () => {
		expect(tidy("id: 1\noriginal_url: https://example.com/a\nurl: https://example.com/b\nsaved: 2024-02-27\ndate_saved:\n")).toEqual({
			text: "id: 1\noriginal_url: https://example.com/a\nurl: https://example.com/b\ndate_saved: 2024-02-27\nsite_name: example.com\nstatus: unread\n",
			changes: ["date_saved: value taken from saved.", "saved removed: its value moved to date_saved.", UNREAD, 'site_name "example.com" taken from the original URL.'],
			problems: ['alias-conflict: url "https://example.com/b" differs from original_url "https://example.com/a"; both were kept.'],
		});
	});

	it("title, author and tags", () => {
		expect(tidy("id: 1\ntitle: The Weekly Dispatch #112\nauthor: '  Jane  '\ntags: rust\ntag: omnivore\n", "# The Weekly Dispatch #112\n#Omnivore\n")).toEqual({
			text: 'id: 1\ntitle: "The Weekly Dispatch #112"\nauthor: Jane\ntags:\n  - rust\n  - omnivore\nstatus: unread\n',
			changes: [
				"title: the part after # had been read as a YAML comment.",
				"author: made one trimmed line.",
				"tag removed: merged into tags.",
				"tags: tidied into a list.",
				UNREAD,
			],
			problems: [],
		});
		expect(tidy("id: 1\ntags: [rust, programming]\nstatus: read\n").changes).toEqual(["tags: written as a block list."]);
		expect(tidy("id: 1\ntag: rust\nstatus: read\n").changes).toEqual(["tag renamed to tags: the list of tags is tags.", "tags: tidied into a list."]);
	});

	it("statuses: a clear word, a state, a flag, and words the queue does not know", () => {
		expect(tidy("id: 1\nstatus: Readed\nstate: ARCHIVED\n").changes).toEqual(['status: "Readed" means read.']);
		expect(tidy("id: 1\nstatus: archived\nstate: ARCHIVED\n").changes).toEqual(["state removed: the same as status."]);
		expect(tidy("id: 1\nstate: LATER\n").changes).toEqual(["state renamed to status: the queue's status replaces state.", 'status: from state "LATER".']);
		expect(tidy("id: 1\nstatus:\nstate: READING\n").changes).toEqual(['status: from state "READING".', "state removed: replaced by status."]);
		expect(tidy("id: 1\nReaded: true\n").changes).toEqual(['status "read" from Readed: true.']);
		expect(tidy("id: 1\nstatus: someday maybe\n").problems).toEqual([
			'unknown-status: status "someday maybe" is not a reading status the queue knows (unread, reading, read, archived); it was left as written and the queue lists the note under "unknown status".',
		]);
		expect(tidy("id: 1\nstate: someday maybe\n")).toEqual({
			text: "id: 1\nstate: someday maybe\n",
			changes: [],
			problems: ['unknown-state: state "someday maybe" is not a reading state the queue knows; it was left as written and the queue lists the note under "unknown status".'],
		});
	});

	it("dates: a placeholder replaced from the Omnivore link, an impossible date and an unfilled template reported", () => {
		const body = "[Read on Omnivore](https://omnivore.app/me/gpt-4-open-ai-18de9d85b43)\n";
		expect(tidy("id: 1\ndate_saved: someday\ndate_published: 2024-13-45\nstatus: read\n", body)).toEqual({
			text: "id: 1\ndate_saved: 2024-02-27T10:14:46\ndate_published: 2024-13-45\nstatus: read\nomnivore_url: https://omnivore.app/me/gpt-4-open-ai-18de9d85b43\n",
			changes: [
				'date_saved: "someday" is not a date; read from the Omnivore link\'s timestamp.',
				'omnivore_url "https://omnivore.app/me/gpt-4-open-ai-18de9d85b43" taken from the Read on Omnivore link.',
			],
			problems: ['unparseable-date: date_published "2024-13-45" is not a date the engine can read; it was left as written.'],
		});
		expect(tidy("id: 1\ndate_saved: '{{date}}'\nstatus: read\n").problems).toEqual([
			'unparseable-date: date_saved "{{date}}" is not a date the engine can read; it was left as written.',
		]);
		expect(tidy("id: 1\ndate_saved: someday\nstatus: read\n", body, { recover: { title: true, dateSaved: false, originalUrl: true, omnivoreUrl: true, siteName: true, status: true } }).problems).toEqual([
			'unparseable-date: date_saved "someday" is not a date the engine can read; it was left as written.',
		]);
		// A number too large for JavaScript is quoted as written, not as "Infinity".
		expect(tidy(`id: 1\ndate_published: ${"9".repeat(400)}\nstatus: read\n`).problems).toEqual([expect.stringMatching(/^unparseable-date: date_published "9{100,}…" is not a date the engine can read/)]);
		expect(tidy("id: 1\ndate_published: 1e999 # pasted\nstatus: read\n").problems).toEqual(['unparseable-date: date_published "1e999" is not a date the engine can read; it was left as written.']);
		expect(tidy("id: 1\ndate_published: 03/04/2024\nstatus: read\n").problems).toEqual([
			'ambiguous-date: date_published "03/04/2024" could be day-first or month-first; it was left as written until you choose whether the day or the month comes first.',
		]);
	});

	it("recovery from the body's links", () => {
		const body = "# Rust in 2023\n#Omnivore\n[Read Original](https://www.rust.example.com/2023)\n[Omnivore](https://omnivore.app/me/rust-185cf3e2a10)\n";
		expect(tidy("id: 1\ntitle: Rust\nstatus: read\n", body)).toEqual({
			text: "id: 1\ntitle: Rust\nstatus: read\ndate_saved: 2023-01-20T13:53:55\noriginal_url: https://www.rust.example.com/2023\nomnivore_url: https://omnivore.app/me/rust-185cf3e2a10\nsite_name: rust.example.com\n",
			changes: [
				'original_url "https://www.rust.example.com/2023" taken from the note\'s link to the original (Read Original).',
				'omnivore_url "https://omnivore.app/me/rust-185cf3e2a10" taken from the Read on Omnivore link.',
				'date_saved "2023-01-20T13:53:55" read from the Omnivore link\'s timestamp.',
				'site_name "rust.example.com" taken from the original URL.',
			],
			problems: [],
		});
	});

	it("an original_url that held Omnivore's address gives way to the Read Original link", () => {
		const result = tidy("id: 1\noriginal_url: https://omnivore.app/me/rust-185cf3e2a10\nstatus: read\n", "[Read Original](https://rust.example.com/2023)\n");
		expect(result.changes.slice(0, 2)).toEqual([
			'omnivore_url "https://omnivore.app/me/rust-185cf3e2a10" moved from original_url.',
			"original_url: it held Omnivore's address; the Read Original link has the article's.",
		]);
		expect(result.text).toContain("original_url: https://rust.example.com/2023\n");
	});

	it("an uploaded file, a proxied image, a relative one, and Omnivore's template error", () => {
		expect(tidy("id: 1\ntitle: Paper\nstatus: read\n", "[Read Original](https://omnivore.app/attachments/u/attention.pdf)\n").problems).toEqual([
			'uploaded-file: The note is a file uploaded to Omnivore ("https://omnivore.app/attachments/u/attention.pdf"); it has no original web address, and the upload is gone with Omnivore.',
		]);
		// Kept in Omnivore's cloud bucket, its address escaped or signed: no original either, and no site.
		const bucket = "https://storage.googleapis.com/omnivore/u%2Fb90f41ce-438a-11ee%2FPaper.pdf";
		expect(tidy("id: 1\ntitle: Paper\nstatus: read\n", `[Read Original](${bucket})\n`)).toEqual({
			text: "id: 1\ntitle: Paper\nstatus: read\n",
			changes: [],
			problems: [`uploaded-file: The note is a file uploaded to Omnivore ("${bucket}"); it has no original web address, and the upload is gone with Omnivore.`],
		});
		expect(tidy("id: 1\nstatus: read\nurl: https://storage.googleapis.com/omnivore/u/b90f/x.pdf?X-Goog-Expires=1\n").problems.map((p) => p.split(":")[0])).toEqual(["uploaded-file"]);
		expect(tidy(`id: 1\nstatus: read\nimage: ${PROXY}https://cdn.example.com/a.png\nthumbnail: https://proxy-prod.omnivore-image-cache.app/320x320,sAbc/images/cover.png\n`)).toEqual({
			text: "id: 1\nstatus: read\nimage: https://cdn.example.com/a.png\nthumbnail: https://proxy-prod.omnivore-image-cache.app/320x320,sAbc/images/cover.png\n",
			changes: ["image: points to the original image instead of Omnivore's dead proxy."],
			problems: ['relative-image-url: thumbnail "https://proxy-prod.omnivore-image-cache.app/320x320,sAbc/images/cover.png" was left as it was: its original address is relative.'],
		});
		expect(tidy("id: 1\nstatus: read\nomnivore_error: There was an error parsing the front matter template. See console for details.\n").problems).toEqual([
			'omnivore-error: Omnivore could not fill this note\'s frontmatter template when it saved the article ("There was an error parsing the front matter template. See console for details."); values it would have written may be missing.',
		]);
	});
});

describe("the steps on the shapes real templates wrote", () => {
	const noRecovery = { title: false, dateSaved: false, originalUrl: false, omnivoreUrl: false, siteName: false, status: false };
	const unchanged = (block: string, body = "", options: Partial<TidyOptions> = {}) => expect(tidy(block, body, options)).toEqual({ text: block, changes: [], problems: [] });

	it("aliases: a name moves where it stands, a list in another case is compared as a list, and a value of another kind stays", () => {
		expect(tidy("saved: 2024-02-27T01:30:06\nid: 1\nstatus: read\n").text).toBe("date_saved: 2024-02-27T01:30:06\nid: 1\nstatus: read\n");
		expect(tidy("id: 1\nTags: [rust, go]\nstatus: read\n").text).toBe("id: 1\ntags:\n  - rust\n  - go\nstatus: read\n");
		expect(tidy("id: 1\ntags: [rust]\nTags: rust\nstatus: read\n").changes).toEqual(["Tags removed: same value as tags.", "tags: written as a block list."]);
		expect(tidy("id: 1\ntags: [rust]\nTags: [go]\nstatus: read\n").problems).toEqual(['alias-conflict: Tags "[go]" differs from tags "[rust]"; both were kept.']);
		expect(tidy("id: 1\nauthor:\n  name: Bob\nAuthor: Ann\nstatus: read\n").problems).toEqual(['alias-conflict: Author "Ann" differs from author "{"name":"Bob"}"; both were kept.']);
		expect(tidy("id: 1\ntags:\nTags: [rust, go]\nstatus: read\n").changes).toEqual(["tags: value taken from Tags.", "Tags removed: its value moved to tags."]);
		expect(tidy("id: 1\nsite_name:\nsite: '  The Atlantic '\nstatus: read\n").text).toBe("id: 1\nsite_name: The Atlantic\nstatus: read\n");
		expect(tidy("id: 1\nsite_name: The Atlantic\nsite: theatlantic.com\nstatus: read\n").problems).toEqual([
			'alias-conflict: site "theatlantic.com" differs from site_name "The Atlantic"; both were kept.',
		]);
		for (const kept of ["date_saved: 2024-02-27\nsaved: someday\n", "source: see https://example.com/a\n", "link: https://example.com/a (mirror)\n", "site: ''\n", "url: [https://a.example, https://b.example]\n"]) {
			const block = `id: 1\nstatus: read\n${kept}`;
			expect(tidy(block, "", { recover: noRecovery }).text).toBe(block);
		}
		expect(tidy("id: 1\nurl: http://example.net/slow-reading\nstatus: read\n", "", { recover: noRecovery }).text).toBe("id: 1\noriginal_url: http://example.net/slow-reading\nstatus: read\n");
	});

	it("aliases: a front matter template that used Omnivore's own variable names gets the schema's", () => {
		const block = [
			"id: 0a1b",
			"title: Rust in 2023",
			"dateSaved: 2023-01-20 14:53:55",
			"datePublished: 2023-01-19 10:00:00",
			"dateRead: 2023-01-21 08:00:00",
			"dateArchived: 2023-02-01T09:00:00.000Z",
			"originalUrl: https://smallcultfollowing.com/babysteps/rust-2023/",
			"omnivoreUrl: https://omnivore.app/me/rust-in-2023-185cf3e2a10",
			"siteName: Baby Steps",
			"state: ARCHIVED",
			"",
		].join("\n");
		expect(tidy(block).text).toBe(
			"id: 0a1b\ntitle: Rust in 2023\ndate_saved: 2023-01-20T14:53:55\ndate_published: 2023-01-19T10:00:00\ndate_read: 2023-01-21T08:00:00\n" +
				"date_archived: 2023-02-01T10:00:00\noriginal_url: https://smallcultfollowing.com/babysteps/rust-2023/\n" +
				"omnivore_url: https://omnivore.app/me/rust-in-2023-185cf3e2a10\nsite_name: Baby Steps\nstatus: archived\n",
		);
	});

	it.each([
		["saved", "date_saved", "2023-01-20 14:53:55"],
		["date", "date_saved", "2023-01-20 14:53:55"],
		["savedAt", "date_saved", "2023-01-20 14:53:55"],
		["saved_at", "date_saved", "2023-01-20 14:53:55"],
		["published", "date_published", "2023-01-20 14:53:55"],
		["publishedAt", "date_published", "2023-01-20 14:53:55"],
		["url", "original_url", "https://smallcultfollowing.com/babysteps/rust-2023/"],
		["source", "original_url", "https://smallcultfollowing.com/babysteps/rust-2023/"],
		["link", "original_url", "https://smallcultfollowing.com/babysteps/rust-2023/"],
		["site", "site_name", "Baby Steps"],
	])("aliases: a value a template wrote as `%s` (Omnivore's `name::alias`) moves to %s", (alias, canonical, value) => {
		const { text } = tidy(`id: 1\n${alias}: ${value}\nstatus: read\n`, "", { recover: { title: false, dateSaved: false, originalUrl: false, omnivoreUrl: false, siteName: false, status: false } });
		expect(text).toBe(`id: 1\n${canonical}: ${canonical.startsWith("date_") ? value.replace(" ", "T") : value}\nstatus: read\n`);
	});

	it.each([
		["title", "Rust in 2023", "Rust in 2024"],
		["author", "Niko Matsakis", "Aaron Turon"],
		["status", "read", "unread"],
		["date_published", "2023-01-19T10:00:00", "2022-12-01T10:00:00"],
		["date_read", "2023-01-21T08:00:00", "2023-01-22T08:00:00"],
		["date_archived", "2023-02-01T10:00:00", "2023-03-01T10:00:00"],
		["omnivore_url", "https://omnivore.app/me/rust-185cf3e2a10", "https://omnivore.app/me/rust-2-185cf3e2a11"],
		["image", "https://cdn.example.com/a.png", "https://cdn.example.com/b.png"],
	])("aliases: %s written again in another case with another value keeps both and says so", (key, value, other) => {
		const variant = key[0].toUpperCase() + key.slice(1);
		const block = `id: 1\n${key}: ${value}\n${variant}: ${other}\n`;
		const result = tidy(block, "", { recover: { title: false, dateSaved: false, originalUrl: false, omnivoreUrl: false, siteName: false, status: false } });
		expect(result.text).toContain(`${variant}: ${other}\n`);
		expect(result.problems).toContain(`alias-conflict: ${variant} "${other}" differs from ${key} "${value}"; both were kept.`);
	});

	it("aliases: values compared as the steps write them; a number in a list is a tag as the tags step reads it; empty text is no list", () => {
		expect(tidy("id: 1\nsite_name: The Atlantic\nsite: '  The Atlantic '\ntags: [rust]\nTags: ' rust '\nstatus: read\n").changes).toEqual([
			"Tags removed: same value as tags.",
			"site removed: same value as site_name.",
			"tags: written as a block list.",
		]);
		// A number or a yes/no is written text too; a list of mappings is no list of tags, and is left alone.
		expect(tidy("id: 1\nsite_name: '2024'\nsite: 2024\nstatus: read\n").changes).toEqual(["site removed: same value as site_name."]);
		expect(tidy("id: 1\nstatus: read\nStatus: true\n").changes).toEqual(["Status removed: same value as status."]);
		unchanged("id: 1\ntags:\n  - rust\nTags:\n  - name: rust\nstatus: read\n");
		const numbered = "id: 1\ntags:\n  - rust\nTags: [rust, 2024]\nstatus: read\n";
		expect(tidy(numbered)).toEqual({ text: numbered, changes: [], problems: ['alias-conflict: Tags "[rust, 2024]" differs from tags "[rust]"; both were kept.'] });
		// `- #rust` is a comment, not an item: the list is the tags step's `[Omnivore]`, never a tag named "null".
		expect(tidy("id: 1\ntags:\nTags:\n  - #rust\n  - Omnivore\nstatus: read\n").text).toBe("id: 1\ntags:\n  - Omnivore\n#rust\nstatus: read\n");
		unchanged("id: 1\ntags:\n  - rust\nTags: ''\nstatus: read\n");
	});

	it("author: a list or a mapping stays, a clean name is left, a block scalar becomes one line", () => {
		unchanged("id: 1\nauthor: [Ann, Bob]\nstatus: read\n");
		unchanged("id: 1\nauthor: {name: Ann}\nstatus: read\n");
		unchanged("id: 1\nauthor: Jane Doe\nstatus: read\n");
		expect(tidy("id: 1\nauthor: |-\n  Maryanne Wolf\nstatus: read\n").text).toBe("id: 1\nauthor: Maryanne Wolf\nstatus: read\n");
		// A block scalar on the block's last line, without a final line break.
		expect(tidy("id: 1\nstatus: read\nauthor: |-\n  Maryanne Wolf").text).toBe("id: 1\nstatus: read\nauthor: Maryanne Wolf\n");
		expect(tidy("id: 1\nauthor: Unknown\nstatus: read\n").changes).toEqual(["author removed: Omnivore's placeholder for a missing author."]);
	});

	it("title: a block scalar without a final break becomes one line; no title is taken when the settings say not to", () => {
		expect(tidy("id: 1\ntitle: |-\n  Rust\nstatus: read\n").changes).toEqual(["title: made one trimmed line."]);
		expect(tidy("id: 1\nstatus: read\ntitle: |-\n  Rust").text).toBe("id: 1\nstatus: read\ntitle: Rust\n");
		expect(tidy('id: 1\ntitle: "  Rust in 2023 "\nstatus: read\n').text).toBe("id: 1\ntitle: Rust in 2023\nstatus: read\n");
		unchanged("id: 1\nstatus: read\n", "# Rust in 2023\n#Omnivore\n", { recover: noRecovery });
	});

	it("dates: an ISO date stays as written, quoted or not, and one in a block scalar becomes a plain line", () => {
		unchanged('id: 1\ndate_saved: 2024-02-27T01:30:06\ndate_published: "2024-02-26"\nstatus: read\n');
		expect(tidy("id: 1\ndate_saved: |-\n  2024-02-27T01:30:06\nstatus: read\n").text).toBe("id: 1\ndate_saved: 2024-02-27T01:30:06\nstatus: read\n");
	});

	it("dates: only a save date that is no date is read from the Omnivore link, in the frontmatter or the body", () => {
		const link = "https://omnivore.app/me/gpt-4-open-ai-18de9d85b43";
		expect(tidy(`id: 1\ndate_saved: someday\nomnivore_url: ${link}\nstatus: read\n`).text).toContain("date_saved: 2024-02-27T10:14:46\n");
		expect(tidy("id: 1\ndate_saved: someday\nstatus: read\n", `[Omnivore](${link})\n`).text).toContain("date_saved: 2024-02-27T10:14:46\n");
		const ambiguous = tidy("id: 1\ndate_saved: 03/04/2024\ndate_published: someday\nstatus: read\n", `[Read on Omnivore](${link})\n`);
		expect(ambiguous.text).toContain("date_saved: 03/04/2024\ndate_published: someday\n");
		expect(ambiguous.problems.map((problem) => problem.split(":")[0])).toEqual(["ambiguous-date", "unparseable-date"]);
	});

	it("status: a status key the settings name `state`, a state already in the queue's words, and no status when recovery is off", () => {
		const keys = { ...resolveOptions().keys, status: "state" };
		expect(tidy("id: 1\nstate: READING\n", "", { keys })).toEqual({ text: "id: 1\nstate: reading\n", changes: ['state: "READING" means reading.'], problems: [] });
		expect(tidy("id: 1\nstate: reading\n").changes).toEqual(["state renamed to status: the queue's status replaces state."]);
		unchanged("id: 1\ntitle: Rust\n", "", { recover: noRecovery });
	});

	it("tags: a tags key the settings name `tag`, values that are no list of tags, and an empty list", () => {
		const keys = { ...resolveOptions().keys, tags: "tag" };
		expect(tidy("id: 1\ntag: [rust, Rust]\nstatus: read\n", "", { keys }).text).toBe("id: 1\ntag:\n  - rust\nstatus: read\n");
		unchanged("id: 1\ntags: {a: 1}\nstatus: read\n");
		unchanged("id: 1\ntags: [rust]\ntag: {a: 1}\nstatus: read\n");
		unchanged("id: 1\ntags: []\nstatus: read\n");
		unchanged("id: 1\ntags:\nstatus: read\n");
		unchanged("id: 1\ntags:\n  - rust\nstatus: read\n");
		expect(tidy("id: 1\ntags:\n  - rust\ntag: reading\nstatus: read\n").text).toBe("id: 1\ntags:\n  - rust\n  - reading\nstatus: read\n");
		expect(tidy('id: 1\ntags:\n  - rust\n  - "#go"\nstatus: read\n').text).toBe("id: 1\ntags:\n  - rust\n  - go\nstatus: read\n");
		// R, the language: a one-letter tag written as a string.
		expect(tidy("id: 1\ntags: R\nstatus: read\n").text).toBe("id: 1\ntags:\n  - R\nstatus: read\n");
	});

	it("recovery: an Omnivore address in original_url stays when the Read Original link is no article's, and nothing there is overwritten", () => {
		const omnivore = "https://omnivore.app/me/the-weekly-dispatch-42-18c9f0e1d2a";
		unchanged(`id: 1\noriginal_url: ${omnivore}\nstatus: read\n`, "[Read Original](https://omnivore.app/no_url?q=4f8e2a9c)\n", { recover: noRecovery });
		const kept = tidy(
			`id: 1\noriginal_url: ${omnivore}\nomnivore_url: ${omnivore}\ndate_saved: 2024-01-05T08:00:00\nsite_name: The Dispatch\nstatus: read\n`,
			`[Read Original](https://dispatch.example.com/42)\n[Read on Omnivore](${omnivore})\n`,
		);
		expect(kept.changes).toEqual(["original_url: it held Omnivore's address; the Read Original link has the article's."]);
	});

	it("recovery: an upload named in original_url is reported too, and nothing is recovered when the settings say not to", () => {
		expect(tidy("id: 1\noriginal_url: https://omnivore.app/attachments/u/attention.pdf\nstatus: read\n").problems).toEqual([
			'uploaded-file: The note is a file uploaded to Omnivore ("https://omnivore.app/attachments/u/attention.pdf"); it has no original web address, and the upload is gone with Omnivore.',
		]);
		unchanged("id: 1\nstatus: read\n", "[Read Original](https://rust.example.com/2023)\n[Read on Omnivore](https://omnivore.app/me/rust-185cf3e2a10)\n", { recover: noRecovery });
	});

	it("images: a proxied image written with spaces around it is unwrapped", () => {
		expect(tidy(`id: 1\nstatus: read\nimage: " ${PROXY}https://cdn.example.com/a.png "\n`).text).toBe("id: 1\nstatus: read\nimage: https://cdn.example.com/a.png\n");
	});
});
