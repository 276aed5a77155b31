import { emptyImageRecord, parseImageRecord, serializeImageRecord, type ImageRecord } from "../../../src/core/images/imageRecord";

const RECORD: ImageRecord = {
	version: 1,
	downloaded: { "https://cdn.example.com/a.png": { file: "Omnivore/attachments/a.png", hash: "3f2a9c" } },
	failed: { "https://gone.example.com/b.jpg": { reason: "the server answered 404", at: "2026-11-20T10:00:00.000Z" } },
};

describe("the record of downloaded images", () => {
	it("reads back what it wrote", () => {
		expect(parseImageRecord(serializeImageRecord(RECORD))).toEqual(RECORD);
		expect(serializeImageRecord(RECORD).endsWith("}\n")).toBe(true);
	});

	it.each([
		["no record yet", null],
		["a file that is not JSON", "{ cut off"],
		["another version", JSON.stringify({ ...RECORD, version: 2 })],
		["a list", "[]"],
		["JSON null", "null"],
	])("starts empty from %s", (_case, text) => {
		expect(parseImageRecord(text)).toEqual(emptyImageRecord());
	});

	it("drops the entries it cannot read and keeps the others (the dropped ones are fetched again)", () => {
		const text = JSON.stringify({
			version: 1,
			downloaded: {
				"https://cdn.example.com/a.png": { file: "Omnivore/attachments/a.png", hash: "3f2a9c" },
				"https://cdn.example.com/no-hash.png": { file: "x.png" },
				"https://cdn.example.com/no-file.png": { hash: "1" },
				"https://cdn.example.com/string.png": "x.png",
				"https://cdn.example.com/list.png": ["x.png"],
				// A record changed by hand or brought by a sync: a note would link outside the vault.
				"https://cdn.example.com/up.png": { file: "../secret.txt", hash: "1" },
				"https://cdn.example.com/root.png": { file: "/etc/passwd", hash: "1" },
				"https://cdn.example.com/drive.png": { file: "C:\\Users\\me\\a.png", hash: "1" },
			},
			failed: {
				"https://gone.example.com/b.jpg": { reason: "the server answered 404" },
				"https://gone.example.com/c.jpg": { reason: 404, at: "2026-11-20T10:00:00.000Z" },
				"https://gone.example.com/d.jpg": null,
			},
		});
		expect(parseImageRecord(text)).toEqual({
			version: 1,
			downloaded: { "https://cdn.example.com/a.png": { file: "Omnivore/attachments/a.png", hash: "3f2a9c" } },
			failed: { "https://gone.example.com/b.jpg": { reason: "the server answered 404", at: "" } },
		});
	});

	it("reads lists where maps belong as nothing downloaded or failed", () => {
		expect(parseImageRecord(JSON.stringify({ version: 1, downloaded: [], failed: "none" }))).toEqual(emptyImageRecord());
	});
});
