// The names Omnivore's variables were written under: the configured key first, its aliases, any case.
import { findKey, findSchemaKey, foldKey, namesOf } from "../../../src/core/omnivore/keys";
import { DEFAULT_OPTIONS } from "../../../src/core/options";

const KEYS = DEFAULT_OPTIONS.keys;

describe("namesOf", () => {
	it("gives the configured key, then its aliases, folded (no case, spaces, _ or -) and once each", () => {
		expect(namesOf("dateSaved", KEYS)).toEqual(["datesaved", "saved", "date", "savedat"]);
		expect(namesOf("dateSaved", { ...KEYS, dateSaved: "Saved" })).toEqual(["saved", "date", "datesaved", "savedat"]);
		expect(namesOf("title", { ...KEYS, title: "Name" })).toEqual(["name"]);
	});
});

describe("foldKey", () => {
	it("reads a name as the property editor, a custom template or a hand wrote it", () => {
		for (const name of ["date_saved", "Date Saved", "date-saved", "dateSaved", "DATE_SAVED", "date  saved"]) expect([name, foldKey(name)]).toEqual([name, "datesaved"]);
		expect(foldKey("site_name")).not.toBe(foldKey("site"));
	});
});

describe("findKey", () => {
	it("takes the exact spelling first, else the first in another case", () => {
		expect(findKey(["Title", "title"], "title")).toBe("title");
		expect(findKey(["TITLE", "Title"], "title")).toBe("TITLE");
		expect(findKey(["titles"], "title")).toBeUndefined();
	});
});

describe("findSchemaKey", () => {
	it("takes the configured key over an alias, and an alias when the key is skipped", () => {
		expect(findSchemaKey(["url", "original_url"], "originalUrl", KEYS)).toBe("original_url");
		// Without the configured name as written, the first other spelling or alias in the note, as tidy renames it.
		expect(findSchemaKey(["url", "Original_URL"], "originalUrl", KEYS)).toBe("url");
		expect(findSchemaKey(["Original_URL", "url"], "originalUrl", KEYS)).toBe("Original_URL");
		expect(findSchemaKey(["author", "Author"], "author", { ...KEYS, author: "Author" })).toBe("Author");
		const values: Record<string, unknown> = { original_url: "", source: "https://a.example/p" };
		expect(findSchemaKey(Object.keys(values), "originalUrl", KEYS, (key) => values[key] !== "")).toBe("source");
		expect(findSchemaKey(["notes"], "originalUrl", KEYS)).toBeUndefined();
	});
});
