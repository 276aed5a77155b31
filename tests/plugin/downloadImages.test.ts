/** @jest-environment jsdom */
// The plugin's image downloads over a fake Obsidian whose requestUrl reaches a real HTTP server on 127.0.0.1.

import { get } from "node:http";
import { downloadImagesOfAll, downloadImagesOfNote } from "../../src/plugin/commands/downloadImages";
import { Modal, Notice, testNetwork, type RequestUrlResponse } from "../__mocks__/obsidian";
import { png, startImageServer, type ImageServer } from "../cli/imageServer";
import { notices, P, runCommand, settle, startObsidian, vaultFiles } from "./harness";

let server: ImageServer;
beforeAll(async () => {
	server = await startImageServer();
	// requestUrl as Obsidian's: follows redirects, answers with the whole body.
	testNetwork.handler = async ({ url }) => {
		// Nothing here reaches the internet.
		if (!url.startsWith(server.base)) throw new Error(`net::ERR_NAME_NOT_RESOLVED (${url})`);
		let current = url;
		for (let hop = 0; hop < 5; hop++) {
			const response = await new Promise<{ status: number; location?: string; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
				get(current, (res) => {
					const chunks: Buffer[] = [];
					// Names as a browser's fetch gives them: some platforms keep the server's case.
					const headers = Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name.replace(/\b\w/g, (c) => c.toUpperCase()), String(value)]));
					res.on("data", (chunk: Buffer) => chunks.push(chunk));
					res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, headers, body: Buffer.concat(chunks) }));
				}).on("error", reject);
			});
			if (response.status >= 300 && response.status < 400 && response.location) {
				current = new URL(response.location, current).href;
				continue;
			}
			const arrayBuffer = response.body.buffer.slice(response.body.byteOffset, response.body.byteOffset + response.body.length) as ArrayBuffer;
			return { status: response.status, headers: response.headers, arrayBuffer, text: response.body.toString("utf8") } satisfies RequestUrlResponse;
		}
		throw new Error("too many redirects");
	};
});
afterAll(async () => {
	testNetwork.handler = null;
	await server.close();
});

function article(title: string, body: string): string {
	return `---\nid: 1\ntitle: ${title}\n---\n# ${title}\n#Omnivore\n\n[Read Original](https://a.example/post)\n\n${body}`;
}

describe("Download images", () => {
	it("of all Omnivore notes: a preview, then files where the attachment settings say, links as the vault writes them, undoable", async () => {
		const b = server.base;
		const { app, plugin } = await startObsidian({
			"Omnivore/One.md": article("One", `![chart](${P}/${b}/img/chart.png "t")\n<img src="${b}/redirect/moved.png" width="10">\n`),
			"Omnivore/Two.md": article("Two", `![](${b}/same/a.png)\n![](${b}/same/b.png)\n![](${b}/gone/x.png)\n`),
			"Mine.md": `# Mine\n\n![](${b}/img/mine.png)\n`,
		}, { imageArchive: `${b}/archive/{url}` });
		const fakeApp = app as unknown as { fileManager: { testAttachmentFolder: string } };
		fakeApp.fileManager.testAttachmentFolder = "./assets";
		let previewed = 0;
		const report = await downloadImagesOfAll(plugin, async (preview) => {
			previewed = preview.toDownload;
			expect(server.hits.size).toBe(0);
			return { retryFailed: false };
		});
		expect(previewed).toBe(5);
		expect(report).toMatchObject({ downloaded: 5, sameAsAnother: 1, fromArchive: 1, notesChanged: 2 });
		const one = await app.vault.read(vaultFiles(app, ["Omnivore/One.md"])[0] as never);
		expect(one).toContain('![chart](chart.png "t")');
		expect(one).toContain('<img src="Omnivore/assets/moved.png" width="10">');
		const two = await app.vault.read(vaultFiles(app, ["Omnivore/Two.md"])[0] as never);
		expect(two).toContain("![](a.png)\n![](a.png)\n![](x.png)");
		const chart = app.vault.getFileByPath("Omnivore/assets/chart.png");
		expect(chart).not.toBeNull();
		expect(Buffer.from(await app.vault.readBinary(chart as never))).toEqual(png("chart.png"));
		expect(server.hits.has("/img/mine.png")).toBe(false);
		expect(notices().at(-1)).toMatch(/^Downloaded 5 images \(1 from the web archive\); 2 notes changed\.Undo$/);

		await runCommand(plugin, "undo-last-tidy");
		expect(await app.vault.read(vaultFiles(app, ["Omnivore/Two.md"])[0] as never)).toContain(`![](${b}/same/a.png)`);
		expect(app.vault.getFileByPath("Omnivore/assets/a.png")).toBeNull();
		// The attachment folder the run made goes with its files; the notes' folder stays.
		expect(app.vault.getFolderByPath("Omnivore/assets")).toBeNull();
		expect(app.vault.getFolderByPath("Omnivore")).not.toBeNull();
	});

	it("undo restores the notes byte for byte and removes the files it downloaded, but keeps a user's file, a changed one, and an earlier run's", async () => {
		const b = server.base;
		const notes = {
			"Omnivore/Earlier.md": article("Earlier", `![](${b}/img/earlier.png)\r\n`),
			"Omnivore/Later.md": article("Later", `![](${b}/img/earlier.png)\n![](${b}/img/photo.png)\n![](${b}/img/changed.png)\n<img src="${b}/img/fresh.png">\n`),
		};
		// Automatic cleanup off: it would tidy Later.md as it arrives, sooner or later than the download (a race).
		const { app, plugin } = await startObsidian({ "Omnivore/Earlier.md": notes["Omnivore/Earlier.md"] }, { autoTidy: false });
		const bytes = (text: string) => {
			const buffer = Buffer.from(text);
			return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length);
		};
		await app.vault.createBinary("photo.png", bytes("the user's own photo"));
		const read = (path: string) => app.vault.read(vaultFiles(app, [path])[0] as never);
		const binary = async (path: string) => {
			const file = app.vault.getFileByPath(path);
			return file ? Buffer.from(await app.vault.readBinary(file as never)) : null;
		};
		expect(await downloadImagesOfAll(plugin, async () => ({ retryFailed: false }))).toMatchObject({ downloaded: 1 });
		const earlierLinked = await read("Omnivore/Earlier.md");
		expect(earlierLinked).toContain("![](earlier.png)");

		await app.vault.create("Omnivore/Later.md", notes["Omnivore/Later.md"]);
		await settle();
		expect(await downloadImagesOfAll(plugin, async () => ({ retryFailed: false }))).toMatchObject({ downloaded: 3, alreadyLocal: 1 });
		const laterLinked = await read("Omnivore/Later.md");
		expect(laterLinked).toContain("![](photo%201.png)");
		// The user replaces one downloaded image with an edited copy.
		await app.fileManager.trashFile(app.vault.getFileByPath("changed.png") as never);
		await app.vault.createBinary("changed.png", bytes("retouched"));

		await runCommand(plugin, "undo-last-tidy");
		expect(await read("Omnivore/Later.md")).toBe(notes["Omnivore/Later.md"]);
		expect(await read("Omnivore/Earlier.md")).toBe(earlierLinked);
		expect(app.vault.getFileByPath("photo 1.png")).toBeNull();
		expect(app.vault.getFileByPath("fresh.png")).toBeNull();
		expect(await binary("photo.png")).toEqual(Buffer.from("the user's own photo"));
		expect(await binary("changed.png")).toEqual(Buffer.from("retouched"));
		expect(await binary("earlier.png")).toEqual(png("earlier.png"));
		expect(notices().at(-1)).toMatch(/1 note restored, 2 files it created removed/);

		// Again after undo: the removed files are downloaded again, the changed one is not linked.
		server.hits.clear();
		expect(await downloadImagesOfAll(plugin, async () => ({ retryFailed: false }))).toMatchObject({ downloaded: 3, alreadyLocal: 1 });
		expect(server.hits.has("/img/earlier.png")).toBe(false);
		const again = await read("Omnivore/Later.md");
		expect(again).toContain("![](photo%201.png)");
		expect(again).toContain("![](changed%201.png)");
		expect(again).toContain('<img src="fresh.png">');
		expect(await binary("fresh.png")).toEqual(png("fresh.png"));
	});

	it("undo keeps a downloaded image a note of the user's embeds, and says a file was kept", async () => {
		const b = server.base;
		const note = article("Charts", `![](${b}/img/chart.png)\n![](${b}/img/other.png)\n`);
		const { app, plugin } = await startObsidian({ "Omnivore/Charts.md": note }, { autoTidy: false });
		expect(await downloadImagesOfAll(plugin, async () => ({ retryFailed: false }))).toMatchObject({ downloaded: 2 });
		await app.vault.create("Summaries/Best charts.md", "# Best charts\n\n![[chart.png|400]]\n");
		await settle();
		await runCommand(plugin, "undo-last-tidy");
		expect(await app.vault.read(vaultFiles(app, ["Omnivore/Charts.md"])[0] as never)).toBe(note);
		expect(app.vault.getFileByPath("chart.png")).not.toBeNull();
		expect(app.vault.getFileByPath("other.png")).toBeNull();
		expect(notices().at(-1)).toMatch(/1 note restored, 1 file it created removed\. 1 file it created was kept: changed since, or a note still links to it\./);
	});

	it("asks a server that wants an hour's pause once, then the archive", async () => {
		const b = server.base;
		const { app, plugin } = await startObsidian({ "Busy.md": `# Busy\n\n![](${b}/busy/b.png)\n` });
		const [file] = vaultFiles(app, ["Busy.md"]);
		server.hits.clear();
		const report = await downloadImagesOfNote(plugin, file);
		expect(report?.failed[0].reason).toMatch(/^the server answered 429 and asked to wait 60 minutes; the archive's copy: /);
		expect(server.hits.get("/busy/b.png")).toBe(1);
	});

	it("of the current note, any note; a failure leaves the reference and is reported", async () => {
		const b = server.base;
		const { app, plugin } = await startObsidian({ "Mine.md": `# Mine\n\n![](${b}/img/mine.png)\n![](${b}/html/page.png)\n` });
		const [file] = vaultFiles(app, ["Mine.md"]);
		const report = await downloadImagesOfNote(plugin, file);
		expect(report?.failed.map((f) => f.url)).toEqual([`${b}/html/page.png`]);
		expect(report?.failed[0].reason).toMatch(/not an image/);
		const text = await app.vault.read(file as never);
		expect(text).toBe(`# Mine\n\n![](mine.png)\n![](${b}/html/page.png)\n`);
		// The next steps are buttons, not command names to look up.
		expect(notices().at(-1)).toMatch(/1 image could not be downloaded\.Show reportUndo$/);
	});

	it("of the current note, says why a note whose only mark of a saved article is its proxied image keeps it", async () => {
		const text = `---\ntags: ''\ntags: reading\n---\n# Saved\n#Omnivore\n\n![](${P}/${server.base}/img/kept.png)\n`;
		const { app, plugin } = await startObsidian({ "Saved.md": text });
		const [file] = vaultFiles(app, ["Saved.md"]);
		server.hits.clear();
		expect(await downloadImagesOfNote(plugin, file)).toBeNull();
		expect(notices().at(-1)).toMatch(/^The note's only sign of a saved Omnivore article is its proxied images: .* Give it a reading status tidy knows \(status: unread\), and it will be\.$/);
		expect(await app.vault.read(file as never)).toBe(text);
		expect(server.hits.size).toBe(0);
	});

	it("of the current note, being edited: through its editor, the cursor where it was; undo the same way", async () => {
		const b = server.base;
		const text = `# Mine\n\nMy words here.\n\n![](${b}/img/edited.png)\n`;
		const { app, plugin } = await startObsidian({ "Mine.md": text });
		const view = await app.workspace.testOpenInEditor("Mine.md");
		view.editor.setCursor({ line: 2, ch: 3 });
		view.editor.history = [];
		await runCommand(plugin, "download-images-current-note");
		await settle();
		expect(view.editor.getValue()).toBe("# Mine\n\nMy words here.\n\n![](edited.png)\n");
		expect(app.vault.testText("Mine.md")).toBe(view.editor.getValue());
		expect(view.editor.history).toHaveLength(1);
		expect(view.editor.getCursor()).toEqual({ line: 2, ch: 3 });
		await runCommand(plugin, "undo-last-tidy");
		expect(view.editor.getValue()).toBe(text);
		expect(app.vault.getFileByPath("edited.png")).toBeNull();
	});

	it("previews in a modal; a second run does not ask again for what failed unless told to", async () => {
		const b = server.base;
		const { app, plugin } = await startObsidian({ "Omnivore/Flaky.md": article("Flaky", `![](${b}/html/later.png)\n![](${b}/img/ok.png)\n`) }, { imageArchive: "" });
		const clickInModal = async (text: string) => {
			while (Modal.open.length === 0) await settle(1);
			const modal = Modal.open[Modal.open.length - 1] as unknown as { contentEl: HTMLElement };
			const button = Array.from(modal.contentEl.querySelectorAll("button")).find((el) => el.textContent === text);
			if (!button) throw new Error(`no ${text} button`);
			button.click();
		};
		const first = downloadImagesOfAll(plugin);
		await clickInModal("Download");
		expect(await first).toMatchObject({ downloaded: 1, failed: [expect.anything()] });
		Modal.open = [];
		server.hits.clear();

		const second = downloadImagesOfAll(plugin);
		await clickInModal("Download and retry failed");
		expect(await second).toMatchObject({ earlierFailures: 0, toDownload: 1, downloaded: 0, failed: [expect.anything()] });
		expect(server.hits.get("/html/later.png")).toBe(1);
		expect(server.hits.has("/img/ok.png")).toBe(false);
		expect(await app.vault.read(vaultFiles(app, ["Omnivore/Flaky.md"])[0] as never)).toContain("![](ok.png)");
	});

	it("stops starting downloads when cancelled; what was downloaded is used, nothing points at a missing file", async () => {
		const b = server.base;
		const lines = Array.from({ length: 10 }, (_, i) => `![](${b}/slow/c${i}.png)`).join("\n");
		const { app, plugin } = await startObsidian({ "Omnivore/Slow.md": article("Slow", `${lines}\n`) }, { imageArchive: "" });
		const running = downloadImagesOfAll(plugin, async () => ({ retryFailed: false }));
		let cancel: HTMLButtonElement | undefined;
		while (!cancel) {
			await settle(1);
			cancel = Notice.shown.flatMap((n) => Array.from(n.messageEl.querySelectorAll("button"))).find((el) => el.textContent === "Cancel");
		}
		cancel.click();
		const report = await running;
		expect(report).toMatchObject({ cancelled: true, downloaded: 6, notesChanged: 1 });
		const text = await app.vault.read(vaultFiles(app, ["Omnivore/Slow.md"])[0] as never);
		const local = text.match(/!\[\]\(c\d\.png\)/g) ?? [];
		expect(local).toHaveLength(6);
		for (const link of local) expect(app.vault.getFileByPath(link.slice(4, -1))).not.toBeNull();
		expect(notices().at(-1)).toMatch(/^Stopped: downloaded 6 images/);
	}, 15_000);

	it("stops starting downloads when the plugin is unloaded, and writes no note after", async () => {
		const b = server.base;
		const text = article("Slow", `${Array.from({ length: 10 }, (_, i) => `![](${b}/slow/u${i}.png)`).join("\n")}\n`);
		const { app, plugin } = await startObsidian({ "Omnivore/Slow.md": text }, { imageArchive: "" });
		const running = downloadImagesOfAll(plugin, async () => ({ retryFailed: false }));
		while (!Notice.shown.some((n) => n.messageEl.textContent?.includes("Cancel"))) await settle(1);
		plugin.unload();
		const report = await running;
		expect(report).toMatchObject({ cancelled: true });
		expect(server.hits.has("/slow/u9.png")).toBe(false);
		expect(app.vault.testText("Omnivore/Slow.md")).toBe(text);
		expect(app.vault.testWrites).toEqual([]);
	}, 15_000);
});
