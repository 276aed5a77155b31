import { addCounts, countChanges, countProblems, describeCounts, groupProblems, NoteTidier, plural } from "../../src/core";

const tidier = new NoteTidier();

describe("counting a run", () => {
	it("counts properties, a repaired frontmatter as one, and image URLs, the same for every command", () => {
		const note = "---\ntitle: Rust: What Comes Next\nstate: ARCHIVED\n---\n#Omnivore\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";
		const { report } = tidier.tidy(note);
		const repaired = report.changes.filter((c) => c.kind === "frontmatter-repaired").length;
		const keys = report.changes.filter((c) => c.kind.startsWith("key-")).length;
		expect(repaired).toBe(1);
		expect(countChanges(report.changes)).toEqual({ properties: keys + 1, imageUrls: 1 });
		expect(describeCounts(countChanges(report.changes))).toBe(`${keys + 1} properties and 1 image URL`);
		expect(describeCounts({ properties: 1, imageUrls: 0 })).toBe("1 property");
	});

	it("counts a renamed or removed property as a property, a downloaded image as no image URL, and sums runs", () => {
		const counts = countChanges([
			{ kind: "key-renamed", message: "" },
			{ kind: "key-removed", message: "" },
			{ kind: "key-changed", message: "" },
			{ kind: "url-unwrapped", message: "" },
			{ kind: "url-unwrapped", message: "" },
			{ kind: "image-localized", message: "" },
		]);
		expect(counts).toEqual({ properties: 3, imageUrls: 2 });
		expect(addCounts(counts, { properties: 1, imageUrls: 5 })).toEqual({ properties: 4, imageUrls: 7 });
		expect(describeCounts({ properties: 0, imageUrls: 2 })).toBe("2 image URLs");
		expect(describeCounts({ properties: 0, imageUrls: 0 })).toBe("");
		expect(countProblems([{ path: "a.md", problems: [{ code: "ambiguous-date", message: "x" }, { code: "unreadable-file", message: "y" }] }, { path: "b.md", problems: [] }])).toBe(2);
	});

	it("says one or many", () => {
		expect([plural(0, "note"), plural(1, "note"), plural(2, "property", "properties")]).toEqual(["0 notes", "1 note", "2 properties"]);
	});

	it("groups problems by kind, in order of first appearance", () => {
		const groups = groupProblems([
			{ path: "a.md", problems: [{ code: "ambiguous-date", message: "x" }, { code: "unreadable-file", message: "y" }] },
			{ path: "b.md", problems: [{ code: "ambiguous-date", message: "z" }] },
		]);
		expect([...groups.keys()]).toEqual(["ambiguous-date", "unreadable-file"]);
		expect(groups.get("ambiguous-date")?.map((p) => p.path)).toEqual(["a.md", "b.md"]);
	});
});
