// The preview before a vault-wide run: what would change, what cannot be fixed, a sample diff, in
// a body that scrolls above a footer that stays in view.

import { structuredPatch } from "diff";
import type { App } from "obsidian";
import { renderProblemGroups } from "../report/renderProblems";
import type { BatchKind } from "./batchKinds";
import { DecisionModal } from "./decisionModal";
import type { BatchPreview } from "./tidyBatch";

export class PreviewModal extends DecisionModal {
	constructor(
		app: App,
		private readonly preview: BatchPreview,
		private readonly kind: Pick<BatchKind, "title" | "summary" | "apply">,
		private readonly openNote: (path: string) => void,
		decide: (apply: boolean) => void,
	) {
		super(app, decide);
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

		// The footer stays in view below the body, which scrolls.
		this.addButtons(contentEl, this.kind.apply(preview.toChange.length), preview.toChange.length > 0, "omnivore-queue-preview-footer");
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
}
