// A deterministic (seeded) generator of Omnivore-shaped notes: every plugin generation's frontmatter,
// aliases, invalid YAML, CRLF and BOM, proxied images in every form, code blocks, English and CJK
// text, and about 5% ordinary notes. Some shapes are chosen by index, so they are in every vault of a
// few hundred notes: Omnivore notes with no tag (found by their fingerprints), long CJK articles and
// articles with 100+ images. Used by the benchmark and by tests.

import { seededRandom } from "../src/core/queue/queueOrder";

export interface GeneratedNote {
	path: string;
	text: string;
	/** The generator's intent, for tests that check the engine against it. */
	omnivore: boolean;
}

export interface GeneratorOptions {
	seed?: number;
	/** Size of the body in bytes is drawn between these (mean about 15 KB with the defaults). */
	minBytes?: number;
	maxBytes?: number;
	maxImages?: number;
}

const PROXIES = [
	"https://proxy-prod.omnivore-image-cache.app",
	"https://proxy-prod.omnivore-image-cache.app",
	"https://proxy-prod.omnivore-image-cache.app",
	"https://proxy-demo.omnivore-image-cache.app",
	"https://proxy.omnivore-image-cache.app",
];
const SITES = ["www.theatlantic.com", "fly.io", "www.ifanr.com", "smallcultfollowing.com", "en.wikipedia.org", "example.substack.com", "www.inkandswitch.com", "blog.example.org"];
const WORDS =
	"the of and to in is that for it as with was on be by this are from or at an not have which but they all their has more can one about would there been other when if time only its also new into two these some could first may any like such because way over most even after much many work through well where long".split(
		" ",
	);
const CJK = "这一模型具备顶级的推理能力可用于处理复杂的多语言推理任务涵盖文本理解转换和代码生成ローカルファーストのソフトウェアはデータを自分の手元に置く".split("");
const TITLE_WORDS = ["Rust", "SQLite", "Reading", "Local-First", "Software", "Byzantine", "Generals", "Notes", "Design", "Scale", "Quiet", "Web", "Attention", "Models"];
const TAGS = ["rust", "databases", "Read Later", "reading", "papers to read", "ai", "#design", "programming", "Omnivore/article"];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

function signature(random: Random): string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
	let out = "s";
	for (let i = 0; i < 43; i++) out += alphabet[Math.floor(random() * alphabet.length)];
	return out;
}

function pad(n: number): string {
	return String(n).padStart(2, "0");
}

function localDate(ms: number, withTime: boolean): string {
	const d = new Date(ms);
	const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	return withTime ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : date;
}

/** One proxied image URL of a random form, and its original. */
function proxiedImage(random: Random, site: string): string {
	const original = `https://${pick(random, ["cdn.example.com", site, "images.example.net", "substackcdn.com"])}/img/${Math.floor(random() * 1e6)}.${pick(random, ["png", "jpg", "webp"])}${random() < 0.3 ? "?w=1200&q=80" : ""}`;
	const base = `${pick(random, PROXIES)}/${pick(random, ["0x0", "640x0", "1200x630", "320x320"])},${signature(random)}`;
	const form = random();
	if (form < 0.7) return `${base}/${original}`;
	if (form < 0.8) return `${base}/${encodeURIComponent(original)}`;
	if (form < 0.87) return `${base}/${original.replace("https://", "https:/")}`;
	if (form < 0.94) return `${base}//images/${Math.floor(random() * 1000)}.png`;
	return `${base}/data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=`;
}

/** An id as Omnivore gave it (a UUID), made from one draw so the rest of the note is drawn as before. */
function omnivoreId(draw: number): string {
	let state = Math.floor(draw * 2 ** 32) >>> 0;
	let hex = "";
	for (let i = 0; i < 32; i++) {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		hex += (state >>> 28).toString(16);
	}
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function imageMarkup(random: Random, url: string, slugUrl: string): string {
	const form = random();
	if (form < 0.55) return `![](${url})`;
	if (form < 0.7) return `![Figure](${url} "A caption: with a colon")`;
	if (form < 0.8) return `[![](${url})](https://example.com/a%5Fb)`;
	if (form < 0.9) return `<img src="${url}" srcset="${url} 1x, ${url} 2x" alt="">`;
	// A highlight of the article, linking back to it.
	return `> ![](${url}) [⤴️](${slugUrl}#a) ^abcd1234`;
}

function paragraph(random: Random, cjk: boolean): string {
	if (cjk) return Array.from({ length: 40 + Math.floor(random() * 120) }, () => pick(random, CJK)).join("") + "。";
	const words = Array.from({ length: 30 + Math.floor(random() * 90) }, () => pick(random, WORDS));
	words[0] = words[0][0].toUpperCase() + words[0].slice(1);
	return `${words.join(" ")}.`;
}

function frontmatter(random: Random, title: string, site: string, url: string, slugUrl: string, savedMs: number): string | null {
	const generation = random();
	const saved = localDate(savedMs, true);
	const tags = Array.from({ length: Math.floor(random() * 4) }, () => pick(random, TAGS));
	const tagList = tags.length > 0 ? `tags:\n${tags.map((t) => `  - ${t.includes("#") || t.includes(" ") ? JSON.stringify(t) : t}`).join("\n")}\n` : "";
	if (generation < 0.1) return null;
	if (generation < 0.2) {
		// 1.0: unquoted, sometimes invalid YAML.
		return `title: ${title}${random() < 0.5 ? ": A Subtitle" : ""}\nauthor: ${pick(random, ["Jane Doe", "@someone", "unknown"])}\n${tagList}date_saved: ${saved}\n`;
	}
	if (generation < 0.3) {
		// 1.1-1.2: id and quoted values, inner quotes unescaped now and then.
		return `id: ${omnivoreId(random())}\ntitle: "${random() < 0.4 ? `The "${title}"` : title}"\nauthor: "Jane Doe"\n${tagList}date_saved: ${saved}\ndate_published: ${localDate(savedMs - 86400000 * 3, true)}\n`;
	}
	if (generation < 0.4) {
		// 1.3.0 re-saved by Obsidian: literal blocks.
		return `id: ${omnivoreId(random())}\ntitle: |\n  ${title}\nauthor: |\n  莫崇宇\n${tagList}date_saved: ${saved}\n`;
	}
	if (generation < 0.55) {
		// 1.3.1-1.3.3 variables, with a user's aliases.
		return `title: ${title}\n${tagList}saved: ${saved}\nurl: ${url}\nsiteName: ${site.replace(/^www\./, "")}\nstate: ${pick(random, ["INBOX", "READING", "COMPLETED", "ARCHIVED"])}\nread_length: ${1 + Math.floor(random() * 20)}\n`;
	}
	if (generation < 0.85) {
		// 1.4 and later: id only, or picked variables.
		if (random() < 0.5) return `id: ${omnivoreId(random())}\n`;
		const date = pick(random, [saved, localDate(savedMs, false), "30/07/2024 14:05", "03/04/2024", "March 1, 2024", new Date(savedMs).toISOString()]);
		return `id: ${omnivoreId(random())}\ntitle: ${JSON.stringify(title)}\n${tagList}date_saved: ${date}\noriginal_url: ${url}\nomnivore_url: ${slugUrl}\nimage: ${proxiedImage(random, site)}\n# kept by the user\nrating: 4\n`;
	}
	if (generation < 0.9) return `omnivore_error: There was an error parsing the front matter template. See console for details.\n`;
	if (generation < 0.95) return "";
	// Tagged in frontmatter only, flow list.
	return `title: ${title}\ntags: [Omnivore, "papers to read"]\ndate_saved: ${saved}\n`;
}

export function generateNote(index: number, options: GeneratorOptions = {}): GeneratedNote {
	const random = seededRandom((options.seed ?? 1) * 100003 + index);
	const minBytes = options.minBytes ?? 2000;
	const maxBytes = options.maxBytes ?? 60000;
	const longCjk = index % 40 === 3;
	const manyImages = index % 50 === 11;
	const drawnSize = minBytes + (maxBytes - minBytes) * random() ** 4;
	const size = longCjk ? Math.max(drawnSize, 60000 + (index % 9) * 10000) : drawnSize;
	const cjk = random() < 0.2 || longCjk;
	const site = pick(random, SITES);
	const title = `${pick(random, TITLE_WORDS)} ${pick(random, TITLE_WORDS)} ${index}`;
	const url = `https://${site}/articles/${index}`;
	const savedMs = Date.UTC(2021, 0, 1) + Math.floor(random() * 3.8 * 365 * 86400000);
	const slugUrl = `https://omnivore.app/me/${title.toLowerCase().replace(/\W+/g, "-")}-${savedMs.toString(16)}`;
	const omnivore = random() >= 0.05;
	// Later plugin versions wrote no tag unless the template had one: such notes are found by fingerprint.
	const untagged = omnivore && index % 7 === 5;

	const parts: string[] = [];
	if (omnivore) parts.push(`# ${title}`, ...(untagged ? [] : ["#Omnivore"]), "", `[Read on Omnivore](${slugUrl})`, `[Read Original](${url})`, "", "## Highlights", "");
	else parts.push(`# ${title}`, "", "My own notes. A proxied image pasted here stays: it is not an Omnivore note.", "");
	const drawnImages = Math.floor(random() * ((options.maxImages ?? 20) + 1));
	const images = manyImages ? 100 + (index % 60) : drawnImages;
	let bytes = parts.join("\n").length;
	let placed = 0;
	while (bytes < size || (manyImages && placed < images)) {
		const roll = random();
		let block: string;
		if (placed < images && roll < 0.25) {
			block = imageMarkup(random, proxiedImage(random, site), slugUrl);
			placed++;
		} else if (roll < 0.28) {
			block = `\`\`\`markdown\n![](${proxiedImage(random, site)})\n\`\`\``;
		} else if (roll < 0.3) {
			block = `Inline code \`${proxiedImage(random, site)}\` stays.`;
		} else {
			block = paragraph(random, cjk);
		}
		parts.push(block, "");
		bytes += block.length + 2;
	}
	let body = parts.join("\n");
	if (omnivore && random() < 0.05) {
		// A {{content}} template escaped the article, images included.
		body = body.replace(/https:\/\/proxy[^\s)"]+/g, (u) => u.replace(/\//g, "&#x2F;").replace(/=/g, "&#x3D;").replace(/&(?!#)/g, "&amp;"));
	}
	const block = omnivore ? frontmatter(random, title, site, url, slugUrl, savedMs) : random() < 0.5 ? "title: My own note\n" : null;
	let text = block === null ? body : `---\n${block}---\n${body}`;
	if (random() < 0.1) text = text.replace(/\n/g, "\r\n");
	if (random() < 0.03) text = `\uFEFF${text}`;
	if (omnivore && random() < 0.01) text = `---\n- id: 1\n  title: A\n- id: 2\n  title: B\n---\n%%1_start%%\n${body}%%1_end%%\n`;
	const folder = omnivore ? `Omnivore/${new Date(savedMs).toISOString().slice(0, 7)}` : "Notes";
	return { path: `${folder}/${index} ${title.replace(/[\\/:*?"<>|]/g, "-")}.md`, text, omnivore };
}

export function* generateVault(count: number, options: GeneratorOptions = {}): Generator<GeneratedNote> {
	for (let i = 0; i < count; i++) yield generateNote(i, options);
}
