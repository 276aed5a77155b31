import { buildProxyMatcher, findImageReferences, isProxyHost, localizeNote, resolveImageReference, srcsetUrls, type LocalImage } from "../../../src/core";

const matcher = buildProxyMatcher();
const P = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";
const written = (body: string) => findImageReferences(body).map((r) => r.written);

describe("findImageReferences", () => {
	test("Markdown images with titles, balanced parentheses, angle brackets and inside links", () => {
		const body = [
			'![a](https://x.test/a.png "Title")',
			"![b](https://x.test/b_(1).png)",
			"![c](<https://x.test/c d.png>)",
			"[![](https://x.test/d.png)](https://x.test/page)",
			"[link](https://x.test/not-an-image.png)",
			"\\![escaped](https://x.test/e.png)",
		].join("\n");
		expect(written(body)).toEqual(["https://x.test/a.png", "https://x.test/b_(1).png", "https://x.test/c d.png", "https://x.test/d.png"]);
	});

	test("reference definitions only when an image uses them, in any case", () => {
		const body = "![Fig][One]\n![two]\n[see][link]\n\n[one]: https://x.test/1.png\n[TWO]: <https://x.test/2.png>\n[link]: https://x.test/3.png\n";
		expect(written(body)).toEqual(["https://x.test/1.png", "https://x.test/2.png"]);
	});

	test("<img src> and each srcset URL, commas inside URLs included; code is never read", () => {
		const body = '<img alt="x" src=\'https://x.test/s.png\' srcset="https://cdn.test/w_424,c_limit/a.png 424w, https://cdn.test/b.png 2x">\n\n```\n![](https://x.test/code.png)\n```\n`<img src="https://x.test/span.png">`\n';
		expect(written(body)).toEqual(["https://x.test/s.png", "https://cdn.test/w_424,c_limit/a.png", "https://cdn.test/b.png"]);
	});

	test("a tag is read as CommonMark reads raw HTML: no src= inside another value, a > inside quotes does not end the tag", () => {
		const body = [
			'<img alt="diagram: src=https://x.test/in-alt.png shows it" src="https://x.test/real.png">',
			'<img alt="a > b" src="https://x.test/after-gt.png">',
			"<img data-src=https://x.test/lazy.png src=https://x.test/unquoted.png/>",
			// Not HTML to Markdown (an attribute glued to a value): shown as text, so no image.
			"<img title='it's' src=\"https://x.test/odd.png\">",
			"<image src=\"https://x.test/not-img.png\">",
		].join("\n");
		expect(written(body)).toEqual(["https://x.test/real.png", "https://x.test/after-gt.png", "https://x.test/unquoted.png/"]);
	});

	test("`<img` in code, escaped, or in a sentence is text: the images after it are still found, and the sentence is never rewritten", () => {
		const body = [
			'Start the tag with `<img src="` and then <img src="https://x.test/after-code.png">',
			'\\<img src="https://x.test/escaped.png"> is how to write one.',
			"In HTML, the <img element takes a src=https://x.test/prose.png attribute…",
			"",
			"> A highlight <img src='https://x.test/in-quote.png'>",
			"<img src=\"https://x.test/cut.png\"",
			"",
			'<img src="https://x.test/last.png"/>',
		].join("\n");
		expect(written(body)).toEqual(["https://x.test/after-code.png", "https://x.test/in-quote.png", "https://x.test/last.png"]);
	});

	test("<picture> sources are images too; a video's source is not", () => {
		const body = '<picture><source srcset="https://x.test/p.webp 1x" type="image/webp"><img src="https://x.test/p.png"></picture><video><source src="https://x.test/v.mp4"></video>';
		expect(written(body)).toEqual(["https://x.test/p.webp", "https://x.test/p.png"]);
	});

	test("escapes, blank lines and empty destinations as CommonMark reads them", () => {
		const body = [
			"\\\\![after an escaped backslash](https://x.test/1.png)",
			"![alt that runs",
			"",
			"past a blank line](https://x.test/not.png)",
			"![empty]() ![spaced](  https://x.test/2.png) ![nested [brackets] ok](https://x.test/3.png)",
		].join("\n");
		expect(written(body)).toEqual(["https://x.test/1.png", "https://x.test/2.png", "https://x.test/3.png"]);
		const refs = findImageReferences(body);
		expect(body.slice(refs[1].start, refs[1].end)).toBe("https://x.test/2.png");
	});

	test("reference labels compare without case or inner spacing; collapsed and shortcut images use them too", () => {
		const body = "![x][My  Chart]\n![Second][]\n![third]\n\n[my chart]: https://x.test/1.png\n[second]:\n  https://x.test/2.png \"Title\"\n [THIRD]: <https://x.test/3 3.png>\n    [indented]: https://x.test/code.png\n";
		const refs = findImageReferences(body);
		expect(refs.map((r) => [r.written, r.form])).toEqual([
			["https://x.test/1.png", "definition"],
			["https://x.test/2.png", "definition"],
			["https://x.test/3 3.png", "definition-angle"],
		]);
		for (const r of refs) expect(body.slice(r.start, r.end)).toBe(r.written);
	});

	test("HTML attributes in any case, quoted or not, with space around the value", () => {
		const body = '<IMG SRC=https://x.test/1.png ALT=x>\n<img alt="a" src = "  https://x.test/2.png  ">\n<img src="" data-src="https://x.test/lazy.png">\n<img src="https://x.test/never-closed.png"';
		const refs = findImageReferences(body);
		expect(refs.map((r) => [r.written, r.quote])).toEqual([
			["https://x.test/1.png", ""],
			["https://x.test/2.png", '"'],
		]);
		for (const r of refs) expect(body.slice(r.start, r.end)).toBe(r.written);
	});

	test("srcset entries with spaces around them, and a comma inside a descriptor's parentheses", () => {
		const body = '<img srcset=" https://x.test/a.png 1x ,https://x.test/b.png (w, h) 2x, https://x.test/c.png">';
		const refs = findImageReferences(body);
		expect(refs.map((r) => r.written)).toEqual(["https://x.test/a.png", "https://x.test/b.png", "https://x.test/c.png"]);
		for (const r of refs) expect(body.slice(r.start, r.end)).toBe(r.written);
	});

	test("an image inside another's destination is read once, as the outer one", () => {
		expect(written('![](<img src="https://x.test/inner.png">)')).toEqual(['img src="https://x.test/inner.png"']);
	});

	test("srcset parsing follows the HTML rules", () => {
		expect(srcsetUrls("a.png, b.png 2x,c.png 640w , d.png,")).toEqual([
			{ offset: 0, url: "a.png" },
			{ offset: 7, url: "b.png" },
			{ offset: 16, url: "c.png" },
			{ offset: 29, url: "d.png" },
		]);
	});
});

describe("findImageReferences on Markdown as converters and people write it", () => {
	test("alt text over two lines (LF or CRLF) and with an escaped bracket; links beside images are not images", () => {
		const body = [
			"Read [the paper](https://x.test/p) and [its code](https://x.test/c), or [a talk](https://x.test/t).",
			"![A chart of reading time by\nhour](https://x.test/1.png)",
			"![A chart of reading time\r\nby hour](https://x.test/2.png)",
			"![Brackets \\] escaped by the converter](https://x.test/3.png)",
			"See [x](https://x.test/s) [y](https://x.test/tt) [z](https://x.test/u).",
		].join("\n");
		expect(findImageReferences(body).map((r) => [r.written, r.form])).toEqual([
			["https://x.test/1.png", "markdown"],
			["https://x.test/2.png", "markdown"],
			["https://x.test/3.png", "markdown"],
		]);
	});

	test("a tab before the address; an empty address in angle brackets or in a definition is no image", () => {
		const body = "![tabbed](\thttps://x.test/tab.png)\n![none](<>)\n![x][empty]\n\n[empty]: <>\n";
		expect(written(body)).toEqual(["https://x.test/tab.png"]);
	});

	test("labels fold case as CommonMark does and are trimmed; labels that differ by a space differ; a definition starts its line", () => {
		const body = [
			"![Map][Straße] ![Plan][ floor plan ] ![Fig][fig1]",
			"As noted in [floor plan]: https://x.test/prose.png",
			"",
			"[STRASSE]: https://x.test/map.png",
			"[floor plan]: https://x.test/plan.png",
			"[fig 1]: https://x.test/not-fig1.png",
		].join("\n");
		expect(written(body)).toEqual(["https://x.test/map.png", "https://x.test/plan.png"]);
	});

	test("an image followed by a [ that never closes uses its alt as the label (CommonMark's shortcut)", () => {
		expect(written("![Chart][see below\n\n[chart]: https://x.test/chart.png\n")).toEqual(["https://x.test/chart.png"]);
	});
});

describe("resolveImageReference", () => {
	const resolve = (body: string, base?: string) => resolveImageReference(findImageReferences(body)[0], matcher, base);
	test("proxied URLs are unwrapped, HTML-escaped and relative ones too", () => {
		expect(resolve(`![](${P}/https://x.test/a.png?w=1)`)).toEqual({ kind: "remote", url: "https://x.test/a.png?w=1", proxied: true });
		expect(resolve(`![](${P.replace(/\//g, "&#x2F;")}&#x2F;https:&#x2F;&#x2F;x.test&#x2F;b.png)`)).toEqual({ kind: "remote", url: "https://x.test/b.png", proxied: true });
		expect(resolve(`![](${P}/images/c.png)`, "https://site.test/post")).toEqual({ kind: "remote", url: "https://site.test/images/c.png", proxied: true });
		expect(resolve(`![](${P}/javascript:alert(1))`)).toMatchObject({ kind: "problem" });
	});
	test("a plain web image is downloaded from where it is, http or https", () => {
		expect(resolve("![](http://old.example.com/a.png)")).toEqual({ kind: "remote", url: "http://old.example.com/a.png", proxied: false });
		expect(resolve("![](HTTPS://X.test/a.png)")).toEqual({ kind: "remote", url: "HTTPS://X.test/a.png", proxied: false });
		expect(resolve("![](http:/broken.example.com/a.png)")).toEqual({ kind: "none" });
	});
	test("the address is read as a browser would: Markdown escapes and HTML entities, but no escapes in HTML", () => {
		expect(resolve("![](https://x.test/a\\_b.png)")).toEqual({ kind: "remote", url: "https://x.test/a_b.png", proxied: false });
		expect(resolve('<img src="https://x.test/a\\_b.png">')).toMatchObject({ url: "https://x.test/a\\_b.png" });
		expect(resolve(`![](${P}/https://x.test/a.png?w=1&amp;h=2)`)).toEqual({ kind: "remote", url: "https://x.test/a.png?w=1&h=2", proxied: true });
	});
	test("an original that names data: in its path is still a web image", () => {
		expect(resolve(`![](${P}/https://wiki.example.org/File:Metadata:chart.png)`)).toEqual({ kind: "remote", url: "https://wiki.example.org/File:Metadata:chart.png", proxied: true });
	});
	test("nothing is ever asked of the proxy: an original still on it after unwrapping is a problem", () => {
		const nested = [1, 2, 3].reduce((url) => `${P}/${url}`, `${P}/https://x.test/a.png`);
		expect(resolve(`![](${nested})`)).toEqual({ kind: "problem", detail: "its original is itself on the image proxy" });
		expect(isProxyHost(`${P}/https://x.test/a.png`, matcher)).toBe(true);
		expect(isProxyHost("HTTPS://PROXY-PROD.OMNIVORE-IMAGE-CACHE.APP/x", matcher)).toBe(true);
		expect(isProxyHost(`https://x.test/a.png?via=${P}/x`, matcher)).toBe(false);
	});
	test("the proxy's host written with the final dot of a full name is the proxy too", () => {
		expect(isProxyHost("https://proxy-prod.omnivore-image-cache.app./0x0,sX/https://x.test/a.png", matcher)).toBe(true);
		expect(isProxyHost("https://proxy-prod.omnivore-image-cache.app.example/x", matcher)).toBe(false);
		expect(isProxyHost("https://x.test./a.png", matcher)).toBe(false);
	});
	test("data:, local and other references are left", () => {
		expect(resolve("![](data:image/png;base64,AAAA)")).toEqual({ kind: "none" });
		expect(resolve("![](attachments/a.png)")).toEqual({ kind: "none" });
		expect(resolve("![](file:///etc/passwd)")).toEqual({ kind: "none" });
		expect(resolve(`![](${P}/data:image/gif;base64,R0lG)`)).toEqual({ kind: "data", uri: "data:image/gif;base64,R0lG" });
	});
});

describe("localizeNote", () => {
	const files: Record<string, LocalImage> = {
		"https://x.test/a.png": { file: "Omnivore/attachments/a b.png", link: "Omnivore/attachments/a b.png" },
	};
	const localize = (text: string) =>
		localizeNote(text, { matcher, articleUrl: () => undefined, localOf: (url) => files[url], failureOf: (url) => (url.includes("dead") ? "the server answered 404" : undefined) });

	test("only the URL changes, written so Obsidian finds the file; CRLF and the frontmatter stay", () => {
		const text = '---\r\ntitle: "T"\r\n---\r\n![alt](https://x.test/a.png "t")\r\n![](<https://x.test/a.png>)\r\n<img src="https://x.test/a.png" width=3>\r\n';
		const result = localize(text);
		expect(result.text).toBe('---\r\ntitle: "T"\r\n---\r\n![alt](Omnivore/attachments/a%20b.png "t")\r\n![](<Omnivore/attachments/a b.png>)\r\n<img src="Omnivore/attachments/a%20b.png" width=3>\r\n');
		expect(result.report.changes.map((c) => [c.kind, c.line])).toEqual([
			["image-localized", 4],
			["image-localized", 5],
			["image-localized", 6],
		]);
	});

	test("a failed image stays as it was and is reported with its line; a failed proxied one points to its original", () => {
		const text = `# T\n\n![](https://x.test/dead.png)\n![](${P}/https://x.test/dead2.png)\n`;
		const result = localize(text);
		expect(result.text).toBe("# T\n\n![](https://x.test/dead.png)\n![](https://x.test/dead2.png)\n");
		expect(result.report.problems).toEqual([
			expect.objectContaining({ code: "image-not-downloaded", line: 3 }),
			expect.objectContaining({ code: "image-not-downloaded", line: 4 }),
		]);
	});
});

describe("localizeNote writes each new URL so it survives where it stands", () => {
	const FILE = "Omnivore/It's (new) & old/a b.png";
	const localize = (body: string, local = true) =>
		localizeNote(body, {
			matcher,
			articleUrl: () => undefined,
			localOf: (url) => (local && url.startsWith("https://x.test/") ? { file: FILE, link: `../${FILE}` } : undefined),
			failureOf: () => undefined,
		});

	test("a folder with parentheses, quotes, ampersands and spaces: encoded in Markdown, left in angle brackets, from the root in HTML", () => {
		const result = localize(`![](https://x.test/a.png)\n![](<https://x.test/a.png>)\n[fig]: https://x.test/a.png\n![x][fig]\n<img src='https://x.test/a.png'>\n`);
		expect(result.text).toBe(
			[
				"![](../Omnivore/It%27s%20%28new%29%20%26%20old/a%20b.png)",
				"![](<../Omnivore/It's (new) & old/a b.png>)",
				"[fig]: ../Omnivore/It%27s%20%28new%29%20%26%20old/a%20b.png",
				"![x][fig]",
				"<img src='Omnivore/It%27s%20%28new%29%20%26%20old/a%20b.png'>",
				"",
			].join("\n"),
		);
		expect(result.report.changes[0]).toEqual({
			kind: "image-localized", line: 1, bodyOffset: 4, from: "https://x.test/a.png", to: "../Omnivore/It%27s%20%28new%29%20%26%20old/a%20b.png",
			message: 'Image now shows the downloaded file "../Omnivore/It%27s%20%28new%29%20%26%20old/a%20b.png".',
		});
		expect(result.report.changed).toBe(true);
	});

	test("an angle-bracket link to a folder holding < or % is encoded just there", () => {
		const result = localizeNote("![](<https://x.test/a.png>)\n", { matcher, articleUrl: () => undefined, localOf: () => ({ file: "x", link: "100% <done>/a.png" }), failureOf: () => undefined });
		expect(result.text).toBe("![](<100%25 %3Cdone%3E/a.png>)\n");
	});

	test("a proxied image that was not downloaded gets its original, escaped for the quote around it", () => {
		const quoteIn = `${P}/https://y.test/it's "here".png`;
		const result = localize(`<img src="${quoteIn.replace(/"/g, "&quot;")}">\n<img src='${quoteIn.replace(/'/g, "&#39;")}'>\n<img src=${P}/https://y.test/chart_>\n[d]: ${P}/https://y.test/chart_\n![][d]\n`, false);
		expect(result.text).toBe(
			'<img src="https://y.test/it\'s%20%22here%22.png">\n<img src=\'https://y.test/it%27s%20"here".png\'>\n<img src=https://y.test/chart%5F>\n[d]: https://y.test/chart%5F\n![][d]\n',
		);
		expect(result.report.changes.map((c) => [c.kind, c.line])).toEqual([
			["url-unwrapped", 1],
			["url-unwrapped", 2],
			["url-unwrapped", 3],
			["url-unwrapped", 4],
		]);
		expect(result.report.changes[0].message).toBe('Image now points to "https://y.test/it\'s%20%22here%22.png".');
		expect(result.report.problems).toEqual([]);
	});

	test("a proxied data: image becomes the data: URI; a proxied script is left and reported with its line", () => {
		const result = localize(`# T\n\n![](${P}/data:image/gif;base64,R0lGOD)\n![](${P}/javascript:alert(1))\n`);
		expect(result.text).toBe(`# T\n\n![](data:image/gif;base64,R0lGOD)\n![](${P}/javascript:alert(1))\n`);
		expect(result.report.problems).toEqual([expect.objectContaining({ code: "unsafe-image-url", line: 4 })]);
		expect(result.report.problems[0].message).toMatch(/^Image ".*javascript:alert\(1\)" was left as it was: .+\.$/);
	});

	test("each form of reference gets the original written for its place", () => {
		const body = [
			`![](${P}/https://y.test/chart.png?w=1&amp;h=2)`,
			`![][e]`,
			`<img src="${P}/https://y.test/chart_">`,
			`![](https://elsewhere.test/b.png?w=1&amp;h=2)`,
			"",
			`[e]: <${P}/https://y.test/a b.png>`,
			`![](<${P}/https://y.test/c d.png>)`,
			`![](${P}/https://y.test/fig_)`,
			"",
		].join("\n");
		const result = localize(body, false);
		expect(result.text).toBe(
			["![](https://y.test/chart.png?w=1&h=2)", "![][e]", '<img src="https://y.test/chart_">', "![](https://elsewhere.test/b.png?w=1&amp;h=2)", "", "[e]: <https://y.test/a%20b.png>", "![](<https://y.test/c%20d.png>)", "![](https://y.test/fig_)", ""].join("\n"),
		);
		expect(result.report).toMatchObject({ isOmnivoreNote: true, changed: true, problems: [] });
	});

	test("a downloaded image in an angle-bracket definition keeps its spaces; one on the last line is reported on its line", () => {
		const result = localize("# T\n\n![x][fig]\n\n[fig]: <https://x.test/a.png>\n![](https://x.test/a.png)");
		expect(result.text).toBe("# T\n\n![x][fig]\n\n[fig]: <../Omnivore/It's (new) & old/a b.png>\n![](../Omnivore/It%27s%20%28new%29%20%26%20old/a%20b.png)");
		expect(result.report.changes.map((c) => c.line)).toEqual([5, 6]);
	});

	test("a note whose images are all as they should be comes back as it was, unchanged", () => {
		const text = "---\ntitle: T\n---\n![](Omnivore/a.png)\n![](https://elsewhere.test/b.png)\n";
		const result = localize(text);
		expect(result.text).toBe(text);
		expect(result.report).toEqual({ isOmnivoreNote: true, changed: false, changes: [], problems: [] });
	});
});

describe("hostile notes", () => {
	test("a note full of unclosed `![` is read in linear time", () => {
		const body = "![".repeat(200_000);
		const started = Date.now();
		expect(findImageReferences(body)).toEqual([]);
		// Quadratic takes minutes: the bound leaves a loaded machine room.
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});

test("a srcset of a long run of commas stays linear", () => {
	const started = Date.now();
	expect(findImageReferences(`<img srcset="a${",".repeat(200_000)}a 2x">`)).toHaveLength(1);
	// Quadratic takes minutes: the bound leaves a loaded machine room.
	expect(Date.now() - started).toBeLessThan(10_000);
});

test("many <img starts in one paragraph, or quotes that never close, stay linear", () => {
	for (const body of ['<img a="'.repeat(100_000), "<img a b c d ".repeat(100_000), `<img a="${"<img b=x ".repeat(100_000)}`]) {
		const started = Date.now();
		expect(findImageReferences(body)).toEqual([]);
		expect(Date.now() - started).toBeLessThan(10_000);
	}
});

test("many unclosed <img tags stay linear", () => {
	const started = Date.now();
	expect(findImageReferences("<img src=x ".repeat(100_000))).toEqual([]);
	// Quadratic takes minutes: the bound leaves a loaded machine room.
	expect(Date.now() - started).toBeLessThan(10_000);
});
