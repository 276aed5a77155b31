// The settings tab: tag, folders, automatic cleanup, property names, dates, proxies, recovered fields.

import { PluginSettingTab, Setting, type App, type Plugin } from "obsidian";
import type { DayMonthOrder, RecoverFields, SchemaKeys, StatusValues } from "../core";
import { addDateFormatSetting } from "./dateFormatSetting";
import { runGuarded } from "./errorBoundary";
import { normalizeFolders } from "./notes/folderScope";
import { DEFAULT_SETTINGS, type OmnivoreQueueSettings } from "./settings";

export interface SettingsHost extends Plugin {
	settings: OmnivoreQueueSettings;
	saveSettings(): Promise<void>;
}

const KEY_LABELS: Record<keyof SchemaKeys, string> = {
	title: "Title",
	author: "Author",
	tags: "Tags",
	dateSaved: "Date saved",
	datePublished: "Date published",
	dateRead: "Date read",
	dateArchived: "Date archived",
	originalUrl: "Original URL",
	omnivoreUrl: "Omnivore URL",
	siteName: "Site name",
	image: "Image",
	status: "Status",
};

const RECOVER_LABELS: Record<keyof RecoverFields, [string, string]> = {
	title: ["Title", "From the note's first heading."],
	dateSaved: ["Date saved", "From the timestamp in the Omnivore link."],
	originalUrl: ["Original URL", "From the Read Original link."],
	omnivoreUrl: ["Omnivore URL", "From the Read on Omnivore link."],
	siteName: ["Site name", "From the original URL's host."],
	status: ["Status", "Unread, for notes without one."],
};

function lines(value: string): string[] {
	return value
		.split("\n")
		.map((line) => line.trim())
		.filter((line) => line !== "");
}

export class OmnivoreQueueSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly host: SettingsHost,
	) {
		super(app, host);
	}

	private async update(change: (settings: OmnivoreQueueSettings) => void): Promise<void> {
		await runGuarded("Saving the settings", async () => {
			change(this.host.settings);
			await this.host.saveSettings();
		});
	}

	private formatSetting(name: string, desc: string, key: "dateTimeFormat" | "dateFormat"): void {
		addDateFormatSetting(this.containerEl, {
			name,
			desc,
			hasTime: key === "dateTimeFormat",
			value: this.host.settings[key],
			defaultFormat: DEFAULT_SETTINGS[key],
			save: (format) => void this.update((s) => (s[key] = format)),
		});
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const settings = this.host.settings;

		new Setting(containerEl)
			.setName("Tag")
			.setDesc(
				"Notes with this tag (in the body or in their tags property) are Omnivore notes. Without the #. A single name also matches as part of a nested tag; a nested name is matched exactly.",
			)
			.addText((text) =>
				text
					.setPlaceholder(DEFAULT_SETTINGS.tagName)
					.setValue(settings.tagName)
					.onChange((value) => this.update((s) => (s.tagName = value.trim().replace(/^#/, "") || DEFAULT_SETTINGS.tagName))),
			);
		new Setting(containerEl)
			.setName("Find Omnivore notes by")
			.setDesc("The tag, or also the links Omnivore's plugin wrote into every note it saved (many notes have no tag).")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ fingerprint: "Tag or Omnivore links", tag: "Tag only" })
					.setValue(settings.match)
					.onChange((value) => this.update((s) => (s.match = value === "tag" ? "tag" : "fingerprint"))),
			);
		new Setting(containerEl)
			.setName("Self-hosted Omnivore")
			.setDesc("Hosts of a self-hosted Omnivore, one per line: their links mark Omnivore notes like omnivore.app's.")
			.addTextArea((text) =>
				text
					.setPlaceholder("omnivore.example.com")
					.setValue(settings.omnivoreHosts.join("\n"))
					.onChange((value) => this.update((s) => (s.omnivoreHosts = lines(value)))),
			);
		new Setting(containerEl)
			.setName("Folders to include")
			.setDesc("One folder per line. Leave empty for the whole vault.")
			.addTextArea((text) =>
				text.setValue(settings.includeFolders.join("\n")).onChange((value) => this.update((s) => (s.includeFolders = normalizeFolders(lines(value))))),
			);
		new Setting(containerEl)
			.setName("Folders to exclude")
			.setDesc("One folder per line. Notes in these folders are never changed.")
			.addTextArea((text) =>
				text.setValue(settings.excludeFolders.join("\n")).onChange((value) => this.update((s) => (s.excludeFolders = normalizeFolders(lines(value))))),
			);

		new Setting(containerEl).setName("Automatic cleanup").setHeading();
		new Setting(containerEl)
			.setName("Tidy new notes")
			.setDesc("Tidy Omnivore notes that appear after Obsidian has started, such as notes added by sync or import.")
			.addToggle((toggle) => toggle.setValue(settings.autoTidy).onChange((value) => this.update((s) => (s.autoTidy = value))));
		new Setting(containerEl)
			.setName("Wait before tidying")
			.setDesc("Seconds a new note must stay unchanged first, so a note written in several steps is complete.")
			.addText((text) =>
				text.setValue(String(settings.autoTidyDelaySeconds)).onChange((value) => {
					const seconds = Number(value);
					if (Number.isFinite(seconds) && seconds >= 0) void this.update((s) => (s.autoTidyDelaySeconds = seconds));
				}),
			);

		new Setting(containerEl).setName("Dates").setHeading();
		this.formatSetting("Date and time format", "How dates with a time are written, in the syntax of Obsidian's other date settings. The default is what Obsidian shows as a date and time. ", "dateTimeFormat");
		this.formatSetting("Date format", "How dates without a time are written. ", "dateFormat");
		new Setting(containerEl)
			.setName("Dates like 03/04/2024")
			.setDesc("Whether the day or the month comes first when a date could be read either way.")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ auto: "Leave them and report them", "day-first": "Day first", "month-first": "Month first" })
					.setValue(settings.dayMonthOrder)
					.onChange((value) => this.update((s) => (s.dayMonthOrder = value as DayMonthOrder))),
			);

		new Setting(containerEl).setName("Images").setHeading();
		new Setting(containerEl)
			.setName("Self-hosted image proxies")
			.setDesc("Addresses of self-hosted Omnivore image proxies, one per line. Omnivore's own are always included.")
			.addTextArea((text) =>
				text
					.setPlaceholder("http://localhost:7070")
					.setValue(settings.extraProxyBases.join("\n"))
					.onChange((value) => this.update((s) => (s.extraProxyBases = lines(value)))),
			);

		new Setting(containerEl).setName("Recovered values").setHeading();
		for (const field of Object.keys(RECOVER_LABELS) as Array<keyof RecoverFields>) {
			const [name, desc] = RECOVER_LABELS[field];
			new Setting(containerEl)
				.setName(name)
				.setDesc(`Add when missing. ${desc}`)
				.addToggle((toggle) => toggle.setValue(settings.recover[field]).onChange((value) => this.update((s) => (s.recover[field] = value))));
		}

		new Setting(containerEl).setName("Property names").setHeading();
		for (const key of Object.keys(KEY_LABELS) as Array<keyof SchemaKeys>) {
			new Setting(containerEl).setName(KEY_LABELS[key]).addText((text) =>
				text
					.setPlaceholder(DEFAULT_SETTINGS.keys[key])
					.setValue(settings.keys[key])
					.onChange((value) => this.update((s) => (s.keys[key] = value.trim() || DEFAULT_SETTINGS.keys[key]))),
			);
		}

		new Setting(containerEl).setName("Status values").setHeading();
		for (const status of ["unread", "reading", "read", "archived"] as Array<keyof StatusValues>) {
			new Setting(containerEl).setName(`${status[0].toUpperCase()}${status.slice(1)}`).addText((text) =>
				text
					.setPlaceholder(DEFAULT_SETTINGS.statusValues[status])
					.setValue(settings.statusValues[status])
					.onChange((value) => this.update((s) => (s.statusValues[status] = value.trim() || DEFAULT_SETTINGS.statusValues[status]))),
			);
		}
	}
}
