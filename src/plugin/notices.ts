// Notices that offer the next step as buttons ("Show report", "Undo") instead of naming commands.

import { Notice } from "obsidian";
import type { PluginContext } from "./context";
import { ReportModal } from "./report/reportModal";

export interface NoticeAction {
	label: string;
	run: () => void;
}

/** How long a notice with buttons stays: long enough to reach them. */
const ACTION_NOTICE_MS = 10_000;

/** A message with a row of buttons below it; a button's click also dismisses the notice. */
export function noticeFragment(message: string, actions: NoticeAction[]): DocumentFragment {
	return createFragment((fragment) => {
		fragment.createDiv({ text: message });
		if (actions.length === 0) return;
		const row = fragment.createDiv({ cls: "omnivore-queue-notice-actions" });
		for (const action of actions) row.createEl("button", { text: action.label }).addEventListener("click", () => action.run());
	});
}

export function showNotice(message: string, actions: NoticeAction[] = []): Notice {
	return new Notice(noticeFragment(message, actions), actions.length > 0 ? ACTION_NOTICE_MS : undefined);
}

export function showReportAction(context: PluginContext): NoticeAction {
	return { label: "Show report", run: () => new ReportModal(context.app, context.reports, (path) => context.openNote(path)).open() };
}

