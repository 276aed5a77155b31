// The preview before a vault-wide run: what would change, what cannot be fixed, a sample diff, in
// a body that scrolls above a footer that stays in view.

import { structuredPatch } from "diff";
import { Modal, type App } from "obsidian";
import { renderProblemGroups } from "../report/renderProblems";
import type { BatchKind } from "./batchKinds";
import type { BatchPreview } from "./tidyBatch";

export class PreviewModal extends Modal {
	private decided = false;

	constructor(
		app: App,
		private readonly preview: BatchPreview,
		private readonly kind: Pick<BatchKind, "title" | "summary" | "apply">,
		private readonly openNote: (path: string) => void,
		private readonly decide: (apply: boolean) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		const { preview, contentEl } = this;
		this.setTitle(this.kind.title);
		this.modalEl.addClass("omnivore-queue-preview-modal");
		contentEl.addClass("omnivore-queue-preview");
		const body = contentEl.createDiv({ cls: "omnivore-queue-preview-body" });
		body.createEl("p", { cls: "omnivore-queue-summary", text: this.kind.summary(preview) });

		const problemCount = preview.problems.reduce((sum, note) => sum + note.problems.length, 0);
		if (problemCount > 0) {
			body.createEl("h4", { text: `Left for you (${problemCount})` });
			renderProblemGroups(body, preview.problems, (path) => this.openNote(path));
		}

		if (preview.sample) {
			body.createEl("h4", { text: `Example: ${preview.sample.path}` });
			this.renderDiff(body.createEl("pre", { cls: "omnivore-queue-diff" }), preview.sample.before, preview.sample.after);
		}

		const buttons = contentEl.createDiv({ cls: "modal-button-container omnivore-queue-preview-footer" });
		const count = preview.toChange.length;
		const apply = buttons.createEl("button", { text: this.kind.apply(count), cls: "mod-cta" });
		apply.disabled = preview.toChange.length === 0;
		apply.addEventListener("click", () => this.finish(true));
		buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.finish(false));
	}

	private renderDiff(pre: HTMLElement, before: string, after: string): void {
		const patch = structuredPatch("before", "after", before, after, "", "", { context: 2 });
		for (const hunk of patch.hunks) {
			pre.createDiv({ cls: "omnivore-queue-diff-hunk", text: `Line ${hunk.oldStart}` });
			for (const line of hunk.lines) {
				const kind = line.startsWith("+") ? "added" : line.startsWith("-") ? "removed" : "context";
				pre.createDiv({ cls: `omnivore-queue-diff-${kind}`, text: line });
			}
		}
	}

	private finish(apply: boolean): void {
		this.decided = true;
		this.close();
		this.decide(apply);
	}

	override onClose(): void {
		this.contentEl.empty();
		// Closing with Escape or the close button means no.
		if (!this.decided) this.decide(false);
	}
}
