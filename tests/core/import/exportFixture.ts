// A realistic Omnivore export made the way Omnivore's export job made it (metadata batch, then each
// item's content and highlights; a content file appended twice when it was not cached), zipped with
// data descriptors as a streaming zip writer does.

import { strToU8, Zip, ZipDeflate } from "fflate";
import { concat } from "../../../src/core/import/exportArchive";

export const PROXY = "https://proxy-prod.omnivore-image-cache.app";
const SIG = "sM6Jk9QDfpC2gWu0TSNLQLyoBeRsO0sXIMJ3ken8G87A";

export interface ExportFile {
	name: string;
	data: string | Uint8Array;
}

/** Omnivore's `highlightToMarkdown`, as its server wrote `highlights/{slug}.md`. */
export function omnivoreHighlight(h: { quote?: string; labels?: string[]; note?: string }): string {
	if (h.quote) {
		const quote = h.quote.replace(/^(?=\n)$|^\s*?\n/gm, "> ");
		const labels = (h.labels ?? []).map((l) => `#${l}`).join(" ");
		return `> ${quote} ${labels ? `\n\n${labels}` : ""}${h.note ? `\n\n${h.note}` : ""}`;
	}
	return h.note ? `${h.note}\n\n` : "";
}

let anchor = 0;
const a = () => ` data-omnivore-anchor-idx="${++anchor}"`;

export const ARTICLE_HTML = `<DIV class="page" id="readability-page-1"><div${a()}>
<h2${a()}>Readers do not block writers</h2>
<p${a()}>In WAL mode, <a${a()} href="/docs/wal.html">readers</a> see a snapshot; see <a${a()} href="https://www.sqlite.org/isolation.html">isolation</a>.</p>
<figure${a()}><img${a()} src="${PROXY}/800x400,${SIG}/https://cdn.example.com/wal.png?w=800&amp;q=80" data-omnivore-original-src="https://cdn.example.com/wal.png?w=800&amp;q=80" srcset="${PROXY}/640x0,${SIG}/https://cdn.example.com/wal.png 640w" alt="WAL diagram"><figcaption${a()}>The write-ahead log.</figcaption></figure>
<ul${a()}><li${a()}>One writer at a time</li><li${a()}>Many readers<ul${a()}><li${a()}>each with a snapshot</li></ul></li></ul>
<pre${a()}><code${a()} class="language-sql">PRAGMA journal_mode=WAL;\n\n\nSELECT * FROM t WHERE a &lt; 3;</code></pre>
<table${a()}><thead${a()}><tr${a()}><th${a()}>Mode</th><th${a()}>Readers | writers</th></tr></thead><tbody${a()}><tr${a()}><td${a()}>rollback</td><td${a()}>block</td></tr><tr${a()}><td${a()}>WAL</td><td${a()}>concurrent</td></tr></tbody></table>
<p${a()}>Readers and writers can proceed concurrently.</p>
</div></DIV>`;

export const CJK_HTML = `<DIV class="page" id="readability-page-1"><p${a()}>法国初创公司 Mistral AI 发布了新模型。</p>
<p${a()}><img${a()} src="${PROXY}/957x485,${SIG}/https://s3.ifanr.com/wp-content/uploads/2024/02/1-5.png!720"></p>
<h3${a()}>「欧洲版 OpenAI」</h3><p${a()}>联手微软，却被质疑违背初心。</p></DIV>`;

export const PDF_BYTES = strToU8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export const ITEMS = {
	sqlite: {
		id: "7d1c5e1a-0000-4000-8000-000000000001",
		slug: "how-sqlite-scales-read-concurrency-18b8c2d4e10",
		title: "How SQLite Scales Read Concurrency",
		description: "WAL mode explained",
		author: "Jane Doe",
		url: "https://fly.io/blog/sqlite-internals-wal/",
		state: "Active",
		readingProgress: 0,
		thumbnail: `${PROXY}/320x320,${SIG}/https://cdn.example.com/wal.png`,
		labels: ["databases", "To Read"],
		savedAt: "2023-11-02T09:30:00.000Z",
		updatedAt: "2023-11-03T10:00:00.000Z",
		publishedAt: "2023-10-30T00:00:00.000Z",
	},
	cjk: {
		id: "7d1c5e1a-0000-4000-8000-000000000002",
		slug: "gpt-4-open-ai-18de9d85b43",
		title: "逼近 GPT-4 的新模型发布！「欧洲版 OpenAI」联手微软，却被质疑违背初心 - 爱范儿",
		description: null,
		author: "爱范儿",
		url: "https://www.ifanr.com/1578836",
		state: "Archived",
		readingProgress: 40,
		thumbnail: null,
		labels: ["AI"],
		savedAt: "2024-02-27T09:14:46.979Z",
		updatedAt: "2024-02-28T09:14:46.979Z",
		publishedAt: null,
	},
	pdf: {
		id: "7d1c5e1a-0000-4000-8000-000000000003",
		slug: "attention-is-all-you-need-18c0a1b2c3d",
		title: "Attention Is All You Need",
		description: "",
		author: null,
		url: "https://omnivore.app/attachments/u/attention.pdf",
		state: "SUCCEEDED",
		readingProgress: 100,
		thumbnail: null,
		labels: [],
		savedAt: "2023-12-01T08:00:00.000Z",
		updatedAt: "2023-12-01T08:00:00.000Z",
		publishedAt: null,
	},
	newsletter: {
		id: "7d1c5e1a-0000-4000-8000-000000000004",
		slug: "the-weekly-dispatch-42-18c9f0e1d2a",
		title: "The Weekly Dispatch #42",
		description: "Issue 42",
		author: "The Dispatch",
		url: "https://omnivore.app/no_url?q=4f8e2a9c-1b7d-4e5f-9a3c-2d6b8e0f1a4c",
		state: "SUCCEEDED",
		readingProgress: 98,
		thumbnail: null,
		labels: ["newsletter"],
		savedAt: "2024-01-05T07:00:00.000Z",
		updatedAt: "2024-01-05T07:00:00.000Z",
		publishedAt: "2024-01-05T06:00:00.000Z",
	},
	noContent: {
		id: "7d1c5e1a-0000-4000-8000-000000000005",
		slug: "the-case-for-slow-reading-18e3a4b5c6d",
		title: "The Case for Slow Reading",
		description: null,
		author: "unknown",
		url: "http://example.net/slow-reading",
		state: "ARCHIVED",
		readingProgress: 0,
		thumbnail: null,
		labels: [],
		savedAt: "2024-03-15T08:12:44.000Z",
		updatedAt: "2024-03-15T08:12:44.000Z",
		publishedAt: null,
	},
	longTitle: {
		id: "7d1c5e1a-0000-4000-8000-000000000006",
		slug: "a-very-long-title-18f0a0b0c0d",
		title: `A Very Long Title: ${"and then some more words about it ".repeat(9).trim()}`,
		description: null,
		author: null,
		url: "https://blog.example.com/long?ref=feed&x=1",
		state: "Unknown",
		readingProgress: 12,
		thumbnail: null,
		labels: ["long reads"],
		savedAt: "2024-06-01T12:00:00.000Z",
		updatedAt: "2024-06-01T12:00:00.000Z",
		publishedAt: null,
	},
	byUrl: {
		id: "7d1c5e1a-0000-4000-8000-000000000007",
		slug: "notes-on-local-first-software-18f4b5c6d7e",
		title: "Notes on Local-First Software",
		description: null,
		author: "Martin K.",
		url: "https://example.org/posts/local-first",
		state: "CONTENT_NOT_FETCHED",
		readingProgress: 60,
		thumbnail: null,
		labels: ["local first", "crdt"],
		savedAt: "2024-05-09T10:00:00.000Z",
		updatedAt: "2024-05-09T10:00:00.000Z",
		publishedAt: "2024-05-01T00:00:00.000Z",
	},
	byId: {
		id: "7d1c5e1a-0000-4000-8000-000000000008",
		slug: "rust-in-2023-what-comes-next-185cf3e2a10",
		title: "Rust in 2023: What Comes Next",
		description: null,
		author: "R. Writer",
		url: "https://rust.example.com/2023",
		state: "Active",
		readingProgress: 50,
		thumbnail: null,
		labels: ["rust"],
		savedAt: "2023-01-20T18:00:00.000Z",
		updatedAt: "2023-01-21T18:00:00.000Z",
		publishedAt: "2023-01-19T00:00:00.000Z",
	},
	bySlug: {
		id: "7d1c5e1a-0000-4000-8000-000000000009",
		slug: "byzantine-generals-19102a3b4c5",
		title: "Byzantine Generals",
		description: null,
		author: "L. Lamport",
		url: "https://papers.example.edu/byzantine.pdf",
		state: "Archived",
		readingProgress: 100,
		thumbnail: null,
		labels: ["distributed systems"],
		savedAt: "2024-07-30T16:00:00.000Z",
		updatedAt: "2024-07-30T16:00:00.000Z",
		publishedAt: null,
	},
} as const;

export const HIGHLIGHTS: Record<string, Array<{ quote?: string; labels?: string[]; note?: string }>> = {
	[ITEMS.sqlite.slug]: [
		{ quote: "Readers and writers can proceed concurrently.", labels: ["key idea"], note: "This is why WAL wins." },
		{ quote: "In WAL mode, readers see a snapshot.\n\nA second paragraph of the same highlight.", labels: ["wal", "snapshots"] },
		{ note: "Worth rereading before the talk." },
	],
	[ITEMS.cjk.slug]: [{ quote: "法国初创公司 Mistral AI 发布了新模型。", note: "欧洲的 OpenAI？" }],
	[ITEMS.noContent.slug]: [{ note: "Only my note on this one." }, { quote: "Slow down." }],
	[ITEMS.byId.slug]: [
		{ quote: "The borrow checker   is\nyour friend." },
		{ quote: "Async traits are coming.", labels: ["rust"] },
	],
	[ITEMS.bySlug.slug]: [{ quote: "Reliable systems must cope with the failure of one or more of their components." }],
};

const BATCHES: Array<Array<keyof typeof ITEMS>> = [
	["sqlite", "cjk", "pdf"],
	["newsletter", "noContent", "longTitle"],
	["byUrl", "byId", "bySlug"],
];

function highlightsFile(slug: string): ExportFile[] {
	const list = HIGHLIGHTS[slug];
	return list ? [{ name: `highlights/${slug}.md`, data: list.map(omnivoreHighlight).join("\n\n") }] : [];
}

function contentFiles(key: keyof typeof ITEMS): ExportFile[] {
	const { slug } = ITEMS[key];
	switch (key) {
		case "sqlite":
			return [{ name: `content/${slug}.html`, data: ARTICLE_HTML }];
		case "cjk":
			return [{ name: `content/${slug}.html`, data: CJK_HTML }];
		case "pdf":
			return [{ name: `content/${slug}.pdf`, data: PDF_BYTES }];
		case "noContent":
			return [];
		case "newsletter": {
			// Not cached: the export appended it twice.
			const html = `<div class="page"><p${a()}>This week: three links.</p><ol${a()}><li${a()}>One</li><li${a()}>Two</li></ol></div>`;
			return [{ name: `content/${slug}.html`, data: html }, { name: `content/${slug}.html`, data: html }];
		}
		default:
			// The documentation's spelling of the folder.
			return [{ name: `contents/${slug}.html`, data: `<p${a()}>Body of ${ITEMS[key].title}.</p>` }];
	}
}

/** The export's files in the order Omnivore's job appended them. */
export function exportFiles(): ExportFile[] {
	const files: ExportFile[] = [];
	let cursor = 0;
	for (const batch of BATCHES) {
		const end = cursor + batch.length;
		files.push({ name: `metadata_${cursor}_to_${end}.json`, data: JSON.stringify(batch.map((key) => ITEMS[key]), null, 2) });
		for (const key of batch) files.push(...contentFiles(key), ...highlightsFile(ITEMS[key].slug));
		cursor = end;
	}
	return files;
}

/** A zip as a streaming writer makes it (sizes in data descriptors after each entry). */
export function zipOf(files: ExportFile[]): Uint8Array {
	const chunks: Uint8Array[] = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		chunks.push(data);
	});
	for (const file of files) {
		const entry = new ZipDeflate(file.name, { level: 9 });
		zip.add(entry);
		entry.push(typeof file.data === "string" ? strToU8(file.data) : file.data, true);
	}
	zip.end();
	return concat(chunks);
}

/** The zip with the UTF-8 flag of every entry cleared, as zip tools that write UTF-8 names without saying so leave it. */
export function withoutUtf8Flag(zip: Uint8Array): Uint8Array {
	const copy = zip.slice();
	for (let i = 0; i + 4 < copy.length; i++) {
		const signature = copy[i] === 0x50 && copy[i + 1] === 0x4b ? (copy[i + 2] << 8) | copy[i + 3] : 0;
		if (signature === 0x0304) copy[i + 7] &= ~0x08;
		if (signature === 0x0102) copy[i + 9] &= ~0x08;
	}
	return copy;
}

/** The zip with the compressed bytes of one entry overwritten, as a bad disk or download leaves them. */
export function damageEntry(zip: Uint8Array, name: string): Uint8Array {
	const copy = zip.slice();
	const nameBytes = strToU8(name);
	for (let i = 30; i < copy.length; i++) {
		if (copy[i - 30] !== 0x50 || copy[i - 29] !== 0x4b || copy[i - 28] !== 3 || copy[i - 27] !== 4) continue;
		if (!nameBytes.every((byte, k) => copy[i + k] === byte)) continue;
		const dataStart = i + nameBytes.length + (copy[i - 2] | (copy[i - 1] << 8));
		copy.fill(0xff, dataStart, dataStart + 40);
		return copy;
	}
	throw new Error(`no entry ${name}`);
}

/** The zip with one entry's compression method changed (in its local header and the directory), as bzip2 or LZMA tools write it. */
export function withMethod(zip: Uint8Array, name: string, method: number): Uint8Array {
	const copy = zip.slice();
	const nameBytes = strToU8(name);
	const named = (at: number) => nameBytes.every((byte, k) => copy[at + k] === byte);
	for (let i = 0; i + 46 < copy.length; i++) {
		if (copy[i] !== 0x50 || copy[i + 1] !== 0x4b) continue;
		if (copy[i + 2] === 3 && copy[i + 3] === 4 && named(i + 30)) copy[i + 8] = method;
		if (copy[i + 2] === 1 && copy[i + 3] === 2 && named(i + 46)) copy[i + 10] = method;
	}
	return copy;
}
