// Asks for a short name (for a saved filter set).

import { Modal, Setting, type App } from "obsidian";

export function askForName(app: App, title: string): Promise<string | null> {
	return new Promise((resolve) => new NameModal(app, title, resolve).open());
}

class NameModal extends Modal {
	private value = "";
	private answered = false;

	constructor(
		app: App,
		private readonly title: string,
		private readonly answer: (name: string | null) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(this.title);
		new Setting(this.contentEl).setName("Name").addText((text) => {
			text.onChange((value) => (this.value = value));
			text.inputEl.addEventListener("keydown", (event) => {
				if (event.key === "Enter") this.finish(this.value);
			});
		});
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Save").setCta().onClick(() => this.finish(this.value)))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.finish(null)));
	}

	private finish(name: string | null): void {
		this.answered = true;
		this.close();
		this.answer(name?.trim() ? name.trim() : null);
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) this.answer(null);
	}
}
