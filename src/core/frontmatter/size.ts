// Refuses frontmatter far larger than any Omnivore note's, before the parser reads it.

// Omnivore wrote a dozen or so properties (a few KB at most, the description included); other
// plugins add a few dozen more. Parsing time grows faster than the block (the `yaml` parser checks
// each new key against every earlier one: 200,000 keys took over ten minutes), so a block 20 times
// past any real note is refused: 2,000 lines keep the parse near a tenth of a second.
const MAX_BYTES = 64 * 1024;
const MAX_LINES = 2000;

/** How large a block is when it is too large to read, as a phrase ("80 KB, 5,000 lines"); null otherwise. */
export function tooLargeFrontmatter(yaml: string): string | null {
	let lines = 1;
	for (let at = yaml.indexOf("\n"); at !== -1 && at < yaml.length - 1; at = yaml.indexOf("\n", at + 1)) lines++;
	if (yaml.length <= MAX_BYTES && lines <= MAX_LINES) return null;
	const kb = Math.ceil(yaml.length / 1024);
	return `${kb.toLocaleString("en-US")} KB, ${lines.toLocaleString("en-US")} ${lines === 1 ? "line" : "lines"}`;
}
