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
		this.modalEl.addClass("omnivore-queue-preview-modal");
		contentEl.addClass("omnivore-queue-preview");
		// Long lists scroll in the body; the folder field and the buttons stay in view.
		const body = contentEl.createDiv({ cls: "omnivore-queue-preview-body" });
		body.createEl("p", {
			cls: "omnivore-queue-summary",
			text:
				`${plural(plan.items.length, "article")} in the export: ${plural(counts.created, "new note")}, ` +
				`${plural(counts.enriched, "note")} of yours to complete, ${plural(counts.unchanged, "note")} already complete.`,
		});
		const created = plan.items.filter((item) => item.action === "created");
		// Named without the folder, which may still change.
		listSome(body, "New notes", created.map((item) => item.path?.split("/").pop() ?? item.title));
		const problems = [...plan.exportProblems, ...plan.items.filter((item) => item.problems.length > 0).map((item) => `${item.title}: ${item.problems.join(" ")}`)];
		listSome(body, `Left for you (${problems.length})`, problems);
		body.createEl("p", { cls: "setting-item-description", text: "Nothing you wrote is overwritten, and the notice at the end offers to undo the import." });
		new Setting(contentEl)
			.setName("Folder for new notes")
			.setDesc("Inside the vault; made if missing. The notes you have stay where they are.")
			.addText((text) => {
				this.folderInput = text;
				text.setValue(this.folder);
			});
		this.folderError = contentEl.createEl("p", { cls: "mod-warning" });
		this.addButtons(contentEl, "Import", counts.created + counts.enriched > 0, "omnivore-queue-preview-footer");
	}

}

/** A heading and the first lines of a list, then how many more: an export may hold thousands. */
function listSome(container: HTMLElement, heading: string, lines: string[], shown = 50): void {
	if (lines.length === 0) return;
	container.createEl("h4", { text: heading });
	const list = container.createEl("ul", { cls: "omnivore-queue-import-list" });
	for (const line of lines.slice(0, shown)) list.createEl("li", { text: line });
	if (lines.length > shown) list.createEl("li", { text: `and ${lines.length - shown} more` });
}
