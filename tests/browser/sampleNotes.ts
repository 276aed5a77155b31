// Notes for the browser page: numbered ones the test can reason about, and a realistic-looking set
// (invented articles) for the screenshots.
import type { QueueStatus } from "../../src/core";

const STATUSES: QueueStatus[] = ["unread", "unread", "unread", "reading", "read", "archived"];
const SITES = ["fly.io", "The Atlantic", "ifanr.com", "inkandswitch.com", "en.wikipedia.org"];
const TAGS = ["rust", "databases", "reading", "papers", "ai", "design"];

function frontmatter(fields: Array<[string, string | string[] | null]>): string {
	const lines = ["---"];
	for (const [key, value] of fields) {
		if (value === null) continue;
		if (Array.isArray(value)) lines.push(`${key}:`, ...value.map((v) => `  - ${v}`));
		else lines.push(`${key}: ${value}`);
	}
	return [...lines, "---", "#Omnivore", "", "Body text.", ""].join("\n");
}

/** Article i: "Article 00042 about rust", statuses in a cycle of six, saved three hours apart. */
export function numberedNote(i: number): string {
	const saved = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000 * 3).toISOString().slice(0, 19);
	return frontmatter([
		["title", `Article ${String(i).padStart(5, "0")} about ${TAGS[i % TAGS.length]}`],
		["author", `Author ${i % 97}`],
		["site_name", SITES[i % SITES.length]],
		["original_url", `https://example.com/articles/${i}`],
		["date_saved", saved],
		["status", STATUSES[i % STATUSES.length]],
		["tags", [TAGS[i % TAGS.length], TAGS[(i + 2) % TAGS.length]]],
		["read_length", String(1 + (i % 30))],
	]);
}

type Sample = [title: string, author: string | null, site: string, status: QueueStatus, hoursAgo: number, minutes: number, tags: string[]];

// Invented articles, written for these pictures.
const SAMPLES: Sample[] = [
	["Why local-first apps keep winning", "Mira Okafor", "inkandswitch.com", "unread", 3, 14, ["crdt", "software"]],
	["A gentle guide to Rust lifetimes", "Tom Brennan", "fasterthanli.me", "unread", 20, 22, ["rust"]],
	["مستقبل القراءة في عصر الشاشات", "أحمد سالم", "aljazeera.net", "unread", 30, 4, []],
	["How we cut our SQLite write latency in half", null, "fly.io", "reading", 52, 9, ["databases"]],
	["The quiet return of the long read", "Ellen Park", "The Atlantic", "unread", 75, 17, ["reading"]],
	["Pourquoi la lecture lente revient", "Claire Martin", "lemonde.fr", "unread", 100, 6, ["reading"]],
	["Notes on designing calm software", "Jonas Weber", "calm.tech", "read", 150, 8, ["design"]],
	["Consensus without the jargon", "Priya Raman", "martin.kleppmann.com", "unread", 200, 25, ["papers", "distributed"]],
	["What a 1970s memo teaches about code review", null, "en.wikipedia.org", "archived", 300, 3, []],
	["Building a reading habit that sticks", "Sam Ito", "nesslabs.com", "unread", 400, 7, ["reading"]],
	["Typography for people who write code", "Ana Duarte", "practicaltypography.com", "unread", 500, 12, ["design"]],
	["A field guide to vector databases", "Kofi Mensah", "simonwillison.net", "reading", 700, 19, ["ai", "databases"]],
	["The case for boring technology, revisited", "Lena Fischer", "boringtech.club", "read", 900, 11, []],
	["Small models, big ideas", null, "huggingface.co", "unread", 1200, 15, ["ai"]],
];

export function sampleNote(i: number, now: number): string {
	const [title, author, site, status, hoursAgo, minutes, tags] = SAMPLES[i % SAMPLES.length];
	const round = Math.floor(i / SAMPLES.length);
	const saved = new Date(now - (hoursAgo + round * 2000) * 3_600_000).toISOString().slice(0, 19);
	return frontmatter([
		["title", round === 0 ? title : `${title} (${round + 1})`],
		["author", author],
		["site_name", site],
		["original_url", `https://${site.replace(/ /g, "").toLowerCase()}/articles/${i}`],
		["date_saved", saved],
		["status", status],
		["tags", tags.length > 0 ? tags : null],
		["read_length", String(minutes)],
	]);
}
