// What the queue says when it shows nothing (or not everything yet): still reading, no Omnivore notes where it looked (and
// where that was), nothing matching the filters, or an empty tab.

import { isFiltering, type MatchMode, type QueueFilter, type QueueStatus } from "../../core";
import { STATUS_LABELS } from "./labels";

export interface QueueScope {
	tagName: string;
	/** By the tag alone, or also by Omnivore's links: the empty state says which was looked for. */
	match: MatchMode;
	includeFolders: string[];
	excludeFolders: string[];
}

export interface EmptyStateFacts {
	ready: boolean;
	/** Articles in the queue at all. */
	total: number;
	/** Articles shown. */
	shown: number;
	filter: QueueFilter;
	scope: QueueScope;
}

export interface EmptyStateActions {
	openSettings: () => void;
	clearFilters: () => void;
}

/** "the whole vault", or the folders searched and those left out. */
export function describeScope(scope: QueueScope): string {
	const quoted = (folders: string[]) => folders.map((f) => `“${f}”`).join(", ");
	const where = scope.includeFolders.length > 0 ? `${scope.includeFolders.length > 1 ? "the folders" : "the folder"} ${quoted(scope.includeFolders)}` : "the whole vault";
	return scope.excludeFolders.length > 0 ? `${where}, except ${quoted(scope.excludeFolders)}` : where;
}

function statusNames(statuses: QueueStatus[]): string {
	return statuses.map((s) => STATUS_LABELS[s].toLowerCase()).join(" or ");
}

export function renderEmptyState(el: HTMLElement, facts: EmptyStateFacts, actions: EmptyStateActions): void {
	el.empty();
	const hidden = facts.ready && facts.shown > 0;
	el.toggleClass("is-hidden", hidden);
	// While the first build runs, the articles read so far are listed under a line that says so.
	el.toggleClass("is-progress", !facts.ready && facts.total > 0);
	if (hidden) return;
	const title = (text: string) => el.createDiv({ cls: "omnivore-queue-empty-title", text });
	const detail = (text: string) => el.createDiv({ cls: "omnivore-queue-empty-detail", text });
	const button = (text: string, run: () => void) => el.createEl("button", { text }).addEventListener("click", run);
	if (!facts.ready) {
		title("Reading your Omnivore notes…");
		if (facts.total > 0) detail(`${facts.total.toLocaleString()} ${facts.total === 1 ? "article" : "articles"} so far; the list fills in as notes are read.`);
	} else if (facts.total === 0) {
		const { tagName, match } = facts.scope;
		title(match === "tag" ? `No notes tagged #${tagName}` : "No Omnivore notes found");
		const sought = match === "tag" ? "Searched" : `Looked for notes tagged #${tagName} or holding Omnivore's links in`;
		detail(`${sought} ${describeScope(facts.scope)}. Change the tag or the folders in the settings if your Omnivore notes are elsewhere.`);
		button("Open settings", actions.openSettings);
	} else if (isFiltering(facts.filter)) {
		const search = facts.filter.search.trim();
		title(search ? `No articles match “${search}”` : "No articles match these filters");
		if (facts.filter.statuses.length > 0) detail(`Only ${statusNames(facts.filter.statuses)} articles were searched.`);
		// A search alone is cleared as a search; the button clears the filters too when some are on.
		button(isFiltering({ ...facts.filter, search: "" }) ? "Clear filters" : "Clear search", actions.clearFilters);
	} else {
		title(facts.filter.statuses.length > 0 ? `No ${statusNames(facts.filter.statuses)} articles` : "No articles");
	}
}

/** The index could not be built (the error was reported): say so, and how to try again. */
export function renderBuildFailure(el: HTMLElement): void {
	el.empty();
	el.removeClass("is-hidden");
	el.createDiv({ cls: "omnivore-queue-empty-title", text: "The reading queue could not be built. Close it and open it again to try again." });
}
