// The "Show tidy report" window: problems of the last run and of automatic cleanup.

import { Modal, type App } from "obsidian";
import { renderProblemGroups } from "./renderProblems";
import type { ReportStore } from "./reportStore";

export class ReportModal extends Modal {
	constructor(
		app: App,
		private readonly store: ReportStore,
		private readonly openNote: (path: string) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle("Tidy report");
		const { contentEl } = this;
		contentEl.addClass("omnivore-queue-report");
		const sections = this.store.sections();
		if (sections.length === 0) {
			contentEl.createEl("p", { text: "Nothing has been tidied since Obsidian started." });
			return;
		}
		for (const section of sections) {
			contentEl.createEl("h3", { text: `${section.title}, ${section.at.toLocaleString()}` });
			renderProblemGroups(contentEl, section.notes, (path) => {
				this.close();
				this.openNote(path);
			});
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
