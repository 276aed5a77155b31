// How an Omnivore note's tags are read, in the frontmatter and in the body, by tidy, queue and detection alike.

import { isInside, type TextRange } from "../markdown/codeRanges";
import { isWhitespace } from "../markdown/whitespace";
import { escapeRegExp } from "../escapeRegExp";

/** One tag as Obsidian wants it: no leading `#`, spaces become `_`. Empty when nothing is left. */
export function cleanTag(tag: string): string {
	return tag.trim().replace(/^#+/, "").trim().replace(/\s+/g, "_");
}

/** A tag of a comma-separated string without the quotes written around it (`'#ai', rust`): they are the string's syntax. */
function unquoted(part: string): string {
	return part.trim().replace(/^(["'])(.*)\1$/s, "$2");
}

/** A tag or the configured tag name as written (` #Omnivore`), without the spaces and `#` around it. */
export function bareTag(tag: string): string {
	return tag.trim().replace(/^#/, "");
}

/** A name the Omnivore tag can have: one tag, with or without its `#`, of a length a tag has. */
export function isTagName(text: string): boolean {
	return /^#?[^\s#]{1,200}$/.test(text.trim());
}

/** Tags without repeats, compared in any case (as Obsidian compares them); the first spelling is kept. */
export function uniqueTags(tags: readonly string[]): string[] {
	const seen = new Set<string>();
	return tags.filter((tag) => {
		const folded = tag.toLowerCase();
		if (seen.has(folded)) return false;
		seen.add(folded);
		return true;
	});
}

/**
 * Whether a tag is the Omnivore tag. A one-segment name (`Omnivore`, the default) matches any segment
 * of a nested tag (`Type/Omnivore`, `Omnivore/article`); a nested name (`Sources/Omnivore`) is exact
 * and matches that tag and the tags under it. Any case.
 */
export function tagMatches(candidate: string, tagName: string): boolean {
	const name = bareTag(candidate).toLowerCase();
	const wanted = bareTag(tagName).toLowerCase();
	if (wanted === "") return false;
	if (wanted.includes("/")) return name === wanted || name.startsWith(`${wanted}/`);
	return name.split("/").includes(wanted);
}

/**
 * The tags of a frontmatter `tags`/`tag` value, the way tidy writes them: a list, or a string split on
 * commas (a part of several words is one tag, `Read Later` → `Read_Later`, unless each word is a
 * `#tag`), then cleaned. A string without a comma is split at spaces, as Obsidian reads it: `Omnivore
 * newsletter` is two tags, never one `Omnivore_newsletter` that would lose the Omnivore tag. Null for
 * values that are not tags (a mapping, a list of mappings). A string in brackets (`"[alpha, beta]"`,
 * or `alpha, beta]` that lost one) is the list it looks like: no tag holds a bracket.
 */
export function readTagList(value: unknown): string[] | null {
	if (value === null || value === undefined) return [];
	if (typeof value === "string" || typeof value === "number") {
		const text = String(value).trim().replace(/^\[+|\]+$/g, "");
		const parts = text.includes(",") ? text.split(",") : text.split(/\s+/);
		return parts
			.flatMap((part) => (/^\s*#\S+(?:\s+#\S+)+\s*$/.test(part) ? part.split(/\s+/) : [part]))
			.map((part) => cleanTag(unquoted(part)))
			.filter((tag) => tag !== "");
	}
	if (Array.isArray(value)) {
		if (value.some((item) => typeof item === "object" && item !== null)) return null;
		return value.map((item) => cleanTag(String(item ?? ""))).filter((tag) => tag !== "");
	}
	return null;
}

const TAG_KEY = /^tags?$/i;

/** Every tag of the frontmatter values (`tags`, `tag`, any case), in the order written. */
export function frontmatterTags(values: Record<string, unknown>): string[] {
	const lists = Object.entries(values).filter(([key]) => TAG_KEY.test(key));
	// Tidy merges a `tag` key at the end of `tags`: read last, it gives the same order before and after.
	lists.sort(([a], [b]) => Number(a === "tag") - Number(b === "tag"));
	return lists.flatMap(([, value]) => readTagList(value) ?? []);
}

/** Whether the frontmatter carries the tag; a string is also read word by word, as Obsidian may. */
export function frontmatterHasTag(values: Record<string, unknown>, tagName: string): boolean {
	return Object.entries(values).some(([key, value]) => {
		if (!TAG_KEY.test(key)) return false;
		const words = typeof value === "string" ? value.split(/[,\s]+/) : [];
		return [...(readTagList(value) ?? []), ...words].some((tag) => tagMatches(tag, tagName));
	});
}

// A body tag as Obsidian reads it: `#` after a line start or whitespace, then letters, digits, `_`, `-`, `/`.
const TAG_NAME = /[\p{L}\p{N}_\-/]+/uy;

/**
 * Each body tag (outside code or not) with where its `#` stands. Found from each `#` (a pattern
 * starting `(^|\s)#` is tried at every position of the body); no lookbehind: iOS before 16.4 cannot run it.
 */
function* bodyTagMatches(body: string): Generator<{ at: number; name: string }> {
	for (let at = body.indexOf("#"); at !== -1; at = body.indexOf("#", at + 1)) {
		if (at > 0 && !isWhitespace(body.charCodeAt(at - 1))) continue;
		TAG_NAME.lastIndex = at + 1;
		const name = TAG_NAME.exec(body)?.[0];
		if (name !== undefined) yield { at, name };
	}
}

/** Tags written in the body (outside code), without `#`; a tag needs one character that is not a digit. */
export function bodyTags(body: string, codeRanges: TextRange[]): string[] {
	const tags: string[] = [];
	for (const { at, name } of bodyTagMatches(body)) {
		const tag = name.replace(/\/+$/, "");
		if (/\D/.test(tag) && !isInside(codeRanges, at)) tags.push(tag);
	}
	return tags;
}

const underTag = new Map<string, RegExp>();

/**
 * The body's tags (outside code) nested under the Omnivore tag's name (`Omnivore/completed`), where
 * a template put Omnivore's state. A body without `#<name>/` in any case is not searched.
 */
export function bodyTagsUnder(body: string, codeRanges: TextRange[], tagName: string): string[] {
	const name = bareTag(tagName);
	// Stryker disable next-line ConditionalExpression: an empty name has nothing under it (taggedStatus reads none)
	if (name === "") return [];
	let marker = underTag.get(name);
	if (marker === undefined) underTag.set(name, (marker = new RegExp(`#${escapeRegExp(name)}/`, "i")));
	if (!marker.test(body)) return [];
	const prefix = `${name.toLowerCase()}/`;
	return bodyTags(body, codeRanges).filter((tag) => tag.toLowerCase().startsWith(prefix));
}

/** Where the Omnivore tag stands in the body (outside code), or -1. */
export function bodyTagIndex(body: string, tagName: string, codeRanges: TextRange[]): number {
	for (const { at, name } of bodyTagMatches(body)) {
		if (tagMatches(name, tagName) && !isInside(codeRanges, at)) return at;
	}
	return -1;
}

export function bodyHasTag(body: string, tagName: string, codeRanges: TextRange[]): boolean {
	return bodyTagIndex(body, tagName, codeRanges) !== -1;
}

/**
 * For a block that is not valid YAML: look for the tag on a `tags:` line or in the list under it,
 * so a broken Omnivore note is still found (and reported) rather than skipped.
 */
export function rawFrontmatterHasTag(yaml: string, tagName: string): boolean {
	const lines = yaml.split(/\r?\n/);
	for (const [i, line] of lines.entries()) {
		const key = /^tags?:(.*)/i.exec(line);
		if (!key) continue;
		const inline = key[1].replace(/[[\]"']/g, "");
		if (inline.split(/[,\s]+/).some((tag) => tagMatches(tag, tagName))) return true;
		for (let j = i + 1; /^\s+-/.test(lines[j] ?? ""); j++) {
			const item = lines[j].replace(/^\s+-\s*/, "").replace(/["']/g, "");
			if (tagMatches(item, tagName)) return true;
		}
	}
	return false;
}
