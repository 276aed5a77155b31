// Saving many images of one name (`image.png`, as many sites call theirs) into a folder that holds
// thousands from earlier runs: each file there is looked at once a run, not once an image.
jest.mock("node:fs", () => {
	const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
	return { ...actual, statSync: jest.fn(actual.statSync), existsSync: jest.fn(actual.existsSync), readFileSync: jest.fn(actual.readFileSync) };
});
import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attachmentFolder } from "../../src/cli/attachmentFolder";

const looks = () => [fs.statSync, fs.existsSync, fs.readFileSync].reduce((sum, f) => sum + (f as jest.Mock).mock.calls.length, 0);
let vault: string;
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "omnivore-queue-names-"));
	mkdirSync(join(vault, "attachments"));
	// 2,000 images of earlier runs, each of 4 bytes.
	for (let n = 0; n < 2000; n++) writeFileSync(join(vault, "attachments", n === 0 ? "image.png" : `image ${n}.png`), `p${String(n % 1000).padStart(3, "0")}`);
});
afterEach(() => rmSync(vault, { recursive: true, force: true }));

const save = (store: ReturnType<typeof attachmentFolder>, bytes: Uint8Array) => store.saveNew("image", "png", "Note.md", bytes, async () => undefined, async () => undefined);

it("names new images past the files there without looking at each for each image", async () => {
	const store = attachmentFolder(vault, "attachments");
	for (const f of [fs.statSync, fs.existsSync, fs.readFileSync]) (f as jest.Mock).mockClear();
	const saved: string[] = [];
	for (let i = 0; i < 50; i++) saved.push(await save(store, Buffer.from(`a new image, number ${i}`)));
	expect(saved[0]).toBe("attachments/image 2000.png");
	expect(saved[49]).toBe("attachments/image 2049.png");
	expect(readFileSync(join(vault, "attachments", "image 2049.png"), "utf8")).toBe("a new image, number 49");
	// The listing looks at the 2,000 once; each image then costs a few calls, not thousands.
	expect(looks()).toBeLessThan(2000 + 50 * 20);
});

it("still uses a file there that holds the very bytes (left by a run that was stopped)", async () => {
	const store = attachmentFolder(vault, "attachments");
	expect(await save(store, Buffer.from("p123"))).toBe("attachments/image 123.png");
	expect(await save(store, Buffer.from("p999"))).toBe("attachments/image 999.png");
});

it("saves nothing once the folder was made a link out of the vault during the run", async () => {
	const store = attachmentFolder(vault, "attachments");
	expect(await save(store, Buffer.from("before"))).toBe("attachments/image 2000.png");
	const outside = mkdtempSync(join(tmpdir(), "omnivore-queue-outside-"));
	try {
		rmSync(join(vault, "attachments"), { recursive: true });
		fs.symlinkSync(outside, join(vault, "attachments"));
		await expect(save(store, Buffer.from("after"))).rejects.toThrow("attachments: it is a link to a folder outside the vault now, so no image is saved there");
		expect(fs.readdirSync(outside)).toEqual([]);
	} finally {
		rmSync(outside, { recursive: true, force: true });
	}
});
