// The preview before an import: how many notes it would create and enrich, and what it could not do.

import { Setting, type App, type TextComponent } from "obsidian";
import { countActions, importFolder, plural, type ImportReport } from "../../core";
import { DecisionModal } from "../batch/decisionModal";

export class ImportPreviewModal extends DecisionModal {
	private folderInput: TextComponent | null = null;
	private folderError: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly plan: ImportReport,
		private folder: string,
		decide: (folder: string | null) => void,
	) {
		super(app, (apply) => decide(apply ? this.folder : null));
	}

	/** The folder typed must be one inside the vault; otherwise the modal says why and stays open. */
	protected override confirmable(): boolean {
		const checked = importFolder(this.folderInput?.getValue() ?? this.folder);
		if (!checked.ok) {
			this.folderError?.setText(`The folder ${checked.reason}.`);
			return false;
		}
		this.folder = checked.folder;
		return true;
	}

	override onOpen(): void {
		const { contentEl, plan } = this;
		const counts = countActions(plan);
		this.setTitle("Import Omnivore export");
		contentEl.addClass("omnivore-queue-preview");
		contentEl.createEl("p", {
			cls: "omnivore-queue-summary",
			text:
				`${plural(plan.items.length, "article")} in the export: ${plural(counts.created, "new note")}, ` +
				`${plural(counts.enriched, "note")} of yours to complete, ${plural(counts.unchanged, "note")} already complete.`,
		});
		new Setting(contentEl)
			.setName("Folder for new notes")
			.setDesc("Inside the vault; made if missing. The notes you have stay where they are.")
			.addText((text) => {
				this.folderInput = text;
				text.setValue(this.folder);
			});
		this.folderError = contentEl.createEl("p", { cls: "mod-warning" });
		const created = plan.items.filter((item) => item.action === "created");
		if (created.length > 0) {
			contentEl.createEl("h4", { text: "New notes" });
			const list = contentEl.createEl("ul", { cls: "omnivore-queue-import-list" });
			// Named without the folder, which may still change.
			for (const item of created.slice(0, 20)) list.createEl("li", { text: item.path?.split("/").pop() ?? item.title });
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
