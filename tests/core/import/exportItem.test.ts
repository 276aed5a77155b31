import { exportStatus, readMetadataBatch } from "../../../src/core/import/exportItem";

const item = (state: string | undefined, readingProgress: number) => ({ id: "1", slug: "s", title: "t", labels: [], state, readingProgress });

describe("the status of an export item", () => {
	it.each([
		["Archived", 0, "archived"],
		["ARCHIVED", 100, "archived"],
		["Active", 98, "read"],
		["SUCCEEDED", 100, "read"],
		["Active", 97.5, "reading"],
		["CONTENT_NOT_FETCHED", 1, "reading"],
		["Unknown", 0, "unread"],
		[undefined, 0, "unread"],
	])("%s at %d %% is %s", (state, progress, status) => {
		expect(exportStatus(item(state, progress))).toBe(status);
	});

	it("reads progress given as text and keeps it within 0 to 100", () => {
		const { items } = readMetadataBatch(JSON.stringify([{ id: "a", readingProgress: "100" }, { id: "b", readingProgress: 250 }, { id: "c", readingProgress: null }]), "m.json");
		expect(items.map((i) => i.readingProgress)).toEqual([100, 100, 0]);
	});

	it("falls back to the address, then the slug, for a missing title", () => {
		const { items } = readMetadataBatch(JSON.stringify([{ id: "a", url: "https://e.com/x", labels: ["x", { name: "y" }, 3] }, { id: "b", slug: "the-slug" }]), "m.json");
		expect(items.map((i) => i.title)).toEqual(["https://e.com/x", "the-slug"]);
		expect(items[0].labels).toEqual(["x", "y", "3"]);
	});
});
