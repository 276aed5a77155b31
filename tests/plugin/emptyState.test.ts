/** @jest-environment jsdom */
import "../__mocks__/obsidian";
import { EMPTY_FILTER, type QueueFilter } from "../../src/core";
import { renderEmptyState, type EmptyStateFacts } from "../../src/plugin/queue/emptyState";

const SCOPE: EmptyStateFacts["scope"] = { tagName: "Omnivore", match: "tag", includeFolders: [], excludeFolders: [] };

function shown(facts: Partial<Omit<EmptyStateFacts, "filter">> & { filter?: Partial<QueueFilter> }): { text: string; buttons: string[]; hidden: boolean } {
	const el = createDiv();
	renderEmptyState(el, { ready: true, total: 10, shown: 0, scope: SCOPE, ...facts, filter: { ...EMPTY_FILTER, ...facts.filter } }, { openSettings: () => undefined, clearFilters: () => undefined });
	return { text: el.textContent ?? "", buttons: Array.from(el.querySelectorAll("button"), (b) => b.textContent ?? ""), hidden: el.classList.contains("is-hidden") };
}

describe("the queue's empty state", () => {
	it("offers nothing to clear while the notes are still read, even with a search typed", () => {
		expect(shown({ ready: false, total: 0, filter: { search: "rust", tags: ["ai"] } })).toEqual({ text: "Reading your Omnivore notes…", buttons: [], hidden: false });
	});

	it("clears a search as a search, and filters as filters", () => {
		expect(shown({ filter: { search: "rust" } }).buttons).toEqual(["Clear search"]);
		expect(shown({ filter: { search: "rust", tags: ["ai"] } }).buttons).toEqual(["Clear filters"]);
		expect(shown({ filter: { author: "Ada" } }).buttons).toEqual(["Clear filters"]);
	});

	it("is hidden once articles are shown", () => {
		expect(shown({ shown: 3 }).hidden).toBe(true);
	});
});
