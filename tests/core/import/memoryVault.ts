// An in-memory vault for the import's port, with the notes of a user who synced part of their library.

import type { ImportTarget } from "../../../src/core/import/importPort";
import { ITEMS } from "./exportFixture";

export class MemoryVault implements ImportTarget {
	readonly files = new Map<string, string | Uint8Array>();
	writes = 0;
	/** A dry run's check of a note it would write; none by default. */
	checkWritable?: (path: string) => Promise<void>;

	constructor(initial: Record<string, string> = {}) {
		for (const [path, text] of Object.entries(initial)) this.files.set(path, text);
	}

	async notePaths(): Promise<string[]> {
		return [...this.files.keys()].filter((p) => p.endsWith(".md"));
	}

	async read(path: string): Promise<string> {
		const text = this.files.get(path);
		if (typeof text !== "string") throw new Error(`no note ${path}`);
		return text;
	}

	async exists(path: string): Promise<boolean> {
		const folded = path.toLowerCase();
		return [...this.files.keys()].some((p) => p.toLowerCase() === folded || p.toLowerCase().startsWith(`${folded}/`));
	}

	async createNote(path: string, text: string): Promise<void> {
		if (await this.exists(path)) throw new Error(`${path} exists`);
		this.files.set(path, text);
		this.writes++;
	}

	async createFile(path: string, data: Uint8Array): Promise<void> {
		if (await this.exists(path)) throw new Error(`${path} exists`);
		this.files.set(path, data);
		this.writes++;
	}

	async updateNote(path: string, transform: (current: string) => string | null): Promise<boolean> {
		const next = transform(await this.read(path));
		if (next === null) return false;
		this.files.set(path, next);
		this.writes++;
		return true;
	}

	text(path: string): string {
		const text = this.files.get(path);
		if (typeof text !== "string") throw new Error(`no note ${path}`);
		return text;
	}
}

export const VAULT_NOTES: Record<string, string> = {
	// Matched by its id under a capitalized key; Omnivore's INBOX state; one highlight already there.
	"Omnivore/2023-01-20/Rust in 2023- What Comes Next.md": [
		"---",
		`ID: ${ITEMS.byId.id}`,
		'title: "Rust in 2023: What Comes Next"',
		"author: Rachel Writer",
		"state: INBOX",
		"tags:",
		"  - programming",
		"---",
		"# Rust in 2023: What Comes Next",
		"#Omnivore",
		"",
		"## Highlights",
		"",
		"> The borrow checker is your friend. [⤴️](https://omnivore.app/me/rust-in-2023-what-comes-next-185cf3e2a10#0a1b2c3d-4e5f) ^0a1b2c3d",
		"",
	].join("\n"),
	// Matched by the slug of its Omnivore link; CRLF and a BOM; a Highlights section above the content.
	"Papers/Byzantine Generals.md": `\uFEFF${[
		"---",
		"tags:",
		"  - Omnivore",
		"status: unread",
		"---",
		"# Byzantine Generals",
		"",
		`[Read on Omnivore](https://omnivore.app/me/${ITEMS.bySlug.slug})`,
		"",
		"## Highlights",
		"",
		"## Content",
		"",
		"My own summary.",
		"",
	].join("\r\n")}`,
	// Matched by its address under an alias, written another way; moved out of the Omnivore folder.
	"Reading/Local-first.md": [
		"---",
		"url: http://www.example.org/posts/local-first/",
		"status: read",
		"---",
		"# Notes on Local-First Software",
		"#Omnivore",
		"",
		"My notes.",
		"",
	].join("\n"),
	// Another article that happens to share the SQLite item's address: its own id keeps them apart.
	"Omnivore/Other copy.md": ["---", "id: 11111111-2222-4333-8444-555555555555", "original_url: https://fly.io/blog/sqlite-internals-wal", "---", "#Omnivore", ""].join("\n"),
	"Inbox/Scratch.md": "# Scratch\n\nNothing to do with Omnivore.\n",
};
