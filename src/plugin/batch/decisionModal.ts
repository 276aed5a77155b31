// A modal that ends in a yes or no: its buttons, and closing it any other way (Escape, the close button) means no.

import { Modal, type App } from "obsidian";

export abstract class DecisionModal extends Modal {
	private decided = false;

	constructor(
		app: App,
		private readonly decide: (apply: boolean) => void,
	) {
		super(app);
	}

	/**
	 * The confirm and cancel buttons at the bottom of the modal; `alternative` is a second way to
	 * confirm (its `choose` runs first, to note which way the user took).
	 */
	protected addButtons(container: HTMLElement, confirmText: string, canConfirm: boolean, cls = "", alternative?: { text: string; choose: () => void }): void {
		const buttons = container.createDiv({ cls: `modal-button-container ${cls}`.trim() });
		const confirm = buttons.createEl("button", { text: confirmText, cls: "mod-cta" });
		confirm.disabled = !canConfirm;
		confirm.addEventListener("click", () => {
			if (this.confirmable()) this.finish(true);
		});
		if (alternative) {
			buttons.createEl("button", { text: alternative.text }).addEventListener("click", () => {
				alternative.choose();
				if (this.confirmable()) this.finish(true);
			});
		}
		buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.finish(false));
	}

	/** Checked when the user confirms; false keeps the modal open (a field to correct). */
	protected confirmable(): boolean {
		return true;
	}

	private finish(apply: boolean): void {
		this.decided = true;
		this.close();
		this.decide(apply);
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.decided) this.decide(false);
	}
}
