// The preview before an import: how many notes it would create and enrich, and what it could not do.

import type { App } from "obsidian";
import { countActions, plural, type ImportReport } from "../../core";
import { DecisionModal } from "../batch/decisionModal";

export class ImportPreviewModal extends DecisionModal {
	constructor(
		app: App,
		private readonly plan: ImportReport,
		private readonly folder: string,
		decide: (apply: boolean) => void,
	) {
		super(app, decide);
	}

	override onOpen(): void {
		const { contentEl, plan } = this;
		const counts = countActions(plan);
		this.setTitle("Import Omnivore export");
		contentEl.addClass("omnivore-queue-preview");
		contentEl.createEl("p", {
			cls: "omnivore-queue-summary",
			text:
				`${plural(plan.items.length, "article")} in the export: ${plural(counts.created, "new note")} in "${this.folder}", ` +
				`${plural(counts.enriched, "note")} of yours to complete, ${plural(counts.unchanged, "note")} already complete.`,
		});
		const created = plan.items.filter((item) => item.action === "created");
		if (created.length > 0) {
			contentEl.createEl("h4", { text: "New notes" });
			const list = contentEl.createEl("ul", { cls: "omnivore-queue-import-list" });
			for (const item of created.slice(0, 20)) list.createEl("li", { text: item.path ?? item.title });
			if (created.length > 20) list.createEl("li", { text: `and ${created.length - 20} more` });
		}
		const problems = plan.items.filter((item) => item.problems.length > 0);
		if (problems.length > 0 || plan.exportProblems.length > 0) {
			contentEl.createEl("h4", { text: `Left for you (${problems.length + plan.exportProblems.length})` });
			const list = contentEl.createEl("ul", { cls: "omnivore-queue-import-list" });
			for (const message of plan.exportProblems) list.createEl("li", { text: message });
			for (const item of problems) list.createEl("li", { text: `${item.title}: ${item.problems.join(" ")}` });
		}
		contentEl.createEl("p", { cls: "setting-item-description", text: 'Nothing you wrote is overwritten; "Undo last tidy" takes the import back.' });
		this.addButtons(contentEl, "Import", counts.created + counts.enriched > 0);
	}
}
