// Tidies one note: finds out whether it is an Omnivore note, normalizes its frontmatter, unwraps its images.

import { unwrapBodyImages } from "./bodyImages";
import { checkDateFormat } from "./dateFormat";
import { normalizeFrontmatter } from "./frontmatter/normalize";
import { readFrontmatterBlock as readFrontmatter, type FrontmatterState } from "./frontmatter/readBlock";
import { parseFrontmatter, verifyFrontmatter, type FrontmatterEditor } from "./frontmatter/yamlEditor";
import { readBodyFacts } from "./markdown/bodyFacts";
import { findCodeRanges } from "./markdown/codeRanges";
import { joinNote, splitNote, withFrontmatterYaml, type NoteParts } from "./note";
import { bodyHasTag, frontmatterHasTag, rawFrontmatterHasTag } from "./omnivoreTag";
import { resolveOptions, type TidyOptions } from "./options";
import { buildProxyMatcher, type ProxyMatcher } from "./proxyUrls";
import { ReportBuilder, type NoteReport } from "./report";

export interface TidyResult {
	/** The note's new text; identical to the input when nothing changed. */
	text: string;
	report: NoteReport;
}

/** The engine with its options resolved and its patterns built once, for use over many notes. */
export class NoteTidier {
	readonly options: TidyOptions;
	readonly proxy: ProxyMatcher;

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
	}

	/** Whether a note is an Omnivore note, by its body tag or its frontmatter tags. */
	isOmnivoreNote(text: string): boolean {
		const parts = splitNote(text);
		return this.isOmnivore(parts, readFrontmatter(parts), findCodeRanges(parts.body));
	}

	private isOmnivore(parts: NoteParts, frontmatter: FrontmatterState, code: ReturnType<typeof findCodeRanges>): boolean {
		const tag = this.options.tagName;
		if (frontmatter.kind === "mapping" && frontmatterHasTag(frontmatter.editor.expectedValues(), tag)) return true;
		if (frontmatter.kind === "invalid" && parts.frontmatter && rawFrontmatterHasTag(parts.frontmatter.yaml, tag)) return true;
		return bodyHasTag(parts.body, tag, code);
	}

	/** Normalize and unwrap an Omnivore note. Any other note comes back unchanged. */
	tidy(text: string, { images = true }: { images?: boolean } = {}): TidyResult {
		const parts = splitNote(text);
		const frontmatter = readFrontmatter(parts);
		const code = findCodeRanges(parts.body);
		if (!this.isOmnivore(parts, frontmatter, code)) {
			return { text, report: { isOmnivoreNote: false, changed: false, changes: [], problems: [] } };
		}
		const report = new ReportBuilder();
		const facts = readBodyFacts(parts.body, code);
		const newParts: NoteParts = { ...parts };
		let baseUrl = facts.readOriginalUrl;

		if (frontmatter.kind === "invalid" || frontmatter.kind === "not-mapping") {
			report.problem(frontmatterProblem(frontmatter));
		} else {
			const editor = frontmatter.kind === "mapping" ? frontmatter.editor : parseNew();
			const yaml = this.normalize(editor, facts, report, frontmatter.kind === "mapping" ? frontmatter.repairedKeys : []);
			if (yaml !== null) newParts.frontmatter = withFrontmatterYaml(parts, yaml).frontmatter;
			baseUrl = editor.getText(this.options.keys.originalUrl) ?? baseUrl;
		}

		if (images) {
			const body = unwrapBodyImages({ body: parts.body, matcher: this.proxy, baseUrl, codeRanges: code });
			report.merge(body, parts.bodyLineOffset);
			newParts.body = body.text;
		}

		const newText = joinNote(newParts);
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
			report: { isOmnivoreNote: this.isOmnivore(parts, frontmatter, code), changed: newText !== text, changes: report.changes, problems: report.problems },
		};
	}

	/** Returns the new YAML text, or null when the block stays as it was. */
	private normalize(editor: FrontmatterEditor, facts: ReturnType<typeof readBodyFacts>, report: ReportBuilder, repairedKeys: string[]): string | null {
		const steps = new ReportBuilder();
		normalizeFrontmatter({ editor, body: facts, options: this.options, report: steps, proxy: this.proxy });
		if (!editor.changed && repairedKeys.length === 0) {
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
		if (repairedKeys.length > 0) {
			report.change({
				kind: "frontmatter-repaired",
				message: `Frontmatter was not valid YAML; quoted the value of ${repairedKeys.join(", ")} so it reads again.`,
			});
		}
		report.merge(steps);
		return yaml;
	}
}

function parseNew(): FrontmatterEditor {
	const outcome = parseFrontmatter("");
	if (outcome.kind !== "mapping") throw new Error("An empty block always parses");
	return outcome.editor;
}

function frontmatterProblem(state: { kind: "invalid"; error: string } | { kind: "not-mapping"; found: string }) {
	return state.kind === "invalid"
		? {
				code: "invalid-frontmatter" as const,
				line: 1,
				message: `The frontmatter is not valid YAML (${state.error}) and could not be repaired; it was left as it was. Images in the body were still unwrapped.`,
			}
		: {
				code: "frontmatter-not-mapping" as const,
				line: 1,
				message: `The frontmatter is ${state.found} rather than properties (Omnivore's single-file mode writes a list); it was left as it was.`,
			};
}

/** Tidy one note with the given options (convenient for one-off use; build a `NoteTidier` for many). */
export function tidyNote(text: string, options: Partial<TidyOptions> = {}): TidyResult {
	return new NoteTidier(options).tidy(text);
}
