// The settings tab: tag, folders, the reading queue, automatic cleanup, dates, proxies, recovered
// values, property names and status values, each group with a description.

import { Notice, PluginSettingTab, Setting, type App, type Plugin } from "obsidian";
import type { DayMonthOrder, QueueSort, RecoverFields, SchemaKeys, StatusValues } from "../core";
import { DEFAULT_ARCHIVE, optionsFromSaved } from "../core";
import { addDateFormatSetting } from "./dateFormatSetting";
import { runGuarded } from "./errorBoundary";
import { normalizeFolders } from "./notes/folderScope";
import { SORT_LABELS, STATUS_LABELS } from "./queue/labels";
import { DEFAULT_SETTINGS, type OmnivoreQueueSettings, type QueueTab } from "./settings";

export interface SettingsHost extends Plugin {
	settings: OmnivoreQueueSettings;
	saveSettings(): Promise<void>;
}

const KEY_LABELS: Record<keyof SchemaKeys, [string, string]> = {
	title: ["Title", "The article's title."],
	author: ["Author", "Who wrote it."],
	tags: ["Tags", "The note's tags, as a list."],
	dateSaved: ["Date saved", "When it was saved to Omnivore."],
	datePublished: ["Date published", "When it was first published."],
	dateRead: ["Date read", "When it was marked read."],
	dateArchived: ["Date archived", "When it was archived."],
	originalUrl: ["Original URL", "The article's web address."],
	omnivoreUrl: ["Omnivore URL", "Its address in Omnivore."],
	siteName: ["Site name", "The site it came from."],
	image: ["Image", "The thumbnail."],
	status: ["Status", "Where it is in the queue: unread, reading, read or archived."],
};

const STATUS_DESCRIPTIONS: Record<keyof StatusValues, string> = {
	unread: "Saved and not started.",
	reading: "Started.",
	read: "Finished.",
	archived: "Put away without reading.",
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

	private async change(change: (settings: OmnivoreQueueSettings) => void): Promise<void> {
		await runGuarded("Saving the settings", async () => {
			change(this.host.settings);
			// Said at once, not only at the next start: two property names alike, a tag that is no tag.
			optionsFromSaved(this.host.settings, (message) => new Notice(`${message[0].toUpperCase()}${message.slice(1)}`));
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
			save: (format) => void this.change((s) => (s[key] = format)),
		});
	}

	/** Where a newly opened reading queue starts, and where articles open. */
	private displayQueue(containerEl: HTMLElement): void {
		const settings = this.host.settings;
		new Setting(containerEl).setName("Reading queue").setHeading();
		new Setting(containerEl)
			.setName("Start on")
			.setDesc("The tab a newly opened queue shows.")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ ...STATUS_LABELS, all: "All" })
					.setValue(settings.queueTab)
					.onChange((value) => this.change((s) => (s.queueTab = value as QueueTab))),
			);
		new Setting(containerEl)
			.setName("Sort by")
			.setDesc("The order a newly opened queue starts in.")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions(SORT_LABELS)
					.setValue(settings.queueSort)
					.onChange((value) => this.change((s) => (s.queueSort = value as QueueSort))),
			);
		new Setting(containerEl)
			.setName("Open articles in a new tab")
			.setDesc("A click opens the article in a new tab; with the modifier key held, it opens in the current one.")
			.addToggle((toggle) => toggle.setValue(settings.queueOpenInNewTab).onChange((value) => this.change((s) => (s.queueOpenInNewTab = value))));
	}

	override display(): void {
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
					.onChange((value) => this.change((s) => (s.tagName = value.trim().replace(/^#/, "") || DEFAULT_SETTINGS.tagName))),
			);
		new Setting(containerEl)
			.setName("Find Omnivore notes by")
			.setDesc("The tag, or also the links Omnivore's plugin wrote into every note it saved (many notes have no tag).")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ fingerprint: "Tag or Omnivore links", tag: "Tag only" })
					.setValue(settings.match)
					.onChange((value) => this.change((s) => (s.match = value === "tag" ? "tag" : "fingerprint"))),
			);
		new Setting(containerEl)
			.setName("Self-hosted Omnivore")
			.setDesc("Hosts of a self-hosted Omnivore, one per line: their links mark Omnivore notes like omnivore.app's.")
			.addTextArea((text) =>
				text
					.setPlaceholder("omnivore.example.com")
					.setValue(settings.omnivoreHosts.join("\n"))
					.onChange((value) => this.change((s) => (s.omnivoreHosts = lines(value)))),
			);
		new Setting(containerEl)
			.setName("Folders to include")
			.setDesc("One folder per line. Leave empty for the whole vault.")
			.addTextArea((text) =>
				text.setValue(settings.includeFolders.join("\n")).onChange((value) => this.change((s) => (s.includeFolders = normalizeFolders(lines(value))))),
			);
		new Setting(containerEl)
			.setName("Folders to exclude")
			.setDesc("One folder per line. Notes in these folders are never changed.")
			.addTextArea((text) =>
				text.setValue(settings.excludeFolders.join("\n")).onChange((value) => this.change((s) => (s.excludeFolders = normalizeFolders(lines(value))))),
			);

		this.displayQueue(containerEl);

		new Setting(containerEl).setName("Automatic cleanup").setHeading();
		new Setting(containerEl)
			.setName("Tidy new notes")
			.setDesc("Tidy Omnivore notes that appear after Obsidian has started, such as notes added by sync or import.")
			.addToggle((toggle) => toggle.setValue(settings.autoTidy).onChange((value) => this.change((s) => (s.autoTidy = value))));
		new Setting(containerEl)
			.setName("Wait before tidying")
			.setDesc("Seconds a new note must stay unchanged first, so a note written in several steps is complete.")
			.addText((text) =>
				text.setValue(String(settings.autoTidyDelaySeconds)).onChange((value) => {
					// Emptied to type another number: not 0 meanwhile.
					const seconds = value.trim() === "" ? NaN : Number(value);
					if (Number.isFinite(seconds) && seconds >= 0) void this.change((s) => (s.autoTidyDelaySeconds = seconds));
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
					.onChange((value) => this.change((s) => (s.dayMonthOrder = value as DayMonthOrder))),
			);

		new Setting(containerEl).setName("Images").setHeading();
		new Setting(containerEl)
			.setName("Self-hosted image proxies")
			.setDesc("Addresses of self-hosted Omnivore image proxies, one per line. Omnivore's own are always included.")
			.addTextArea((text) =>
				text
					.setPlaceholder("http://localhost:7070")
					.setValue(settings.extraProxyBases.join("\n"))
					.onChange((value) => this.change((s) => (s.extraProxyBases = lines(value)))),
			);
		new Setting(containerEl)
			.setName("Web archive for missing images")
			.setDesc("When an image is gone from its site, “Download images” asks this archive for a copy; {url} stands for the image's address. Empty: ask no archive.")
			.addText((text) =>
				text
					.setPlaceholder(DEFAULT_ARCHIVE)
					.setValue(settings.imageArchive)
					.onChange((value) => this.change((s) => (s.imageArchive = value.trim()))),
			);

		new Setting(containerEl).setName("Recovered values").setHeading();
		for (const field of Object.keys(RECOVER_LABELS) as Array<keyof RecoverFields>) {
			const [name, desc] = RECOVER_LABELS[field];
			new Setting(containerEl)
				.setName(name)
				.setDesc(`Add when missing. ${desc}`)
				.addToggle((toggle) => toggle.setValue(settings.recover[field]).onChange((value) => this.change((s) => (s.recover[field] = value))));
		}

		new Setting(containerEl).setName("Property names").setDesc("The properties tidied notes use. Notes keep their other properties as they are.").setHeading();
		for (const key of Object.keys(KEY_LABELS) as Array<keyof SchemaKeys>) {
			const [name, desc] = KEY_LABELS[key];
			new Setting(containerEl).setName(name).setDesc(desc).addText((text) =>
				text
					.setPlaceholder(DEFAULT_SETTINGS.keys[key])
					.setValue(settings.keys[key])
					.onChange((value) => this.change((s) => (s.keys[key] = value.trim() || DEFAULT_SETTINGS.keys[key]))),
			);
		}

		new Setting(containerEl).setName("Status values").setDesc("What the status property says for each place in the queue.").setHeading();
		for (const status of ["unread", "reading", "read", "archived"] as Array<keyof StatusValues>) {
			new Setting(containerEl).setName(STATUS_LABELS[status]).setDesc(STATUS_DESCRIPTIONS[status]).addText((text) =>
				text
					.setPlaceholder(DEFAULT_SETTINGS.statusValues[status])
					.setValue(settings.statusValues[status])
					.onChange((value) => this.change((s) => (s.statusValues[status] = value.trim() || DEFAULT_SETTINGS.statusValues[status]))),
			);
		}
	}
}
