// Re-quotes the values that made old plugin versions write invalid YAML, then lets the parser try again.

import { parseFrontmatter } from "./yamlEditor";

export interface Repair {
	yaml: string;
	/** Keys whose values were re-quoted. */
	keys: string[];
}

// A top-level `key: value` line with a value on it.
const ENTRY = /^([A-Za-z0-9_][^:#\n]*?):[ \t]+(\S.*)$/;
const CONTINUATION = /^[ \t]+\S/;

/** True when `key: value` on its own does not read as a single plain value. */
function isBroken(entry: string): boolean {
	const outcome = parseFrontmatter(`${entry}\n`);
	return outcome.kind !== "mapping";
}

/**
 * What plugin 1.0 to 1.2 wrote: unquoted values holding `: ` or starting with a YAML indicator
 * (`[`, `*`, `&`, `!`, `%`, `@`, `` ` ``), and double-quoted values with unescaped quotes inside.
 * Only entries that are broken on their own are touched; returns null when that does not make the
 * block valid.
 */
export function repairFrontmatter(yaml: string): Repair | null {
	const lines = yaml.split("\n");
	const out: string[] = [];
	const keys: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		const entry = ENTRY.exec(lines[i]);
		if (!entry) {
			out.push(lines[i]);
			continue;
		}
		let end = i + 1;
		while (end < lines.length && CONTINUATION.test(lines[end])) end++;
		const block = lines.slice(i, end).join("\n");
		const value = entry[2].trim();
		const opensFlow = value.startsWith("{") || (value.startsWith("[") && end > i + 1);
		if (opensFlow || !isBroken(block)) {
			out.push(...lines.slice(i, end));
			i = end - 1;
			continue;
		}
		const text = [value, ...lines.slice(i + 1, end).map((l) => l.trim())].join(" ");
		out.push(`${entry[1]}: ${requote(text)}`);
		keys.push(entry[1].trim());
		i = end - 1;
	}
	if (keys.length === 0) return null;
	const repaired = out.join("\n");
	return parseFrontmatter(repaired).kind === "mapping" ? { yaml: repaired, keys } : null;
}

/** The value as the writer meant it, double-quoted with JSON escapes (valid YAML escapes). */
function requote(value: string): string {
	const quote = value[0];
	const meant =
		value.length >= 2 && (quote === '"' || quote === "'") && value.endsWith(quote)
			? value.slice(1, -1).replace(/\\"/g, '"')
			: value;
	return JSON.stringify(meant);
}
