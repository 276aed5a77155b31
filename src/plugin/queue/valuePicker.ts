// Obsidian's own fuzzy picker over a list of values (tags, authors, sites): typed to narrow, so a
// vault with thousands of authors is no longer a dropdown of thousands.

import { FuzzySuggestModal, type App } from "obsidian";

class ValuePicker extends FuzzySuggestModal<string> {
	private chosen = false;

	constructor(
		app: App,
		placeholder: string,
		private readonly values: string[],
		private readonly shown: (value: string) => string,
		private readonly answer: (value: string | null) => void,
	) {
		super(app);
		this.setPlaceholder(placeholder);
		this.emptyStateText = "No match.";
	}

	getItems(): string[] {
		return this.values;
	}

	getItemText(value: string): string {
		return this.shown(value);
	}

	onChooseItem(value: string): void {
		this.chosen = true;
		this.answer(value);
	}

	override onClose(): void {
		super.onClose();
		// Obsidian closes the modal before it reports the choice: wait a tick before calling it a cancel.
		window.setTimeout(() => {
			if (!this.chosen) this.answer(null);
		}, 0);
	}
}

/** Ask for one of the values; null when the reader closes the picker. */
export function pickValue(app: App, placeholder: string, values: string[], shown: (value: string) => string = (v) => v): Promise<string | null> {
	return new Promise((resolve) => new ValuePicker(app, placeholder, values, shown, resolve).open());
}
