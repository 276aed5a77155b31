// What the screenshots show beyond the pane: the settings tab, the Tidy all preview and the report, rendered by
// the real code over the fake Obsidian on the browser page.
import type { App as ObsidianApp, Modal, TFile as ObsidianFile } from "obsidian";
import type { App } from "../__mocks__/obsidian";
import { NoteTidier } from "../../src/core";
import { TIDY_ALL } from "../../src/plugin/batch/batchKinds";
import { PreviewModal } from "../../src/plugin/batch/previewModal";
import { previewBatch, type BatchPreview } from "../../src/plugin/batch/tidyBatch";
import { ReportModal } from "../../src/plugin/report/reportModal";
import { ReportStore } from "../../src/plugin/report/reportStore";
import { resolveSettings } from "../../src/plugin/settings";
import { OmnivoreQueueSettingTab, type SettingsHost } from "../../src/plugin/settingsTab";

const PROXY = "https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7";

/** An invented note as old Omnivore plugin versions wrote them: state, US dates, a proxied image. */
function untidyNote(i: number): string {
	return [
		"---",
		`id: 0c1e${String(i).padStart(4, "0")}-aaaa-bbbb-cccc-000000000000`,
		`title: "Field notes on slow software, part ${i + 1}"`,
		"author: unknown",
		`date_saved: 02/2${i % 9}/2024 01:30 PM`,
		i % 4 === 0 ? "date_published: 03/04/2024" : "date_published: 2024-03-01",
		"state: ARCHIVED",
		"url: https://slow.example.org/posts/field-notes-on-slow-software",
		"tags: [Omnivore, essays]",
		"---",
		"",
		"# Field notes on slow software",
		"",
		`![](${PROXY}/https://slow.example.org/images/figure-${i}.png)`,
		// One image the engine cannot unwrap: its problem quotes a long address without spaces.
		...(i === 0 ? ["", `![](${PROXY}/ftp://files.slow.example.org/archive/2024/field-notes-on-slow-software-figure-${i}-full-resolution.png)`] : []),
		"",
		"[Read on Omnivore](https://omnivore.app/me/field-notes-on-slow-software-18e0c5a1b2c)",
		"",
	].join("\n");
}

/** What Tidy all would do to eleven untidy notes. */
async function previewOfUntidyNotes(app: App): Promise<BatchPreview> {
	const files = Array.from({ length: 11 }, (_, i) => `Clippings/Field notes ${i + 1}.md`);
	app.vault.testLoad(Object.fromEntries(files.map((path, i) => [path, untidyNote(i)])));
	const vault = app.vault as unknown as ObsidianApp["vault"];
	const found = files.map((path) => vault.getFileByPath(path)).filter((file): file is ObsidianFile => file !== null);
	const clock = { now: () => performance.now(), yieldToUi: async () => undefined };
	return previewBatch(found, vault, new NoteTidier(), clock);
}

function show(modal: Modal): void {
	modal.open();
	document.body.appendChild(modal.containerEl);
}

export async function showPreview(app: App): Promise<void> {
	const preview = await previewOfUntidyNotes(app);
	show(new PreviewModal(app as unknown as ObsidianApp, preview, TIDY_ALL, () => undefined, () => undefined));
}

/** The tidy report after that run, its groups open. */
export async function showReport(app: App): Promise<void> {
	const reports = new ReportStore();
	reports.setLastRun(TIDY_ALL.title, (await previewOfUntidyNotes(app)).problems);
	const modal = new ReportModal(app as unknown as ObsidianApp, reports, () => undefined);
	show(modal);
	modal.contentEl.querySelectorAll("details").forEach((details) => (details.open = true));
}

export function showSettings(app: App): void {
	const host = { settings: resolveSettings({}), saveSettings: async () => undefined } as unknown as SettingsHost;
	const tab = new OmnivoreQueueSettingTab(app as unknown as ObsidianApp, host);
	tab.containerEl.addClass("vertical-tab-content");
	// display() is what Obsidian before 1.13 calls (the plugin supports 1.7.2), so it is what we show.
	(tab as unknown as { display(): void }).display();
	document.body.empty();
	document.body.appendChild(tab.containerEl);
}
