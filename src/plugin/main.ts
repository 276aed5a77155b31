// The Obsidian plugin: thin glue that reads notes through the Vault API and hands them to the engine.

import { Notice, Plugin, TFile } from "obsidian";
import { NoteTidier, resolveOptions, type TidyOptions } from "../core";

export default class OmnivoreQueuePlugin extends Plugin {
	settings: TidyOptions = resolveOptions();

	override async onload(): Promise<void> {
		await this.loadSettings();

		this.addCommand({
			id: "tidy-current-note",
			name: "Tidy current note",
			checkCallback: (checking) => {
				const file = this.app.workspace.getActiveFile();
				if (!(file instanceof TFile) || file.extension !== "md") return false;
				if (!checking) void this.tidyFile(file);
				return true;
			},
		});
	}

	async loadSettings(): Promise<void> {
		this.settings = resolveOptions(((await this.loadData()) ?? {}) as Partial<TidyOptions>);
	}

	private async tidyFile(file: TFile): Promise<void> {
		const tidier = new NoteTidier(this.settings);
		let omnivore = true;
		let changed = false;
		await this.app.vault.process(file, (text) => {
			const result = tidier.tidy(text);
			omnivore = result.report.isOmnivoreNote;
			changed = result.report.changed;
			return result.text;
		});
		if (!omnivore) new Notice(`${file.basename} is not tagged #${this.settings.tagName}, so it was left as it was.`);
		else new Notice(changed ? `Tidied ${file.basename}.` : `${file.basename} was already tidy.`);
	}
}
