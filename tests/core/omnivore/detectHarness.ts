// Runs the detector on a whole note as tidy does: split, frontmatter read, code found.

import { readFrontmatterBlock } from "../../../src/core/frontmatter/readBlock";
import { findCodeRanges } from "../../../src/core/markdown/codeRanges";
import { splitNote } from "../../../src/core/note";
import { detectOmnivoreNote, type Detection } from "../../../src/core/omnivore/detect";
import { buildOmnivoreLinks } from "../../../src/core/omnivore/urls";
import { resolveOptions, type TidyOptions } from "../../../src/core/options";
import { buildProxyMatcher } from "../../../src/core/proxyUrls";

export function detectNote(text: string, options: Partial<TidyOptions> = {}): Detection {
	const resolved = resolveOptions(options);
	const parts = splitNote(text);
	return detectOmnivoreNote(
		{ parts, frontmatter: readFrontmatterBlock(parts), code: findCodeRanges(parts.body) },
		{ options: resolved, links: buildOmnivoreLinks(resolved.omnivoreHosts), proxy: buildProxyMatcher() },
	);
}
