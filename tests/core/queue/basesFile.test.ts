import { parse } from "yaml";
import { resolveOptions } from "../../../src/core/options";
import { queueBaseFile } from "../../../src/core/queue/basesFile";

interface BaseView {
	name: string;
	filters: unknown;
	order: string[];
	sort: Array<{ property: string; direction: string }>;
}

interface Base {
	filters: unknown;
	properties: Record<string, unknown>;
	views: BaseView[];
}

const parsed = (text: string) => parse(text) as Base;

describe("the queue's Bases file", () => {
	it("shows notes tagged or carrying an Omnivore address, in three views by status", () => {
		const base = parsed(queueBaseFile(resolveOptions()));
		expect(base.filters).toEqual({ or: ['file.hasTag("Omnivore")', 'file.hasProperty("omnivore_url")'] });
		expect(base.views.map((v) => v.name)).toEqual(["Unread", "Reading", "Archive"]);
		expect(base.views.map((v) => v.filters)).toEqual([
			{ and: ['status == "unread"'] },
			{ and: ['status == "reading"'] },
			{ or: ['status == "read"', 'status == "archived"'] },
		]);
		expect(base.views.map((v) => v.sort[0].direction)).toEqual(["ASC", "DESC", "DESC"]);
		expect(base.views[0].order).toEqual(["file.name", "author", "site_name", "date_saved", "status"]);
		expect(base.properties).toEqual({ site_name: { displayName: "Site" }, date_saved: { displayName: "Saved" } });
	});

	it("follows the tag, keys and status words of the settings, and the tag alone when detection is by tag", () => {
		const options = resolveOptions({
			tagName: "Read/Later",
			match: "tag",
			keys: { ...resolveOptions().keys, status: "reading_state", dateSaved: "saved", siteName: "site" },
			statusValues: { unread: "to read", reading: "started", read: "done", archived: "kept" },
		});
		const base = parsed(queueBaseFile(options));
		expect(base.filters).toEqual({ and: ['file.hasTag("Read/Later")'] });
		expect(base.views[2].filters).toEqual({ or: ['reading_state == "done"', 'reading_state == "kept"'] });
		expect(base.views[0].sort).toEqual([{ property: "saved", direction: "ASC" }]);
		expect(Object.keys(base.properties)).toEqual(["site", "saved"]);
	});
});
