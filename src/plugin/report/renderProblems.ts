// Renders problems grouped by kind, each with a link that opens its note.

import { groupProblems, PROBLEM_TITLES, type NoteProblems } from "../../core";

export function renderProblemGroups(container: HTMLElement, notes: NoteProblems[], openNote: (path: string) => void): void {
	const groups = groupProblems(notes);
	if (groups.size === 0) {
		container.createEl("p", { text: "No problems.", cls: "omnivore-queue-muted" });
		return;
	}
	for (const [code, items] of groups) {
		const details = container.createEl("details", { cls: "omnivore-queue-problem-group" });
		details.createEl("summary", { text: `${PROBLEM_TITLES[code]} (${items.length})` });
		const list = details.createEl("ul");
		for (const { path, problem } of items) {
			const item = list.createEl("li");
			const link = item.createEl("a", { text: path, href: "#", cls: "internal-link", attr: { "data-path": path } });
			link.addEventListener("click", (event) => {
				event.preventDefault();
				openNote(path);
			});
			item.createSpan({ text: problem.line ? ` (line ${problem.line}): ` : ": " });
			item.createSpan({ text: problem.message });
		}
	}
}
