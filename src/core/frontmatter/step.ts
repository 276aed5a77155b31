// The shape of one normalization step and the context it works in.

import type { BodyFacts } from "../markdown/bodyFacts";
import { isBlank } from "../omnivore/aliasValue";
import { buildOmnivoreLinks, type OmnivoreLinks } from "../omnivore/urls";
import type { TidyOptions } from "../options";
import type { ProxyMatcher } from "../proxyUrls";
import { quoteForMessage, type ReportBuilder } from "../report";
import type { FrontmatterEditor, FrontmatterValue } from "./yamlEditor";

/** A documented before/after pair; every example is also a test of its step. */
export interface StepExample {
	title: string;
	before: string;
	after: string;
	/** Note body the step may read (first heading, links). */
	body?: string;
	options?: Partial<TidyOptions>;
}

export interface FrontmatterStep {
	id: string;
	description: string;
	examples: StepExample[];
	apply(context: StepContext): void;
}

/** Values a step adds are written after the existing keys, in this order of canonical keys. */
export const ADDED_KEY_ORDER = [
	"title",
	"author",
	"tags",
	"dateSaved",
	"datePublished",
	"originalUrl",
	"omnivoreUrl",
	"siteName",
	"image",
	"status",
] as const;

function written(value: unknown): string {
	return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/** A value for a message, as written: a list in brackets, so `[read]` is not the word `read` and `tags: a` → `[a]` shows its change. */
export function showValue(value: unknown): string {
	if (value === null || value === undefined) return "empty";
	return quoteForMessage(Array.isArray(value) ? `[${value.map(written).join(", ")}]` : written(value));
}

/** What a step sees: the editor, the body's facts, options, and helpers that also write the report. */
export class StepContext {
	private readonly additions = new Map<string, FrontmatterValue>();

	constructor(
		readonly frontmatter: FrontmatterEditor,
		readonly body: BodyFacts,
		readonly options: TidyOptions,
		readonly report: ReportBuilder,
		readonly proxy: ProxyMatcher,
		readonly links: OmnivoreLinks = buildOmnivoreLinks(options.omnivoreHosts),
	) {}

	get keys(): TidyOptions["keys"] {
		return this.options.keys;
	}

	has(key: string): boolean {
		return this.additions.has(key) || this.frontmatter.has(key);
	}

	/** A key's text, including values added earlier in this run; undefined when missing or empty. */
	text(key: string): string | undefined {
		const added = this.additions.get(key);
		if (typeof added === "string") return added;
		return this.frontmatter.getText(key);
	}

	/** Whether a key is absent or holds nothing. */
	isMissing(key: string): boolean {
		if (this.additions.has(key)) return false;
		return isBlank(this.frontmatter.get(key));
	}

	set(key: string, value: FrontmatterValue, why: string, keepComment = true): void {
		const before = this.frontmatter.get(key);
		this.frontmatter.set(key, value, keepComment);
		this.report.change({ kind: "key-changed", key, from: showValue(before), to: showValue(value), message: `${key}: ${why}.` });
	}

	/** Fill a missing key: in place when the key is there but empty, otherwise added at the end. */
	fill(key: string, value: FrontmatterValue, why: string): void {
		if (this.frontmatter.has(key)) this.frontmatter.set(key, value);
		else this.additions.set(key, value);
		this.report.change({ kind: "key-added", key, to: showValue(value), message: `${key} ${showValue(value)} ${why}.` });
	}

	remove(key: string, why: string): void {
		const before = this.frontmatter.get(key);
		this.frontmatter.remove(key);
		this.report.change({ kind: "key-removed", key, from: showValue(before), message: `${key} removed: ${why}.` });
	}

	rename(from: string, to: string, why: string): void {
		this.frontmatter.rename(from, to);
		this.report.change({ kind: "key-renamed", key: to, from, to, message: `${from} renamed to ${to}: ${why}.` });
	}

	/** Write the additions at the end of the block in the fixed canonical order. */
	commitAdditions(): void {
		const order = ADDED_KEY_ORDER.map((name) => this.keys[name]);
		const keys = [...this.additions.keys()].sort((a, b) => rank(order, a) - rank(order, b));
		for (const key of keys) this.frontmatter.add(key, this.additions.get(key) as FrontmatterValue);
	}
}

function rank(order: string[], key: string): number {
	const index = order.indexOf(key);
	// Stryker disable next-line ConditionalExpression,UnaryOperator: every key a step adds is in the order, and none adds the author: kept for one that will
	return index === -1 ? order.length : index;
}
