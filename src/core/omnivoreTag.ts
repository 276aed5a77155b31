// Decides whether a note is an Omnivore note: the tag in the body (outside code) or in frontmatter tags.

import { isInside, type TextRange } from "./markdown/codeRanges";

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A tag name matches when equal (any case) or when it is nested under it: `omnivore/article`. */
export function tagMatches(candidate: string, tagName: string): boolean {
	const name = candidate.trim().replace(/^#/, "").toLowerCase();
	const wanted = tagName.replace(/^#/, "").toLowerCase();
	return name === wanted || name.startsWith(`${wanted}/`);
}

/** `#Omnivore` as Obsidian reads a body tag: after whitespace or at a line start, not inside code. */
export function bodyHasTag(body: string, tagName: string, codeRanges: TextRange[]): boolean {
	const name = escapeRegExp(tagName.replace(/^#/, ""));
	// No lookbehind: iOS before 16.4 cannot run it. The tag follows a line start or whitespace.
	const pattern = new RegExp(`(^|\\s)#${name}(?![\\p{L}\\p{N}_\\-])`, "giu");
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(body)) !== null) {
		if (!isInside(codeRanges, match.index + match[1].length)) return true;
		pattern.lastIndex = match.index + match[1].length + 1;
	}
	return false;
}

/** Values of a frontmatter `tags`/`tag` property: a list, or a string of comma- or space-separated tags. */
export function frontmatterTagValues(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(v));
	if (typeof value === "string") return value.split(/[,\s]+/).filter((v) => v !== "");
	if (typeof value === "number") return [String(value)];
	return [];
}

export function frontmatterHasTag(frontmatter: Record<string, unknown>, tagName: string): boolean {
	return Object.entries(frontmatter).some(
		([key, value]) =>
			/^tags?$/i.test(key) && frontmatterTagValues(value).some((tag) => tagMatches(tag, tagName)),
	);
}

/**
 * For a block that is not valid YAML: look for the tag on a `tags:` line or in the list under it,
 * so a broken Omnivore note is still found (and reported) rather than skipped.
 */
export function rawFrontmatterHasTag(yaml: string, tagName: string): boolean {
	const lines = yaml.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const key = /^tags?:(.*)$/i.exec(lines[i]);
		if (!key) continue;
		const inline = key[1].replace(/[[\]"']/g, " ");
		if (frontmatterTagValues(inline).some((tag) => tagMatches(tag, tagName))) return true;
		for (let j = i + 1; j < lines.length && /^\s+-/.test(lines[j]); j++) {
			const item = lines[j].replace(/^\s+-\s*/, "").replace(/["']/g, "");
			if (tagMatches(item, tagName)) return true;
		}
	}
	return false;
}
