// Every step's documented examples are its tests (the obsidian-linter way).
import { StepContext } from "../../../src/core/frontmatter/step";
import { FRONTMATTER_STEPS } from "../../../src/core/frontmatter/normalize";
import { parseFrontmatter } from "../../../src/core/frontmatter/parseFrontmatter";
import { readBodyFacts } from "../../../src/core/markdown/bodyFacts";
import { resolveOptions } from "../../../src/core/options";
import { buildProxyMatcher } from "../../../src/core/proxyUrls";
import { ReportBuilder } from "../../../src/core/report";

describe.each(FRONTMATTER_STEPS.map((step) => [step.id, step] as const))("step %s", (_id, step) => {
	it("has a description and examples", () => {
		expect(step.description.length).toBeGreaterThan(20);
		expect(step.examples.length).toBeGreaterThan(0);
	});

	it.each(step.examples.map((example) => [example.title, example] as const))("%s", (_title, example) => {
		const outcome = parseFrontmatter(example.before);
		if (outcome.kind !== "mapping") throw new Error(`example does not parse: ${example.before}`);
		const context = new StepContext(
			outcome.editor,
			readBodyFacts(example.body ?? ""),
			resolveOptions(example.options),
			new ReportBuilder(),
			buildProxyMatcher(),
		);
		step.apply(context);
		context.commitAdditions();
		expect(outcome.editor.toString()).toBe(example.after);
	});
});
