/** @jest-environment jsdom */
import { LazyBatch, NoteTidier, type Journal } from "../../src/core";
import { tidyAllNotes, unwrapAllNotes } from "../../src/plugin/commands/tidyAll";
import { applyBatch, type BatchPreview } from "../../src/plugin/batch/tidyBatch";
import { Modal, Notice } from "../__mocks__/obsidian";
import type { PreviewModal } from "../../src/plugin/batch/previewModal";
import { fixture, lastModal, notices, omnivoreNote, P, runCommand, settle, startObsidian, vaultFiles } from "./harness";

/** One batch for a whole apply, opened on its first write. */
function oneBatch(journal: Journal) {
	const batch = new LazyBatch(journal, "test");
	return () => batch.get();
}

const tidier = new NoteTidier();

const VAULT = {
	"Omnivore/Rust.md": fixture("vault/Omnivore/2023-01-20/Rust in 2023- What Comes Next.md"),
	"Omnivore/SQLite.md": fixture("vault/Omnivore/2023-11-02/How SQLite Scales Read Concurrency.md"),
	"Omnivore/Byzantine.md": fixture("vault/Omnivore/2024-07-30/Byzantine Generals.md"),
	"Omnivore/Dispatch.md": fixture("shapes/The Weekly Dispatch.md"),
	"Omnivore/Duplicate keys.md": fixture("shapes/Two Templates, One Note.md"),
	"Inbox/Scratch.md": fixture("vault/Inbox/Scratch.md"),
};

function openPreview(): HTMLElement {
	return lastModal<PreviewModal>().contentEl;
}

function button(container: HTMLElement, text: string): HTMLButtonElement {
	const found = Array.from(container.querySelectorAll("button")).find((b) => b.textContent === text);
	if (!found) throw new Error(`no ${text} button`);
	return found;
}

describe("Tidy all Omnivore notes", () => {
	it("previews what would change, then writes it on Apply", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "tidy-all-notes");
		const preview = openPreview();
		expect(preview.querySelector(".omnivore-queue-summary")?.textContent).toMatch(/^5 notes of 5 would change: \d+ properties and \d+ image URLs\.$/);
		const groups = Array.from(preview.querySelectorAll("summary"), (s) => s.textContent);
		expect(groups).toEqual(
			expect.arrayContaining(["Frontmatter is not valid YAML (1)", "Date is ambiguous (day or month first?) (1)", "Proxied image does not lead to a web address (1)"]),
		);
		// The first note that changes is the sample: Byzantine, whose state becomes a status.
		expect(preview.querySelector("h4:last-of-type")?.textContent).toBe("Example: Omnivore/Byzantine.md");
		expect(Array.from(preview.querySelectorAll(".omnivore-queue-diff-added"), (l) => l.textContent)).toContain("+status: archived");
		expect(Array.from(preview.querySelectorAll(".omnivore-queue-diff-removed"), (l) => l.textContent)).toContain("-state: ARCHIVED");
		expect(app.vault.testWrites).toEqual([]);
		// No developer text: hunks say which line, the footer says what the button does.
		expect(preview.querySelector(".omnivore-queue-diff-hunk")?.textContent).toMatch(/^Line \d+$/);
		expect(preview.textContent).not.toMatch(/@@|--date-order|CLI/);
		expect(preview.querySelector(".omnivore-queue-preview-footer")?.parentElement).toBe(preview);

		button(preview, "Tidy 5 notes").click();
		await settle();
		for (const path of Object.keys(VAULT).filter((p) => p.startsWith("Omnivore/"))) {
			expect(app.vault.testText(path)).toBe(tidier.tidy(VAULT[path as keyof typeof VAULT]).text);
		}
		expect(app.vault.testText("Inbox/Scratch.md")).toBe(VAULT["Inbox/Scratch.md"]);
		expect(notices().at(-1)).toBe("Tidied 5 of 5 notes. 5 problems left.Show reportUndo");
		const buttons = Array.from(Notice.shown.at(-1)?.messageEl.querySelectorAll("button") ?? []);
		buttons.find((b) => b.textContent === "Show report")?.click();
		expect(Modal.open.at(-1)?.titleEl.textContent).toBe("Tidy report");
		buttons.find((b) => b.textContent === "Undo")?.click();
		await settle(3);
		for (const path of Object.keys(VAULT)) expect(app.vault.testText(path)).toBe(VAULT[path as keyof typeof VAULT]);
	});

	it("opens a note from the preview's problem list", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "tidy-all-notes");
		const link = openPreview().querySelector<HTMLAnchorElement>('a[data-path="Omnivore/Duplicate keys.md"]');
		link?.click();
		await settle();
		expect(app.workspace.testOpened).toEqual(["Omnivore/Duplicate keys.md"]);
	});

	it("writes nothing on Cancel or when the preview is closed", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "tidy-all-notes");
		button(openPreview(), "Cancel").click();
		await settle();
		await runCommand(plugin, "tidy-all-notes");
		lastModal<Modal>().close();
		await settle();
		expect(app.vault.testWrites).toEqual([]);
	});

	it("respects an edit made between the preview and Apply", async () => {
		const { app, plugin } = await startObsidian(VAULT);
		await runCommand(plugin, "tidy-all-notes");
		const file = app.vault.getFileByPath("Omnivore/SQLite.md");
		if (!file) throw new Error("missing");
		const edited = `${VAULT["Omnivore/SQLite.md"]}\nMy own note, added after the preview.\n`;
		await app.vault.modify(file, edited);
		button(openPreview(), "Tidy 5 notes").click();
		await settle();
		expect(app.vault.testText("Omnivore/SQLite.md")).toBe(tidier.tidy(edited).text);
		expect(app.vault.testText("Omnivore/SQLite.md")).toContain("My own note, added after the preview.");
	});

	it("finds notes tagged only in frontmatter Obsidian could not read", async () => {
		const broken = "---\ntitle: Rust: next\ntags:\n  - omnivore\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\nbody\n";
		const { app, plugin } = await startObsidian({ "b.md": broken });
		await tidyAllNotes(plugin, async () => true);
		expect(app.vault.testText("b.md")).toBe('---\ntitle: "Rust: next"\ntags:\n  - omnivore\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\nstatus: unread\n---\nbody\n');
	});

	it("finds untagged notes by Omnivore's links, like the CLI", async () => {
		const untagged = "---\nid: 5c3c\n---\n# Labels\n\n[Read on Omnivore](https://omnivore.app/me/labels-18837a1c2d4)\n";
		const about = "---\ntags: [Omnivore]\n---\n# Why I use Omnivore\n";
		const { app, plugin } = await startObsidian({ "a.md": untagged, "about.md": about });
		await tidyAllNotes(plugin, async () => true);
		expect(app.vault.testText("a.md")).toContain("omnivore_url: https://omnivore.app/me/labels-18837a1c2d4\n");
		expect(app.vault.testText("about.md")).toBe(about);
	});

	it("finds a note marked only by its Omnivore link by reading it, unless detection is by tag only", async () => {
		// An old custom template: no tag, no id; Obsidian's cache does not list web links.
		const linkOnly = "---\ntitle: Labels\n---\n# Labels\n\n[Read on Omnivore](https://omnivore.app/me/labels-18837a1c2d4)\n";
		const own = "# My reading list\n\n[A page](https://example.com/omnivore)\n";
		const { app, plugin } = await startObsidian({ "Clippings/Labels.md": linkOnly, "List.md": own });
		expect(app.metadataCache.getCache("Clippings/Labels.md")?.links).toBeUndefined();
		await tidyAllNotes(plugin, async () => true);
		expect(app.vault.testText("Clippings/Labels.md")).toContain("omnivore_url: https://omnivore.app/me/labels-18837a1c2d4\n");
		expect(app.vault.testText("List.md")).toBe(own);

		const byTag = await startObsidian({ "Clippings/Labels.md": linkOnly }, { match: "tag" });
		await tidyAllNotes(byTag.plugin, async () => true);
		expect(byTag.app.vault.testWrites).toEqual([]);
	});

	it("says when there is nothing to do", async () => {
		const { plugin } = await startObsidian({ "a.md": "# Nothing here\n" });
		await tidyAllNotes(plugin, async () => true);
		expect(notices().at(-1)).toBe("No Omnivore notes were found.");
	});

	it("keeps to the folders chosen in the settings", async () => {
		const { app, plugin } = await startObsidian(
			{ "Omnivore/a.md": omnivoreNote("A"), "Omnivore/Archive/b.md": omnivoreNote("B"), "Other/c.md": omnivoreNote("C") },
			{ includeFolders: ["Omnivore"], excludeFolders: ["Omnivore/Archive"] },
		);
		let seen: BatchPreview | null = null;
		await tidyAllNotes(plugin, async (preview) => {
			seen = preview;
			return true;
		});
		expect((seen as BatchPreview | null)?.toChange.map((f) => f.path)).toEqual(["Omnivore/a.md"]);
		expect(app.vault.testWrites.map((w) => w.path)).toEqual(["Omnivore/a.md"]);
	});
});

describe("a batch", () => {
	const names = (count: number) => Array.from({ length: count }, (_, i) => `n${i}.md`);

	it("stops between notes when cancelled: every note is either as it was or fully tidied", async () => {
		const notes = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`n${i}.md`, omnivoreNote(`Note ${i}`)]));
		const { app, plugin } = await startObsidian(notes);
		let progress = 0;
		const outcome = await applyBatch(vaultFiles(app, names(10)), {
			app: plugin.app,
			tidier,
			openJournal: oneBatch(plugin.journal),
			clock: plugin.clock,
			onProgress: (done) => (progress = done),
			isCancelled: () => progress >= 4,
		});
		expect(outcome).toMatchObject({ written: 4, cancelled: true });
		for (let i = 0; i < 10; i++) {
			const text = app.vault.testText(`n${i}.md`);
			expect(text).toBe(i < 4 ? tidier.tidy(notes[`n${i}.md`]).text : notes[`n${i}.md`]);
		}
	});

	it("gives the UI a turn whenever a stretch of work passes its budget", async () => {
		const notes = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`n${i}.md`, omnivoreNote(`Note ${i}`)]));
		const { app, plugin } = await startObsidian(notes);
		// Each note "costs" 5 ms on this clock, so the 25 ms budget is used up every five notes.
		let now = 0;
		let yields = 0;
		const clock = { now: () => (now += 5), yieldToUi: async () => void yields++ };
		const outcome = await applyBatch(vaultFiles(app, names(20)), { app: plugin.app, tidier, openJournal: oneBatch(plugin.journal), clock });
		expect(outcome.written).toBe(20);
		expect(yields).toBe(4);
		expect(outcome.maxStretchMs).toBeLessThan(50);
	});

	it("reports a note it could not write and carries on", async () => {
		const notes = { "a.md": omnivoreNote("A"), "b.md": omnivoreNote("B") };
		const { app, plugin } = await startObsidian(notes);
		app.vault.testBeforeWrite = (file) => {
			if (file.path === "a.md") throw new Error("disk full");
		};
		const outcome = await applyBatch(
			vaultFiles(app, ["a.md", "b.md"]),
			{ app: plugin.app, tidier, openJournal: oneBatch(plugin.journal), clock: plugin.clock },
		);
		expect(outcome.failed).toEqual([{ path: "a.md", reason: "The note could not be written: disk full." }]);
		expect(app.vault.testText("a.md")).toBe(notes["a.md"]);
		expect(app.vault.testText("b.md")).toBe(tidier.tidy(notes["b.md"]).text);
	});
});

describe("Unwrap proxied images in all notes", () => {
	const own = `# Terminal colours\n\nMy notes.\n\n![](${P}/https://img.example.com/colours.png)\n`;

	it("unwraps images in notes of one's own too, touching nothing else, with a preview and undo", async () => {
		const { app, plugin } = await startObsidian({ "Notes/Colours.md": own, "Notes/Plain.md": "# Plain\n", "Omnivore/A.md": omnivoreNote("A") });
		await runCommand(plugin, "unwrap-all-notes");
		await settle();
		const preview = openPreview();
		expect(preview.querySelector(".omnivore-queue-summary")?.textContent).toBe("2 image URLs in 2 notes would point to the original images.");
		button(preview, "Unwrap images in 2 notes").click();
		await new Promise((resolve) => setTimeout(resolve, 100));
		await settle();
		expect(app.vault.testText("Notes/Colours.md")).toBe(own.replace(`${P}/`, ""));
		// Only images: the Omnivore note's frontmatter waits for a tidy.
		expect(app.vault.testText("Omnivore/A.md")).toBe(omnivoreNote("A").replace(`${P}/`, ""));
		expect(app.vault.testText("Notes/Plain.md")).toBe("# Plain\n");
		await runCommand(plugin, "undo-last-tidy");
		await settle();
		expect(app.vault.testText("Notes/Colours.md")).toBe(own);
	});

	it("says when there is no proxied image", async () => {
		const { plugin } = await startObsidian({ "a.md": "# Nothing here\n" });
		await unwrapAllNotes(plugin, async () => true);
		expect(notices().at(-1)).toBe("No proxied images were found.");
	});
});
