// The folders a new file needs, outermost first: what the import and the image downloads journal
// before they make them, so undo can remove them once empty.
import { folderOf, foldersDownTo } from "../../src/core/vaultPath";

describe("folderOf and foldersDownTo", () => {
	it.each([
		["Omnivore/2024-05-01/Rust in 2023.md", "Omnivore/2024-05-01", ["Omnivore", "Omnivore/2024-05-01"]],
		["Rust in 2023.md", "", []],
		["Reading/Omnivore/attachments/chart.png", "Reading/Omnivore/attachments", ["Reading", "Reading/Omnivore", "Reading/Omnivore/attachments"]],
	])("%s", (path, folder, folders) => {
		expect(folderOf(path)).toBe(folder);
		expect(foldersDownTo(folderOf(path))).toEqual(folders);
	});
});
