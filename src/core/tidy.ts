// Tidies one note: finds out whether it is an Omnivore note, normalizes its frontmatter, unwraps its images.

import { unwrapBodyImages } from "./bodyImages";
import { checkDateFormat } from "./dateFormat";
import { normalizeFrontmatter } from "./frontmatter/normalize";
import { readFrontmatterBlock as readFrontmatter, wasRepaired, type FrontmatterState, type RepairsMade } from "./frontmatter/readBlock";
import { verifyFrontmatter } from "./frontmatter/verifyFrontmatter";
import type { FrontmatterEditor } from "./frontmatter/yamlEditor";
import { emptyFrontmatter } from "./frontmatter/parseFrontmatter";
import { readBodyFacts } from "./markdown/bodyFacts";
import { findCodeRanges } from "./markdown/codeRanges";
import { breaksLinesWithCrAlone, joinNote, splitNote, withFrontmatterYaml, type NoteParts } from "./note";
import { detectOmnivoreNote, mayHoldOmnivoreMarks, type Detection } from "./omnivore/detect";
import { hiddenLinksProblem, openCodeBlock } from "./openCodeBlock";
import { buildOmnivoreLinks, type OmnivoreLinks } from "./omnivore/urls";
import { resolveOptions, type TidyOptions } from "./options";
import { buildProxyMatcher, type ProxyMatcher } from "./proxyUrls";
import { ReportBuilder, type NoteReport, type Problem } from "./report";
import { crLineEndings, engineFailed, frontmatterProblem, notAnArticle, onlyProxiedImages, type LeftFrontmatter } from "./tidyProblems";

export interface TidyResult {
	/** The note's new text; identical to the input when nothing changed. */
	text: string;
	report: NoteReport;
}

/**
 * Bumped whenever tidy would write another note, or report otherwise, for the same text: verdicts
 * kept between runs (the CLI's record of notes found clean) are then not trusted. A release's own
 * version changes too, but a build from source between releases keeps it.
 * 2: Omnivore's `author: unknown` gives way to a real author under another spelling; every spelling
 *    of `state` saying the status goes; an alias repeating the Read Original address goes with
 *    Omnivore's address in original_url; a save date is read from the link original_url gives up.
 * 3: a body link to a saved article makes an untagged note one only with an id Omnivore gave or a
 *    label naming Omnivore; highlight back-links alone are no mark of a tagged note.
 * 4: an `id` marks a tagged note as a saved article only when Omnivore gave it (a UUID).
 * 5: a template's placeholder (`date_saved: {{{dateSaved}}}`) is no save date; a library link quoted
 *    in a sentence makes no saved article; no title from a heading below a template's section; a
 *    `date_archived` beside no status makes it archived.
 * 6: a bare `date` more than two days before the save an Omnivore link records is no save date; an
 *    upload in Omnivore's cloud bucket is no original; proxied images in a code block never closed are reported.
 * 7: a link saved after 2024 gives its save date; `date_read` beside no status makes it reading.
 * 8: a list of Omnivore's `unknown` author is removed; proxied images in closed code are reported;
 *    a single-file note's one article gives its heading.
 * 9: a state tag under the Omnivore tag (`#Omnivore/completed`) gives the status; a tagged note
 *    whose property or heading is a template's placeholder (Templater's `<% %>` too) is no article.
 */
export const TIDY_RULES_VERSION = 9;

/** The engine with its options resolved and its patterns built once, for use over many notes. */
export class NoteTidier {
	readonly options: TidyOptions;
	readonly proxy: ProxyMatcher;
	readonly links: OmnivoreLinks;

	constructor(options: Partial<TidyOptions> = {}) {
		this.options = resolveOptions(options);
		// A format that drops part of a date would damage every date it writes: refuse it up front.
		for (const [format, hasTime] of [
			[this.options.dateTimeFormat, true],
			[this.options.dateFormat, false],
		] as const) {
			const check = checkDateFormat(format, hasTime);
			if (!check.ok) throw new Error(`The date format "${format}" cannot be used: ${check.reason}.`);
		}
		this.proxy = buildProxyMatcher(this.options.extraProxyBases);
		this.links = buildOmnivoreLinks(this.options.omnivoreHosts);
	}

	/** Whether a note is an Omnivore note (a saved article), by its tag or by Omnivore's marks. */
	isOmnivoreNote(text: string): boolean {
		const parts = splitNote(text);
		return this.detect(parts, readFrontmatter(parts), findCodeRanges(parts.body)).kind === "article";
	}

	/**
	 * Why a note keeps its proxied images: they are its only mark of a saved article and tidy cannot
	 * write it a status (`only-proxied-images`); null for any other note.
	 */
	proxiedImagesKept(text: string): Problem | null {
		const parts = splitNote(text);
		const detection = this.detect(parts, readFrontmatter(parts), findCodeRanges(parts.body));
		if (detection.kind !== "article" || !detection.onlyProxied) return null;
		return this.tidy(text).report.problems.find((problem) => problem.code === "only-proxied-images") ?? null;
	}

	private detect(parts: NoteParts, frontmatter: FrontmatterState, code: ReturnType<typeof findCodeRanges>): Detection {
		return detectOmnivoreNote({ parts, frontmatter, code }, { options: this.options, links: this.links, proxy: this.proxy });
	}

	/** A note that would be an Omnivore note were its last code block closed: an article's fence cut short hides its links. */
	private linksHiddenAsCode(parts: NoteParts, frontmatter: FrontmatterState, code: ReturnType<typeof findCodeRanges>): Problem | null {
		const open = openCodeBlock(parts.body, code);
		if (open === null || this.detect(parts, frontmatter, code.slice(0, -1)).kind !== "article") return null;
		return hiddenLinksProblem(open.line + parts.bodyLineOffset);
	}

	/**
	 * Normalize and unwrap an Omnivore note. Any other note comes back unchanged, and so does one the
	 * engine fails on (a bug, or a limit no check foresaw), with the failure as its problem: one note
	 * never stops a run over a vault.
	 */
	tidy(text: string): TidyResult {
		try {
			return this.tidyOrThrow(text);
		} catch (error) {
			return { text, report: { isOmnivoreNote: false, changed: false, changes: [], problems: [engineFailed(error)] } };
		}
	}

	private tidyOrThrow(text: string): TidyResult {
		// Read as one line, its frontmatter would be taken for none and a second block written above it.
		if (breaksLinesWithCrAlone(text)) {
			const problems = mayHoldOmnivoreMarks(text, null, this.options) ? [crLineEndings()] : [];
			return { text, report: { isOmnivoreNote: false, changed: false, changes: [], problems } };
		}
		const parts = splitNote(text);
		const frontmatter = readFrontmatter(parts);
		const code = findCodeRanges(parts.body);
		const detection = this.detect(parts, frontmatter, code);
		if (detection.kind !== "article") {
			const hidden = this.linksHiddenAsCode(parts, frontmatter, code);
			const problems = hidden ? [hidden] : detection.kind === "tagged-not-article" ? [notAnArticle(this.options.tagName)] : [];
			return { text, report: { isOmnivoreNote: false, changed: false, changes: [], problems } };
		}
		const report = new ReportBuilder();
		const facts = readBodyFacts(parts.body, code, this.options.tagName, this.links);
		const newParts: NoteParts = { ...parts };
		let baseUrl = facts.readOriginalUrl;

		let frontmatterLeft: LeftFrontmatter | null = null;
		if (frontmatter.kind === "invalid" || frontmatter.kind === "not-mapping" || frontmatter.kind === "anchored") {
			frontmatterLeft = frontmatter;
		} else {
			const editor = frontmatter.kind === "mapping" ? frontmatter.editor : emptyFrontmatter();
			const yaml = this.normalize(editor, facts, report, frontmatter.kind === "mapping" ? frontmatter : { repairedKeys: [] });
			if (yaml !== null) newParts.frontmatter = withFrontmatterYaml(parts, yaml).frontmatter;
			baseUrl = editor.getText(this.options.keys.originalUrl) ?? baseUrl;
		}

		const body = unwrapBodyImages({ body: parts.body, matcher: this.proxy, baseUrl, codeRanges: code });
		report.merge(body, parts.bodyLineOffset);
		newParts.body = body.text;
		if (frontmatterLeft) report.problems.unshift(frontmatterProblem(frontmatterLeft, body.changes.length));

		const newText = joinNote(newParts);
		if (detection.onlyProxied && newText !== text && !this.isOmnivoreNote(newText)) {
			const problems = frontmatterLeft ? [frontmatterProblem(frontmatterLeft, 0), onlyProxiedImages()] : [onlyProxiedImages()];
			return { text, report: { isOmnivoreNote: true, changed: false, changes: [], problems } };
		}
		return {
			text: newText,
			report: { isOmnivoreNote: true, changed: newText !== text, changes: report.changes, problems: report.problems },
		};
	}

	/** Unwrap proxied images in any note, Omnivore or not, leaving its frontmatter alone but for proxied values. */
	unwrapImages(text: string): TidyResult {
		const parts = splitNote(text);
		const report = new ReportBuilder();
		const frontmatter = readFrontmatter(parts);
		const articleUrl = frontmatter.kind === "mapping" ? frontmatter.editor.getText(this.options.keys.originalUrl) : undefined;
		const code = findCodeRanges(parts.body);
		const baseUrl = articleUrl ?? readBodyFacts(parts.body, code).readOriginalUrl;
		const body = unwrapBodyImages({ body: parts.body, matcher: this.proxy, baseUrl, codeRanges: code });
		report.merge(body, parts.bodyLineOffset);
		const newText = joinNote({ ...parts, body: body.text });
		return {
			text: newText,
			report: { isOmnivoreNote: this.detect(parts, frontmatter, code).kind === "article", changed: newText !== text, changes: report.changes, problems: report.problems },
		};
	}

	/** The article's address (frontmatter, else the `[Read Original]` link), against which relative originals resolve. */
	articleUrl(parts: NoteParts, code = findCodeRanges(parts.body)): string | undefined {
		const frontmatter = readFrontmatter(parts);
		const fromProperty = frontmatter.kind === "mapping" ? frontmatter.editor.getText(this.options.keys.originalUrl) : undefined;
		return fromProperty ?? readBodyFacts(parts.body, code).readOriginalUrl;
	}

	/** Returns the new YAML text, or null when the block stays as it was. */
	private normalize(
		editor: FrontmatterEditor,
		facts: ReturnType<typeof readBodyFacts>,
		report: ReportBuilder,
		repairs: RepairsMade,
	): string | null {
		const steps = new ReportBuilder();
		normalizeFrontmatter({ editor, body: facts, options: this.options, report: steps, proxy: this.proxy, links: this.links });
		if (!editor.changed && !wasRepaired(repairs)) {
			report.merge(steps);
			return null;
		}
		const yaml = editor.toString();
		const failure = verifyFrontmatter(yaml, editor.expectedValues());
		if (failure) {
			report.problem({
				code: "invalid-frontmatter",
				message: `The frontmatter could not be edited safely (${failure}); it was left as it was.`,
			});
			return null;
		}
		const { repairedKeys, closedLists = [], reindentedLists = [] } = repairs;
		if (repairedKeys.length > 0) {
			report.change({
				kind: "frontmatter-repaired",
				message: `Frontmatter was not valid YAML; quoted the value of ${repairedKeys.join(", ")} so it reads again.`,
			});
		}
		if (closedLists.length > 0) {
			report.change({
				kind: "frontmatter-repaired",
				message: `Frontmatter was not valid YAML; closed the list of ${closedLists.join(", ")} with the "]" it lacked.`,
			});
		}
		if (reindentedLists.length > 0) {
			report.change({
				kind: "frontmatter-repaired",
				message: `Frontmatter was not valid YAML; indented the list of ${reindentedLists.join(", ")} with spaces instead of tabs.`,
			});
		}
		report.merge(steps);
		return yaml;
	}
}

/** Tidy one note with the given options (convenient for one-off use; build a `NoteTidier` for many). */
export function tidyNote(text: string, options: Partial<TidyOptions> = {}): TidyResult {
	return new NoteTidier(options).tidy(text);
}
