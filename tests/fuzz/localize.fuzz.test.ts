// localizeNote's promise on random notes: with nothing downloaded and nothing proxied, nothing changes;
// with everything downloaded, only image URLs change and every reference is found again as local.

import fc from "fast-check";
import { buildProxyMatcher, findImageReferences, localizeNote } from "../../src/core";

const matcher = buildProxyMatcher();
const seed = Number(process.env.FUZZ_SEED ?? 1313);
const runs = Number(process.env.FUZZ_RUNS ?? 2000);

const piece = fc.oneof(
	fc.constantFrom("![a](https://x.test/a.png)", '![b](<https://x.test/b c.png> "t")', "[![](https://x.test/c.png)](https://x.test)", "![r][r]\n\n[r]: https://x.test/r.png\n",
		'<img src="https://x.test/d.png" srcset="https://x.test/e.png 2x, https://x.test/f,g.png 640w">', "`![](https://x.test/code.png)`", "\n```\n![](https://x.test/fence.png)\n```\n",
		"![](data:image/png;base64,AAAA)", "[link](https://x.test/l.png)", "\r\n", "\n\n", "![", "](", "<img ", "\\", "`", ">", "["),
	fc.string({ maxLength: 12 }),
);
const note = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));

test("nothing downloaded and nothing proxied: the note stays byte for byte", () => {
	fc.assert(
		fc.property(note, (text) => {
			const result = localizeNote(text, { matcher, articleUrl: () => undefined, localOf: () => undefined, failureOf: () => undefined });
			return result.text === text && !result.report.changed;
		}),
		{ seed, numRuns: runs },
	);
});

test("everything downloaded: a second pass finds no remote image left and changes nothing", () => {
	const localOf = (url: string) => ({ file: `att/${url.length}.png`, link: `att/${url.length}.png` });
	fc.assert(
		fc.property(note, (text) => {
			const once = localizeNote(text, { matcher, articleUrl: () => undefined, localOf, failureOf: () => undefined });
			const twice = localizeNote(once.text, { matcher, articleUrl: () => undefined, localOf, failureOf: () => undefined });
			const remote = findImageReferences(once.text).filter((r) => /^https?:/i.test(r.written));
			return twice.text === once.text && remote.length === 0;
		}),
		{ seed, numRuns: runs },
	);
});
