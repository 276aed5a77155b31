// A notice that shows "n / total" while a batch runs and offers a cancel button.

import { Notice } from "obsidian";
import { noticeFragment, type NoticeAction } from "../notices";

export class ProgressNotice {
	private readonly notice: Notice;
	private readonly textEl: HTMLElement;
	private cancelled = false;
	private finished = false;

	constructor(private readonly label: string) {
		const fragment = createFragment();
		const container = fragment.createDiv({ cls: "omnivore-queue-progress" });
		this.textEl = container.createSpan({ text: `${label}…` });
		const button = container.createEl("button", { text: "Cancel", attr: { "aria-label": "Cancel the run" } });
		button.addEventListener("click", (event) => {
			event.stopPropagation();
			this.cancelled = true;
			button.disabled = true;
			this.textEl.setText(`${this.label}: stopping…`);
		});
		this.notice = new Notice(fragment, 0);
	}

	get isCancelled(): boolean {
		return this.cancelled;
	}

	update(done: number, total: number): void {
		if (!this.cancelled) this.textEl.setText(`${this.label}: ${done} / ${total}`);
	}

	finish(message: string, actions: NoticeAction[] = []): void {
		this.finished = true;
		this.notice.setMessage(noticeFragment(message, actions));
		window.setTimeout(() => this.notice.hide(), actions.length > 0 ? 10_000 : 8000);
	}

	/** Call in `finally`: a run that failed before `finish` must not leave a notice that never closes. */
	close(): void {
		if (!this.finished) this.notice.hide();
	}
}
