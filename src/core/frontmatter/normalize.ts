// Runs the normalization steps in their fixed order over one frontmatter block.

import type { BodyFacts } from "../markdown/bodyFacts";
import type { TidyOptions } from "../options";
import type { OmnivoreLinks } from "../omnivore/urls";
import type { ProxyMatcher } from "../proxyUrls";
import type { ReportBuilder } from "../report";
import { StepContext, type FrontmatterStep } from "./step";
import { aliasesStep } from "./steps/aliases";
import { authorStep } from "./steps/author";
import { datesStep } from "./steps/dates";
import { imagesStep } from "./steps/images";
import { omnivoreErrorStep } from "./steps/omnivoreError";
import { recoverStep } from "./steps/recover";
import { statusStep } from "./steps/status";
import { tagsStep } from "./steps/tags";
import { titleStep } from "./steps/title";
import type { FrontmatterEditor } from "./yamlEditor";

/**
 * The order matters: aliases first so later steps see canonical keys; recovery before images so a
 * recovered original URL can resolve relative image addresses.
 */
export const FRONTMATTER_STEPS: readonly FrontmatterStep[] = [
	aliasesStep,
	titleStep,
	authorStep,
	tagsStep,
	datesStep,
	statusStep,
	recoverStep,
	imagesStep,
	omnivoreErrorStep,
];

export interface NormalizeInput {
	editor: FrontmatterEditor;
	body: BodyFacts;
	options: TidyOptions;
	report: ReportBuilder;
	proxy: ProxyMatcher;
	links?: OmnivoreLinks;
	steps?: readonly FrontmatterStep[];
}

/** Apply the steps to the editor; the caller reads the result with `editor.toString()`. */
export function normalizeFrontmatter({ editor, body, options, report, proxy, links, steps = FRONTMATTER_STEPS }: NormalizeInput): void {
	const context = new StepContext(editor, body, options, report, proxy, links);
	for (const step of steps) step.apply(context);
	context.commitAdditions();
}
