// A date-format field in Moment's syntax, checked as typed: a live sample below it, only a usable format saved.

import { Setting } from "obsidian";
import { checkDateFormat } from "../core";

export interface DateFormatField {
	name: string;
	desc: string;
	/** Whether the format writes dates with a time (then it must keep the hour and minute too). */
	hasTime: boolean;
	value: string;
	/** Used when the field is left empty. */
	defaultFormat: string;
	/** Called with a usable format only. */
	save(format: string): void;
}

export function addDateFormatSetting(containerEl: HTMLElement, field: DateFormatField): Setting {
	const setting = new Setting(containerEl).setName(field.name).setDesc(field.desc);
	setting.descEl.createEl("a", { text: "Format reference", href: "https://momentjs.com/docs/#/displaying/format/" });
	const sampleEl = setting.descEl.createDiv({ cls: "omnivore-queue-format-sample" });
	const show = (format: string): boolean => {
		const result = checkDateFormat(format, field.hasTime, new Date());
		sampleEl.toggleClass("is-invalid", !result.ok);
		sampleEl.setText(result.ok ? `Written like this: ${result.example}` : `Not saved: ${result.reason}.`);
		return result.ok;
	};
	setting.addText((text) =>
		text
			.setPlaceholder(field.defaultFormat)
			.setValue(field.value)
			.onChange((value) => {
				const format = value.trim() || field.defaultFormat;
				const usable = show(format);
				text.inputEl.setAttr("aria-invalid", usable ? null : "true");
				if (usable) field.save(format);
			}),
	);
	show(field.value);
	return setting;
}
